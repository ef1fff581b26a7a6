#include "playback/playbackcache.h"

#include <QCoreApplication>
#include <QtConcurrent>
#include <QThread>

namespace {

qint64 bytesOf(const QImage &image)
{
    return std::max<qint64>(1, image.sizeInBytes());
}

} // namespace

PlaybackCache::PlaybackCache(Source source, qint64 budgetBytes, QObject *parent)
    : QObject(parent), m_source(std::move(source)), m_budget(std::max<qint64>(1, budgetBytes))
{
    // The GUI thread keeps a core.
    m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
}

PlaybackCache::~PlaybackCache()
{
    m_pool.clear();
    m_pool.waitForDone();
}

void PlaybackCache::put(int frameIndex, const QImage &image)
{
    if (image.isNull())
        return;
    remove(frameIndex);
    m_pending.remove(frameIndex);
    m_images.insert(frameIndex, image);
    m_bytes += bytesOf(image);
    m_frameBytes = bytesOf(image);
    emit frameReady(frameIndex);
}

int PlaybackCache::capacity() const
{
    return m_frameBytes > 0 ? int(std::clamp<qint64>(m_budget / m_frameBytes, 1, 1 << 20)) : 64;
}

void PlaybackCache::prefetch(const QList<int> &frames)
{
    m_wanted = frames;
    m_keep.clear();
    qint64 sum = 0;
    for (const int frame : frames) {
        const auto it = m_images.constFind(frame);
        const qint64 size =
            it != m_images.cend() ? bytesOf(*it) : std::max<qint64>(1, m_frameBytes);
        if (sum + size > m_budget && !m_keep.isEmpty())
            break;
        sum += size;
        m_keep.insert(frame);
    }
    evictOutside();
    // Two decodes per worker at most: a new prefetch() can still change its mind.
    const int inFlight = 2 * m_pool.maxThreadCount();
    for (const int frame : frames) {
        if (m_pending.size() >= inFlight || !m_keep.contains(frame))
            break;
        if (!m_images.contains(frame) && !m_pending.contains(frame) && !m_failed.contains(frame))
            startDecode(frame);
    }
}

void PlaybackCache::evictOutside()
{
    for (const int frame : m_images.keys()) {
        if (!m_keep.contains(frame))
            remove(frame);
    }
}

void PlaybackCache::remove(int frameIndex)
{
    const auto it = m_images.find(frameIndex);
    if (it == m_images.end())
        return;
    m_bytes -= bytesOf(*it);
    m_images.erase(it);
}

void PlaybackCache::startDecode(int frameIndex)
{
    const std::optional<FrameImages::Placement> placement = m_source(frameIndex);
    if (!placement) {
        m_failed.insert(frameIndex); // no image: dropped whenever it is due, until it changes
        return;
    }
    const quint64 ticket = m_nextTicket++;
    m_pending.insert(frameIndex, ticket);
    PlaybackCache *cache = this;
    QtConcurrent::task([cache, frameIndex, ticket, placement = *placement] {
        const Result<QImage> placed = FrameImages::place(placement);
        QImage image = placed ? *placed : QImage();
        // Queued to the GUI thread; dropped with the cache, which waits for its decodes first.
        QMetaObject::invokeMethod(
            cache,
            [cache, frameIndex, ticket, image] { cache->decoded(frameIndex, ticket, image); },
            Qt::QueuedConnection);
    })
        .onThreadPool(m_pool)
        .spawn(QtConcurrent::FutureResult::Ignore);
}

void PlaybackCache::decoded(int frameIndex, quint64 ticket, const QImage &image)
{
    const auto it = m_pending.constFind(frameIndex);
    if (it == m_pending.cend() || *it != ticket)
        return; // invalidated or cleared meanwhile
    m_pending.erase(it);
    if (image.isNull())
        m_failed.insert(frameIndex); // dropped whenever it is due, until it changes
    if (image.isNull() || !m_keep.contains(frameIndex))
        return;
    m_frameBytes = bytesOf(image);
    if (m_bytes + bytesOf(image) > m_budget && !m_images.isEmpty()) {
        m_keep.remove(frameIndex); // the estimate was short: no room after all
        return;
    }
    m_images.insert(frameIndex, image);
    m_bytes += bytesOf(image);
    emit frameReady(frameIndex);
    prefetch(m_wanted); // the next ones
}

void PlaybackCache::invalidate(int frameIndex)
{
    remove(frameIndex);
    m_pending.remove(frameIndex);
    m_failed.remove(frameIndex);
}

void PlaybackCache::clear()
{
    m_pool.clear();
    m_images.clear();
    m_pending.clear();
    m_failed.clear();
    m_wanted.clear();
    m_keep.clear();
    m_bytes = 0;
}

void PlaybackCache::waitForDecodes()
{
    while (!m_pending.isEmpty()) {
        m_pool.waitForDone();
        QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    }
}
