#include "accessiblenames.h"
#include "preferences.h"
#include "preferencesdialog.h"
#include "stageview.h"
#include "windowfixture.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTemporaryDir>
#include <QTest>

// The preferences as stored (QSettings) and as the dialog edits them. That
// OK stores and applies them in the window is tst_mainwindow's.
class TestPreferencesDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void defaultsWhenNothingIsStored();
    void storedAndReadBack();
    void unknownStoredValuesReadAsDefaults();
    void theDialogShowsWhatItIsGiven();
    void editingWithTheKeyboardAndMouse();
    void restoreDefaultsOnlyFillsInTheDialog();
    void okAcceptsAndCancelRejects();
    void theLanguageSaysItTakesEffectOnRestart();
    void everyControlHasAnAccessibleName();
    void yourNameIsWhoTheVerdictsAreBy();

private:
    static Preferences changed();

    QTemporaryDir m_settings;
};

void TestPreferencesDialog::initTestCase()
{
    QVERIFY(WindowFixture::isolateSettings(m_settings, QStringLiteral("DirectorTests")));
}

void TestPreferencesDialog::init()
{
    QSettings().clear();
}

Preferences TestPreferencesDialog::changed()
{
    Preferences p;
    p.theme = Preferences::Theme::Dark;
    p.language = QStringLiteral("de");
    p.zoom = 8;
    p.onionSkin = true;
    p.onionShowNext = false;
    p.onionPreviousOpacity = 45;
    p.onionNextOpacity = 60;
    p.onionAnchorOpacity = 5;
    p.autoAdvance = true;
    p.reviewer = QStringLiteral("alice");
    p.pixelEditor = QStringLiteral("aseprite --shell");
    p.inpaintProvider = QStringLiteral("studio-inpaint --model v3");
    return p;
}

void TestPreferencesDialog::defaultsWhenNothingIsStored()
{
    const Preferences p = Preferences::load();
    QCOMPARE(p.theme, Preferences::Theme::System);
    QCOMPARE(p.language, QString());
    QCOMPARE(p.zoom, StageView::fitZoom); // Fit: the whole frame in view
    QCOMPARE(p.onionSkin, false);
    QVERIFY(p.onionShowPrevious && p.onionShowNext && p.onionShowAnchor);
    QCOMPARE(p.onionPreviousOpacity, 30);
    QCOMPARE(p.onionNextOpacity, 30);
    QCOMPARE(p.onionAnchorOpacity, 15);
    QCOMPARE(p.autoAdvance, false);
    QVERIFY(p == Preferences());
}

void TestPreferencesDialog::storedAndReadBack()
{
    changed().save();
    QVERIFY(Preferences::load() == changed());
    // The keys and values other code reads: main.cpp reads the language at
    // start.
    const QSettings settings;
    QCOMPARE(settings.value(QStringLiteral("ui/language")).toString(), QStringLiteral("de"));
    QCOMPARE(settings.value(QStringLiteral("ui/theme")).toString(), QStringLiteral("dark"));
    QCOMPARE(settings.value(QStringLiteral("view/zoom")).toInt(), 8);
    QCOMPARE(settings.value(QStringLiteral("view/onionSkin")).toBool(), true);
    QCOMPARE(settings.value(QStringLiteral("view/onionSkinNext")).toBool(), false);
    QCOMPARE(settings.value(QStringLiteral("view/onionSkinNextOpacity")).toInt(), 60);
    QCOMPARE(settings.value(QStringLiteral("review/autoAdvance")).toBool(), true);
    // The key `director frame` reads too.
    QCOMPARE(settings.value(QStringLiteral("review/reviewer")).toString(), QStringLiteral("alice"));
    QCOMPARE(Reviewer::current(), QStringLiteral("alice"));
    QCOMPARE(settings.value(QStringLiteral("patch/pixelEditor")).toString(),
             QStringLiteral("aseprite --shell"));
    // The key InpaintProvider reads: what Paint Mask → Patch runs.
    QCOMPARE(settings.value(QStringLiteral("patch/inpaintProvider")).toString(),
             QStringLiteral("studio-inpaint --model v3"));
    QCOMPARE(InpaintProvider::defaultCommand(), QStringLiteral("studio-inpaint --model v3"));
    // Fit is stored by name.
    Preferences fit = changed();
    fit.zoom = StageView::fitZoom;
    fit.save();
    QCOMPARE(QSettings().value(QStringLiteral("view/zoom")).toString(), QStringLiteral("fit"));
    QCOMPARE(Preferences::load().zoom, StageView::fitZoom);
    // The system's language is stored as an empty value.
    Preferences system = changed();
    system.language.clear();
    system.save();
    QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QString());
    QCOMPARE(Preferences::load().language, QString());
}

