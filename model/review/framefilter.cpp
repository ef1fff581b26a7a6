#include "review/framefilter.h"

namespace {
const QString statusPrefix = QStringLiteral("status:");
const QString flagPrefix = QStringLiteral("flag:");
const QString markPrefix = QStringLiteral("mark:");
} // namespace

void FrameFilter::setStatus(FrameStatus status, bool on)
{
    m_statuses = on ? m_statuses | bit(int(status)) : m_statuses & ~bit(int(status));
}

void FrameFilter::setMark(Mark mark, bool on)
{
    m_marks = on ? m_marks | bit(int(mark)) : m_marks & ~bit(int(mark));
}

void FrameFilter::setFlag(const QString &flag, bool on)
{
    if (on)
        m_flags.insert(flag);
    else
        m_flags.remove(flag);
}

bool FrameFilter::frameHasMark(const DirectorFrameState &frame, Mark mark)
{
    const DirectorOverrides &overrides = frame.directorOverrides;
    switch (mark) {
    case Mark::Nudged:
        return overrides.alignment.has_value();
    case Mark::Patched:
        return overrides.isPatched;
    case Mark::Noted:
        return overrides.notes.has_value();
    case Mark::Reasoned: {
        const std::optional<Verdict> &verdict = overrides.verdict;
        return verdict && frame.status == FrameStatus::AuditFail &&
               (verdict->reasonCode || verdict->reason);
    }
    case Mark::MarkCount:
        break;
    }
    return false;
}

QString FrameFilter::markName(Mark mark)
{
    switch (mark) {
    case Mark::Nudged:
        return QStringLiteral("nudged");
    case Mark::Patched:
        return QStringLiteral("patched");
    case Mark::Noted:
        return QStringLiteral("noted");
    case Mark::Reasoned:
        return QStringLiteral("reasoned");
    case Mark::MarkCount:
        break;
    }
    return {};
}

bool FrameFilter::matches(const DirectorFrameState &frame) const
{
    if (m_statuses && !hasStatus(frame.status))
        return false;
    if (m_marks) {
        bool any = false;
        for (int m = 0; m < markCount && !any; ++m)
            any = hasMark(Mark(m)) && frameHasMark(frame, Mark(m));
        if (!any)
            return false;
    }
    if (!m_flags.isEmpty()) {
        const QStringList &flags = frame.auditReport.flags;
        return std::any_of(flags.cbegin(), flags.cend(),
                           [this](const QString &flag) { return m_flags.contains(flag); });
    }
    return true;
}

void FrameFilter::count(const DirectorFrameState &frame, Counts &counts)
{
    ++counts.total;
    ++counts.statuses[size_t(frame.status)];
    for (int m = 0; m < markCount; ++m)
        counts.marks[size_t(m)] += frameHasMark(frame, Mark(m)) ? 1 : 0;
    const QStringList &flags = frame.auditReport.flags;
    for (qsizetype i = 0; i < flags.size(); ++i) {
        // A flag raised twice for one frame counts the frame once.
        bool before = false;
        for (qsizetype j = 0; j < i && !before; ++j)
            before = flags.at(j) == flags.at(i);
        if (!before)
            ++counts.flags[flags.at(i)];
    }
}

FrameFilter::Counts FrameFilter::countsOf(const QMap<int, DirectorFrameState> &frames)
{
    Counts counts;
    for (const DirectorFrameState &frame : frames)
        count(frame, counts);
    return counts;
}

FrameFilter::Pass FrameFilter::run(const QMap<int, DirectorFrameState> &frames) const
{
    Pass pass;
    // No choice: every frame matches, and no set is needed (FrameFilterModel shows every row).
    const bool all = isEmpty();
    for (auto it = frames.cbegin(); it != frames.cend(); ++it) {
        count(*it, pass.counts);
        if (!all && matches(*it))
            pass.matching.append(it.key()); // in index order: the map's
    }
    return pass;
}

QStringList FrameFilter::toStrings() const
{
    QStringList strings;
    for (const FrameStatus status : allFrameStatuses) {
        if (hasStatus(status))
            strings.append(statusPrefix + frameStatusName(status));
    }
    QStringList flags(m_flags.cbegin(), m_flags.cend());
    flags.sort();
    for (const QString &flag : std::as_const(flags))
        strings.append(flagPrefix + flag);
    for (int m = 0; m < markCount; ++m) {
        if (hasMark(Mark(m)))
            strings.append(markPrefix + markName(Mark(m)));
    }
    return strings;
}

FrameFilter FrameFilter::fromStrings(const QStringList &strings)
{
    FrameFilter filter;
    for (const QString &string : strings) {
        if (string.startsWith(statusPrefix)) {
            if (const auto status = frameStatusFromName(QStringView(string).sliced(7)))
                filter.setStatus(*status, true);
        } else if (string.startsWith(flagPrefix) && string.size() > flagPrefix.size()) {
            filter.setFlag(string.sliced(flagPrefix.size()), true);
        } else if (string.startsWith(markPrefix)) {
            for (int m = 0; m < markCount; ++m) {
                if (string.sliced(markPrefix.size()) == markName(Mark(m)))
                    filter.setMark(Mark(m), true);
            }
        }
    }
    return filter;
}
