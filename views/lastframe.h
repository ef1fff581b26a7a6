#pragma once

#include <QObject>
#include <QString>

class QTimer;

// The frame the operator was on in each session (by session id), in the settings, so that a
// review opens where it was left. Written once the operator pauses on a frame (QSettings
// rewrites its file, which has no place between two key presses) and when asked (leaving).
class LastFrame : public QObject
{
    Q_OBJECT

public:
    explicit LastFrame(QObject *parent = nullptr);

    // The frame remembered for the session; -1 when none is.
    static int of(const QString &sessionId);
    // Remembers the frame after a pause.
    void remember(const QString &sessionId, int frameIndex);
    // Writes what waits for the pause now.
    void flush();

private:
    QTimer *m_pause;
    QString m_sessionId;
    int m_frame = -1;
};
