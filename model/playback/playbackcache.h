#pragma once

#include "review/frameimages.h"

#include <QHash>
#include <QImage>
#include <QList>
#include <QObject>
#include <QSet>
#include <QThreadPool>

#include <functional>
#include <optional>

// Playback's frames decoded and placed ahead, off the GUI thread, within a budget of bytes:
// playback never waits for the disk. prefetch() names the frames playback shows next, nearest
// first; those that fit the budget are kept or decoded on the cache's own pool, every other
// frame (far from the playhead) is evicted. A 512×512 RGBA frame takes 1 MiB: the default
// budget of 256 MiB holds 256 of them (docs/threads.md, "Playback's decode-ahead").
class PlaybackCache : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 defaultBudget = qint64(256) << 20;

    // Where a frame's image is and how it is placed, asked on the GUI thread when its decode
    // starts; nullopt for a frame with no image.
    using Source = std::function<std::optional<FrameImages::Placement>(int frameIndex)>;
    explicit PlaybackCache(Source source, qint64 budgetBytes = defaultBudget,
                           QObject *parent = nullptr);
    ~PlaybackCache() override;

    // The frame placed, or a null image when it is not ready.
    QImage image(int frameIndex) const { return m_images.value(frameIndex); }
    bool isReady(int frameIndex) const { return m_images.contains(frameIndex); }
    // A frame placed already (the one on the stage when playback starts).
    void put(int frameIndex, const QImage &image);
    // The frames to have ready, nearest first.
    void prefetch(const QList<int> &frames);
    // How many frames the budget holds (of the size seen last; 64 before any is seen).
    int capacity() const;
    // The frame changed (a new image, patch or offset): its image goes, a decode under way is
    // dropped when it ends, and the next prefetch() decodes it again.
    void invalidate(int frameIndex);
    // Another run: every image and every decode under way is dropped.
    void clear();

    qint64 bytes() const { return m_bytes; }
    qint64 budget() const { return m_budget; }
    int count() const { return int(m_images.size()); }
    int decodesUnderWay() const { return int(m_pending.size()); }
    // Waits for the decodes under way and takes their results in (tests and benchmarks).
    void waitForDecodes();

signals:
    void frameReady(int frameIndex);

private:
    void startDecode(int frameIndex);
    void decoded(int frameIndex, quint64 ticket, const QImage &image);
    void evictOutside();
    void remove(int frameIndex);

    Source m_source;
    qint64 m_budget;
    qint64 m_bytes = 0;
    qint64 m_frameBytes = 0; // of the frame decoded last: the estimate for those to come
    QHash<int, QImage> m_images;
    QHash<int, quint64> m_pending; // frame -> the ticket of its decode under way
    QSet<int> m_failed;            // not decodable: not tried again until invalidated
    quint64 m_nextTicket = 1;
    QList<int> m_wanted; // from the last prefetch()
    QSet<int> m_keep;    // those of them the budget holds
    QThreadPool m_pool;
};
