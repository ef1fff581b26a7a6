#include "core/backgroundpool.h"

#include <QThread>
#include <QThreadPool>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>

void BackgroundPool::yieldToTheWindow()
{
    // Linux keeps a nice value per thread: `setpriority` on the thread's id changes this
    // thread only. Raising it is always allowed; what fails leaves the thread as it was.
    ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), backgroundNice);
}

QThreadPool *BackgroundPool::instance()
{
    static QThreadPool *const pool = [] {
        // Left to the end of the program on purpose (as Qt's global pool is): jobs still
        // queued when main() returns must not meet a destroyed pool.
        auto *made = new QThreadPool;
        made->setObjectName(QStringLiteral("DirectorBackground"));
        made->setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
        return made;
    }();
    return pool;
}