void TestPreferencesDialog::unknownStoredValuesReadAsDefaults()
{
    QSettings settings;
    settings.setValue(SettingsKeys::theme, QStringLiteral("sepia"));
    settings.setValue(SettingsKeys::language, QStringLiteral("tlh"));
    settings.setValue(SettingsKeys::zoom, 3);
    settings.setValue(SettingsKeys::onionPreviousOpacity, 250);
    settings.setValue(SettingsKeys::onionAnchorOpacity, QStringLiteral("faint"));
    settings.sync();
    QVERIFY(Preferences::load() == Preferences());
}

void TestPreferencesDialog::theDialogShowsWhatItIsGiven()
{
    PreferencesDialog dialog(changed());
    QCOMPARE(dialog.themeBox()->currentText(), QStringLiteral("Dark, for pixel work"));
    QCOMPARE(dialog.languageBox()->currentText(), QStringLiteral("Deutsch"));
    QCOMPARE(dialog.zoomBox()->currentText(), QStringLiteral("8×"));
    QVERIFY(dialog.onionSkinBox()->isChecked());
    QCOMPARE(dialog.previousOpacityBox()->value(), 45);
    QCOMPARE(dialog.nextOpacityBox()->value(), 60);
    QCOMPARE(dialog.anchorOpacityBox()->value(), 5);
    QVERIFY(dialog.autoAdvanceBox()->isChecked());
    QCOMPARE(dialog.reviewerBox()->text(), QStringLiteral("alice"));
    QCOMPARE(dialog.pixelEditorBox()->text(), QStringLiteral("aseprite --shell"));
    QCOMPARE(dialog.inpaintProviderBox()->text(), QStringLiteral("studio-inpaint --model v3"));
    QVERIFY(dialog.preferences() == changed());
    // Every choice is offered.
    QCOMPARE(dialog.themeBox()->count(), 3);
    QCOMPARE(dialog.languageBox()->count(), 3);
    QCOMPARE(dialog.zoomBox()->count(), 5); // Fit, 1×, 2×, 4×, 8×
    QCOMPARE(dialog.zoomBox()->itemText(0), QStringLiteral("Fit"));
}

void TestPreferencesDialog::editingWithTheKeyboardAndMouse()
{
    PreferencesDialog dialog{Preferences()};
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClick(dialog.themeBox(), Qt::Key_Down); // Light
    QTest::keyClick(dialog.zoomBox(), Qt::Key_End);   // 8×
    QTest::keyClick(dialog.languageBox(), Qt::Key_End);
    QVERIFY(!dialog.previousOpacityBox()->isEnabled()); // no onion skin, no opacity
    // A check box reacts to a click on its box or its text (a form row
    // makes it wider than that).
    const auto click = [](QCheckBox *box) {
        QStyleOptionButton option;
        option.initFrom(box);
        const QRect indicator =
            box->style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, box);
        QTest::mouseClick(box, Qt::LeftButton, {}, indicator.center());
    };
    click(dialog.onionSkinBox());
    QVERIFY(dialog.previousOpacityBox()->isEnabled());
    dialog.previousOpacityBox()->setFocus();
    QTest::keyClick(dialog.previousOpacityBox(), Qt::Key_Up); // one step: 5 %
    dialog.nextOpacityBox()->setFocus();
    QTest::keyClick(dialog.nextOpacityBox(), Qt::Key_Down);
    dialog.autoAdvanceBox()->setFocus();
    QTest::keyClick(dialog.autoAdvanceBox(), Qt::Key_Space);
    QVERIFY(dialog.pixelEditorBox()->text().isEmpty()); // automatic
    QTest::keyClicks(dialog.pixelEditorBox(), QStringLiteral(" gimp "));
    QVERIFY(dialog.inpaintProviderBox()->text().isEmpty()); // the bundled provider
    QTest::keyClicks(dialog.inpaintProviderBox(), QStringLiteral("my-inpaint --fast"));

    const Preferences p = dialog.preferences();
    QCOMPARE(p.theme, Preferences::Theme::Light);
    QCOMPARE(p.zoom, 8);
    QCOMPARE(p.language, QStringLiteral("de"));
    QVERIFY(p.onionSkin);
    QCOMPARE(p.onionPreviousOpacity, 35);
    QCOMPARE(p.onionNextOpacity, 25);
    QCOMPARE(p.onionAnchorOpacity, 15);
    QVERIFY(p.autoAdvance);
    QCOMPARE(p.pixelEditor, QStringLiteral("gimp"));
    QCOMPARE(p.inpaintProvider, QStringLiteral("my-inpaint --fast"));
    // The dialog only edits: nothing is stored.
    QVERIFY(Preferences::load() == Preferences());
}

