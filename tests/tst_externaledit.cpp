// Patch → Edit in … (README, Patches): which pixel editor is found (a fake PATH), and the frame
// edited in a scripted editor (Python) in the real window: each save one patch, a save of the
// wrong size or with no pixel changed recorded as nothing, the working copy gone once the
// editor exits, the window closed while the editor runs; and the desktop's application (a
// handler for file: URLs through QDesktopServices' seam), whose saves are taken until the
// window closes.
#include "externaledit.h"
#include "externaleditor.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "patchpresenter.h"
#include "preferences.h"
#include "review/sessionmanager.h"
#include "runfixture.h"
#include "session/sessioncodec.h"
#include "windowactions.h"
#include "windowfixture.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QPointer>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

namespace {

// The scripted editor: saves the PNGs its folder holds (save1.png, save2.png, …) over the file
// it is given, the first written in place, the others by writing a new file and renaming it;
// before each save after the first it waits for go<N> (N the save's number) in the folder, and
// before exiting for quit when the folder holds stay; exiting, it leaves exited there.
constexpr char editorScript[] = R"(import os, shutil, sys, time
folder, path = sys.argv[1], sys.argv[2]
def wait_for(name):
    while not os.path.exists(os.path.join(folder, name)):
        time.sleep(0.02)
n = 1
while os.path.exists(os.path.join(folder, 'save%d.png' % n)):
    save = os.path.join(folder, 'save%d.png' % n)
    if n > 1:
        wait_for('go%d' % n)
    if n == 1:
        with open(save, 'rb') as source, open(path, 'r+b') as target:
            target.truncate(0)
            target.write(source.read())
    else:
        shutil.copyfile(save, path + '.new')
        os.replace(path + '.new', path)
    n += 1
if os.path.exists(os.path.join(folder, 'stay')):
    wait_for('quit')
open(os.path.join(folder, 'exited'), 'w').close()
)";

qsizetype whitePixels(const QImage &mask)
{
    qsizetype white = 0;
    for (int y = 0; y < mask.height(); ++y)
        for (int x = 0; x < mask.width(); ++x)
            white += qGray(mask.pixel(x, y)) == 255 ? 1 : 0;
    return white;
}

QImage loaded(const QString &path)
{
    return QImage(path).convertToFormat(QImage::Format_ARGB32);
}

// `image` with `pixels` painted a colour no frame of the run has.
QImage painted(QImage image, const QList<QPoint> &pixels)
{
    for (const QPoint &pixel : pixels)
        image.setPixel(pixel, qRgba(250, 0, 250, 255));
    return image;
}

// The desktop's handler for file: URLs, as QDesktopServices::openUrl calls it (a test seam
// of Qt's own): records each file it is asked to open and, like an editor the operator saves
// in, writes `save` over it when it has one.
class DesktopHandler : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;
    QImage save;

public slots:
    void open(const QUrl &url)
    {
        opened.append(url);
        if (!save.isNull())
            save.save(url.toLocalFile(), "PNG");
    }
};

bool makeExecutable(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write("#!/bin/sh\n") > 0 &&
           file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

} // namespace

class TestExternalEdit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void theEditorIsTheSettingElseTheFirstFoundOnPath();
    void eachSaveIsOnePatch();
    void aSaveOfTheWrongSizeRecordsNothing();
    void aSaveThatChangesNothingRecordsNothing();
    void closingTheWindowLeavesTheEditorRunning();
    void editingIsOffWhenItCannotApply();
    void anEditorThatDoesNotStartIsReported();
    void theDesktopsHandlerTakesEachSaveUntilTheRunCloses();

