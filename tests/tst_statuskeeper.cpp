// The window's review leaves the status it makes (StatusKeeper): once its changes are saved and
// the operator paused, the next `director status` tells the run without reading the session
// again, and tells exactly what the whole run tells.

#include "commands/console.h"
#include "commands/statuscommand.h"
#include "mainwindow.h"
#include "review/sessionmanager.h"
#include "review/statuscache.h"
#include "review/statuskeeper.h"
#include "run/runfingerprint.h"
#include "runfixture.h"
#include "storage/sessionstore.h"
#include "windowfixture.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestStatusKeeper : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void theWindowsReviewLeavesTheStatusItMade();
    void aReviewLeftForAnotherRunLeavesItsStatus();
    void nothingIsKeptForARunOpenedThroughALink();

private:
    QString run() const { return m_dir->path() + QStringLiteral("/run"); }
    QString keptFolder() const { return m_dir->path() + QStringLiteral("/cache"); }
    // `director status RUN [options]`, run here (a status kept by this program is told only to
    // this program: CacheFile::programIdentity()).
    static QString status(const QString &runDir, const QStringList &options = {});
    // The status kept for the run as it is now (StatusCache::findSaved), as JSON; empty when
    // none is.
    QString keptNow() const;

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestStatusKeeper::initTestCase()
{
    QVERIFY(WindowFixture::isolateSettings(m_settings, QStringLiteral("DirectorTests")));
}

void TestStatusKeeper::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    qputenv("XDG_CACHE_HOME", QFile::encodeName(keptFolder()));
    QVERIFY(RunFixture::writeMixedRun(run()));
    {
        SessionManager manager;
        QVERIFY(manager.initializeOrResume(run()));
    }
    RunFixture::letSettle(); // the run read under a fingerprint
}

QString TestStatusKeeper::status(const QString &runDir, const QStringList &options)
{
    QString out;
    QString err;
    StatusCommand command(Console(&out, &err));
    const int code = command.execute(
        QStringList{QStringLiteral("director"), command.name(), runDir, QStringLiteral("--json")} +
        options);
    return code == 0 ? out : QStringLiteral("exit %1: %2").arg(code).arg(err);
}

QString TestStatusKeeper::keptNow() const
{
    const std::optional<QByteArray> fingerprint = RunFingerprint::parts(run()).run;
    const std::optional<QByteArray> session =
        SessionStore::fileStamp(run() + QStringLiteral("/director_session.json"));
    if (!fingerprint || !session)
        return QString();
    const std::optional<RunStatus> kept =
        StatusCache().findSaved(QDir(run()).canonicalPath(), *fingerprint, *session, run());
    return kept ? QString::fromUtf8(QJsonDocument(kept->toJson()).toJson(QJsonDocument::Compact)) +
                      QLatin1Char('\n')
                : QString();
}

void TestStatusKeeper::theWindowsReviewLeavesTheStatusItMade()
{
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    auto *keeper = window->findChild<StatusKeeper *>();
    QVERIFY(keeper);
    QSignalSpy kept(keeper, &StatusKeeper::kept);
    QCOMPARE(keptNow(), QString());

    // A burst of keys: frame 1 approved, frame 2 nudged. Kept once the review pauses.
    window->setCurrentFrame(1);
    QTest::keyClick(window.get(), Qt::Key_A);
    window->setCurrentFrame(2);
    QTest::keyClick(window.get(), Qt::Key_Left, Qt::ControlModifier);
    QVERIFY(kept.wait(StatusKeeper::pauseMs * 20));
    QVERIFY(window->manager()->waitForSaves());
    const QString whole = status(run(), {QStringLiteral("--no-cache")});
    QVERIFY2(whole.contains(QLatin1String("\"nudged\":1")), qPrintable(whole));
    // The last save's, once its pause is over.
    QTRY_COMPARE_WITH_TIMEOUT(keptNow(), whole, StatusKeeper::pauseMs * 20);
    QCOMPARE(status(run()), whole);

    // A note, and the window closes before the pause is over: kept before the session closes.
    window->setCurrentFrame(0);
    QVERIFY(window->manager()->applyFrameEdit(0, FrameEdit::notesTo(QStringLiteral("the cape"))));
    kept.clear();
    QVERIFY(window->close());
    QVERIFY(!window->manager()->hasSession());
    QCoreApplication::processEvents();
    QCOMPARE(kept.count(), 1);
    const QString noted = status(run(), {QStringLiteral("--no-cache")});
    QVERIFY2(noted.contains(QLatin1String("\"noted\":1")), qPrintable(noted));
    QCOMPARE(keptNow(), noted);
    QCOMPARE(status(run()), noted);

    // The pipeline writes: what was kept no longer holds, and the run is read again.
    QVERIFY(RunFixture::writeAudit(run(), 3, true, {}, 0.5));
    RunFixture::letSettle();
    QCOMPARE(keptNow(), QString());
    QCOMPARE(status(run()), status(run(), {QStringLiteral("--no-cache")}));
}

// The window opens another run within the pause after a change: the status of the review it
// leaves is kept first.
void TestStatusKeeper::aReviewLeftForAnotherRunLeavesItsStatus()
{
    const QString other = m_dir->path() + QStringLiteral("/other");
    QVERIFY(RunFixture::writeMixedRun(other, QStringLiteral("run_other")));
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    auto *keeper = window->findChild<StatusKeeper *>();
    QVERIFY(keeper);
    QSignalSpy kept(keeper, &StatusKeeper::kept);
    QVERIFY(window->manager()->applyFrameEdit(1, FrameEdit::notesTo(QStringLiteral("left"))));
    QVERIFY(window->openRun(other));
    QCOMPARE(window->manager()->runDir(), other);
    QCoreApplication::processEvents();
    QCOMPARE(kept.count(), 1);
    const QString left = status(run(), {QStringLiteral("--no-cache")});
    QVERIFY2(left.contains(QLatin1String("\"noted\":1")), qPrintable(left));
    QCOMPARE(keptNow(), left);
}

void TestStatusKeeper::nothingIsKeptForARunOpenedThroughALink()
{
    const QString link = m_dir->path() + QStringLiteral("/latest");
    QVERIFY(QFile::link(run(), link));
    auto window = WindowFixture::openWindow(link);
    QVERIFY(window);
    auto *keeper = window->findChild<StatusKeeper *>();
    QVERIFY(keeper);
    QSignalSpy kept(keeper, &StatusKeeper::kept);
    window->setCurrentFrame(1);
    QTest::keyClick(window.get(), Qt::Key_A);
    QVERIFY(window->manager()->waitForSaves());
    QCoreApplication::processEvents();
    keeper->keepNow();
    QCoreApplication::processEvents();
    QCOMPARE(kept.count(), 0);
    QCOMPARE(keptNow(), QString());
}

QTEST_MAIN(TestStatusKeeper)
#include "tst_statuskeeper.moc"
