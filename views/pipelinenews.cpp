#include "pipelinenews.h"

#include "run/runwatcher.h"

#include <QStatusBar>

PipelineNews::PipelineNews(SessionManager *manager, QStatusBar *statusBar, QObject *window)
    : QObject(window), m_statusBar(statusBar)
{
    auto *watcher = new RunWatcher(manager, this);
    connect(watcher, &RunWatcher::ingested, this, &PipelineNews::ingested);
    connect(watcher, &RunWatcher::waiting, this, &PipelineNews::waiting);
    connect(watcher, &RunWatcher::leftOut, this, &PipelineNews::leftOut);
}

void PipelineNews::ingested(int changed, int added)
{
    const QString updated = tr("%n frame(s) updated", nullptr, changed);
    m_statusBar->showMessage(
        added > 0
            ? tr("From the pipeline: %1, %2.").arg(tr("%n new frame(s)", nullptr, added), updated)
            : tr("From the pipeline: %1.").arg(updated),
        5000);
}

// Said, not taken as broken.
void PipelineNews::waiting(const QList<int> &frames)
{
    QStringList numbers;
    for (const int frame : frames.mid(0, 5))
        numbers.append(QString::number(frame));
    if (frames.size() > 5)
        numbers.append(QStringLiteral("…"));
    m_statusBar->showMessage(
        tr("Waiting for the pipeline to finish writing the files of %n frame(s): %1", nullptr,
           int(frames.size()))
            .arg(numbers.join(QStringLiteral(", "))),
        5000);
}

void PipelineNews::leftOut(const QStringList &what)
{
    m_statusBar->showMessage(tr("Not taken in from the pipeline: %1")
                                 .arg(what.mid(0, 3).join(QStringLiteral("; ")) +
                                      (what.size() > 3 ? QStringLiteral("; …") : QString())),
                             10000);
}
