#pragma once

// Disks that take their time, through AtomicFile's test seam: what a network
// drive does to a save. Both undo themselves when they go.

#include "storage/atomicfile.h"

#include <QSemaphore>
#include <QThread>

#include <atomic>

// Every sync takes `ms` milliseconds; counts the saves begun.
class SlowDisk
{
public:
    explicit SlowDisk(int ms)
    {
        AtomicFile::setFaultHook([this, ms](AtomicFile::Step step, const QString &) {
            if (step == AtomicFile::Step::Open)
                ++m_writes;
            if (step == AtomicFile::Step::Commit) // asked after the data's sync
                QThread::msleep(ms);
            return false;
        });
    }
    ~SlowDisk() { AtomicFile::setFaultHook({}); }
    SlowDisk(const SlowDisk &) = delete;
    SlowDisk &operator=(const SlowDisk &) = delete;

    int writes() const { return m_writes.load(); }

private:
    std::atomic<int> m_writes = 0;
};

// Holds every save at its sync until release(); counts the saves begun.
class HeldDisk
{
public:
    HeldDisk()
    {
        AtomicFile::setFaultHook([this](AtomicFile::Step step, const QString &) {
            if (step == AtomicFile::Step::Open)
                ++m_writes;
            if (step == AtomicFile::Step::Commit) {
                m_held.release();
                m_gate.acquire();
            }
            return false;
        });
    }
    ~HeldDisk()
    {
        release();
        AtomicFile::setFaultHook({});
    }
    HeldDisk(const HeldDisk &) = delete;
    HeldDisk &operator=(const HeldDisk &) = delete;

    // True once a save is being held.
    bool waitUntilHolding(int timeoutMs = 10000) { return m_held.tryAcquire(1, timeoutMs); }
    // Lets every save through from now on.
    void release() { m_gate.release(1 << 20); }
    int writes() const { return m_writes.load(); }

private:
    QSemaphore m_held;
    QSemaphore m_gate;
    std::atomic<int> m_writes = 0;
};
