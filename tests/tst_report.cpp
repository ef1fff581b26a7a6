#include "audit/motionplotpainter.h"
#include "audit/movemetrics.h"
#include "directorprocess.h"
#include "report/reportexport.h"
#include "report/reporthtml.h"
#include "review/frameimages.h"
#include "review/sessionmanager.h"
#include "runfixture.h"
#include "storage/sessionstore.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

// `director report` through the real executable, as a script runs it, on a mixed run with a
// nudge, notes that look like markup and a patch: the HTML read back as XML (every frame's row,
// every data: image decoded and compared pixel for pixel with the frame as commit would write it,
// scaled as the report scales it; the session's texts escaped; the plot the window's drawing),
// the JSON and the Markdown read back, and what the command refuses.
class TestReport : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void htmlStandsAloneWithEveryFrame();
    void htmlPlotIsTheWindowsDrawing();
    void jsonHasEveryFrame();
    void markdownHasARowPerFrame();
    void reportGoesToStandardOutput();
    void nothingIsWrittenIntoTheRun();
    void aRunWithNoSessionIsReportedSo();
    void badArgumentsAreRefused_data();
    void badArgumentsAreRefused();
    void theSessionFileIsNeverTheTarget();
    void aStoppedReportWritesNothing();

private:
    using Result = DirectorProcess::Result;
    static Result director(const QStringList &arguments) { return DirectorProcess::run(arguments); }
    QString runDir() const { return m_dir->path() + QStringLiteral("/run"); }
    QString out(const QString &name) const { return m_dir->path() + u'/' + name; }
    Result report(const QStringList &options) const;

    static const QString notes;
    static const QString prompt;
    std::unique_ptr<QTemporaryDir> m_dir;
};

const QString TestReport::notes =
    QStringLiteral("<script>alert(\"x\")</script> & a <b>bold</b> claim\nsecond line | pipe");
const QString TestReport::prompt = QStringLiteral("fix the <hand> & \"arm\"");

namespace {

// One frame's row of the HTML, as an XML reader finds it.
struct Row
{
    int frame = -1;
    QString id;
    QString status;
    QString notes; // the text of the notes cell
    QStringList images;
    QString text; // all the row's text
};

struct Html
{
    bool ok = false;
    QString error;
    QList<Row> rows;
    QStringList plots; // the src of every img.plot
};

Html readHtml(const QByteArray &bytes)
{
    Html html;
    QXmlStreamReader xml(bytes);
    Row *row = nullptr;
    QString cellClass;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const QXmlStreamAttributes a = xml.attributes();
            if (xml.name() == u"tr" && a.hasAttribute(QLatin1String("data-frame"))) {
                html.rows.append(Row{a.value(QLatin1String("data-frame")).toInt(),
                                     a.value(QLatin1String("id")).toString(),
                                     {},
                                     {},
                                     {},
                                     {}});
                row = &html.rows.last();
            } else if (xml.name() == u"td" && row) {
                cellClass = a.value(QLatin1String("class")).toString();
                if (cellClass.startsWith(QLatin1String("status ")))
                    row->status = xml.readElementText();
            } else if (xml.name() == u"img") {
                const QString src = a.value(QLatin1String("src")).toString();
                if (a.value(QLatin1String("class")) == u"plot")
                    html.plots.append(src);
                else if (row)
                    row->images.append(src);
            }
        } else if (xml.isEndElement() && xml.name() == u"tr") {
            row = nullptr;
        } else if (xml.isCharacters() && row) {
            row->text += xml.text();
            if (cellClass == u"notes")
                row->notes += xml.text();
        }
    }
    html.ok = !xml.hasError();
    html.error = xml.errorString();
    return html;
}

QImage decodeDataUri(const QString &src)
{
    const QString prefix = QStringLiteral("data:image/png;base64,");
    if (!src.startsWith(prefix))
        return {};
    QImage image;
    image.loadFromData(QByteArray::fromBase64(src.mid(prefix.size()).toLatin1()), "PNG");
    return image.convertToFormat(QImage::Format_ARGB32);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Every file of the folder, with its bytes.
QMap<QString, QByteArray> filesOf(const QString &dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files.insert(path, readAll(path));
    }
    return files;
}

} // namespace

