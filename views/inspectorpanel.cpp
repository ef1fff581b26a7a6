#include "inspectorpanel.h"

#include "patchhistoryview.h"
#include "session/reasoncodes.h"
#include "session/timestamps.h"

#include <QDateTime>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextDocument>
#include <QTreeWidget>
#include <QVBoxLayout>

// The frame's values, a row each: score, flags, verdict, prompt, the palette check.
QFormLayout *InspectorPanel::buildFields()
{
    auto *form = new QFormLayout;
    m_score = new QLabel(this);
    m_score->setObjectName(QStringLiteral("score"));
    form->addRow(tr("Score:"), m_score);
    m_flags = new QLabel(this);
    m_flags->setObjectName(QStringLiteral("flags"));
    m_flags->setWordWrap(true);
    m_flags->setTextFormat(Qt::RichText);
    form->addRow(tr("Flags:"), m_flags);
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("verdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Verdict:"), m_verdict);
    m_prompt = new QLabel(this);
    m_prompt->setObjectName(QStringLiteral("prompt"));
    m_prompt->setWordWrap(true);
    m_prompt->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Prompt:"), m_prompt);
    m_offPalette = new QLabel(this);
    m_offPalette->setObjectName(QStringLiteral("offPalette"));
    m_offPalette->setWordWrap(true);
    form->addRow(tr("Off palette:"), m_offPalette);
    m_palette = new QLabel(this);
    m_palette->setObjectName(QStringLiteral("palette"));
    m_palette->setWordWrap(true);
    form->addRow(tr("Palette:"), m_palette);
    return form;
}

InspectorPanel::InspectorPanel(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Inspector"));
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_title->setFont(bold);
    layout->addWidget(m_title);

    layout->addLayout(buildFields());

    // The notes right under the verdict: what the operator writes is in sight on a small
    // screen too; the audit's tables below it scroll.
    m_notes = new QPlainTextEdit(this);
    auto *notesLabel = new QLabel(tr("Notes"), this);
    notesLabel->setBuddy(m_notes);
    layout->addWidget(notesLabel);
    m_notes->setObjectName(QStringLiteral("notes"));
    m_notes->setAccessibleName(tr("Operator notes"));
    m_notes->setAccessibleDescription(
        tr("What is wrong with this frame. Saved once typing pauses; Esc leaves the notes."));
    m_notes->setPlaceholderText(tr("What is wrong with this frame?"));
    // A few lines high, growing with the room there is.
    m_notes->setMinimumHeight(m_notes->fontMetrics().lineSpacing() * 4);
    layout->addWidget(m_notes, 1);

    m_metrics = new QTreeWidget(this);
    m_metrics->setObjectName(QStringLiteral("metrics"));
    m_metrics->setAccessibleName(tr("Audit metrics"));
    m_metrics->setHeaderLabels({tr("Metric"), tr("Value")});
    m_metrics->setRootIsDecorated(false);
    m_metrics->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *metricsLabel = new QLabel(tr("Metrics"), this);
    metricsLabel->setBuddy(m_metrics);
    layout->addWidget(metricsLabel);
    layout->addWidget(m_metrics, 2);

    m_attempts = new QTreeWidget(this);
    m_attempts->setObjectName(QStringLiteral("attempts"));
    m_attempts->setAccessibleName(tr("Attempt history"));
    m_attempts->setHeaderLabels({tr("#"), tr("Result"), tr("Strategy"), tr("Reasons")});
    m_attempts->setRootIsDecorated(false);
    auto *attemptsLabel = new QLabel(tr("Attempts"), this);
    attemptsLabel->setBuddy(m_attempts);
    layout->addWidget(attemptsLabel);
    layout->addWidget(m_attempts, 1);
    buildAttemptActions();
    layout->addWidget(m_useAttempt);
    m_patchHistory = new PatchHistoryView(this);
    layout->addWidget(m_patchHistory, 1);

    m_notes->installEventFilter(this);
    m_notesTimer.setSingleShot(true);
    m_notesTimer.setInterval(notesDelayMs);
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading)
            m_notesTimer.start();
    });
    connect(&m_notesTimer, &QTimer::timeout, this, &InspectorPanel::emitNotes);
    clear();
}