private:
    // The scripted editor set in Preferences, `saves` its saves in order.
    void useScriptedEditor(const QList<QImage> &saves, bool stay = false);
    void signal(const QString &name) const;
    // Starts editing frame 1 with Ctrl+Shift+E; its edit.
    ExternalEdit *editFrameOne(MainWindow *window);
    static DirectorSession onDisk(MainWindow *window);
    QString run() const { return m_dir->path() + QStringLiteral("/run"); }
    QString editorDir() const { return m_dir->path() + QStringLiteral("/editor"); }
    QStringList patchFiles() const
    {
        return QDir(run() + QStringLiteral("/patches")).entryList(QDir::Files | QDir::Hidden);
    }

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestExternalEdit::initTestCase()
{
    QVERIFY(
        WindowFixture::isolateSettings(m_settings, QStringLiteral("DirectorExternalEditTests")));
}

void TestExternalEdit::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    // Frames 0 APPROVED (the anchor), 1 AUDIT_WARN, 2 AUDIT_FAIL, 3 GENERATED, 4 PENDING.
    QVERIFY(RunFixture::writeMixedRun(run()));
    QVERIFY(QDir().mkpath(editorDir()));
}

void TestExternalEdit::cleanup()
{
    MessageBox::setNextAnswer(MessageBox::NoButton);
    m_dir.reset();
}

void TestExternalEdit::useScriptedEditor(const QList<QImage> &saves, bool stay)
{
    QFile script(editorDir() + QStringLiteral("/editor.py"));
    QVERIFY(script.open(QIODevice::WriteOnly));
    QVERIFY(script.write(editorScript) > 0);
    script.close();
    for (qsizetype i = 0; i < saves.size(); ++i)
        QVERIFY(saves[i].save(editorDir() + QStringLiteral("/save%1.png").arg(i + 1)));
    if (stay)
        signal(QStringLiteral("stay"));
    QSettings().setValue(
        SettingsKeys::pixelEditor,
        QStringLiteral("python3 \"%1\" \"%2\"").arg(script.fileName(), editorDir()));
}

void TestExternalEdit::signal(const QString &name) const
{
    QFile file(editorDir() + u'/' + name);
    QVERIFY(file.open(QIODevice::WriteOnly));
}

