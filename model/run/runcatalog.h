#pragma once

#include "run/runsummary.h"

#include <QAbstractTableModel>
#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QList>
#include <QSet>
#include <QTimer>

// The runs in a folder (RunSummary each), one row a run, newest activity first: the start
// page's model. The folder is read off the GUI thread (QtConcurrent); while the catalog
// follows a folder, a run folder that appears, goes, or whose session or lock changes updates
// its row: the folder and every run in it are watched (QFileSystemWatcher; a change is read
// once it has been quiet for a moment), and the folder is read again every few seconds anyway,
// because watchers see nothing of what other computers write on a network share (NFS, SMB).
// Rows keep their identity (a run's folder) across reads: a selection stays on its run.
class RunCatalog : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        RunColumn,
        MoveColumn,
        FramesColumn,
        ProgressColumn,
        SessionColumn,
        ActivityColumn,
        HolderColumn,
        ColumnCount
    };
    enum Role
    {
        PathRole = Qt::UserRole + 1, // QString: the run's folder
        CountsRole,                  // QVariantList: frames per status, allFrameStatuses' order
        HeldRole,                    // bool: another Director has the run open
        StateRole,                   // int: RunSummary::SessionState
    };

    static constexpr int defaultSettleDelay = 250;     // ms
    static constexpr int defaultRescanInterval = 5000; // ms

    explicit RunCatalog(QObject *parent = nullptr);
    // Waits for a read under way.
    ~RunCatalog() override;

    // Follows `folder` from now on (its runs are read at once, off the GUI thread).
    void setFolder(const QString &folder);
    const QString &folder() const { return m_folder; }
    void setSettleDelay(int ms) { m_settle.setInterval(ms); }
    void setRescanInterval(int ms) { m_rescan.setInterval(ms); }

    const QList<RunSummary> &runs() const { return m_runs; }
    // The row of the run in `path`, or -1.
    int rowOf(const QString &path) const;
    // How many reads of the folder were taken in (for tests).
    int reads() const { return m_reads; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

public slots:
    // Reads the folder now (after the read under way, if any).
    void rescan();

signals:
    // A read of the folder was taken in (whether anything changed or not).
    void scanned();

private:
    QVariant display(const RunSummary &run, int column) const;
    QVariant toolTip(const RunSummary &run, int column) const;
    void startScan();
    void scanFinished();
    // Takes in a read: rows gone removed, new ones inserted, changed ones updated, then sorted.
    void merge(const QList<RunSummary> &runs);
    void sortRows();
    void watch();

    QString m_folder;
    QList<RunSummary> m_runs;
    QSet<QString> m_sharedIds; // run ids of more than one of m_runs
    QFileSystemWatcher m_watcher;
    QTimer m_settle;
    QTimer m_rescan;
    QFutureWatcher<QList<RunSummary>> m_scan;
    QString m_scanning; // the folder the read under way reads
    bool m_again = false;
    int m_reads = 0;
};
