#pragma once

#include "core/outcome.h"
#include "externaleditor.h"

#include <QFileSystemWatcher>
#include <QImage>
#include <QObject>
#include <QTemporaryDir>
#include <QTimer>

#include <functional>

class QProcess;

// One frame open in an external pixel editor (Patch → Edit in …; README, Patches). The frame's
// pixels are written as a working copy PNG into a temporary folder of Director's own (never the
// run folder); the editor is started on it and the file watched. Each save (the file changed,
// then quiet for 200 ms, and decoding as a whole PNG) is handed to `take`: one patch each. A save
// of another size is refused (`wrongSize` the first time); what `take` refuses (no pixel
// changed) is reported. When the editor exits the watching stops, the working copy is removed
// and finished() is emitted. Destroyed while the editor runs (the window closed), the watching
// stops and the editor is left running, its file kept.
class ExternalEdit : public QObject
{
    Q_OBJECT

public:
    using Take = std::function<Outcome(const QImage &image)>;

    ExternalEdit(int frameIndex, const QImage &image, const ExternalEditor &editor, Take take,
                 QObject *parent = nullptr);
    ~ExternalEdit() override;

    // Writes the working copy and starts the editor (or hands the file to the desktop).
    Outcome start();
    // The desktop's handler: opens the working copy again.
    Outcome reopen();

    int frameIndex() const { return m_frameIndex; }
    const ExternalEditor &editor() const { return m_editor; }
    QString workingCopy() const { return m_path; }
    // Whether Director knows when the editor exits (a process of its own).
    bool isRunning() const;

    static constexpr int debounceMs = 200;

signals:
    // A save was taken (`outcome` true) or refused (its message).
    void saveHandled(const Outcome &outcome);
    // The first save of the wrong size.
    void wrongSize(const QString &message);
    // The editor exited or could not start (`outcome` says why); the edit is over.
    void finished(const Outcome &outcome);

private:
    void changed();
    void takeSave();
    void editorExited(const Outcome &outcome);
    void stopWatching();

    int m_frameIndex;
    QSize m_size;
    QImage m_image;
    ExternalEditor m_editor;
    Take m_take;
    QTemporaryDir m_dir;
    QString m_path;
    QFileSystemWatcher m_watcher;
    QTimer m_debounce;
    QProcess *m_process = nullptr;
    QByteArray m_handled; // the file as last handled (at first: as written)
    bool m_toldWrongSize = false;
    bool m_over = false;
};
