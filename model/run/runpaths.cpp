#include "run/runpaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>

namespace {
bool isInside(const QString &path, const QString &dir)
{
    return path.startsWith(dir + QLatin1Char('/'));
}

// The first segment of a relative path, leading "./" left out.
QString firstSegment(const QString &path)
{
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        if (part != QLatin1String("."))
            return part;
    }
    return QString();
}

// A file name of letters, digits, '_', '-' and '.' only, other than "." and
// "..": one whose bytes on disk are its characters.
bool isPlainName(QStringView name)
{
    if (name.isEmpty() || name == u"." || name == u"..")
        return false;
    for (const QChar ch : name) {
        const char16_t c = ch.unicode();
        if (!((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
              c == u'_' || c == u'-' || c == u'.'))
            return false;
    }
    return true;
}

// A relative path that QDir::cleanPath() leaves as it is, whose first segment
// is not "runs", made of letters, digits, '_', '-', '.' and '/' only: no
// empty, "." or ".." segment.
bool isPlainRelative(const QString &path)
{
    qsizetype segmentStart = 0;
    const qsizetype size = path.size();
    for (qsizetype i = 0; i <= size; ++i) {
        const char16_t c = i < size ? path.at(i).unicode() : u'/';
        if (c == u'/') {
            const QStringView segment = QStringView(path).mid(segmentStart, i - segmentStart);
            if (segment.isEmpty() || segment == u"." || segment == u".." ||
                (segmentStart == 0 && segment == u"runs"))
                return false;
            segmentStart = i + 1;
        } else if (!((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') ||
                     (c >= u'0' && c <= u'9') || c == u'_' || c == u'-' || c == u'.')) {
            return false;
        }
    }
    return true;
}
} // namespace

RunPaths::RunPaths(const QString &runDir, const QString &runId)
    : m_runDir(QDir::cleanPath(QDir(runDir).absolutePath()))
{
    addRunId(QFileInfo(m_runDir).fileName());
    addRunId(runId);
}

void RunPaths::addRunId(const QString &runId)
{
    // A run id is one path segment; anything else could never be matched.
    if (runId.isEmpty() || runId == QLatin1String(".") || runId == QLatin1String("..") ||
        runId.contains(QLatin1Char('/')) || runId.contains(QLatin1Char('\\')) ||
        m_runIds.contains(runId))
        return;
    m_runIds.append(runId);
}

RunPaths RunPaths::withRunId(const QString &runId) const
{
    RunPaths copy = *this;
    copy.addRunId(runId);
    return copy;
}

Result<QString> RunPaths::toRelative(const QString &stored) const
{
    auto refuse = [](const QString &message) -> Result<QString> {
        return Outcome::invalid(message);
    };
    if (stored.isEmpty())
        return refuse(tr("the path is empty"));
    // Most paths are already in the form the rules below would give them
    // ("candidates/frame_0001_attempt_01.png"): relative, clean, in plain
    // characters, not under "runs". A session file holds thousands.
    if (isPlainRelative(stored))
        return stored;
    if (stored.contains(QChar(0)) || stored.contains(QLatin1Char('\\')))
        return refuse(tr("\"%1\" is not a plain path").arg(stored));

    QString relative;
    if (QDir::isAbsolutePath(stored)) {
        const QString clean = QDir::cleanPath(stored);
        if (!isInside(clean, m_runDir))
            return refuse(tr("\"%1\" leads outside the run folder").arg(stored));
        relative = clean.mid(m_runDir.size() + 1);
    } else {
        relative = QDir::cleanPath(stored);
        // The pipeline writes paths relative to its own working directory:
        // "runs/<run_id>/candidates/...". A run folder has no "runs" folder of
        // its own, so such a path is read in the pipeline's form; the prefix is
        // dropped only when it names this run.
        if (firstSegment(stored) == QLatin1String("runs") ||
            firstSegment(relative) == QLatin1String("runs")) {
            const QStringList parts = relative.split(QLatin1Char('/'));
            // "runs/<id>/../../x" leaves the runs folder altogether.
            if (parts.size() < 2 || parts.at(0) != QLatin1String("runs"))
                return refuse(tr("\"%1\" leads outside the run folder").arg(stored));
            if (!m_runIds.contains(parts.at(1))) {
                return refuse(
                    tr("\"%1\" leads into another run (\"%2\"), not into this one "
                       "(\"%3\")")
                        .arg(stored, parts.at(1), m_runIds.join(QStringLiteral("\", \""))));
            }
            relative = parts.mid(2).join(QLatin1Char('/')); // empty: the run folder itself
        }
    }
    if (relative == QLatin1String("..") || relative.startsWith(QLatin1String("../")) ||
        relative == QLatin1String(".") || relative.isEmpty())
        return refuse(tr("\"%1\" leads outside the run folder").arg(stored));
    // Written back as it is, such a path would be read in the pipeline's form
    // next time: refused, so that what is written is read back the same.
    if (firstSegment(relative) == QLatin1String("runs"))
        return refuse(tr("\"%1\" names a \"runs\" folder inside the run folder").arg(stored));
    return relative;
}

QString RunPaths::absolute(const QString &relative) const
{
    return m_runDir + QLatin1Char('/') + relative;
}

Result<QString> RunPaths::resolveExistingFile(const QString &stored) const
{
    const Result<QString> relative = toRelative(stored);
    if (!relative)
        return relative;
    const QString path = absolute(*relative);
    const QFileInfo info(path);
    auto refuse = [](const QString &message) -> Result<QString> {
        return Outcome::invalid(message);
    };
    if (!info.exists())
        return refuse(tr("%1 does not exist").arg(*relative));
    const QString real = info.canonicalFilePath();
    const QString realRunDir = QFileInfo(m_runDir).canonicalFilePath();
    if (real.isEmpty() || realRunDir.isEmpty() || !isInside(real, realRunDir))
        return refuse(tr("%1 leads outside the run folder").arg(*relative));
    if (!QFileInfo(real).isFile())
        return refuse(tr("%1 is not a regular file").arg(*relative));
    return real;
}

QString RunFileResolver::realFolder(const QString &dir)
{
    auto it = m_realFolders.find(dir);
    if (it == m_realFolders.end())
        it = m_realFolders.insert(dir, QFileInfo(dir).canonicalFilePath());
    return *it;
}

void RunFileResolver::listedAsRegularFile(const QString &relative)
{
    m_listedRegular.insert(relative);
}

Result<QString> RunFileResolver::resolveExistingFile(const QString &stored)
{
    // The real path of folder/name, where name is a regular file and no
    // link, is the folder's real path and the name: what
    // RunPaths::resolveExistingFile finds, with one lstat() instead of a
    // readlink() for every part of the path (and none for a name the folder's
    // listing just gave as a regular file).
    if (const Result<QString> relative = m_paths.toRelative(stored)) {
        const qsizetype slash = relative->lastIndexOf(QLatin1Char('/'));
        const QStringView name = QStringView(*relative).mid(slash + 1);
        const QString realRunDir = realFolder(m_paths.runDir());
        const QString folder =
            slash < 0 ? realRunDir : realFolder(m_paths.absolute(relative->left(slash)));
        if (isPlainName(name) && !realRunDir.isEmpty() && !realRunDir.endsWith(u'/') &&
            !folder.isEmpty() && !folder.endsWith(u'/')) {
            const QString real = folder + QLatin1Char('/') + name.toString();
            struct stat info;
            if (isInside(real, realRunDir) &&
                (m_listedRegular.contains(*relative) ||
                 (::lstat(QFile::encodeName(real).constData(), &info) == 0 &&
                  S_ISREG(info.st_mode))))
                return real;
        }
    }
    // Anything else (refused, missing, a link, not a regular file) as
    // RunPaths says it.
    return m_paths.resolveExistingFile(stored);
}

Outcome RunPaths::checkFolder(const QString &runDir)
{
    if (QFileInfo(runDir).isDir())
        return Outcome::ok();
    const QString name = QDir::toNativeSeparators(runDir);
    // A name that is not valid UTF-8 comes to Director with U+FFFD where
    // its bytes were; Qt finds no file by that name.
    if (runDir.contains(QChar::ReplacementCharacter)) {
        return Outcome::invalid(
            tr("%1 cannot be opened: its name is not valid UTF-8 (shown with \uFFFD), and "
               "Director (Qt) opens files and folders only by names in UTF-8. Rename it, for "
               "example with convmv, and open it again.")
                .arg(name));
    }
    return Outcome::invalid(tr("%1 is not a folder.").arg(name));
}
