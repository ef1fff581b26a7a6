#include "run/runcatalog.h"

#include "core/backgroundpool.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QtConcurrent>

#include <algorithm>

RunCatalog::RunCatalog(QObject *parent) : QAbstractTableModel(parent)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(defaultSettleDelay);
    m_rescan.setInterval(defaultRescanInterval);
    connect(&m_settle, &QTimer::timeout, this, &RunCatalog::rescan);
    connect(&m_rescan, &QTimer::timeout, this, &RunCatalog::rescan);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] { m_settle.start(); });
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this] { m_settle.start(); });
    connect(&m_scan, &QFutureWatcher<QList<RunSummary>>::finished, this, &RunCatalog::scanFinished);
}

RunCatalog::~RunCatalog()
{
    m_scan.waitForFinished();
}

void RunCatalog::setFolder(const QString &folder)
{
    m_folder = QDir::cleanPath(QDir(folder).absolutePath());
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    beginResetModel();
    m_runs.clear();
    m_sharedIds.clear();
    endResetModel();
    m_watcher.addPath(m_folder);
    m_rescan.start();
    rescan();
}

int RunCatalog::rowOf(const QString &path) const
{
    const QString clean = QDir::cleanPath(QDir(path).absolutePath());
    for (int row = 0; row < m_runs.size(); ++row) {
        if (m_runs.at(row).path == clean)
            return row;
    }
    return -1;
}

void RunCatalog::rescan()
{
    if (m_folder.isEmpty())
        return;
    if (m_scan.isRunning()) {
        m_again = true;
        return;
    }
    startScan();
}

void RunCatalog::startScan()
{
    m_again = false;
    m_scanning = m_folder;
    m_scan.setFuture(BackgroundPool::run(&RunSummary::scan, m_folder));
}

void RunCatalog::scanFinished()
{
    // A read of a folder the catalog no longer follows is dropped.
    if (m_scanning == m_folder) {
        merge(m_scan.result());
        watch();
        ++m_reads;
        emit scanned();
    }
    if (m_again || m_scanning != m_folder)
        startScan();
}

void RunCatalog::watch()
{
    // The folder (runs appear and go) and every run in it (its session saved by a rename, its
    // lock taken or given back, the pipeline's files: each changes the run folder's listing).
    QStringList wanted{m_folder};
    for (const RunSummary &run : std::as_const(m_runs))
        wanted.append(run.path);
    QStringList watched = m_watcher.directories();
    QStringList gone;
    for (const QString &path : std::as_const(watched)) {
        if (!wanted.contains(path))
            gone.append(path);
    }
    if (!gone.isEmpty())
        m_watcher.removePaths(gone);
    QStringList added;
    for (const QString &path : std::as_const(wanted)) {
        if (!watched.contains(path))
            added.append(path);
    }
    if (!added.isEmpty())
        m_watcher.addPaths(added);
}

