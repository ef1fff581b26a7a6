#pragma once

#include "review/framefilter.h"

#include <QMap>
#include <QWidget>

#include <array>

class QAbstractButton;
class QAction;
class QLabel;
class QMenu;
class QToolButton;

// The bar over the filmstrip that chooses which frames it shows (FrameFilter): a button per
// status, the run's audit flags in a menu, a button per mark (nudged, patched, with notes),
// each with how many frames it alone would show ("Failed 12"), Clear, and how many frames are
// shown. It only shows and asks: filterChanged() says what the operator chose.
class FilterBar : public QWidget
{
    Q_OBJECT

public:
    explicit FilterBar(QWidget *parent = nullptr);

    // Shows these choices (nothing is emitted).
    void setFilter(const FrameFilter &filter);
    const FrameFilter &filter() const { return m_filter; }
    // Each choice's count, the flags the run has, and how many frames are shown.
    void showCounts(const FrameFilter::Counts &counts, int shown);

    QToolButton *statusButton(FrameStatus status) const { return m_statuses[size_t(status)]; }
    QToolButton *markButton(FrameFilter::Mark mark) const { return m_marks[size_t(mark)]; }
    QToolButton *flagsButton() const { return m_flagsButton; }
    // The Flags menu's entry of a flag; null when the run has no frame with it.
    QAction *flagAction(const QString &flag) const { return m_flagActions.value(flag); }
    QAbstractButton *clearButton() const { return m_clear; }
    QLabel *shownLabel() const { return m_shown; }

    // The words of a status's and a mark's button (before the count).
    static QString statusLabel(FrameStatus status);
    static QString markLabel(FrameFilter::Mark mark);

signals:
    void filterChanged(const FrameFilter &filter);

private:
    QToolButton *addButton(const QString &name);
    void choose(const FrameFilter &filter);
    void rebuildFlags(const QMap<QString, int> &counts);
    void showChoices();

    FrameFilter m_filter;
    std::array<QToolButton *, 5> m_statuses{};
    std::array<QToolButton *, FrameFilter::markCount> m_marks{};
    QToolButton *m_flagsButton;
    QMenu *m_flagsMenu;
    QMap<QString, QAction *> m_flagActions;
    QAbstractButton *m_clear;
    QLabel *m_shown;
};
