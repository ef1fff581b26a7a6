#include "core/backgroundpool.h"

#include <QThread>
#include <QThreadPool>

#include <algorithm>

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
