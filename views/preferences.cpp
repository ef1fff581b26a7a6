#include "preferences.h"

#include "core/languages.h"
#include "recentruns.h"
#include "stageview.h"

#include <QSettings>
#include <QUrl>

#include <algorithm>

QString SettingsKeys::sessionFrame(const QString &sessionId)
{
    return QStringLiteral("sessions/%1/frame").arg(sessionId);
}

QString SettingsKeys::sessionFilter(const QString &sessionId)
{
    return QStringLiteral("sessions/%1/filter").arg(sessionId);
}

QString SettingsKeys::runFilter(const QString &runDir)
{
    // The path as one name: its slashes make no groups.
    return QStringLiteral("runs/%1/filter")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(RecentRuns::normalized(runDir))));
}

QString SettingsKeys::playbackFps(const QString &moveId)
{
    // A move's name is the pipeline's: a slash or a backslash in it makes no group of its own.
    return QStringLiteral("playback/%1/fps")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(moveId)));
}

namespace {

int percent(const QSettings &settings, QLatin1StringView key, int fallback)
{
    bool ok = false;
    const int value = settings.value(key).toInt(&ok);
    return ok && value >= 0 && value <= 100 ? value : fallback;
}

bool flag(const QSettings &settings, QLatin1StringView key, bool fallback)
{
    const QVariant value = settings.value(key);
    return value.isValid() ? value.toBool() : fallback;
}

// "fit", or a zoom level.
int zoomOf(const QVariant &value, int fallback)
{
    if (value.toString() == QLatin1String("fit"))
        return StageView::fitZoom;
    bool ok = false;
    const int zoom = value.toInt(&ok);
    const bool level = std::find(std::begin(StageView::zoomLevels), std::end(StageView::zoomLevels),
                                 zoom) != std::end(StageView::zoomLevels);
    return ok && level ? zoom : fallback;
}

} // namespace

Preferences Preferences::load()
{
    const Preferences defaults;
    const QSettings settings;
    Preferences p;
    p.theme = themeFromName(settings.value(SettingsKeys::theme).toString());
    const QString language = settings.value(SettingsKeys::language).toString();
    p.language = isDirectorLanguage(language) ? language : QString();
    p.zoom = zoomOf(settings.value(SettingsKeys::zoom), defaults.zoom);
    p.onionSkin = flag(settings, SettingsKeys::onionSkin, defaults.onionSkin);
    p.onionShowPrevious =
        flag(settings, SettingsKeys::onionShowPrevious, defaults.onionShowPrevious);
    p.onionShowNext = flag(settings, SettingsKeys::onionShowNext, defaults.onionShowNext);
    p.onionShowAnchor = flag(settings, SettingsKeys::onionShowAnchor, defaults.onionShowAnchor);
    p.onionPreviousOpacity =
        percent(settings, SettingsKeys::onionPreviousOpacity, defaults.onionPreviousOpacity);
    p.onionNextOpacity =
        percent(settings, SettingsKeys::onionNextOpacity, defaults.onionNextOpacity);
    p.onionAnchorOpacity =
        percent(settings, SettingsKeys::onionAnchorOpacity, defaults.onionAnchorOpacity);
    p.autoAdvance = flag(settings, SettingsKeys::autoAdvance, defaults.autoAdvance);
    p.reviewer = Reviewer::orLoginName(settings.value(SettingsKeys::reviewer).toString());
    p.paletteOverlay = flag(settings, SettingsKeys::paletteOverlay, defaults.paletteOverlay);
    p.baselineOverlay = flag(settings, SettingsKeys::baselineOverlay, defaults.baselineOverlay);
    p.boundsOverlay = flag(settings, SettingsKeys::boundsOverlay, defaults.boundsOverlay);
    p.pixelEditor = settings.value(SettingsKeys::pixelEditor).toString().trimmed();
    p.inpaintProvider = settings.value(SettingsKeys::inpaintProvider).toString().trimmed();
    return p;
}

void Preferences::save() const
{
    QSettings settings;
    settings.setValue(SettingsKeys::theme, themeName(theme));
    settings.setValue(SettingsKeys::language, language);
    settings.setValue(SettingsKeys::onionPreviousOpacity, onionPreviousOpacity);
    settings.setValue(SettingsKeys::onionNextOpacity, onionNextOpacity);
    settings.setValue(SettingsKeys::onionAnchorOpacity, onionAnchorOpacity);
    settings.setValue(SettingsKeys::pixelEditor, pixelEditor);
    // The login name is not stored: it is the default, whoever logs in.
    const QString name = Reviewer::orLoginName(reviewer);
    settings.setValue(SettingsKeys::reviewer, name == Reviewer::loginName() ? QString() : name);
    settings.setValue(SettingsKeys::inpaintProvider, inpaintProvider);
    saveZoom(zoom);
    saveOnionSkin(onionSkin);
    saveOnionLayers(onionShowPrevious, onionShowNext, onionShowAnchor);
    saveAutoAdvance(autoAdvance);
    saveOverlay(SettingsKeys::paletteOverlay, paletteOverlay);
    saveOverlay(SettingsKeys::baselineOverlay, baselineOverlay);
    saveOverlay(SettingsKeys::boundsOverlay, boundsOverlay);
}

void Preferences::saveOverlay(QLatin1StringView key, bool on)
{
    QSettings().setValue(key, on);
}

void Preferences::saveZoom(int zoom)
{
    if (zoom == StageView::fitZoom)
        QSettings().setValue(SettingsKeys::zoom, QStringLiteral("fit"));
    else
        QSettings().setValue(SettingsKeys::zoom, zoom);
}

void Preferences::saveOnionLayers(bool previous, bool next, bool anchor)
{
    QSettings settings;
    settings.setValue(SettingsKeys::onionShowPrevious, previous);
    settings.setValue(SettingsKeys::onionShowNext, next);
    settings.setValue(SettingsKeys::onionShowAnchor, anchor);
}

void Preferences::saveOnionSkin(bool on)
{
    QSettings().setValue(SettingsKeys::onionSkin, on);
}

void Preferences::saveAutoAdvance(bool on)
{
    QSettings().setValue(SettingsKeys::autoAdvance, on);
}

QString Preferences::themeName(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

Preferences::Theme Preferences::themeFromName(const QString &name)
{
    if (name == QLatin1String("light"))
        return Theme::Light;
    if (name == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}