void RunCatalog::merge(const QList<RunSummary> &runs)
{
    const auto find = [&runs](const QString &path) {
        return std::find_if(runs.cbegin(), runs.cend(),
                            [&path](const RunSummary &run) { return run.path == path; });
    };
    for (int row = int(m_runs.size()) - 1; row >= 0; --row) {
        const auto found = find(m_runs.at(row).path);
        if (found == runs.cend()) {
            beginRemoveRows(QModelIndex(), row, row);
            m_runs.removeAt(row);
            endRemoveRows();
        } else if (!(*found == m_runs.at(row))) {
            m_runs[row] = *found;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
    for (const RunSummary &run : runs) {
        if (rowOf(run.path) >= 0)
            continue;
        const int row = int(m_runs.size());
        beginInsertRows(QModelIndex(), row, row);
        m_runs.append(run);
        endInsertRows();
    }
    sortRows();
    // The run ids more than one folder holds (copies): their rows name their folders too.
    QSet<QString> ids;
    QSet<QString> shared;
    for (const RunSummary &run : std::as_const(m_runs)) {
        if (ids.contains(run.runId))
            shared.insert(run.runId);
        ids.insert(run.runId);
    }
    if (shared != m_sharedIds) {
        m_sharedIds = shared;
        if (!m_runs.isEmpty())
            emit dataChanged(index(0, RunColumn), index(rowCount() - 1, RunColumn));
    }
}

void RunCatalog::sortRows()
{
    QList<RunSummary> sorted = m_runs;
    std::stable_sort(sorted.begin(), sorted.end(), RunSummary::isNewerThan);
    if (sorted == m_runs)
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QModelIndexList after;
    for (const QModelIndex &old : before) {
        const int row = int(std::find_if(sorted.cbegin(), sorted.cend(),
                                         [&](const RunSummary &run) {
                                             return run.path == m_runs.at(old.row()).path;
                                         }) -
                            sorted.cbegin());
        after.append(index(row, old.column()));
    }
    m_runs = sorted;
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

int RunCatalog::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunCatalog::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunCatalog::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunSummary &run = m_runs.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return display(run, index.column());
    case Qt::ToolTipRole:
        return toolTip(run, index.column());
    case PathRole:
        return run.path;
    case CountsRole: {
        QVariantList counts;
        for (FrameStatus status : allFrameStatuses)
            counts.append(run.counts.count(status));
        return counts;
    }
    case HeldRole:
        return run.holder.has_value();
    case StateRole:
        return int(run.sessionState);
    case Qt::TextAlignmentRole:
        if (index.column() == FramesColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant RunCatalog::display(const RunSummary &run, int column) const
{
    const QLocale locale;
    switch (column) {
    case RunColumn: {
        // Two copies of one run (the same run id) are told apart by their folders.
        if (!m_sharedIds.contains(run.runId))
            return run.runId;
        return tr("%1 (folder %2)").arg(run.runId, QFileInfo(run.path).fileName());
    }
    case MoveColumn:
        return run.moveId.isEmpty() ? tr("(unknown)") : run.moveId;
    case FramesColumn:
        return locale.toString(run.frames);
    case ProgressColumn:
        return tr("%1 of %2 approved")
            .arg(locale.toString(run.counts.count(FrameStatus::Approved)),
                 locale.toString(run.frames));
    case SessionColumn:
        return RunSummary::stateText(run.sessionState);
    case ActivityColumn:
        return run.lastActivity.isValid()
                   ? locale.toString(run.lastActivity.toLocalTime(), QLocale::ShortFormat)
                   : tr("unknown");
    case HolderColumn:
        if (!run.holder)
            return QString();
        if (!run.holder->isRemote() && run.holder->pid == QCoreApplication::applicationPid())
            return tr("open in this Director");
        return tr("%1, process %2").arg(run.holder->host).arg(run.holder->pid);
    default:
        return {};
    }
}

QVariant RunCatalog::toolTip(const RunSummary &run, int column) const
{
    if (column == SessionColumn && !run.problem.isEmpty())
        return run.problem;
    if (column == HolderColumn && run.holder) {
        return tr("Open in another Director (%1, process %2 on %3): it opens read-only here.")
            .arg(run.holder->application, QString::number(run.holder->pid), run.holder->host);
    }
    if (column == ProgressColumn) {
        QStringList parts;
        for (FrameStatus status : allFrameStatuses)
            parts.append(
                QStringLiteral("%1 %2").arg(run.counts.count(status)).arg(frameStatusName(status)));
        return parts.join(QStringLiteral(", "));
    }
    return QDir::toNativeSeparators(run.path);
}

QVariant RunCatalog::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RunColumn:
        return tr("Run");
    case MoveColumn:
        return tr("Move");
    case FramesColumn:
        return tr("Frames");
    case ProgressColumn:
        return tr("Progress");
    case SessionColumn:
        return tr("Session");
    case ActivityColumn:
        return tr("Last activity");
    case HolderColumn:
        return tr("Open elsewhere");
    default:
        return {};
    }
}