ExternalEdit *TestExternalEdit::editFrameOne(MainWindow *window)
{
    window->setCurrentFrame(1);
    QAction *action = window->actions().editExternally;
    if (!action->isEnabled() || action->text() != QStringLiteral("&Edit in python3…"))
        return nullptr;
    QTest::keyClick(window, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    return window->findChild<PatchPresenter *>()->externalEdit(1);
}

DirectorSession TestExternalEdit::onDisk(MainWindow *window)
{
    window->manager()->waitForSaves();
    QFile file(window->manager()->runDir() + QStringLiteral("/director_session.json"));
    return file.open(QIODevice::ReadOnly)
               ? SessionCodec::decode(file.readAll()).session.value_or(DirectorSession())
               : DirectorSession();
}

void TestExternalEdit::theEditorIsTheSettingElseTheFirstFoundOnPath()
{
    const QByteArray path = qgetenv("PATH");
    const QString bin = m_dir->path() + QStringLiteral("/bin");
    QVERIFY(QDir().mkpath(bin));
    qputenv("PATH", QFile::encodeName(bin));
    const auto restore = qScopeGuard([&] { qputenv("PATH", path); });

    ExternalEditor editor = ExternalEditor::find(QString());
    QVERIFY(editor.isDesktop()); // nothing on PATH: the desktop's handler
    QVERIFY(makeExecutable(bin + QStringLiteral("/gimp")));
    editor = ExternalEditor::find(QString());
    QCOMPARE(editor.program, bin + QStringLiteral("/gimp"));
    QCOMPARE(editor.name, QStringLiteral("GIMP"));
    QVERIFY(makeExecutable(bin + QStringLiteral("/libresprite")));
    QCOMPARE(ExternalEditor::find(QStringLiteral("  ")).name, QStringLiteral("LibreSprite"));
    QVERIFY(makeExecutable(bin + QStringLiteral("/aseprite")));
    editor = ExternalEditor::find(QString());
    QCOMPARE(editor.program, bin + QStringLiteral("/aseprite"));
    QCOMPARE(editor.name, QStringLiteral("Aseprite"));
    QVERIFY(editor.arguments.isEmpty());

    // The setting wins, split as a command line.
    editor = ExternalEditor::find(QStringLiteral("\"/opt/my gimp/gimp-2.10\" --new-instance"));
    QCOMPARE(editor.program, QStringLiteral("/opt/my gimp/gimp-2.10"));
    QCOMPARE(editor.arguments, QStringList{QStringLiteral("--new-instance")});
    QCOMPARE(editor.name, QStringLiteral("gimp-2.10"));
    QSettings().setValue(SettingsKeys::pixelEditor, QStringLiteral("libresprite"));
    QCOMPARE(ExternalEditor::fromSettings().name, QStringLiteral("LibreSprite"));
    QCOMPARE(Preferences::load().pixelEditor, QStringLiteral("libresprite"));

    // The Patch menu names it.
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    window->setCurrentFrame(1);
    QCOMPARE(window->actions().editExternally->text(), QStringLiteral("&Edit in LibreSprite…"));
    // Set in the Preferences: the menu names it when it opens next.
    QSettings().setValue(SettingsKeys::pixelEditor, QString());
    QMenu *patch = nullptr;
    for (QObject *shown : window->actions().editExternally->associatedObjects())
        patch = patch ? patch : qobject_cast<QMenu *>(shown);
    QVERIFY(patch);
    emit patch->aboutToShow();
    QCOMPARE(window->actions().editExternally->text(), QStringLiteral("&Edit in Aseprite…"));
}

void TestExternalEdit::eachSaveIsOnePatch()
{
    const QImage original = RunFixture::frameImage(1);
    const QImage first = painted(original, {{0, 0}, {1, 1}});
    const QImage second = painted(first, {{2, 2}, {3, 3}, {4, 4}});
    useScriptedEditor({first, second});
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    const DirectorFrameState unpatched = onDisk(window.get()).frames.value(1);
    QPointer<ExternalEdit> edit = editFrameOne(window.get());
    QVERIFY(edit);
    const QString workingCopy = edit->workingCopy();
    QVERIFY(!workingCopy.startsWith(run()));
    // The edit stays with frame 1 when the operator moves on.
    window->setCurrentFrame(3);

    QTRY_COMPARE_WITH_TIMEOUT(
        onDisk(window.get()).frames.value(1).directorOverrides.patchHistory.size(), 1, 30000);
    signal(QStringLiteral("go2"));
    QTRY_COMPARE_WITH_TIMEOUT(
        onDisk(window.get()).frames.value(1).directorOverrides.patchHistory.size(), 2, 30000);
    // The editor exited: the working copy is gone.
    QTRY_VERIFY_WITH_TIMEOUT(!edit, 30000);
    QVERIFY(!QFileInfo::exists(workingCopy));
    QVERIFY(!QFileInfo::exists(QFileInfo(workingCopy).path()));

    const DirectorFrameState frame = onDisk(window.get()).frames.value(1);
    const PatchHistoryEntry one = frame.directorOverrides.patchHistory.at(0);
    const PatchHistoryEntry two = frame.directorOverrides.patchHistory.at(1);
    QCOMPARE(one.prompt, QStringLiteral("edited in python3"));
    QCOMPARE(one.originalPath, unpatched.imagePath);
    QCOMPARE(two.originalPath, one.patchedPath);
    QCOMPARE(frame.imagePath, two.patchedPath);
    QCOMPARE(loaded(run() + u'/' + one.patchedPath), first);
    QCOMPARE(loaded(run() + u'/' + two.patchedPath), second);
    QCOMPARE(whitePixels(loaded(run() + u'/' + one.maskPath)), 2);
    QCOMPARE(whitePixels(loaded(run() + u'/' + two.maskPath)), 3);
    QVERIFY(!onDisk(window.get()).frames.value(3).directorOverrides.isPatched);

    // One Ctrl+Z undoes the last save.
    QCOMPARE(window->actions().undo->text(), QStringLiteral("&Undo Edit frame 1 in python3"));
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    const DirectorFrameState undone = onDisk(window.get()).frames.value(1);
    QCOMPARE(undone.directorOverrides.patchHistory.size(), 1);
    QCOMPARE(undone.imagePath, one.patchedPath);
}

void TestExternalEdit::aSaveOfTheWrongSizeRecordsNothing()
{
    QImage small(8, 8, QImage::Format_ARGB32);
    small.fill(qRgba(250, 0, 250, 255));
    QImage wide(20, 16, QImage::Format_ARGB32);
    wide.fill(qRgba(250, 0, 250, 255));
    useScriptedEditor({small, wide});
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    const int boxes = MessageBox::openedCount();
    MessageBox::setNextAnswer(MessageBox::Ok);
    QPointer<ExternalEdit> edit = editFrameOne(window.get());
    QVERIFY(edit);
    QTRY_COMPARE_WITH_TIMEOUT(MessageBox::openedCount(), boxes + 1, 30000);
    QVERIFY(MessageBox::lastMessage().text.contains(QStringLiteral("8 × 8 pixels")));
    QVERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("It was not taken")));
    signal(QStringLiteral("go2"));
    QTRY_VERIFY_WITH_TIMEOUT(!edit, 30000);
    QCOMPARE(MessageBox::openedCount(), boxes + 1); // told in a box once
    QVERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("20 × 16 pixels")));
    QVERIFY(!onDisk(window.get()).frames.value(1).directorOverrides.isPatched);
    QVERIFY(patchFiles().isEmpty());
}

