#include "report/reportexport.h"

#include "report/reporthtml.h"
#include "report/reportjson.h"
#include "report/reportmarkdown.h"
#include "storage/atomicfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace {

// The folder's path with its links resolved when it exists, else as given (made absolute).
QString canonicalFolder(const QString &path)
{
    const QString canonical = QFileInfo(path).canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(QFileInfo(path).absoluteFilePath()) : canonical;
}

// Whether the file at `path` is a report Director wrote (its generator mark near its start).
bool isReport(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) &&
           file.read(4096).contains(ReportHtml::generator().toLatin1());
}

} // namespace

Outcome ReportExport::checkTarget(const QString &path, const QString &runDir)
{
    const QFileInfo target(path);
    const QString folder = canonicalFolder(target.absolutePath());
    const QString run = canonicalFolder(runDir);
    const QString resolved = target.exists() ? target.canonicalFilePath() : QString();
    const QString session = run + QStringLiteral("/director_session.json");
    if ((folder == run && target.fileName().startsWith(QLatin1String("director_session.json"))) ||
        (!resolved.isEmpty() && resolved.startsWith(session))) {
        return Outcome::invalid(
            tr("%1 is the run's session file (or its backup or lock): the report is never written "
               "over it.")
                .arg(QDir::toNativeSeparators(path)));
    }
    const bool insideRun = folder == run || folder.startsWith(run + QLatin1Char('/'));
    if (insideRun && target.exists() && !isReport(path)) {
        return Outcome::invalid(tr("%1 is a file of the run folder: the report is written there "
                                   "only as a new file. Choose another name or folder.")
                                    .arg(QDir::toNativeSeparators(path)));
    }
    if (target.isDir())
        return Outcome::invalid(
            tr("%1 is a folder: name a file.").arg(QDir::toNativeSeparators(path)));
    return Outcome::ok();
}

Outcome ReportExport::check(const ReportOptions &options, const QString &runDir)
{
    const QStringList paths = {options.htmlPath, options.jsonPath, options.markdownPath};
    if (options.htmlPath.isEmpty() && options.jsonPath.isEmpty() && options.markdownPath.isEmpty())
        return Outcome::invalid(tr("Nothing to write: name an HTML, JSON or Markdown report."));
    if (options.htmlPath == stdoutName())
        return Outcome::invalid(tr("The HTML report goes to a file, not to standard output."));
    for (qsizetype i = 0; i < paths.size(); ++i) {
        if (paths.at(i).isEmpty())
            continue;
        for (qsizetype j = i + 1; j < paths.size(); ++j) {
            if (!paths.at(j).isEmpty() &&
                (paths.at(i) == paths.at(j) ||
                 (paths.at(i) != stdoutName() && QFileInfo(paths.at(i)).absoluteFilePath() ==
                                                     QFileInfo(paths.at(j)).absoluteFilePath())))
                return Outcome::invalid(tr("Each report needs a file of its own."));
        }
        if (paths.at(i) != stdoutName()) {
            if (const Outcome target = checkTarget(paths.at(i), runDir); !target)
                return target;
        }
    }
    if (options.thumbnailSide < 1)
        return Outcome::invalid(tr("The size of the frames' pictures must be 1 pixel or more."));
    return Outcome::ok();
}

Outcome ReportExport::write(const RunReport::Input &input, const ReportOptions &options,
                            QStringList *written, QByteArray *toStdout,
                            const PreviewProgress &progress)
{
    if (const Outcome checked = check(options, input.runDir); !checked)
        return checked;
    RunReport::Options gathering;
    gathering.images = !options.htmlPath.isEmpty();
    gathering.thumbnailSide = options.thumbnailSide;
    const Result<RunReport> report = RunReport::gather(input, gathering, progress);
    if (!report)
        return report.outcome();
    struct File
    {
        QString path;
        QByteArray bytes;
        QString what;
    };
    QList<File> files;
    if (!options.htmlPath.isEmpty())
        files.append({options.htmlPath, ReportHtml::write(*report), tr("HTML report")});
    if (!options.jsonPath.isEmpty())
        files.append({options.jsonPath, ReportJson::write(*report), tr("JSON report")});
    if (!options.markdownPath.isEmpty())
        files.append({options.markdownPath, ReportMarkdown::write(*report), tr("Markdown report")});
    // The last moment to stop: from here on the files are written, each whole.
    if (progress.stopRequested())
        return PreviewProgress::stopped();
    for (const File &file : std::as_const(files)) {
        if (file.path == stdoutName()) {
            if (toStdout)
                *toStdout = file.bytes;
            continue;
        }
        if (const Outcome saved = AtomicFile::write(file.path, file.bytes); !saved)
            return saved;
        if (written) {
            written->append(tr("%1: %2 (%n frame(s))", nullptr, int(report->frames().size()))
                                .arg(file.what, QDir::toNativeSeparators(file.path)));
        }
    }
    return Outcome::ok();
}