void TestReport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(RunFixture::writeMixedRun(runDir()));
    // Frame 1 nudged and noted; frame 2 patched from a file (AUDIT_FAIL → APPROVED).
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("1"),
                       QStringLiteral("--nudge=-2,1"), QStringLiteral("--note"), notes})
                 .exitCode,
             0);
    QImage patch = RunFixture::frameImage(2);
    patch.setPixel(6, 6, qRgba(1, 2, 3, 255));
    patch.setPixel(0, 0, qRgba(200, 10, 10, 128));
    QVERIFY(patch.save(out(QStringLiteral("patch.png"))));
    QCOMPARE(
        director({QStringLiteral("patch"), runDir(), QStringLiteral("2"), QStringLiteral("--from"),
                  out(QStringLiteral("patch.png")), QStringLiteral("--prompt"), prompt})
            .exitCode,
        0);
}

TestReport::Result TestReport::report(const QStringList &options) const
{
    return director(QStringList{QStringLiteral("report"), runDir()} + options);
}

void TestReport::htmlStandsAloneWithEveryFrame()
{
    const QString file = out(QStringLiteral("report.html"));
    const Result made = report({QStringLiteral("--html"), file});
    QCOMPARE(made.exitCode, 0);
    QVERIFY2(made.out.startsWith(QLatin1String("HTML report: ")), qPrintable(made.out));
    const QByteArray bytes = readAll(file);
    QVERIFY(bytes.startsWith("<!DOCTYPE html>\n<html lang="));
    // Stands alone: nothing loaded from elsewhere, no script.
    QVERIFY(!bytes.contains("<script"));
    QVERIFY(!bytes.contains("src=\"http") && !bytes.contains("href="));
    QVERIFY(bytes.contains("<meta charset=\"utf-8\"/>"));
    const Html html = readHtml(bytes);
    QVERIFY2(html.ok, qPrintable(html.error));
    QCOMPARE(html.rows.size(), 5);

    SessionManager manager;
    QVERIFY(manager.initializeOrResume(runDir(), SessionManager::Access::ReadOnly));
    FrameImages images(&manager);
    const QStringList statuses = {QStringLiteral("APPROVED"), QStringLiteral("APPROVED"),
                                  QStringLiteral("APPROVED"), QStringLiteral("GENERATED"),
                                  QStringLiteral("PENDING")};
    for (int i = 0; i < 5; ++i) {
        const Row &row = html.rows.at(i);
        QCOMPARE(row.frame, i);
        QCOMPARE(row.id, RunFixture::frameName(i));
        QCOMPARE(row.status, statuses.at(i));
        if (i == 4) { // no image yet
            QVERIFY(row.images.isEmpty());
            QVERIFY(row.text.contains(QLatin1String("No image yet")));
            continue;
        }
        QCOMPARE(row.images.size(), 1);
        // 16 px frames, 8× nearest neighbour: 128 px, each source pixel an 8×8 square.
        const QImage expected =
            images.placed(i)
                .convertToFormat(QImage::Format_ARGB32)
                .scaled(128, 128, Qt::IgnoreAspectRatio, Qt::FastTransformation);
        const QImage shown = decodeDataUri(row.images.first());
        QCOMPARE(shown.size(), QSize(128, 128));
        QCOMPARE(shown, expected);
        QVERIFY(row.text.contains(QStringLiteral("16×16 px, shown at 8×")));
    }
    // Frame 1's nudge moved its pixels: the picture is the placed frame, not the file.
    QVERIFY(decodeDataUri(html.rows.at(1).images.first()) !=
            RunFixture::frameImage(1).scaled(128, 128));
    QVERIFY(html.rows.at(1).text.contains(QLatin1String("-2, 1")));
    // The session's texts come back as they were, as text: escaped in the file.
    QCOMPARE(html.rows.at(1).notes, notes);
    QVERIFY(bytes.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; a "
                           "&lt;b&gt;bold&lt;/b&gt;"));
    QVERIFY(html.rows.at(2).text.contains(prompt));
    QVERIFY(html.rows.at(2).text.contains(QLatin1String("1 patch")));
    QVERIFY(bytes.contains("fix the &lt;hand&gt; &amp; &quot;arm&quot;"));
    // The audit's flags with the catalogue's titles.
    QVERIFY(html.rows.at(1).text.contains(QLatin1String("SF01_IDENTITY_DRIFT")));
    QVERIFY(html.rows.at(1).text.contains(QLatin1String("Identity drift")));
}

void TestReport::htmlPlotIsTheWindowsDrawing()
{
    const QString file = out(QStringLiteral("report.html"));
    QCOMPARE(report({QStringLiteral("--html"), file}).exitCode, 0);
    const Html html = readHtml(readAll(file));
    QVERIFY(html.ok);
    QCOMPARE(html.plots.size(), 1);
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(runDir(), SessionManager::Access::ReadOnly));
    const DirectorSession &session = manager.session();
    const MoveMetrics::Measured measured = MoveMetrics::measure(
        runDir(), MoveMetrics::jobsOf(session), MoveMetrics::anchorIndex(session), {});
    const QImage expected = MotionPlotPainter::image(measured.frames, QSize(960, 160))
                                .convertToFormat(QImage::Format_ARGB32);
    QCOMPARE(decodeDataUri(html.plots.first()), expected);
}

