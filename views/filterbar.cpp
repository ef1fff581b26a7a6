#include "filterbar.h"

#include "flowlayout.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QToolButton>

FilterBar::FilterBar(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("filterBar"));
    setAccessibleName(tr("Filter"));
    // It never makes the window wider: on a narrow window (or in a longer language) its choices
    // go on in a second row, none of them squeezed or cut off.
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    auto *layout = new FlowLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    auto *title = new QLabel(tr("Show:"), this);
    layout->addWidget(title);
    for (const FrameStatus status : allFrameStatuses) {
        QToolButton *button = addButton(QStringLiteral("filter_") + frameStatusName(status));
        connect(button, &QToolButton::clicked, this, [this, status](bool on) {
            FrameFilter filter = m_filter;
            filter.setStatus(status, on);
            choose(filter);
        });
        m_statuses[size_t(status)] = button;
    }
    m_flagsButton = addButton(QStringLiteral("filterFlags"));
    m_flagsButton->setCheckable(false);
    m_flagsButton->setPopupMode(QToolButton::InstantPopup);
    m_flagsMenu = new QMenu(m_flagsButton);
    m_flagsButton->setMenu(m_flagsMenu);
    for (int m = 0; m < FrameFilter::markCount; ++m) {
        const auto mark = FrameFilter::Mark(m);
        QToolButton *button = addButton(QStringLiteral("filter_") + FrameFilter::markName(mark));
        connect(button, &QToolButton::clicked, this, [this, mark](bool on) {
            FrameFilter filter = m_filter;
            filter.setMark(mark, on);
            choose(filter);
        });
        m_marks[size_t(m)] = button;
    }
    QToolButton *clear = addButton(QStringLiteral("filterClear"));
    clear->setCheckable(false);
    clear->setText(tr("Show All"));
    connect(clear, &QToolButton::clicked, this, [this] { choose(FrameFilter()); });
    m_clear = clear;
    m_shown = new QLabel(this);
    m_shown->setObjectName(QStringLiteral("filterShown"));
    layout->addWidget(m_shown);
    showCounts({}, 0);
}

QToolButton *FilterBar::addButton(const QString &name)
{
    auto *button = new QToolButton(this);
    button->setObjectName(name);
    button->setCheckable(true);
    button->setAutoRaise(true);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    layout()->addWidget(button);
    return button;
}

QString FilterBar::statusLabel(FrameStatus status)
{
    switch (status) {
    case FrameStatus::Pending:
        return tr("Pending");
    case FrameStatus::Generated:
        return tr("Generated");
    case FrameStatus::AuditFail:
        return tr("Failed");
    case FrameStatus::AuditWarn:
        return tr("Warned");
    case FrameStatus::Approved:
        return tr("Approved");
    }
    return {};
}

QString FilterBar::markLabel(FrameFilter::Mark mark)
{
    switch (mark) {
    case FrameFilter::Mark::Nudged:
        return tr("Nudged");
    case FrameFilter::Mark::Patched:
        return tr("Patched");
    case FrameFilter::Mark::Noted:
        return tr("With Notes");
    case FrameFilter::Mark::Reasoned:
        return tr("Rejected with a Reason");
    case FrameFilter::Mark::MarkCount:
        break;
    }
    return {};
}

void FilterBar::choose(const FrameFilter &filter)
{
    setFilter(filter);
    emit filterChanged(m_filter);
}

void FilterBar::setFilter(const FrameFilter &filter)
{
    m_filter = filter;
    showChoices();
}

void FilterBar::showChoices()
{
    for (const FrameStatus status : allFrameStatuses)
        m_statuses[size_t(status)]->setChecked(m_filter.hasStatus(status));
    for (int m = 0; m < FrameFilter::markCount; ++m)
        m_marks[size_t(m)]->setChecked(m_filter.hasMark(FrameFilter::Mark(m)));
    for (auto it = m_flagActions.cbegin(); it != m_flagActions.cend(); ++it)
        it.value()->setChecked(m_filter.flags().contains(it.key()));
    const qsizetype flags = m_filter.flags().size();
    m_flagsButton->setText(flags ? tr("Flags (%1 chosen)").arg(flags) : tr("Flags"));
    m_clear->setEnabled(!m_filter.isEmpty());
}

void FilterBar::rebuildFlags(const QMap<QString, int> &counts)
{
    // Every flag of the run, and a chosen one no frame has (any more), so it can be unchosen.
    QMap<QString, int> all = counts;
    for (const QString &flag : m_filter.flags())
        all.insert(flag, counts.value(flag));
    if (all.keys() != m_flagActions.keys()) {
        m_flagsMenu->clear();
        m_flagActions.clear();
        for (auto it = all.cbegin(); it != all.cend(); ++it) {
            QAction *action = m_flagsMenu->addAction(it.key());
            action->setObjectName(QStringLiteral("filter_flag_") + it.key());
            action->setCheckable(true);
            const QString flag = it.key();
            connect(action, &QAction::triggered, this, [this, flag](bool on) {
                FrameFilter filter = m_filter;
                filter.setFlag(flag, on);
                choose(filter);
            });
            m_flagActions.insert(flag, action);
        }
    }
    for (auto it = all.cbegin(); it != all.cend(); ++it)
        m_flagActions.value(it.key())->setText(tr("%1 %L2").arg(it.key()).arg(it.value()));
    m_flagsButton->setEnabled(!all.isEmpty());
}

void FilterBar::showCounts(const FrameFilter::Counts &counts, int shown)
{
    for (const FrameStatus status : allFrameStatuses)
        m_statuses[size_t(status)]->setText(
            tr("%1 %L2").arg(statusLabel(status)).arg(counts.status(status)));
    for (int m = 0; m < FrameFilter::markCount; ++m) {
        const auto mark = FrameFilter::Mark(m);
        m_marks[size_t(m)]->setText(tr("%1 %L2").arg(markLabel(mark)).arg(counts.mark(mark)));
    }
    rebuildFlags(counts.flags);
    showChoices();
    m_shown->setText(tr("%L1 of %L2 shown").arg(shown).arg(counts.total));
    m_shown->setAccessibleName(tr("Frames shown: %1").arg(m_shown->text()));
}
