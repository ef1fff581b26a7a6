#include "lastframe.h"

#include "preferences.h"

#include <QSettings>
#include <QTimer>

LastFrame::LastFrame(QObject *parent) : QObject(parent), m_pause(new QTimer(this))
{
    m_pause->setSingleShot(true);
    m_pause->setInterval(1000);
    connect(m_pause, &QTimer::timeout, this, &LastFrame::flush);
}

int LastFrame::of(const QString &sessionId)
{
    return QSettings().value(SettingsKeys::sessionFrame(sessionId), -1).toInt();
}

void LastFrame::remember(const QString &sessionId, int frameIndex)
{
    m_sessionId = sessionId;
    m_frame = frameIndex;
    m_pause->start();
}

void LastFrame::flush()
{
    m_pause->stop();
    if (!m_sessionId.isEmpty() && m_frame >= 0)
        QSettings().setValue(SettingsKeys::sessionFrame(m_sessionId), m_frame);
    m_sessionId.clear();
    m_frame = -1;
}
