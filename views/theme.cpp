#include "theme.h"

#include <QApplication>
#include <QEvent>
#include <QPointer>
#include <QScopedValueRollback>
#include <QStyle>
#include <QStyleFactory>
#include <QTimer>
#include <QToolTip>

#include <memory>
#include <optional>
#include <utility>

namespace {

QString fusion()
{
    return QStringLiteral("Fusion");
}

// Applies the chosen theme and, for System, follows the system: the
// application palette and the system's theme are watched (an event filter on
// the application) and the choice is made again after they change.
class ThemeFollower : public QObject
{
public:
    explicit ThemeFollower(QObject *parent)
        : QObject(parent), m_systemStyle(QApplication::style()->name()),
          m_systemToolTips(QToolTip::palette())
    {
        qApp->installEventFilter(this);
    }

    Preferences::Theme theme() const { return m_theme; }

    void apply(Preferences::Theme theme)
    {
        const bool changed = theme != m_theme;
        m_theme = theme;
        update(changed);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        const bool themeChange = event->type() == QEvent::ThemeChange;
        const bool paletteChange =
            event->type() == QEvent::ApplicationPaletteChange && watched == qApp;
        if ((themeChange || paletteChange) && !m_applying &&
            m_theme == Preferences::Theme::System) {
            // Once the change is done (it is sent to every window): never
            // a palette of ours in the middle of Qt setting another.
            m_themeChanged = m_themeChanged || themeChange;
            if (!m_pending) {
                m_pending = true;
                QTimer::singleShot(0, this, [this] {
                    m_pending = false;
                    const bool themeChanged = std::exchange(m_themeChanged, false);
                    if (m_theme == Preferences::Theme::System)
                        update(themeChanged);
                });
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    void setStyle(const QString &name)
    {
        if (QApplication::style()->name().compare(name, Qt::CaseInsensitive) != 0)
            QApplication::setStyle(name);
    }

    void setOwnPalette(const QPalette &palette)
    {
        setStyle(fusion()); // before the palette: a new style resolves the palette again
        QApplication::setPalette(palette);
        QToolTip::setPalette(palette);
        m_ownPalette = QApplication::palette();
    }

    bool isOwnPaletteApplied() const
    {
        const QPalette current = QApplication::palette();
        return m_ownPalette && current == *m_ownPalette &&
               current.resolveMask() == m_ownPalette->resolveMask();
    }

    // recheck: the system may have changed beneath a palette of ours (its
    // theme changed, or the choice is System again).
    void update(bool recheck)
    {
        if (m_applying)
            return;
        const QScopedValueRollback<bool> applying(m_applying, true);
        switch (m_theme) {
        case Preferences::Theme::Light:
            setOwnPalette(Theme::lightPalette());
            return;
        case Preferences::Theme::Dark:
            setOwnPalette(Theme::darkPalette());
            return;
        case Preferences::Theme::System:
            break;
        }
        if (isOwnPaletteApplied()) {
            if (!recheck)
                return; // nothing has changed
            // What the system gives now: a palette without any role set
            // resolves to it.
            QApplication::setPalette(QPalette());
        }
        // The application palette is the system's now: Director's own, or
        // another that someone set (the system, a test, a platform plugin).
        m_ownPalette.reset();
        if (Theme::isDark(QApplication::palette())) {
            setOwnPalette(Theme::darkPalette());
            return;
        }
        setStyle(m_systemStyle);
        QToolTip::setPalette(m_systemToolTips);
    }

    Preferences::Theme m_theme = Preferences::Theme::System;
    const QString m_systemStyle; // the style before Director chose one
    const QPalette m_systemToolTips;
    std::optional<QPalette> m_ownPalette; // the application palette Director set
    bool m_applying = false;
    bool m_pending = false;
    bool m_themeChanged = false;
};

// Null without a QApplication (the headless commands have no look).
ThemeFollower *follower()
{
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return nullptr;
    static QPointer<ThemeFollower> instance;
    if (!instance)
        instance = new ThemeFollower(qApp);
    return instance;
}

} // namespace

void Theme::applySaved()
{
    if (follower())
        apply(Preferences::load().theme);
}

void Theme::apply(Preferences::Theme theme)
{
    if (ThemeFollower *f = follower())
        f->apply(theme);
}

Preferences::Theme Theme::current()
{
    const ThemeFollower *f = follower();
    return f ? f->theme() : Preferences::Theme::System;
}

bool Theme::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Active, QPalette::Window).lightnessF() < 0.5;
}

QPalette Theme::lightPalette()
{
    const std::unique_ptr<QStyle> style(QStyleFactory::create(fusion()));
    return style ? style->standardPalette() : QPalette(QColor(0xef, 0xef, 0xef));
}

QPalette Theme::darkPalette()
{
    // Neutral greys only (red = green = blue) for every surface; the one
    // colour is the selection, which never touches a frame's pixels.
    const auto grey = [](int level) { return QColor(level, level, level); };
    QPalette p;
    const auto all = [&p](QPalette::ColorRole role, const QColor &colour) {
        p.setColor(QPalette::All, role, colour);
    };
    all(QPalette::Window, grey(0x35));
    all(QPalette::WindowText, grey(0xe0));
    all(QPalette::Base, grey(0x26));
    all(QPalette::AlternateBase, grey(0x3a));
    all(QPalette::ToolTipBase, grey(0x1e));
    all(QPalette::ToolTipText, grey(0xe0));
    all(QPalette::PlaceholderText, grey(0x90));
    all(QPalette::Text, grey(0xe0));
    all(QPalette::Button, grey(0x3c));
    all(QPalette::ButtonText, grey(0xe0));
    all(QPalette::BrightText, QColor(0xff, 0x6e, 0x6e));
    all(QPalette::Light, grey(0x58));
    all(QPalette::Midlight, grey(0x48));
    all(QPalette::Mid, grey(0x2c));
    all(QPalette::Dark, grey(0x20));
    all(QPalette::Shadow, grey(0x10));
    all(QPalette::Highlight, QColor(0x3d, 0x6e, 0xa8));
    all(QPalette::HighlightedText, grey(0xff));
    all(QPalette::Link, QColor(0x7a, 0xb4, 0xf5));
    all(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xdb));
    for (const QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::ToolTipText})
        p.setColor(QPalette::Disabled, role, grey(0x7f));
    p.setColor(QPalette::Disabled, QPalette::Base, grey(0x2e));
    p.setColor(QPalette::Disabled, QPalette::Highlight, grey(0x50));
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, grey(0xa0));
    return p;
}
