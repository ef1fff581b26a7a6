#include "framedelegate.h"
#include "preferences.h"
#include "review/framelistmodel.h"
#include "session/framestatus.h"
#include "theme.h"
#include "windowfixture.h"

#include <QApplication>
#include <QPainter>
#include <QSettings>
#include <QStandardItemModel>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>

// The application's look: Light, Dark (neutral greys for pixel work) and
// Follow system, which follows a system that turns dark or light.
class TestTheme : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void darkPaletteIsDarkAndNeutral();
    void darkAndLightAreAppliedToTheWidgets();
    void followSystemFollowsTheApplicationPalette();
    void followSystemLooksAgainWhenTheThemeChanges();
    void theSavedThemeIsApplied();
    void statusColoursAndFrameNumbersReadOnBothPalettes_data();
    void statusColoursAndFrameNumbersReadOnBothPalettes();

private:
    static bool isNeutral(const QColor &colour)
    {
        return colour.red() == colour.green() && colour.green() == colour.blue();
    }

    QTemporaryDir m_settings;
    QString m_systemStyle;
    QColor m_systemWindow;
};

namespace {

// WCAG's contrast ratio of two colours, 1 to 21.
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
               0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// A dark palette as a desktop might have it: blue-grey.
QPalette bluishDark()
{
    QPalette palette(QColor(0x31, 0x36, 0x3b), QColor(0x23, 0x26, 0x29));
    palette.setColor(QPalette::WindowText, QColor(0xef, 0xf0, 0xf1));
    return palette;
}

} // namespace

void TestTheme::initTestCase()
{
    QVERIFY(WindowFixture::isolateSettings(m_settings, QStringLiteral("DirectorTests")));
    m_systemStyle = QApplication::style()->name();
    m_systemWindow = QApplication::palette().color(QPalette::Window);
    // The offscreen platform's own palette is light.
    QVERIFY(!Theme::isDark(QApplication::palette()));
}

void TestTheme::cleanup()
{
    Theme::apply(Preferences::Theme::System);
    QApplication::setPalette(QPalette()); // the system's again
    QTRY_COMPARE(QApplication::palette().color(QPalette::Window), m_systemWindow);
    QSettings().clear();
}

void TestTheme::darkPaletteIsDarkAndNeutral()
{
    const QPalette dark = Theme::darkPalette();
    QVERIFY(Theme::isDark(dark));
    QVERIFY(!Theme::isDark(Theme::lightPalette()));
    // Every surface a frame is seen on or beside: grey, not tinted.
    for (const QPalette::ColorGroup group :
         {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        for (const QPalette::ColorRole role :
             {QPalette::Window, QPalette::Base, QPalette::AlternateBase, QPalette::Button,
              QPalette::Light, QPalette::Midlight, QPalette::Mid, QPalette::Dark, QPalette::Shadow,
              QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
            QVERIFY2(isNeutral(dark.color(group, role)),
                     qPrintable(QStringLiteral("group %1, role %2: %3")
                                    .arg(int(group))
                                    .arg(int(role))
                                    .arg(dark.color(group, role).name())));
        }
    }
    // Text reads well on it; disabled text less so, but still.
    QVERIFY(contrast(dark.color(QPalette::WindowText), dark.color(QPalette::Window)) >= 7);
    QVERIFY(contrast(dark.color(QPalette::Text), dark.color(QPalette::Base)) >= 7);
    QVERIFY(contrast(dark.color(QPalette::HighlightedText), dark.color(QPalette::Highlight)) >=
            4.5);
    QVERIFY(contrast(dark.color(QPalette::Disabled, QPalette::Text),
                     dark.color(QPalette::Disabled, QPalette::Base)) >= 3);
}

void TestTheme::darkAndLightAreAppliedToTheWidgets()
{
    QWidget widget;
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));

    Theme::apply(Preferences::Theme::Dark);
    QCOMPARE(Theme::current(), Preferences::Theme::Dark);
    QCOMPARE(QApplication::style()->name(), QStringLiteral("fusion"));
    QCOMPARE(QApplication::palette().color(QPalette::Window),
             Theme::darkPalette().color(QPalette::Window));
    QTRY_VERIFY(Theme::isDark(widget.palette()));
    QVERIFY(isNeutral(widget.palette().color(QPalette::Window)));

    Theme::apply(Preferences::Theme::Light);
    QCOMPARE(Theme::current(), Preferences::Theme::Light);
    QTRY_VERIFY(!Theme::isDark(widget.palette()));
    QCOMPARE(widget.palette().color(QPalette::Window),
             Theme::lightPalette().color(QPalette::Window));
}

