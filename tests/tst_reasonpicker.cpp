#include "inspectorpanel.h"
#include "mainwindow.h"
#include "preferences.h"
#include "reasonpicker.h"
#include "review/reviewhistory.h"
#include "runfixture.h"
#include "session/reasoncodes.h"
#include "session/sessioncodec.h"
#include "windowfixture.h"

#include <QAction>
#include <QApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

// Why a frame is rejected, asked the moment `X` rejects it, through the real window and the
// keyboard, as the operator answers it: 1–9 picks, letters filter, a line of free text, Enter
// rejects with the reason (recorded in the session file with who and when), Escape changes
// nothing; undo takes the verdict back with the rejection.
class TestReasonPicker : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void escapeChangesNothing();
    void aNumberPicksAndEnterRejectsWithThatReason();
    void lettersFilterByCodeOrTitle();
    void enterWithNothingChosenRejectsWithoutAReason();
    void wordsThatNameNoCodeAreTheReason();
    void thePickerForSeveralFramesNamesThemAll();
    void aFrameTheAuditFailedTakesAReason();
    void theRejectActionAsksToo();
    void everyControlHasAnAccessibleName();
    void theRunsCodesFollowAnEditItsUndoAndThePipelinesNews();

private:
    QString run() const { return m_dir->path() + QStringLiteral("/run"); }
    DirectorSession onDisk() const;
    // The picker X opened on the window; null when none is open.
    static ReasonPicker *picker(QWidget *window);
    // X on the window's frame `frame`: the picker it opens (null when none).
    ReasonPicker *pressX(MainWindow *window, int frame);
    // The codes the picker X opens on `frame` lists, in its order; closed with Escape.
    QStringList offered(MainWindow *window, int frame);

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestReasonPicker::initTestCase()
{
    QVERIFY(WindowFixture::isolateSettings(m_settings, QStringLiteral("DirectorTests")));
}

void TestReasonPicker::init()
{
    QSettings().clear();
    // Who the verdicts are by: the name set in Preferences.
    QSettings().setValue(SettingsKeys::reviewer, QStringLiteral("dana"));
    m_dir = std::make_unique<QTemporaryDir>();
    // 0 APPROVED, 1 AUDIT_WARN (SF01_IDENTITY_DRIFT), 2 AUDIT_FAIL, 3 GENERATED, 4 PENDING.
    QVERIFY(RunFixture::writeMixedRun(run()));
}

DirectorSession TestReasonPicker::onDisk() const
{
    QFile file(run() + QStringLiteral("/director_session.json"));
    return file.open(QIODevice::ReadOnly)
               ? SessionCodec::decode(file.readAll()).session.value_or(DirectorSession())
               : DirectorSession();
}

ReasonPicker *TestReasonPicker::picker(QWidget *window)
{
    for (ReasonPicker *open : window->findChildren<ReasonPicker *>()) {
        if (open->isVisible())
            return open;
    }
    return nullptr;
}

ReasonPicker *TestReasonPicker::pressX(MainWindow *window, int frame)
{
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window))
        return nullptr;
    window->setCurrentFrame(frame);
    QTest::keyClick(window, Qt::Key_X);
    return picker(window);
}

QStringList TestReasonPicker::offered(MainWindow *window, int frame)
{
    QPointer<ReasonPicker> asked = pressX(window, frame);
    if (!asked)
        return {QStringLiteral("no picker")};
    QStringList codes;
    for (int row = 0; row < asked->list()->count(); ++row)
        codes.append(asked->list()->item(row)->data(Qt::UserRole).toString());
    QTest::keyClick(asked->filter(), Qt::Key_Escape);
    if (!QTest::qWaitFor([&] { return !asked; }))
        return {QStringLiteral("the picker stayed open")};
    return codes;
}

