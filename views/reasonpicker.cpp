#include "reasonpicker.h"

#include "review/reasoncodecounts.h"
#include "session/directorsession.h"
#include "session/reasoncodes.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

#include <algorithm>

namespace {
constexpr int codeRole = Qt::UserRole;

// "4, 5, 6" or, for many, the first few and how many more.
QString framesNamed(const QList<int> &frames)
{
    constexpr int named = 6;
    QStringList parts;
    for (int i = 0; i < std::min<int>(named, int(frames.size())); ++i)
        parts.append(QString::number(frames.at(i)));
    QString list = parts.join(QStringLiteral(", "));
    if (frames.size() > named)
        list = ReasonPicker::tr("%1 and %n more", nullptr, int(frames.size()) - named).arg(list);
    return list;
}
} // namespace

QStringList ReasonPicker::reasonsFor(const DirectorSession &session, int frameIndex,
                                     const QStringList &runCodes)
{
    QStringList codes;
    const auto add = [&codes](const QStringList &more) {
        for (const QString &code : more) {
            if (ReasonCodes::isWellFormed(code) && !codes.contains(code))
                codes.append(code);
        }
    };
    const QStringList &flags = session.frames.value(frameIndex).auditReport.flags;
    add(flags);
    // The catalogue holds some reasons under two codes (SF03_ALPHA_HALO and SF_ALPHA_HALO, as
    // pipelines have numbered them): a title is offered once, under the code the run names
    // (or the frame's flags), else under the catalogue's first.
    QSet<QString> reasons; // each by its catalogue's first code
    for (const QString &code : ReasonCodes::known()) {
        if (flags.contains(code) || runCodes.contains(code))
            reasons.insert(ReasonCodes::firstOfItsReason(code));
    }
    for (const QString &code : ReasonCodes::known()) {
        const bool named = flags.contains(code) || runCodes.contains(code);
        const QString reason = ReasonCodes::firstOfItsReason(code);
        if (!named && reasons.contains(reason))
            continue;
        reasons.insert(reason);
        add({code});
    }
    add(runCodes);
    return codes;
}

QStringList ReasonPicker::reasonsFor(const DirectorSession &session, int frameIndex)
{
    QStringList named = ReasonCodeCounts::countAll(session.frames).keys();
    named.sort();
    return reasonsFor(session, frameIndex, named);
}

ReasonPicker *ReasonPicker::ask(QWidget *parent, const QStringList &codes, const QList<int> &frames,
                                const std::function<void(const Choice &)> &chosen)
{
    auto *picker = new ReasonPicker(codes, frames, parent);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &QDialog::accepted, picker, [picker, chosen] { chosen(picker->choice()); });
    picker->open();
    picker->activateWindow(); // the keys go to it at once
    return picker;
}

ReasonPicker::ReasonPicker(const QStringList &codes, const QList<int> &frames, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("reasonPicker"));
    const int count = int(frames.size());
    const int first = frames.value(0, -1);
    setWindowTitle(count == 1 ? tr("Reject Frame %1").arg(first)
                              : tr("Reject %n Frames", nullptr, count));
    setAccessibleName(count == 1 ? tr("Why reject frame %1?").arg(first)
                                 : tr("Why reject %n frames?", nullptr, count));
    auto *layout = new QVBoxLayout(this);
    const QString keys = tr("Type to filter, 1–9 to pick, Enter to reject, Esc to cancel.");
    auto *question = new QLabel(
        count == 1 ? tr("Why is frame %1 rejected? %2").arg(first).arg(keys)
                   : tr("Why are these %n frames rejected (%1)? One reason for all of them. %2",
                        nullptr, count)
                         .arg(framesNamed(frames), keys),
        this);
    question->setWordWrap(true);
    layout->addWidget(question);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("reasonFilter"));
    m_filter->setPlaceholderText(tr("Filter by code or title"));
    m_filter->setAccessibleName(tr("Filter the reason codes"));
    m_filter->installEventFilter(this);
    layout->addWidget(m_filter);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("reasonList"));
    m_list->setAccessibleName(tr("Reason codes"));
    // Keys stay in the filter (↑ ↓ move here); a list with focus would choose its first row.
    m_list->setFocusPolicy(Qt::NoFocus);
    for (const QString &code : codes) {
        auto *item = new QListWidgetItem(m_list);
        item->setData(codeRole, code);
        item->setToolTip(ReasonCodes::describe(code).meaning);
    }
    layout->addWidget(m_list, 1);

    m_chosen = new QLabel(this);
    m_chosen->setObjectName(QStringLiteral("reasonChosen"));
    layout->addWidget(m_chosen);

    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("reasonText"));
    m_text->setPlaceholderText(tr("Reason in your words (optional)"));
    m_text->setAccessibleName(tr("Reason in your words"));
    layout->addWidget(m_text);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *rejectButton = buttons->addButton(tr("Reject"), QDialogButtonBox::AcceptRole);
    rejectButton->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_filter, &QLineEdit::textChanged, this, &ReasonPicker::applyFilter);
    connect(m_list, &QListWidget::currentRowChanged, this, &ReasonPicker::showChoice);
    connect(m_text, &QLineEdit::textChanged, this, &ReasonPicker::showChoice);
    applyFilter(QString());
    showChoice();
    setTabOrder(m_filter, m_text);
    m_filter->setFocus();
    resize(420, 360);
}

