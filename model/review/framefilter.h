#pragma once

#include "session/directorsession.h"

#include <QMap>
#include <QSet>
#include <QStringList>

#include <array>

// Which frames the filmstrip shows (the filter bar's choices), without widgets. Three groups of
// choices: statuses, audit flags (reason codes), and marks (nudged, patched, with notes). A
// frame matches when, in every group that has a choice, it has at least one of the chosen (OR
// within a group, AND across groups); no choice at all matches every frame.
//
// Adding a predicate: a new Mark before MarkCount, its test in frameHasMark(), its name in
// markName(); the filter bar gives every mark a button with its count, and the settings keep
// it by its name.
class FrameFilter
{
public:
    enum class Mark
    {
        Nudged,
        Patched,
        Noted,
        Reasoned, // rejected by an operator with a reason (a code or words): what a retry reads
        MarkCount
    };
    static constexpr int markCount = int(Mark::MarkCount);

    // How many frames of the run each choice alone would show.
    struct Counts
    {
        int total = 0;
        std::array<int, 5> statuses{}; // by FrameStatus
        std::array<int, markCount> marks{};
        QMap<QString, int> flags; // every flag the run's audits raise, in code order

        int status(FrameStatus s) const { return statuses[size_t(s)]; }
        int mark(Mark m) const { return marks[size_t(m)]; }
        bool operator==(const Counts &) const = default;
    };

    // The frames that match, in index order (none listed when the filter is empty: every frame
    // does), and the counts; one pass over the frames.
    struct Pass
    {
        QList<int> matching;
        Counts counts;
    };

    bool isEmpty() const { return m_statuses == 0 && m_marks == 0 && m_flags.isEmpty(); }
    bool operator==(const FrameFilter &) const = default;

    bool hasStatus(FrameStatus status) const { return m_statuses & bit(int(status)); }
    void setStatus(FrameStatus status, bool on);
    bool hasMark(Mark mark) const { return m_marks & bit(int(mark)); }
    void setMark(Mark mark, bool on);
    const QSet<QString> &flags() const { return m_flags; }
    void setFlag(const QString &flag, bool on);

    bool matches(const DirectorFrameState &frame) const;
    // Whether the frame has the mark.
    static bool frameHasMark(const DirectorFrameState &frame, Mark mark);
    // The mark's name in the settings: "nudged", "patched", "noted".
    static QString markName(Mark mark);

    // The matching frames and every choice's count. O(frames); copies nothing.
    Pass run(const QMap<int, DirectorFrameState> &frames) const;
    // Every frame's counts only.
    static Counts countsOf(const QMap<int, DirectorFrameState> &frames);

    // As the settings keep it: "status:AUDIT_WARN", "flag:SF01_IDENTITY_DRIFT", "mark:nudged".
    // Unknown entries are skipped when read back.
    QStringList toStrings() const;
    static FrameFilter fromStrings(const QStringList &strings);

private:
    static constexpr quint32 bit(int n) { return quint32(1) << n; }
    static void count(const DirectorFrameState &frame, Counts &counts);

    quint32 m_statuses = 0;
    quint32 m_marks = 0;
    QSet<QString> m_flags;
};
