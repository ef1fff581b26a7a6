#include "stagepresenter.h"

#include "auditpresenter.h"
#include "inspectorpanel.h"
#include "review/framelistmodel.h"
#include "review/sessionmanager.h"
#include "stageview.h"

StagePresenter::StagePresenter(const SessionManager *manager, const FrameListModel *model,
                               StageView *stage, InspectorPanel *inspector)
    : m_manager(manager), m_model(model), m_stage(stage), m_inspector(inspector), m_images(manager)
{}

void StagePresenter::reset()
{
    m_images.clear();
    m_shown = -1;
}

StagePresenter::Neighbours StagePresenter::neighboursOf(int frameIndex) const
{
    const int row = m_model->rowOfFrame(frameIndex);
    const int anchor = m_model->frameAtRow(0);
    // frameAtRow answers -1 for a row that is not there.
    return {row > 0 ? m_model->frameAtRow(row - 1) : -1,
            row >= 0 ? m_model->frameAtRow(row + 1) : -1, anchor != frameIndex ? anchor : -1};
}

bool StagePresenter::shows(int frameIndex, int changed) const
{
    if (changed == frameIndex)
        return true;
    const Neighbours around = neighboursOf(frameIndex);
    return changed == around.previous || changed == around.next || changed == around.anchor;
}

void StagePresenter::show(int frameIndex)
{
    const std::optional<DirectorFrameState> frame = m_manager->getFrameState(frameIndex);
    if (!frame) {
        m_stage->setFrame({}, {},
                          m_manager->hasSession() ? QString() : tr("Open a run with Ctrl+O"));
        m_shown = -1;
        m_inspector->clear();
        if (m_audit)
            m_audit->show(-1, m_images);
        return;
    }
    const FrameImages::Image shown = m_images.image(frameIndex);
    const std::optional<HumanAlignmentDelta> &alignment = frame->directorOverrides.alignment;
    const QPointF offset =
        alignment ? QPointF(alignment->userOverrideX, alignment->userOverrideY) : QPointF();
    if (frameIndex == m_shown)
        m_stage->refreshFrame(shown.image, offset, shown.error);
    else
        m_stage->setFrame(shown.image, offset, shown.error);
    m_shown = frameIndex;
    const Neighbours around = neighboursOf(frameIndex);
    const auto placed = [this](int frame) {
        return frame >= 0 ? m_images.placed(frame) : QImage();
    };
    m_stage->setOnionFrames(placed(around.previous), placed(around.next), placed(around.anchor));
    const AnchorAnalysis &a = m_manager->run().anchor;
    m_stage->setBaseline(a.present && !shown.image.isNull() && a.imageSize.height() > 0
                             ? a.baselineY * shown.image.height() / a.imageSize.height()
                             : -1.0);
    m_inspector->showFrame(*frame);
    if (m_audit)
        m_audit->show(frameIndex, m_images);
}