void TestExternalEdit::aSaveThatChangesNothingRecordsNothing()
{
    QImage same = RunFixture::frameImage(1);
    same.setText(QStringLiteral("Comment"), QStringLiteral("saved again")); // other bytes
    useScriptedEditor({same}, true);
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    QPointer<ExternalEdit> edit = editFrameOne(window.get());
    QVERIFY(edit);
    QTRY_VERIFY_WITH_TIMEOUT(window->statusBar()->currentMessage().contains(
                                 QStringLiteral("changes no pixel of frame 1")),
                             30000);
    signal(QStringLiteral("quit"));
    QTRY_VERIFY_WITH_TIMEOUT(!edit, 30000);
    QVERIFY(!onDisk(window.get()).frames.value(1).directorOverrides.isPatched);
    QVERIFY(patchFiles().isEmpty());
}

void TestExternalEdit::closingTheWindowLeavesTheEditorRunning()
{
    const QImage original = RunFixture::frameImage(1);
    useScriptedEditor({painted(original, {{0, 0}}), painted(original, {{1, 1}})}, true);
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    QPointer<ExternalEdit> edit = editFrameOne(window.get());
    QVERIFY(edit);
    const QString workingCopy = edit->workingCopy();
    QTRY_COMPARE_WITH_TIMEOUT(
        onDisk(window.get()).frames.value(1).directorOverrides.patchHistory.size(), 1, 30000);
    // A second Edit in … of the frame starts nothing new.
    QTest::keyClick(window.get(), Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(window->findChild<PatchPresenter *>()->externalEdit(1), edit.data());
    QVERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("already")));

    window.reset();
    QVERIFY(!edit);
    QVERIFY(QFileInfo::exists(workingCopy)); // the editor still has it open
    signal(QStringLiteral("go2"));
    signal(QStringLiteral("quit"));
    // The editor saves once more and exits on its own; nothing takes the save.
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(editorDir() + QStringLiteral("/exited")), 30000);
    QCOMPARE(loaded(workingCopy), painted(original, {{1, 1}}));
    QDir(QFileInfo(workingCopy).path()).removeRecursively();
}

void TestExternalEdit::editingIsOffWhenItCannotApply()
{
    useScriptedEditor({});
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    window->setCurrentFrame(4); // PENDING: no image yet
    QVERIFY(!window->actions().editExternally->isEnabled());
    QTest::keyClick(window.get(), Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!window->findChild<ExternalEdit *>());
    window.reset();
    window = WindowFixture::openWindow(run(), SessionManager::Access::ReadOnly);
    QVERIFY(window);
    window->setCurrentFrame(1);
    QVERIFY(!window->actions().editExternally->isEnabled());
    QTest::keyClick(window.get(), Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!window->findChild<ExternalEdit *>());
}