void TestReport::jsonHasEveryFrame()
{
    // Frame 3 rejected by dana, with a reason: who decided, when and why.
    QCOMPARE(director({QStringLiteral("frame"), runDir(), QStringLiteral("3"),
                       QStringLiteral("--status"), QStringLiteral("AUDIT_FAIL"),
                       QStringLiteral("--reason"), QStringLiteral("SF01_IDENTITY_DRIFT"),
                       QStringLiteral("--reason-text"), QStringLiteral("the hand <drifts>"),
                       QStringLiteral("--reviewer"), QStringLiteral("dana")})
                 .exitCode,
             0);
    const QString file = out(QStringLiteral("report.json"));
    QCOMPARE(report({QStringLiteral("--json"), file}).exitCode, 0);
    QJsonParseError error;
    const QJsonObject json = QJsonDocument::fromJson(readAll(file), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(json.value(u"format").toString(), QStringLiteral("director-report"));
    QCOMPARE(json.value(u"runId").toString(), QStringLiteral("run_test"));
    QCOMPARE(json.value(u"moveId").toString(), QStringLiteral("idle_standard"));
    QCOMPARE(json.value(u"session").toObject().value(u"status").toString(),
             QStringLiteral("active"));
    const QJsonObject summary = json.value(u"summary").toObject();
    QCOMPARE(summary.value(u"frameCount").toInt(), 5);
    QCOMPARE(summary.value(u"counts").toObject().value(u"APPROVED").toInt(), 3);
    QCOMPARE(summary.value(u"nudged").toInt(), 1);
    QCOMPARE(summary.value(u"patched").toInt(), 1);
    QCOMPARE(summary.value(u"noted").toInt(), 1);
    const QJsonArray frames = json.value(u"frames").toArray();
    QCOMPARE(frames.size(), 5);
    const QStringList statuses = {QStringLiteral("APPROVED"), QStringLiteral("APPROVED"),
                                  QStringLiteral("APPROVED"), QStringLiteral("AUDIT_FAIL"),
                                  QStringLiteral("PENDING")};
    const std::optional<DirectorSession> loaded = SessionStore(runDir()).load().session;
    QVERIFY(loaded);
    const DirectorSession &session = *loaded;
    for (int i = 0; i < 5; ++i) {
        const QJsonObject f = frames.at(i).toObject();
        QCOMPARE(f.value(u"frameIndex").toInt(), i);
        QCOMPARE(f.value(u"status").toString(), statuses.at(i));
        QCOMPARE(f.value(u"nudge").isNull(), i != 1);
        QCOMPARE(f.value(u"patchCount").toInt(), i == 2 ? 1 : 0);
        // No images inside it: the file in the run.
        if (i < 4) {
            QVERIFY(QFile::exists(f.value(u"imageFile").toString()));
            QCOMPARE(f.value(u"size").toObject().value(u"width").toInt(), 16);
        } else {
            QVERIFY(f.value(u"imageFile").isNull());
        }
        // The verdict as the session records it: the nudge's and the patch's approvals (1, 2),
        // the rejection (3); none for the anchor the pipeline approved, or a pending frame.
        const QJsonObject verdict = f.value(u"verdict").toObject();
        const std::optional<Verdict> recorded = session.frames.value(i).directorOverrides.verdict;
        QCOMPARE(recorded.has_value(), i >= 1 && i <= 3);
        QCOMPARE(verdict.value(u"decidedBy").toString(), recorded ? recorded->reviewer : QString());
        QCOMPARE(verdict.value(u"decidedAt").toString(),
                 recorded ? recorded->timestamp : QString());
        QCOMPARE(verdict.value(u"decidedBy").isNull(), !recorded);
    }
    const QJsonObject rejected = frames.at(3).toObject().value(u"verdict").toObject();
    QCOMPARE(rejected.value(u"decidedBy").toString(), QStringLiteral("dana"));
    QCOMPARE(rejected.value(u"reasonCode").toString(), QStringLiteral("SF01_IDENTITY_DRIFT"));
    QCOMPARE(rejected.value(u"reason").toString(), QStringLiteral("the hand <drifts>"));
    const QJsonObject nudged = frames.at(1).toObject();
    QCOMPARE(nudged.value(u"nudge").toObject(),
             (QJsonObject{{QStringLiteral("x"), -2}, {QStringLiteral("y"), 1}}));
    QCOMPARE(nudged.value(u"notes").toString(), notes);
    QCOMPARE(nudged.value(u"audit").toObject().value(u"flags").toArray().at(0).toObject().value(
                 u"title"),
             QStringLiteral("Identity drift"));
    const QJsonObject patched = frames.at(2).toObject();
    QCOMPARE(patched.value(u"patches").toArray().at(0).toObject().value(u"prompt").toString(),
             prompt);
    QCOMPARE(patched.value(u"imagePath").toString(),
             QStringLiteral("patches/frame_0002_patch_01.png"));
    QVERIFY(frames.at(3).toObject().value(u"audit").isNull());
}

void TestReport::markdownHasARowPerFrame()
{
    const QString file = out(QStringLiteral("report.md"));
    QCOMPARE(report({QStringLiteral("--md"), file}).exitCode, 0);
    const QString md = QString::fromUtf8(readAll(file));
    QVERIFY(md.contains(QLatin1String("Images are not embedded")));
    for (int i = 0; i < 5; ++i) {
        const QRegularExpression row(QStringLiteral("^\\| %1 \\| ").arg(i),
                                     QRegularExpression::MultilineOption);
        QCOMPARE(md.count(row), 1);
    }
    QVERIFY(!md.contains(QLatin1String("<script")));
    QVERIFY(md.contains(QLatin1String("&lt;script&gt;")));
    // A note's new line and pipe stay inside its cell.
    const QString noted =
        md.split(u'\n').filter(QRegularExpression(QStringLiteral("^\\| 1 \\|"))).value(0);
    QVERIFY2(noted.contains(QLatin1String("claim<br/>second line \\| pipe")), qPrintable(noted));
}

void TestReport::reportGoesToStandardOutput()
{
    const Result json = report({QStringLiteral("--json"), QStringLiteral("-")});
    QCOMPARE(json.exitCode, 0);
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(object.value(u"frames").toArray().size(), 5);
    const Result md = report({QStringLiteral("--md"), QStringLiteral("-"), QStringLiteral("--html"),
                              out(QStringLiteral("r.html"))});
    QCOMPARE(md.exitCode, 0);
    QVERIFY(md.out.startsWith(QLatin1String("<!-- director-report -->")));
    QVERIFY(md.err.startsWith(QLatin1String("HTML report: ")));
    QVERIFY(QFile::exists(out(QStringLiteral("r.html"))));
}

void TestReport::nothingIsWrittenIntoTheRun()
{
    const QMap<QString, QByteArray> before = filesOf(runDir());
    QCOMPARE(
        report({QStringLiteral("--html"), out(QStringLiteral("a.html")), QStringLiteral("--json"),
                out(QStringLiteral("a.json")), QStringLiteral("--md"), out(QStringLiteral("a.md"))})
            .exitCode,
        0);
    QCOMPARE(filesOf(runDir()), before);
    // Named inside the run, as a new file, it is written there; and again over itself.
    const QString inside = runDir() + QStringLiteral("/review.html");
    QCOMPARE(report({QStringLiteral("--html"), inside}).exitCode, 0);
    QCOMPARE(report({QStringLiteral("--html"), inside}).exitCode, 0);
    QVERIFY(readAll(inside).contains("director-report"));
}

// A run nobody opened yet: its report says there is no session (no id or times made up for
// one), every frame as the run folder gives it, and the run stays without a session file.
void TestReport::aRunWithNoSessionIsReportedSo()
{
    const QString fresh = m_dir->path() + QStringLiteral("/fresh");
    QVERIFY(RunFixture::writeMixedRun(fresh));
    const QMap<QString, QByteArray> before = filesOf(fresh);
    const Result json =
        director({QStringLiteral("report"), fresh, QStringLiteral("--json"), QStringLiteral("-")});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QVERIFY(object.contains(u"session"));
    QVERIFY(object.value(u"session").isNull());
    QCOMPARE(object.value(u"frames").toArray().size(), 5);
    const Result md =
        director({QStringLiteral("report"), fresh, QStringLiteral("--md"), QStringLiteral("-")});
    QCOMPARE(md.exitCode, 0);
    QVERIFY2(md.out.contains(QLatin1String("**Session:** none yet")), qPrintable(md.out));
    QVERIFY(!md.out.contains(QLatin1String("**Created:**")));
    const QString html = out(QStringLiteral("fresh.html"));
    QCOMPARE(director({QStringLiteral("report"), fresh, QStringLiteral("--html"), html}).exitCode,
             0);
    QVERIFY(readAll(html).contains("none yet"));
    QVERIFY(!readAll(html).contains(">Created<"));
    QCOMPARE(filesOf(fresh), before);
    // Once opened (a change), the session is reported.
    QCOMPARE(director({QStringLiteral("frame"), fresh, QStringLiteral("0"),
                       QStringLiteral("--note"), QStringLiteral("seen")})
                 .exitCode,
             0);
    const QJsonObject opened =
        QJsonDocument::fromJson(director({QStringLiteral("report"), fresh, QStringLiteral("--json"),
                                          QStringLiteral("-")})
                                    .out.toUtf8())
            .object();
    QVERIFY(!opened.value(u"session").toObject().value(u"sessionId").toString().isEmpty());
}

void TestReport::badArgumentsAreRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    const QString html = QStringLiteral("--html");
    const QString file = QStringLiteral("/tmp/never-written-by-tst_report.html");
    QTest::newRow("nothing to write") << QStringList{} << 1;
    QTest::newRow("html to stdout") << QStringList{html, QStringLiteral("-")} << 1;
    QTest::newRow("two to stdout") << QStringList{QStringLiteral("--json"), QStringLiteral("-"),
                                                  QStringLiteral("--md"), QStringLiteral("-")}
                                   << 1;
    QTest::newRow("same file twice") << QStringList{html, file, QStringLiteral("--md"), file} << 1;
    QTest::newRow("empty name") << QStringList{QStringLiteral("--html=")} << 1;
    QTest::newRow("given twice") << QStringList{html, file, html, file} << 1;
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--pdf"), file} << 1;
    QTest::newRow("bad thumbnail") << QStringList{html, file, QStringLiteral("--thumbnail=0")} << 1;
    QTest::newRow("a file of the run")
        << QStringList{QStringLiteral("--json"), QStringLiteral("RUN/manifest.lock.json")} << 1;
    QTest::newRow("a folder") << QStringList{html, QStringLiteral("RUN/candidates")} << 1;
}