void TestPreferencesDialog::restoreDefaultsOnlyFillsInTheDialog()
{
    changed().save();
    PreferencesDialog dialog(Preferences::load());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy finished(&dialog, &QDialog::finished);
    QPushButton *restore = dialog.buttons()->button(QDialogButtonBox::RestoreDefaults);
    QVERIFY(restore);
    QTest::mouseClick(restore, Qt::LeftButton);
    QVERIFY(dialog.preferences() == Preferences());
    QCOMPARE(dialog.themeBox()->currentText(), QStringLiteral("Follow system"));
    QCOMPARE(dialog.languageBox()->currentText(), QStringLiteral("System"));
    QVERIFY(!dialog.previousOpacityBox()->isEnabled());
    QVERIFY(dialog.isVisible());
    QCOMPARE(finished.count(), 0);
    QVERIFY(Preferences::load() == changed()); // stored only with OK, by the window
}

void TestPreferencesDialog::okAcceptsAndCancelRejects()
{
    PreferencesDialog dialog{Preferences()};
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QSignalSpy rejected(&dialog, &QDialog::rejected);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(dialog.buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QCOMPARE(accepted.count(), 1);
    QVERIFY(!dialog.isVisible());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(dialog.buttons()->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    QCOMPARE(rejected.count(), 1);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(rejected.count(), 2);
    QCOMPARE(accepted.count(), 1);
}

void TestPreferencesDialog::theLanguageSaysItTakesEffectOnRestart()
{
    PreferencesDialog dialog{Preferences()};
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *note = dialog.findChild<QLabel *>(QStringLiteral("languageRestartNote"));
    QVERIFY(note);
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QLatin1String("started again")), qPrintable(note->text()));
    QVERIFY(dialog.languageBox()->accessibleDescription().contains(QLatin1String("started again")));
}

void TestPreferencesDialog::everyControlHasAnAccessibleName()
{
    PreferencesDialog dialog{Preferences()};
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    int controls = 0;
    const QStringList unnamed = AccessibleNames::unnamedControls(&dialog, &controls);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    QVERIFY2(controls >= 10, qPrintable(QString::number(controls))); // the walk saw them
    QCOMPARE(AccessibleNames::nameOf(dialog.zoomBox()), QStringLiteral("Zoom"));
    QCOMPARE(AccessibleNames::nameOf(dialog.onionSkinBox()), QStringLiteral("Show onion skin"));

    // The walk does find controls without a name.
    QWidget bare;
    new QSpinBox(&bare);
    new QPushButton(&bare);
    QCOMPARE(AccessibleNames::unnamedControls(&bare),
             (QStringList{QStringLiteral("QSpinBox ''"), QStringLiteral("QPushButton ''")}));
}

QTEST_MAIN(TestPreferencesDialog)
#include "tst_preferencesdialog.moc"

void TestPreferencesDialog::yourNameIsWhoTheVerdictsAreBy()
{
    // By default the user logged in, who is not stored: the next one logged in is the default.
    QCOMPARE(Preferences().reviewer, Reviewer::loginName());
    QVERIFY(!Reviewer::loginName().isEmpty());
    PreferencesDialog dialog{Preferences::load()};
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.reviewerBox()->text(), Reviewer::loginName());
    QCOMPARE(dialog.reviewerBox()->accessibleName(), QStringLiteral("Your name"));
    dialog.reviewerBox()->setFocus();
    dialog.reviewerBox()->selectAll();
    QTest::keyClicks(dialog.reviewerBox(), QStringLiteral(" Carol Ng "));
    QCOMPARE(dialog.preferences().reviewer, QStringLiteral("Carol Ng"));
    dialog.preferences().save();
    QCOMPARE(Preferences::load().reviewer, QStringLiteral("Carol Ng"));
    QCOMPARE(Reviewer::current(), QStringLiteral("Carol Ng"));
    // Emptied, it is the login name again.
    dialog.reviewerBox()->clear();
    QCOMPARE(dialog.preferences().reviewer, Reviewer::loginName());
    dialog.preferences().save();
    QCOMPARE(QSettings().value(SettingsKeys::reviewer).toString(), QString());
    QCOMPARE(Reviewer::current(), Reviewer::loginName());
}