namespace {

// Keys the notes editor acts on, beyond the ones QPlainTextEdit already
// claims before shortcuts (letters, plain editing keys, copy/paste, undo …):
// the editing and moving keys with Ctrl and Shift too, and what the platform
// binds to editing. While the operator types, none of them is a shortcut of
// the window (Ctrl+Backspace deletes a word; it does not clear the nudge).
bool isNotesKey(const QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    if (!(modifiers & ~(Qt::ControlModifier | Qt::ShiftModifier))) {
        switch (event->key()) {
        case Qt::Key_Backspace:
        case Qt::Key_Delete:
        case Qt::Key_Insert:
        case Qt::Key_Left:
        case Qt::Key_Right:
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_Home:
        case Qt::Key_End:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
        case Qt::Key_Return:
        case Qt::Key_Enter:
            return true;
        default:
            break;
        }
    }
    for (const QKeySequence::StandardKey key : {QKeySequence::Undo,
                                                QKeySequence::Redo,
                                                QKeySequence::Cut,
                                                QKeySequence::Copy,
                                                QKeySequence::Paste,
                                                QKeySequence::SelectAll,
                                                QKeySequence::Deselect,
                                                QKeySequence::DeleteStartOfWord,
                                                QKeySequence::DeleteEndOfWord,
                                                QKeySequence::DeleteEndOfLine,
                                                QKeySequence::DeleteCompleteLine,
                                                QKeySequence::InsertParagraphSeparator,
                                                QKeySequence::InsertLineSeparator,
                                                QKeySequence::MoveToStartOfLine,
                                                QKeySequence::MoveToEndOfLine,
                                                QKeySequence::MoveToStartOfBlock,
                                                QKeySequence::MoveToEndOfBlock,
                                                QKeySequence::SelectStartOfLine,
                                                QKeySequence::SelectEndOfLine,
                                                QKeySequence::SelectStartOfBlock,
                                                QKeySequence::SelectEndOfBlock}) {
        if (event->matches(key))
            return true;
    }
    return false;
}

} // namespace