void TestReasonPicker::escapeChangesNothing()
{
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    const QByteArray before = [this] {
        QFile file(run() + QStringLiteral("/director_session.json"));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    QPointer<ReasonPicker> asked = pressX(window.get(), 1);
    QVERIFY(asked);
    QCOMPARE(asked->windowTitle(), QStringLiteral("Reject Frame 1"));
    // The keys go to the filter at once.
    QCOMPARE(asked->focusWidget(), asked->filter());
    QTest::keyClick(asked->filter(), Qt::Key_2);
    QTest::keyClick(asked->filter(), Qt::Key_Escape);
    QTRY_VERIFY(!asked);
    QCOMPARE(onDisk().frames.value(1).status, FrameStatus::AuditWarn);
    QFile file(run() + QStringLiteral("/director_session.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
    QCOMPARE(window->history()->stack()->count(), 0);
}

void TestReasonPicker::aNumberPicksAndEnterRejectsWithThatReason()
{
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    const DirectorFrameState before = onDisk().frames.value(1);
    ReasonPicker *asked = pressX(window.get(), 1);
    QVERIFY(asked);
    // The frame's own flag first, then the catalogue, numbered.
    const QStringList offered = ReasonPicker::reasonsFor(window->manager()->session(), 1);
    QCOMPARE(offered.value(0), QStringLiteral("SF01_IDENTITY_DRIFT"));
    QVERIFY(asked->list()->item(1)->text().startsWith(QStringLiteral("2  ") + offered.at(1)));
    QTest::keyClick(asked->filter(), Qt::Key_2);
    QCOMPARE(asked->choice().code, offered.at(1));
    QTest::keyClick(asked->filter(), Qt::Key_1); // another number, another pick
    QCOMPARE(asked->choice().code, QStringLiteral("SF01_IDENTITY_DRIFT"));
    QCOMPARE(asked->findChild<QLabel *>(QStringLiteral("reasonChosen"))->text(),
             QStringLiteral("Reason: SF01_IDENTITY_DRIFT — Identity drift"));
    // Tab to the free text, type, Enter.
    QTest::keyClick(asked->filter(), Qt::Key_Tab);
    QCOMPARE(asked->focusWidget(), asked->freeText());
    QTest::keyClicks(asked->freeText(), QStringLiteral("hand drifts"));
    QTest::keyClick(asked->freeText(), Qt::Key_Return);
    QTRY_VERIFY(!picker(window.get()));

    QTRY_COMPARE(onDisk().frames.value(1).status, FrameStatus::AuditFail); // saved
    const DirectorFrameState rejected = onDisk().frames.value(1);
    QVERIFY(rejected.directorOverrides.verdict.has_value());
    QCOMPARE(rejected.directorOverrides.verdict->reasonCode, QStringLiteral("SF01_IDENTITY_DRIFT"));
    QCOMPARE(rejected.directorOverrides.verdict->reason, QStringLiteral("hand drifts"));
    QCOMPARE(rejected.directorOverrides.verdict->reviewer, QStringLiteral("dana"));
    // The inspector says it.
    const QString said = window->inspector()->verdictLabel()->text();
    QVERIFY2(said.startsWith(QStringLiteral("Rejected by dana, ")), qPrintable(said));
    QVERIFY2(said.endsWith(QStringLiteral(" — SF01 Identity drift: hand drifts")),
             qPrintable(said));

    // Undo takes the rejection back, and its verdict with it.
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(onDisk().frames.value(1), before);
    QCOMPARE(window->inspector()->verdictLabel()->text(), QStringLiteral("none"));
}

void TestReasonPicker::lettersFilterByCodeOrTitle()
{
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    ReasonPicker *asked = pressX(window.get(), 3);
    QVERIFY(asked);
    QTest::keyClicks(asked->filter(), QStringLiteral("palette")); // a title
    QStringList shown;
    for (int row = 0; row < asked->list()->count(); ++row) {
        if (!asked->list()->item(row)->isHidden())
            shown.append(asked->list()->item(row)->data(Qt::UserRole).toString());
    }
    QCOMPARE(shown, QStringList{QStringLiteral("SF02_PALETTE_DRIFT")});
    QCOMPARE(asked->choice().code, QStringLiteral("SF02_PALETTE_DRIFT")); // typed, chosen
    // By code, digits included once letters are typed.
    asked->filter()->clear();
    QTest::keyClicks(asked->filter(), QStringLiteral("hf0"));
    QCOMPARE(asked->choice().code, QStringLiteral("HF01_DIMENSION_MISMATCH"));
    QTest::keyClick(asked->filter(), Qt::Key_Down);
    QCOMPARE(asked->choice().code, QStringLiteral("HF02_FULLY_TRANSPARENT"));
    QTest::keyClick(asked->filter(), Qt::Key_Return);
    QTRY_COMPARE(onDisk().frames.value(3).status, FrameStatus::AuditFail);
    QVERIFY(onDisk().frames.value(3).directorOverrides.verdict.has_value());
    QCOMPARE(onDisk().frames.value(3).directorOverrides.verdict->reasonCode,
             QStringLiteral("HF02_FULLY_TRANSPARENT"));
}

void TestReasonPicker::enterWithNothingChosenRejectsWithoutAReason()
{
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    ReasonPicker *asked = pressX(window.get(), 0); // APPROVED
    QVERIFY(asked);
    QVERIFY(asked->choice().code.isEmpty());
    QTest::keyClick(asked->filter(), Qt::Key_Return);
    QTRY_COMPARE(onDisk().frames.value(0).status, FrameStatus::AuditFail);
    const std::optional<Verdict> verdict = onDisk().frames.value(0).directorOverrides.verdict;
    QVERIFY(verdict.has_value());
    QCOMPARE(verdict->reviewer, QStringLiteral("dana"));
    QVERIFY(!verdict->reasonCode && !verdict->reason);
    QVERIFY(window->inspector()->verdictLabel()->text().startsWith(
        QStringLiteral("Rejected by dana, ")));
}

// Keyboard-first: X, the reason typed straight away in words, Enter. Words that match no code
// are the reason; once they match one, the code is chosen instead.
void TestReasonPicker::wordsThatNameNoCodeAreTheReason()
{
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    ReasonPicker *asked = pressX(window.get(), 3);
    QVERIFY(asked);
    QTest::keyClicks(asked->filter(), QStringLiteral("palette")); // a title: its code
    QCOMPARE(asked->choice().code, QStringLiteral("SF02_PALETTE_DRIFT"));
    QVERIFY(asked->choice().text.isEmpty());
    asked->filter()->clear();
    QTest::keyClicks(asked->filter(), QStringLiteral("  hand drifts left "));
    QVERIFY(asked->choice().code.isEmpty());
    QCOMPARE(asked->choice().text, QStringLiteral("hand drifts left"));
    QCOMPARE(
        asked->findChild<QLabel *>(QStringLiteral("reasonChosen"))->text(),
        QStringLiteral("No code matches: Enter rejects with “hand drifts left” as the reason"));
    QTest::keyClick(asked->filter(), Qt::Key_Return);
    QTRY_COMPARE(onDisk().frames.value(3).status, FrameStatus::AuditFail);
    const std::optional<Verdict> verdict = onDisk().frames.value(3).directorOverrides.verdict;
    QVERIFY(verdict.has_value());
    QVERIFY(!verdict->reasonCode);
    QCOMPARE(verdict->reason, QStringLiteral("hand drifts left"));
    // Words in the free text line win over the filter's.
    asked = pressX(window.get(), 0);
    QVERIFY(asked);
    QTest::keyClicks(asked->filter(), QStringLiteral("zzz"));
    QTest::keyClick(asked->filter(), Qt::Key_Tab);
    QTest::keyClicks(asked->freeText(), QStringLiteral("belt off palette"));
    QCOMPARE(asked->findChild<QLabel *>(QStringLiteral("reasonChosen"))->text(),
             QStringLiteral("No reason code chosen: Enter rejects without one"));
    QTest::keyClick(asked->freeText(), Qt::Key_Return);
    QTRY_COMPARE(onDisk().frames.value(0).status, FrameStatus::AuditFail);
    QCOMPARE(onDisk().frames.value(0).directorOverrides.verdict->reason,
             QStringLiteral("belt off palette"));
}

// X on several selected frames asks once, for all of them, and says so.
void TestReasonPicker::thePickerForSeveralFramesNamesThemAll()
{
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    window->setCurrentFrame(0);
    QTest::keyClick(window.get(), Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(window.get(), Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(window.get(), Qt::Key_X);
    ReasonPicker *asked = picker(window.get());
    QVERIFY(asked);
    QCOMPARE(asked->windowTitle(), QStringLiteral("Reject 3 Frames"));
    QCOMPARE(asked->accessibleName(), QStringLiteral("Why reject 3 frames?"));
    bool named = false;
    for (const QLabel *label : asked->findChildren<QLabel *>())
        named = named || label->text().startsWith(
                             QStringLiteral("Why are these 3 frames rejected (0, 1, 2)?"));
    QVERIFY(named);
    QTest::keyClicks(asked->filter(), QStringLiteral("palette"));
    QTest::keyClick(asked->filter(), Qt::Key_Return);
    for (int frame : {0, 1, 2}) {
        QTRY_COMPARE(onDisk().frames.value(frame).status, FrameStatus::AuditFail);
        QCOMPARE(onDisk().frames.value(frame).directorOverrides.verdict->reasonCode,
                 QStringLiteral("SF02_PALETTE_DRIFT"));
    }
    // One frame: named as before.
    asked = pressX(window.get(), 3);
    QVERIFY(asked);
    QCOMPARE(asked->windowTitle(), QStringLiteral("Reject Frame 3"));
    QTest::keyClick(asked->filter(), Qt::Key_Escape);
}

void TestReasonPicker::aFrameTheAuditFailedTakesAReason()
{
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    ReasonPicker *asked = pressX(window.get(), 2); // AUDIT_FAIL by its audit
    QVERIFY(asked);
    QCOMPARE(asked->choice().code, QString());
    QTest::keyClick(asked->filter(), Qt::Key_1); // its own flag, first
    QCOMPARE(asked->choice().code, QStringLiteral("SF02_PALETTE_DRIFT"));
    QTest::keyClick(asked->filter(), Qt::Key_Return);
    QTRY_VERIFY(onDisk().frames.value(2).directorOverrides.verdict.has_value());
    QCOMPARE(onDisk().frames.value(2).status, FrameStatus::AuditFail);
    QCOMPARE(window->history()->stack()->count(), 1);
}

void TestReasonPicker::theRejectActionAsksToo()
{
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    window->setCurrentFrame(1);
    QAction *reject = window->findChild<QAction *>(QStringLiteral("reject"));
    QVERIFY(reject);
    reject->trigger();
    ReasonPicker *asked = picker(window.get());
    QVERIFY(asked);
    QTest::keyClicks(asked->filter(), QStringLiteral("flicker"));
    QTest::keyClick(asked->filter(), Qt::Key_Return);
    // Saved in the background: no verdict on disk until the save is done.
    QTRY_COMPARE(onDisk().frames.value(1).directorOverrides.verdict.value_or(Verdict()).reasonCode,
                 std::optional<QString>(QStringLiteral("SF04_TEMPORAL_FLICKER")));
}

void TestReasonPicker::everyControlHasAnAccessibleName()
{
    // Every reason of the catalogue, each title once: of two codes with one title, the first,
    // unless the run names the other.
    const QStringList codes = ReasonPicker::reasonsFor(DirectorSession(), 0);
    QSet<QString> titles;
    for (const QString &code : ReasonCodes::known())
        titles.insert(ReasonCodes::describe(code).title);
    QCOMPARE(codes.size(), titles.size());
    QVERIFY(codes.size() < ReasonCodes::known().size());
    QVERIFY(codes.contains(QStringLiteral("SF03_ALPHA_HALO")));
    QVERIFY(!codes.contains(QStringLiteral("SF_ALPHA_HALO")));
    const QStringList named =
        ReasonPicker::reasonsFor(DirectorSession(), 0, {QStringLiteral("SF_ALPHA_HALO")});
    QVERIFY(named.contains(QStringLiteral("SF_ALPHA_HALO")));
    QVERIFY(!named.contains(QStringLiteral("SF03_ALPHA_HALO")));
    QCOMPARE(named.size(), codes.size());
    ReasonPicker picker(codes, 7);
    picker.show();
    QVERIFY(QTest::qWaitForWindowExposed(&picker));
    QVERIFY(!picker.accessibleName().isEmpty());
    for (QWidget *widget :
         {static_cast<QWidget *>(picker.filter()), static_cast<QWidget *>(picker.list()),
          static_cast<QWidget *>(picker.freeText())})
        QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
}

void TestReasonPicker::theRunsCodesFollowAnEditItsUndoAndThePipelinesNews()
{
    // Frame 2 has a second attempt: the run's audit of it raises a code no catalogue has
    // (SF07_SMEAR) and names the attempts' own codes (none of them SF07_SMEAR).
    QVERIFY(RunFixture::writeCandidate(run(), 2, 2));
    const QJsonArray attempts{
        QJsonObject{{QStringLiteral("attempt_index"), 1},
                    {QStringLiteral("result"), QStringLiteral("soft_fail")},
                    {QStringLiteral("reason_codes"), QJsonArray{QStringLiteral("SF09_JITTER")}}},
        QJsonObject{
            {QStringLiteral("attempt_index"), 2},
            {QStringLiteral("result"), QStringLiteral("soft_fail")},
            {QStringLiteral("reason_codes"), QJsonArray{QStringLiteral("SF02_PALETTE_DRIFT")}}}};
    QVERIFY(RunFixture::writeJson(
        run() + QStringLiteral("/audit/frame_0002_metrics.json"),
        {{QStringLiteral("frame_index"), 2},
         {QStringLiteral("passed"), false},
         {QStringLiteral("status"), QStringLiteral("soft_fail")},
         {QStringLiteral("reason_codes"), QJsonArray{QStringLiteral("SF07_SMEAR")}},
         {QStringLiteral("composite_score"), 0.41},
         {QStringLiteral("attempts"), attempts}}));
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    // What the picker must offer: every frame walked.
    const auto walked = [&window](int frame) {
        return ReasonPicker::reasonsFor(window->manager()->session(), frame);
    };
    const QString smear = QStringLiteral("SF07_SMEAR");
    const QString jitter = QStringLiteral("SF09_JITTER");
    const QString news = QStringLiteral("SF08_LATE_NEWS");

    // As the run opened: the catalogue, then the run's other codes (its audits' and attempts').
    QStringList codes = offered(window.get(), 0);
    QCOMPARE(codes, walked(0));
    QVERIFY2(codes.mid(codes.size() - 2) == QStringList({smear, jitter}),
             qPrintable(codes.join(u' ')));
    QCOMPARE(offered(window.get(), 2).value(0), smear); // the frame's own flag first

    // An edit: frame 2 takes its first attempt (the run has no audit of it): no frame raises
    // SF07_SMEAR any more; its attempts still name SF09_JITTER.
    window->setCurrentFrame(2);
    QTreeWidget *list = window->inspector()->attempts();
    QTreeWidgetItem *first = nullptr;
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        if (list->topLevelItem(i)->text(0) == QStringLiteral("1"))
            first = list->topLevelItem(i);
    }
    QVERIFY(first);
    list->scrollToItem(first);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(first).center());
    QVERIFY(window->inspector()->useAttemptButton()->isEnabled());
    QTest::mouseClick(window->inspector()->useAttemptButton(), Qt::LeftButton);
    QTRY_VERIFY(window->manager()->session().frames.value(2).auditReport.flags.isEmpty());
    codes = offered(window.get(), 0);
    QCOMPARE(codes, walked(0));
    QVERIFY2(!codes.contains(smear) && codes.contains(jitter), qPrintable(codes.join(u' ')));

    // Undone: offered again.
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(window->manager()->session().frames.value(2).auditReport.flags,
                 QStringList{smear});
    codes = offered(window.get(), 0);
    QCOMPARE(codes, walked(0));
    QVERIFY(codes.contains(smear));

    // The pipeline's news: frame 3's audit arrives with a new code.
    QVERIFY(RunFixture::writeAudit(run(), 3, true, {news}, 0.7));
    QTRY_VERIFY_WITH_TIMEOUT(
        window->manager()->session().frames.value(3).auditReport.flags.contains(news), 20000);
    codes = offered(window.get(), 0);
    QCOMPARE(codes, walked(0));
    QVERIFY2(codes.mid(codes.size() - 3) == QStringList({smear, news, jitter}),
             qPrintable(codes.join(u' ')));
    QCOMPARE(offered(window.get(), 3).value(0), news);
}

QTEST_MAIN(TestReasonPicker)
#include "tst_reasonpicker.moc"