ReasonPicker::Choice ReasonPicker::choice() const
{
    Choice chosen;
    if (const QListWidgetItem *item = m_list->currentItem(); item && !item->isHidden())
        chosen.code = item->data(codeRole).toString();
    chosen.text = m_text->text().trimmed();
    if (chosen.text.isEmpty() && visibleRows().isEmpty())
        chosen.text = m_filter->text().trimmed(); // words that name no code
    return chosen;
}

void ReasonPicker::showChoice()
{
    const Choice now = choice();
    QString said;
    if (!now.code.isEmpty())
        said = tr("Reason: %1 — %2").arg(now.code, ReasonCodes::describe(now.code).title);
    else if (!now.text.isEmpty() && m_text->text().trimmed().isEmpty())
        said = tr("No code matches: Enter rejects with “%1” as the reason").arg(now.text);
    else
        said = tr("No reason code chosen: Enter rejects without one");
    m_chosen->setText(said);
    m_chosen->setAccessibleName(said);
}

QList<int> ReasonPicker::visibleRows() const
{
    QList<int> rows;
    for (int row = 0; row < m_list->count(); ++row) {
        if (!m_list->item(row)->isHidden())
            rows.append(row);
    }
    return rows;
}

void ReasonPicker::applyFilter(const QString &typed)
{
    const QString wanted = typed.trimmed();
    int number = 0;
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        const QString code = item->data(codeRole).toString();
        const QString title = ReasonCodes::describe(code).title;
        const bool shown = wanted.isEmpty() || code.contains(wanted, Qt::CaseInsensitive) ||
                           title.contains(wanted, Qt::CaseInsensitive);
        item->setHidden(!shown);
        if (!shown)
            continue;
        ++number;
        const QString label = tr("%1 — %2").arg(code, title);
        item->setText(number <= 9 ? QStringLiteral("%1  %2").arg(number).arg(label)
                                  : QStringLiteral("    ") + label);
    }
    // What is typed chooses: the first match, unless the one chosen still matches.
    const QList<int> rows = visibleRows();
    if (!wanted.isEmpty() && !rows.contains(m_list->currentRow()))
        m_list->setCurrentRow(rows.isEmpty() ? -1 : rows.first());
    showChoice();
}

void ReasonPicker::pick(int visibleNumber)
{
    const QList<int> rows = visibleRows();
    if (visibleNumber >= 1 && visibleNumber <= rows.size())
        m_list->setCurrentRow(rows.at(visibleNumber - 1));
}

void ReasonPicker::move(int delta)
{
    const QList<int> rows = visibleRows();
    if (rows.isEmpty())
        return;
    const qsizetype at = rows.indexOf(m_list->currentRow());
    const qsizetype next = at < 0 ? (delta > 0 ? 0 : rows.size() - 1)
                                  : std::clamp<qsizetype>(at + delta, 0, rows.size() - 1);
    m_list->setCurrentRow(rows.at(next));
}

bool ReasonPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_filter || event->type() != QEvent::KeyPress)
        return QDialog::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (key->modifiers() & ~Qt::KeypadModifier)
        return false;
    if (key->key() >= Qt::Key_1 && key->key() <= Qt::Key_9 && m_filter->text().isEmpty()) {
        pick(key->key() - Qt::Key_0);
        return true;
    }
    if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up) {
        move(key->key() == Qt::Key_Down ? 1 : -1);
        return true;
    }
    return false;
}