bool InspectorPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_notes &&
        (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        auto *key = static_cast<QKeyEvent *>(event);
        // Esc leaves the notes, saving them, whether they can be edited or not.
        if (key->key() == Qt::Key_Escape) {
            if (event->type() == QEvent::KeyPress) {
                flushNotes();
                emit leaveNotesRequested();
            }
            event->accept();
            return true;
        }
        // Other keys stay in the notes while they can be edited; F1, Ctrl+O
        // and the like still reach the window.
        if (event->type() == QEvent::ShortcutOverride && !m_notes->isReadOnly() &&
            isNotesKey(key)) {
            event->accept();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void InspectorPanel::flushNotes()
{
    if (!m_notesTimer.isActive())
        return;
    m_notesTimer.stop();
    emitNotes();
}

bool InspectorPanel::hasUnsavedNotes() const
{
    return m_frameIndex >= 0 && (m_notesTimer.isActive() || m_notes->document()->isModified());
}

QString InspectorPanel::takeNotes()
{
    m_notesTimer.stop();
    return m_notes->toPlainText();
}

void InspectorPanel::emitNotes()
{
    if (m_frameIndex >= 0)
        emit notesEdited(m_frameIndex, m_notes->toPlainText());
}

void InspectorPanel::showField(QLabel *label, const QString &field, const QString &text)
{
    label->setText(text);
    label->setAccessibleName(text.isEmpty() ? field : tr("%1: %2").arg(field, text));
}

void InspectorPanel::clear()
{
    m_notesTimer.stop();
    m_frameIndex = -1;
    m_title->setText(tr("No frame"));
    showField(m_score, tr("Composite score"), QString());
    showField(m_flags, tr("Audit flags"), QString());
    showField(m_verdict, tr("Verdict"), QString());
    showField(m_prompt, tr("Prompt"), QString());
    m_metrics->clear();
    m_attempts->clear();
    m_patchHistory->clear();
    m_loading = true;
    m_notes->clear();
    m_notes->document()->setModified(false);
    m_loading = false;
}

void InspectorPanel::setEditable(bool editable)
{
    m_notes->setReadOnly(!editable);
    m_editable = editable;
    m_useAttempt->setEnabled(m_editable && chosenAttempt() > 0);
}

void InspectorPanel::buildAttemptActions()
{
    m_attempts->setIconSize(QSize(thumbnailSize, thumbnailSize));
    m_useAttempt = new QPushButton(tr("&Use This Attempt"), this);
    m_useAttempt->setObjectName(QStringLiteral("useAttempt"));
    m_useAttempt->setToolTip(tr("Make the chosen attempt this frame's image, with its audit"));
    m_useAttempt->setEnabled(false);
    connect(m_attempts, &QTreeWidget::currentItemChanged, this, [this] {
        m_useAttempt->setEnabled(m_editable && chosenAttempt() > 0);
        if (!m_loading && m_frameIndex >= 0 && chosenAttempt() > 0)
            emit attemptChosen(m_frameIndex, chosenAttempt());
    });
    connect(m_useAttempt, &QPushButton::clicked, this, [this] {
        if (m_frameIndex >= 0 && chosenAttempt() > 0)
            emit useAttemptRequested(m_frameIndex, chosenAttempt());
    });
}

void InspectorPanel::setAttemptThumbnails(AttemptThumbnails thumbnails)
{
    m_thumbnails = std::move(thumbnails);
}

int InspectorPanel::chosenAttempt() const
{
    const QTreeWidgetItem *item = m_attempts->currentItem();
    return item ? item->data(0, Qt::UserRole).toInt() : 0;
}

void InspectorPanel::addAttempt(const AttemptInfo &a)
{
    auto *item = new QTreeWidgetItem(
        m_attempts, {QLocale().toString(a.attemptIndex), a.passed ? tr("passed") : tr("failed"),
                     a.strategy, a.reasonCodes.join(QStringLiteral(", "))});
    item->setData(0, Qt::UserRole, a.attemptIndex);
    const QImage thumbnail = m_thumbnails ? m_thumbnails(m_frameIndex, a.attemptIndex) : QImage();
    if (!thumbnail.isNull())
        item->setIcon(
            0, QPixmap::fromImage(thumbnail.scaled(thumbnailSize, thumbnailSize,
                                                   Qt::KeepAspectRatio, Qt::FastTransformation)));
}

QString InspectorPanel::scoreText(const DirectorFrameState &frame)
{
    const AuditReport &audit = frame.auditReport;
    // Numbers as the operator's locale writes them (0,873 in German).
    const QLocale locale;
    // A frame no audit judged yet has no score to show (its report is empty, not a zero).
    QString score = frame.isAudited() ? locale.toString(audit.compositeScore, 'f', 3) +
                                            (audit.passed ? tr("  (passed)") : tr("  (not passed)"))
                                      : tr("not audited");
    if (audit.autoAligned.value_or(false))
        score += tr(", auto-aligned");
    if (audit.driftPixels)
        score += tr(", drift %1 px").arg(locale.toString(*audit.driftPixels));
    return score;
}

void InspectorPanel::showFrame(const DirectorFrameState &frame)
{
    if (m_notesTimer.isActive() && m_frameIndex != frame.frameIndex)
        flushNotes();
    const bool sameFrame = m_frameIndex == frame.frameIndex;
    m_frameIndex = frame.frameIndex;
    m_title->setText(tr("%1 · %2").arg(frame.id, frameStatusName(frame.status)));
    const AuditReport &audit = frame.auditReport;
    showField(m_score, tr("Composite score"), scoreText(frame));
    const QLocale locale; // numbers as the operator's locale writes them

    QStringList flags;
    QStringList spoken; // the same, as plain text
    for (const QString &flag : audit.flags) {
        const ReasonCodes::Description d = ReasonCodes::describe(flag);
        flags.append(
            QStringLiteral("<b>%1</b> <tt>%2</tt><br/>%3")
                .arg(d.title.toHtmlEscaped(), flag.toHtmlEscaped(), d.meaning.toHtmlEscaped()));
        spoken.append(tr("%1 (%2): %3").arg(d.title, flag, d.meaning));
    }
    m_flags->setText(flags.isEmpty() ? tr("none") : flags.join(QStringLiteral("<br/>")));
    m_flags->setAccessibleName(
        tr("Audit flags: %1")
            .arg(spoken.isEmpty() ? tr("none") : spoken.join(QStringLiteral("; "))));
    showVerdict(frame);

    m_metrics->clear();
    auto addMetrics = [&](const QJsonObject &object, const QString &prefix) {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.value().isObject() || it.value().isArray())
                continue;
            const QString value = it.value().isDouble()
                                      ? locale.toString(it.value().toDouble(), 'g', 4)
                                      : it.value().toVariant().toString();
            new QTreeWidgetItem(m_metrics, {prefix + it.key(), value});
        }
    };
    addMetrics(audit.extra.value(u"metrics").toObject(), QString());
    const QJsonObject breakdown = audit.extra.value(u"breakdown").toObject();
    for (auto it = breakdown.begin(); it != breakdown.end(); ++it) {
        const QJsonObject part = it.value().toObject();
        if (part.contains(u"raw"))
            new QTreeWidgetItem(m_metrics,
                                {it.key(), locale.toString(part.value(u"raw").toDouble(), 'g', 4)});
    }

    const int chosen = sameFrame ? chosenAttempt() : 0; // kept when the frame is refreshed
    m_loading = true;
    m_attempts->clear();
    QString prompt;
    for (const AttemptInfo &a : frame.attemptHistory) {
        addAttempt(a);
        if (a.attemptIndex == chosen)
            m_attempts->setCurrentItem(
                m_attempts->topLevelItem(m_attempts->topLevelItemCount() - 1));
        if (const QJsonValue given = a.extra.value(u"prompt"); given.isString())
            prompt = given.toString();
    }
    m_loading = false;
    showField(m_prompt, tr("Prompt"), prompt.isEmpty() ? tr("(not recorded)") : prompt);
    m_patchHistory->showFrame(frame);

    // Keep what the operator typed when the frame is only refreshed: while
    // it waits for the typing pause, and when a save of it failed.
    const QString notes = frame.directorOverrides.notes.value_or(QString());
    if (sameFrame && m_notes->toPlainText() == notes) {
        m_notes->document()->setModified(false); // saved as shown
    } else if (!sameFrame || !hasUnsavedNotes()) {
        m_loading = true;
        m_notes->setPlainText(notes);
        m_notes->document()->setModified(false);
        m_loading = false;
    }
}