void TestTheme::followSystemFollowsTheApplicationPalette()
{
    QWidget widget;
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    Theme::apply(Preferences::Theme::System);
    QCOMPARE(QApplication::palette().color(QPalette::Window), m_systemWindow); // left as it is
    QCOMPARE(QApplication::style()->name(), m_systemStyle);

    // The system turns dark (here: someone sets a dark application
    // palette): Director turns dark, with its neutral greys.
    QApplication::setPalette(bluishDark());
    QTRY_COMPARE(QApplication::palette().color(QPalette::Window),
                 Theme::darkPalette().color(QPalette::Window));
    QTRY_VERIFY(isNeutral(widget.palette().color(QPalette::Window)));
    QVERIFY(Theme::isDark(widget.palette()));

    // And light again.
    const QPalette light(QColor(0xf4, 0xf4, 0xf0), QColor(0xfa, 0xfa, 0xfa));
    QApplication::setPalette(light);
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    QCOMPARE(QApplication::palette().color(QPalette::Window), light.color(QPalette::Window));
    QTRY_VERIFY(!Theme::isDark(widget.palette()));
    QCOMPARE(QApplication::style()->name(), m_systemStyle);
}

void TestTheme::followSystemLooksAgainWhenTheThemeChanges()
{
    QWidget widget;
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    Theme::apply(Preferences::Theme::System);
    QApplication::setPalette(bluishDark());
    QTRY_COMPARE(QApplication::palette().color(QPalette::Window),
                 Theme::darkPalette().color(QPalette::Window));
    // The desktop's theme changes (to the offscreen platform's, light): the
    // system's palette is looked at again, under Director's dark one.
    QEvent themeChange(QEvent::ThemeChange);
    QCoreApplication::sendEvent(widget.windowHandle(), &themeChange);
    QTRY_COMPARE(QApplication::palette().color(QPalette::Window), m_systemWindow);
    QTRY_VERIFY(!Theme::isDark(widget.palette()));

    // A theme change while Dark is chosen changes nothing.
    Theme::apply(Preferences::Theme::Dark);
    QCoreApplication::sendEvent(widget.windowHandle(), &themeChange);
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    QVERIFY(Theme::isDark(QApplication::palette()));
}

void TestTheme::theSavedThemeIsApplied()
{
    QSettings().setValue(SettingsKeys::theme, QStringLiteral("dark"));
    Theme::applySaved();
    QCOMPARE(Theme::current(), Preferences::Theme::Dark);
    QVERIFY(Theme::isDark(QApplication::palette()));
    QSettings().setValue(SettingsKeys::theme, QStringLiteral("light"));
    Theme::applySaved();
    QCOMPARE(Theme::current(), Preferences::Theme::Light);
    QVERIFY(!Theme::isDark(QApplication::palette()));
    QSettings().setValue(SettingsKeys::theme, QStringLiteral("purple")); // unknown: the default
    Theme::applySaved();
    QCOMPARE(Theme::current(), Preferences::Theme::System);
}

void TestTheme::statusColoursAndFrameNumbersReadOnBothPalettes_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::newRow("light") << Theme::lightPalette();
    QTest::newRow("dark") << Theme::darkPalette();
}

void TestTheme::statusColoursAndFrameNumbersReadOnBothPalettes()
{
    QFETCH(QPalette, palette);
    // A filmstrip cell, painted with the palette: the status border keeps
    // its colour, and the frame number contrasts with the cell.
    QStandardItemModel model;
    auto *item = new QStandardItem(QStringLiteral("frame_0007"));
    item->setData(int(FrameStatus::Approved), FrameListModel::StatusRole);
    model.appendRow(item);
    FrameDelegate delegate;
    QStyleOptionViewItem option;
    option.palette = palette;
    option.font = QApplication::font();
    option.rect = QRect(QPoint(0, 0), delegate.sizeHint(option, model.index(0, 0)));
    QImage cell(option.rect.size(), QImage::Format_ARGB32);
    cell.fill(palette.color(QPalette::Base));
    {
        QPainter painter(&cell);
        delegate.paint(&painter, option, model.index(0, 0));
    }
    // The frame number: the darkest (light palette) or lightest (dark) pixel
    // of the label under the frame against the cell's background.
    const QColor background = palette.color(QPalette::Base);
    double best = 1;
    for (int y = cell.height() - 6 - 16; y < cell.height() - 6; ++y)
        for (int x = 0; x < cell.width(); ++x)
            best = std::max(best, contrast(QColor(cell.pixel(x, y)), background));
    QVERIFY2(best >= 4.5, qPrintable(QString::number(best)));
    QVERIFY(contrast(palette.color(QPalette::Text), background) >= 7);
    // Every status colour, the border and the shape of the status, stands out from the cell's
    // background and the window's by 3:1 at least (WCAG's ratio for graphics): AUDIT_WARN's
    // yellow is amber on the light palette.
    for (const FrameStatus status : allFrameStatuses) {
        const QColor colour = FrameDelegate::statusColour(int(status), palette);
        for (const QPalette::ColorRole role : {QPalette::Base, QPalette::Window}) {
            const double ratio = contrast(colour, palette.color(role));
            QVERIFY2(ratio >= 3.0, qPrintable(QStringLiteral("%1 %2 on %3: %4")
                                                  .arg(frameStatusName(status), colour.name(),
                                                       palette.color(role).name())
                                                  .arg(ratio)));
        }
    }
    // The border as painted: the approved colour of this palette.
    QCOMPARE(QColor(cell.pixel(6 + 1, 6 + 1)),
             FrameDelegate::statusColour(int(FrameStatus::Approved), palette));
}

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