void TestExternalEdit::anEditorThatDoesNotStartIsReported()
{
    QSettings().setValue(SettingsKeys::pixelEditor,
                         m_dir->path() + QStringLiteral("/no-such-editor --flag"));
    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    window->setCurrentFrame(1);
    QCOMPARE(window->actions().editExternally->text(), QStringLiteral("&Edit in no-such-editor…"));
    const int boxes = MessageBox::openedCount();
    MessageBox::setNextAnswer(MessageBox::Ok);
    QTest::keyClick(window.get(), Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE_WITH_TIMEOUT(MessageBox::openedCount(), boxes + 1, 30000);
    QVERIFY(MessageBox::lastMessage().text.contains(QStringLiteral("could not be started")));
    QTRY_VERIFY(!window->findChild<ExternalEdit *>());
    QVERIFY(!onDisk(window.get()).frames.value(1).directorOverrides.isPatched);
}

void TestExternalEdit::theDesktopsHandlerTakesEachSaveUntilTheRunCloses()
{
    // No editor set and none on PATH: the desktop's application for PNG images.
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", QFile::encodeName(m_dir->path() + QStringLiteral("/empty-bin")));
    const auto restore = qScopeGuard([&] { qputenv("PATH", path); });
    DesktopHandler desktop;
    const QImage original = RunFixture::frameImage(1);
    desktop.save = painted(original, {{0, 0}, {5, 5}});
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &desktop, "open");
    const auto unset =
        qScopeGuard([] { QDesktopServices::unsetUrlHandler(QStringLiteral("file")); });

    auto window = WindowFixture::openWindow(run());
    QVERIFY(window);
    window->setCurrentFrame(1);
    QCOMPARE(window->actions().editExternally->text(),
             QStringLiteral("&Edit in Default Application…"));
    QTest::keyClick(window.get(), Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    QPointer<ExternalEdit> edit = window->findChild<PatchPresenter *>()->externalEdit(1);
    QVERIFY(edit);
    QVERIFY(!edit->isRunning()); // Director cannot know when the desktop's editor closes
    QCOMPARE(desktop.opened.size(), 1);
    const QString workingCopy = desktop.opened.constFirst().toLocalFile();
    QCOMPARE(workingCopy, edit->workingCopy());
    QVERIFY(!workingCopy.startsWith(run()));
    // Its save is a patch.
    QTRY_COMPARE_WITH_TIMEOUT(
        onDisk(window.get()).frames.value(1).directorOverrides.patchHistory.size(), 1, 30000);
    QCOMPARE(loaded(run() + u'/' + onDisk(window.get()).frames.value(1).imagePath), desktop.save);

    // Edit in … again hands the same working copy to the desktop; the next save is a patch too.
    desktop.save = painted(desktop.save, {{2, 7}});
    QTest::keyClick(window.get(), Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(desktop.opened.size(), 2);
    QCOMPARE(desktop.opened.constLast().toLocalFile(), workingCopy);
    QCOMPARE(window->findChild<PatchPresenter *>()->externalEdit(1), edit.data());
    QTRY_COMPARE_WITH_TIMEOUT(
        onDisk(window.get()).frames.value(1).directorOverrides.patchHistory.size(), 2, 30000);
    QCOMPARE(whitePixels(loaded(run() + u'/' +
                                onDisk(window.get())
                                    .frames.value(1)
                                    .directorOverrides.patchHistory.constLast()
                                    .maskPath)),
             1);

    // Closing the window ends the edit: the working copy's folder is removed.
    window.reset();
    QVERIFY(!edit);
    QVERIFY(!QFileInfo::exists(QFileInfo(workingCopy).path()));
}

QTEST_MAIN(TestExternalEdit)
#include "tst_externaledit.moc"