void TestReport::badArgumentsAreRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    arguments.replaceInStrings(QStringLiteral("RUN"), runDir());
    const QMap<QString, QByteArray> before = filesOf(runDir());
    const Result refused = report(arguments);
    QCOMPARE(refused.exitCode, exitCode);
    QVERIFY2(refused.err.startsWith(QLatin1String("director: ")), qPrintable(refused.err));
    QVERIFY(refused.out.isEmpty());
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/never-written-by-tst_report.html")));
    QCOMPARE(filesOf(runDir()), before);
}

void TestReport::theSessionFileIsNeverTheTarget()
{
    const QMap<QString, QByteArray> before = filesOf(runDir());
    const QString session = runDir() + QStringLiteral("/director_session.json");
    for (const QString &target :
         {session, session + QStringLiteral(".bak"), session + QStringLiteral(".lock"),
          runDir() + QStringLiteral("/../run/director_session.json")}) {
        const Result refused = report({QStringLiteral("--json"), target});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QLatin1String("session file")), qPrintable(refused.err));
    }
    // Through a link to it, too.
    const QString link = out(QStringLiteral("link.json"));
    QVERIFY(QFile::link(session, link));
    QCOMPARE(report({QStringLiteral("--json"), link}).exitCode, 1);
    QCOMPARE(filesOf(runDir()), before);
    // A run that cannot be read: the exit code of every command.
    const Result missing = director({QStringLiteral("report"), out(QStringLiteral("no-such-run")),
                                     QStringLiteral("--html"), out(QStringLiteral("x.html"))});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(!QFile::exists(out(QStringLiteral("x.html"))));
    const Result wrongCount = director({QStringLiteral("report")});
    QCOMPARE(wrongCount.exitCode, 1);
}

void TestReport::aStoppedReportWritesNothing()
{
    SessionManager manager;
    QVERIFY(manager.initializeOrResume(runDir(), SessionManager::Access::ReadOnly));
    const QString file = out(QStringLiteral("stopped.html"));
    int asked = 0;
    const PreviewProgress progress([&asked] { return ++asked > 3; });
    ReportOptions options;
    options.htmlPath = file;
    const Outcome stopped = ReportExport::write({runDir(), manager.session(), {}, {}}, options,
                                                nullptr, nullptr, progress);
    QVERIFY(!stopped);
    QCOMPARE(stopped.message(), PreviewProgress::stopped().message());
    QVERIFY(!QFile::exists(file));
}

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"
