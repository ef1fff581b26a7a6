#pragma once

#include <QObject>

class QStatusBar;
class SessionManager;

// What the pipeline does to the open run while it is open, taken in (RunWatcher) and said in
// the status bar: frames updated and added, files it has begun but not finished, files no
// session can take.
class PipelineNews : public QObject
{
    Q_OBJECT

public:
    // The window owns it (and so the watcher); the news goes to its status bar.
    PipelineNews(SessionManager *manager, QStatusBar *statusBar, QObject *window);

private:
    void ingested(int changed, int added);
    void waiting(const QList<int> &frames);
    void leftOut(const QStringList &what);

    QStatusBar *m_statusBar;
};
