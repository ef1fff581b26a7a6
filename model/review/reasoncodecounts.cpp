#include "review/reasoncodecounts.h"

#include "core/backgroundpool.h"
#include "core/instep.h"
#include "review/sessionmanager.h"

#include <QtConcurrent>

#include <algorithm>
#include <utility>

ReasonCodeCounts::ReasonCodeCounts(const SessionManager *manager, QObject *parent)
    : QObject(parent), m_manager(manager)
{
    connect(&m_watcher, &QFutureWatcher<Counted>::finished, this, &ReasonCodeCounts::finished);
    connect(manager, &SessionManager::sessionOpened, this, &ReasonCodeCounts::sessionOpened);
    connect(manager, &SessionManager::frameChanged, this,
            [this](int frame) { framesChanged({frame}); });
    connect(manager, &SessionManager::framesChanged, this, &ReasonCodeCounts::framesChanged);
    connect(manager, &SessionManager::framesAdded, this, &ReasonCodeCounts::framesChanged);
    if (manager->hasSession())
        sessionOpened();
}

ReasonCodeCounts::~ReasonCodeCounts()
{
    disconnect(&m_watcher, nullptr, this, nullptr);
    // A result taken (takeResult) leaves the future invalid, never finished: not waited for.
    if (m_watcher.future().isValid())
        m_watcher.waitForFinished();
}

void ReasonCodeCounts::add(Counts &counts, const Named &named, int sign)
{
    const auto note = [&counts, sign](const QString &code) {
        const auto it = counts.find(code);
        if (it == counts.end()) {
            if (sign > 0)
                counts.insert(code, sign);
        } else if ((*it += sign) <= 0) {
            counts.erase(it);
        }
    };
    for (const QString &flag : named.flags)
        note(flag);
    for (const AttemptInfo &attempt : named.attempts) {
        for (const QString &code : attempt.reasonCodes)
            note(code);
    }
}

ReasonCodeCounts::Counted ReasonCodeCounts::count(const QMap<int, DirectorFrameState> &frames)
{
    Counted counted;
    counted.frames.reserve(frames.size());
    for (auto it = frames.cbegin(); it != frames.cend(); ++it) {
        const Named named{it->auditReport.flags, it->attemptHistory};
        add(counted.counts, named, 1);
        counted.frames.insert(it.key(), named);
    }
    return counted;
}

ReasonCodeCounts::Counts ReasonCodeCounts::countAll(const QMap<int, DirectorFrameState> &frames)
{
    return count(frames).counts;
}

bool ReasonCodeCounts::sameCodes(const Named &a, const DirectorFrameState &b)
{
    // Shared lists compare by their pointers (QList::operator==).
    if (a.flags != b.auditReport.flags)
        return false;
    const QList<AttemptInfo> &attempts = b.attemptHistory;
    if (a.attempts.size() != attempts.size())
        return false;
    if (a.attempts.constData() == attempts.constData())
        return true;
    for (qsizetype i = 0; i < attempts.size(); ++i) {
        if (a.attempts.at(i).reasonCodes != attempts.at(i).reasonCodes)
            return false;
    }
    return true;
}

void ReasonCodeCounts::sessionOpened()
{
    // Another run (or the same one read again): counted anew, off the GUI thread. A count
    // under way for the run before is left to finish and dropped (setFuture forgets it).
    m_changedMeanwhile.clear();
    m_counted = {};
    m_counting = false;
    if (!m_manager->hasSession())
        return;
    start([frames = m_manager->session().frames]() mutable {
        Counted counted = count(frames);
        frames = {}; // the session's frames are let go of at once (an edit need not copy them)
        return counted;
    });
}

void ReasonCodeCounts::start(std::function<Counted()> job)
{
    m_counting = true;
    m_watcher.setFuture(BackgroundPool::run(std::move(job)));
}

void ReasonCodeCounts::update(Counted &counted, const QMap<int, DirectorFrameState> &all,
                              const QList<int> &frames)
{
    walkInStep(all, frames, [&counted, &all](int index, auto it) {
        if (it == all.cend())
            return true;
        const auto known = counted.frames.constFind(index);
        if (known != counted.frames.cend() && sameCodes(*known, *it))
            return true; // the very lists again (a verdict, an undo): nothing to count
        const Named named{it->auditReport.flags, it->attemptHistory};
        if (known != counted.frames.cend())
            add(counted.counts, *known, -1);
        add(counted.counts, named, 1);
        counted.frames.insert(index, named);
        return true;
    });
}

bool ReasonCodeCounts::unchanged(const Counted &counted, const QMap<int, DirectorFrameState> &all,
                                 const QList<int> &frames)
{
    return walkInStep(all, frames, [&counted, &all](int index, auto it) {
        const auto known = counted.frames.constFind(index);
        if ((it == all.cend()) != (known == counted.frames.cend()))
            return false;
        return it == all.cend() || sameCodes(*known, *it);
    });
}

void ReasonCodeCounts::framesChanged(const QList<int> &frames)
{
    if (m_counting) {
        m_changedMeanwhile.append(frames);
        return;
    }
    if (!m_manager->hasSession())
        return;
    if (frames.size() < SessionManager::backgroundBatch) {
        update(m_counted, m_manager->session().frames, frames);
        return;
    }
    // Most batches are verdicts, whose frames keep the very lists counted: a comparison of
    // pointers each says there is nothing to count (under a millisecond for 10,000 frames),
    // and the picker has nothing to wait for.
    if (unchanged(m_counted, m_manager->session().frames, frames))
        return;
    // A batch (thousands of frames, most often a verdict that names no code): looked at off
    // the GUI thread; counts() waits for it when asked before it is done.
    start([counted = std::move(m_counted), all = m_manager->session().frames, frames]() mutable {
        update(counted, all, frames);
        all = {};
        return std::move(counted);
    });
    m_counted = {};
}

void ReasonCodeCounts::finished()
{
    if (m_counting && m_watcher.isFinished())
        adopt();
}

void ReasonCodeCounts::adopt()
{
    // Taken, not copied: the future keeps no share of it (an edit would copy it all).
    m_counted = m_watcher.future().takeResult();
    m_counting = false;
    const QList<int> changed = std::exchange(m_changedMeanwhile, {});
    if (!changed.isEmpty())
        framesChanged(changed);
}

const ReasonCodeCounts::Counts &ReasonCodeCounts::counts()
{
    // What changed while a count was made may start another (a batch): until none is left.
    while (m_counting)
        adopt();
    if (!m_manager->hasSession())
        m_counted = {};
    return m_counted.counts;
}

QStringList ReasonCodeCounts::codes()
{
    QStringList codes = counts().keys();
    codes.sort();
    return codes;
}
