#include "externaledit.h"

#include "run/imageloader.h"

#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QProcess>
#include <QUrl>

namespace {

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

ExternalEdit::ExternalEdit(int frameIndex, const QImage &image, const ExternalEditor &editor,
                           Take take, QObject *parent)
    : QObject(parent), m_frameIndex(frameIndex), m_size(image.size()), m_image(image),
      m_editor(editor), m_take(std::move(take)),
      m_dir(QDir::tempPath() + QStringLiteral("/director-edit-XXXXXX"))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &ExternalEdit::takeSave);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &ExternalEdit::changed);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &ExternalEdit::changed);
}

ExternalEdit::~ExternalEdit()
{
    stopWatching();
    if (isRunning()) {
        // The window closes while the editor runs: the editor and its file stay.
        m_dir.setAutoRemove(false);
        m_process->disconnect(this);
        m_process->setParent(nullptr);
        connect(m_process, &QProcess::finished, m_process, &QObject::deleteLater);
    }
}

bool ExternalEdit::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

Outcome ExternalEdit::start()
{
    if (!m_dir.isValid())
        return Outcome::failed(
            tr("No temporary folder for the working copy: %1").arg(m_dir.errorString()));
    m_path = m_dir.filePath(QStringLiteral("frame_%1.png").arg(m_frameIndex, 4, 10, QChar(u'0')));
    if (!m_image.save(m_path, "PNG"))
        return Outcome::failed(
            tr("The working copy %1 could not be written.").arg(QDir::toNativeSeparators(m_path)));
    m_handled = contents(m_path);
    m_watcher.addPath(m_path);
    m_watcher.addPath(m_dir.path());
    if (m_editor.isDesktop())
        return reopen();
    m_process = new QProcess(this);
    connect(m_process, &QProcess::finished, this, [this] { editorExited(Outcome()); });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            editorExited(Outcome::failed(
                tr("%1 could not be started: %2").arg(m_editor.program, m_process->errorString())));
    });
    m_process->start(m_editor.program, m_editor.arguments + QStringList{m_path});
    return Outcome();
}

Outcome ExternalEdit::reopen()
{
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(m_path)))
        return Outcome::failed(
            tr("No application opens %1.").arg(QDir::toNativeSeparators(m_path)));
    return Outcome();
}

void ExternalEdit::changed()
{
    if (m_over)
        return;
    // Saved by writing a new file and renaming it over the old: watch the new one.
    if (QFileInfo::exists(m_path) && !m_watcher.files().contains(m_path))
        m_watcher.addPath(m_path);
    m_debounce.start();
}

void ExternalEdit::takeSave()
{
    const QByteArray bytes = contents(m_path);
    const Result<QImage> image = ImageLoader::load(m_path);
    if (!image)
        return; // not whole yet (or removed): the next change tells
    m_handled = bytes;
    if (image->size() != m_size) {
        const QLocale locale;
        const QString message =
            tr("The save from %1 is %2 × %3 pixels; frame %4 is %5 × %6. It was not taken.")
                .arg(m_editor.name, locale.toString(image->width()),
                     locale.toString(image->height()))
                .arg(m_frameIndex)
                .arg(locale.toString(m_size.width()), locale.toString(m_size.height()));
        emit saveHandled(Outcome::refused(message));
        if (!m_toldWrongSize) {
            m_toldWrongSize = true;
            emit wrongSize(message);
        }
        return;
    }
    emit saveHandled(m_take(*image));
}

void ExternalEdit::editorExited(const Outcome &outcome)
{
    if (m_over)
        return;
    // A save just before the exit is still taken, its change told or not yet.
    m_debounce.stop();
    if (QFileInfo::exists(m_path) && contents(m_path) != m_handled)
        takeSave();
    m_over = true;
    stopWatching();
    m_dir.remove();
    emit finished(outcome);
}

void ExternalEdit::stopWatching()
{
    m_debounce.stop();
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
}
