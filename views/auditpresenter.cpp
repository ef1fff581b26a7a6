#include "auditpresenter.h"

#include "audit/movemetrics.h"
#include "commit/commitexporter.h"
#include "inspectorpanel.h"
#include "motionplot.h"
#include "preferences.h"
#include "review/frameimages.h"
#include "review/framelistmodel.h"
#include "review/sessionmanager.h"
#include "stagepresenter.h"
#include "stageview.h"
#include "windowactions.h"

#include <QAction>
#include <QLocale>

#include <algorithm>

AuditPresenter::AuditPresenter(const SessionManager *manager, const FrameListModel *model,
                               StageView *stage, InspectorPanel *inspector, QWidget *window)
    : QObject(window), m_manager(manager), m_model(model), m_stage(stage), m_inspector(inspector),
      m_metrics(new MoveMetrics(manager, this)), m_plot(new MotionPlot(window))
{
    connect(m_metrics, &MoveMetrics::updated, this, &AuditPresenter::showPlot);
    // Another run: its palette is read again (palette.json, or its anchor).
    connect(manager, &SessionManager::sessionOpened, this, [this] { m_paletteKey.clear(); });
}

AuditPresenter::~AuditPresenter()
{
    // The stage may paint after this: it keeps no overlay of ours.
    if (!m_stage)
        return;
    for (const StageOverlay *overlay : {static_cast<const StageOverlay *>(&m_paletteOverlay),
                                        static_cast<const StageOverlay *>(&m_baselineOverlay),
                                        static_cast<const StageOverlay *>(&m_boundsOverlay)})
        m_stage->removeOverlay(overlay);
}

void AuditPresenter::connectTo(const WindowActions &actions, StagePresenter *presenter,
                               std::function<void(int)> goTo)
{
    m_actions = &actions;
    presenter->setAudit(this);
    connect(m_plot, &MotionPlot::frameClicked, this, std::move(goTo));
    // Toggled, not triggered: restoring them from the settings takes effect too.
    connect(actions.paletteOverlay, &QAction::toggled, this, [this](bool on) {
        toggle(&m_paletteOverlay, on);
        Preferences::saveOverlay(SettingsKeys::paletteOverlay, on);
    });
    connect(actions.baselineOverlay, &QAction::toggled, this, [this](bool on) {
        toggle(&m_baselineOverlay, on);
        Preferences::saveOverlay(SettingsKeys::baselineOverlay, on);
    });
    connect(actions.boundsOverlay, &QAction::toggled, this, [this](bool on) {
        toggle(&m_boundsOverlay, on);
        Preferences::saveOverlay(SettingsKeys::boundsOverlay, on);
    });
}

void AuditPresenter::applyPreferences(const Preferences &preferences)
{
    if (!m_actions)
        return;
    m_actions->paletteOverlay->setChecked(preferences.paletteOverlay);
    m_actions->baselineOverlay->setChecked(preferences.baselineOverlay);
    m_actions->boundsOverlay->setChecked(preferences.boundsOverlay);
}

void AuditPresenter::toggle(StageOverlay *overlay, bool on)
{
    if (on)
        m_stage->addOverlay(overlay);
    else
        m_stage->removeOverlay(overlay);
}

const PaletteCheck::Palette &AuditPresenter::palette(int anchorIndex, FrameImages &images)
{
    const std::optional<DirectorFrameState> anchor = m_manager->getFrameState(anchorIndex);
    const std::optional<HumanAlignmentDelta> a =
        anchor ? anchor->directorOverrides.alignment : std::nullopt;
    // The anchor as commit writes it: its image and its offset (pixels moved out are lost).
    const QString key = QStringLiteral("%1 %2,%3 %4")
                            .arg(anchorIndex)
                            .arg(a ? a->userOverrideX : 0.0)
                            .arg(a ? a->userOverrideY : 0.0)
                            .arg(anchor ? anchor->finalImagePath() : QString());
    if (key == m_paletteKey)
        return m_palette;
    m_paletteKey = key;
    const PaletteCheck::RunPalette run = PaletteCheck::ofRun(
        m_manager->runDir(), [&images, anchorIndex] { return images.placed(anchorIndex); });
    m_palette = run.colours;
    if (run.fromFile) {
        m_paletteSource = tr("%n colours from palette.json", nullptr, int(m_palette.size()));
        return m_palette;
    }
    const QString problem =
        run.fileProblem.isEmpty() ? QString() : tr("palette.json: %1. ").arg(run.fileProblem);
    m_paletteSource =
        problem + tr("%n colours from the anchor, frame %1", nullptr, int(m_palette.size()))
                      .arg(QLocale().toString(anchorIndex));
    return m_palette;
}

void AuditPresenter::show(int frameIndex, FrameImages &images)
{
    m_plot->setCurrentFrame(frameIndex);
    const std::optional<DirectorFrameState> frame = m_manager->getFrameState(frameIndex);
    if (!frame || !m_manager->hasSession()) {
        m_paletteOverlay.clear();
        m_baselineOverlay.set({}, {}, {});
        m_boundsOverlay.set({}, {}, {});
        m_inspector->showPaletteCheck({}, {});
        return;
    }
    const int anchorIndex = MoveMetrics::anchorIndex(m_manager->session());
    const std::optional<HumanAlignmentDelta> &a = frame->directorOverrides.alignment;
    const QPoint offset = a ? QPoint(CommitExporter::roundOffset(a->userOverrideX),
                                     CommitExporter::roundOffset(a->userOverrideY))
                            : QPoint();
    const QImage placed = images.placed(frameIndex);
    const FrameGeometry geometry = FrameGeometry::of(placed);
    const FrameGeometry anchor =
        anchorIndex == frameIndex ? geometry : FrameGeometry::of(images.placed(anchorIndex));
    m_baselineOverlay.set(geometry, anchor, offset);
    m_boundsOverlay.set(geometry, anchor, offset);
    const PaletteCheck::Findings findings =
        PaletteCheck::check(placed, palette(anchorIndex, images));
    m_paletteOverlay.set(findings.pixels, placed.size(), offset);
    const QLocale locale;
    m_inspector->showPaletteCheck(placed.isNull()
                                      ? QString()
                                      : tr("%1 of %2 checked pixels (alpha ≥ %3)")
                                            .arg(locale.toString(findings.pixels.size()),
                                                 locale.toString(findings.checked),
                                                 locale.toString(PaletteCheck::checkedAlpha)),
                                  m_paletteSource);
    m_stage->overlaysChanged();
}

void AuditPresenter::showPlot()
{
    const QList<MoveMetrics::Frame> &frames = m_metrics->frames();
    // In the filmstrip's order. Both are in frame index order when the filmstrip lists every
    // frame measured: one walk says so (a sort of thousands of frames by their rows took
    // milliseconds), and the measure is shown as it is, not copied.
    const int rows = m_model->rowCount();
    int row = 0;
    bool inOrder = true;
    for (const MoveMetrics::Frame &frame : frames) {
        while (row < rows && m_model->frameAtRow(row) < frame.frameIndex)
            ++row;
        if (row == rows || m_model->frameAtRow(row) != frame.frameIndex) {
            inOrder = false;
            break;
        }
    }
    if (inOrder)
        return m_plot->setFrames(frames);
    QList<MoveMetrics::Frame> sorted = frames;
    std::stable_sort(sorted.begin(), sorted.end(), [this](const auto &a, const auto &b) {
        return m_model->rowOfFrame(a.frameIndex) < m_model->rowOfFrame(b.frameIndex);
    });
    m_plot->setFrames(sorted);
}