QString InspectorPanel::verdictText(const DirectorFrameState &frame)
{
    const std::optional<Verdict> &verdict = frame.directorOverrides.verdict;
    if (!verdict)
        return QString();
    const std::optional<QDateTime> time = Timestamps::parse(verdict->timestamp);
    const QString when = time ? time->toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                              : verdict->timestamp;
    if (verdict->status == FrameStatus::Approved)
        return tr("Approved by %1, %2").arg(verdict->reviewer, when);
    QStringList why;
    if (verdict->reasonCode) {
        // A code of the catalogue by its number and title ("SF01 Identity drift"); any other
        // code as it is, with what its prefix says.
        const QString &code = *verdict->reasonCode;
        const ReasonCodes::Description d = ReasonCodes::describe(code);
        why.append(ReasonCodes::known().contains(code)
                       ? tr("%1 %2").arg(code.section(QLatin1Char('_'), 0, 0), d.title)
                       : tr("%1 (%2)").arg(code, d.title));
    }
    if (verdict->reason)
        why.append(*verdict->reason);
    const QString rejected = tr("Rejected by %1, %2").arg(verdict->reviewer, when);
    return why.isEmpty() ? rejected : tr("%1 — %2").arg(rejected, why.join(QStringLiteral(": ")));
}

void InspectorPanel::showVerdict(const DirectorFrameState &frame)
{
    const QString text = verdictText(frame);
    showField(m_verdict, tr("Verdict"), text.isEmpty() ? tr("none") : text);
}

void InspectorPanel::showPaletteCheck(const QString &offPalette, const QString &palette)
{
    showField(m_offPalette, tr("Off-palette pixels"), offPalette);
    showField(m_palette, tr("Palette"), palette);
}
