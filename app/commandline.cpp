#include "commandline.h"

#include "demo/demorun.h"
#include "mainwindow.h"
#include "review/sessionmanager.h"
#include "run/runpaths.h"
#include "session/sessioncodec.h"
#include "session/timestamps.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <cstdio>

namespace {

void printOut(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stdout);
    std::fflush(stdout);
}

void printErr(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
}

QString line(const QString &text)
{
    return text + QLatin1Char('\n');
}

const QString recoverName = QStringLiteral("recover");
const QString languageName = QStringLiteral("lang");
const QString languageFlag = QStringLiteral("--lang");
const QString languagePrefix = QStringLiteral("--lang=");
const QString recoverValues = QStringLiteral("backup|new");

} // namespace

int CommandLine::fail(int exitCode, const QString &message)
{
    printErr(line(QStringLiteral("director: ") + message));
    return exitCode;
}

bool CommandLine::parse(QCommandLineParser &parser, const QStringList &arguments,
                        int positionalCount, int *exitCode)
{
    addCommonOptions(parser);
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        *exitCode = fail(1, parser.errorText());
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        *exitCode = 0;
        return false;
    }
    if (const QString twice = givenTwice(parser); !twice.isEmpty()) {
        *exitCode = fail(1, twice);
        return false;
    }
    const QStringList positional = parser.positionalArguments();
    // The command's own name is the first positional argument.
    if (positionalCount >= 0 && positional.size() != positionalCount + 1) {
        *exitCode = fail(1, tr("wrong number of arguments; see --help"));
        return false;
    }
    return true;
}

QString CommandLine::givenTwice(const QCommandLineParser &parser)
{
    // QCommandLineParser takes the last of two values silently: for a
    // change to a review, a command that means two things is refused.
    const QStringList names = parser.optionNames();
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (names.indexOf(names.at(i), i + 1) > i)
            return tr("--%1 is given more than once").arg(names.at(i));
    }
    return {};
}

void CommandLine::addCommonOptions(QCommandLineParser &parser)
{
    parser.addOption({languageName,
                      tr("The language of messages and of the window: en, de or a locale such as "
                         "de_DE. By default the language chosen in Director's preferences, else "
                         "the system's."),
                      QStringLiteral("LANG")});
}

std::optional<QString> CommandLine::languageArgument(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--"))
            break;
        if (argument == languageFlag) {
            if (i + 1 < arguments.size())
                return arguments.at(i + 1);
            return std::nullopt;
        }
        if (argument.startsWith(languagePrefix))
            return argument.mid(languagePrefix.size());
    }
    return std::nullopt;
}

QString CommandLine::commandName(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == languageFlag)
            ++i; // and its value
        else if (!argument.startsWith(languagePrefix))
            return argument;
    }
    return QString();
}

bool CommandLine::opensWindow(const QStringList &arguments)
{
    const QString command = commandName(arguments);
    static const QStringList headless = {QStringLiteral("status"), QStringLiteral("validate"),
                                         QStringLiteral("frame"), QStringLiteral("commit"),
                                         QStringLiteral("discard")};
    if (headless.contains(command) || arguments.contains(QLatin1String("--help")) ||
        arguments.contains(QLatin1String("-h")) || arguments.contains(QLatin1String("--version")) ||
        arguments.contains(QLatin1String("-v")))
        return false;
    if (command == QLatin1String("demo"))
        return !arguments.contains(QLatin1String("--no-gui"));
    return true;
}

int CommandLine::showWindow(const QString &runDir, const QString &recover)
{
    MainWindow window;
    window.show();
    if (!runDir.isEmpty()) {
        SessionManager::Recovery recovery = SessionManager::Recovery::None;
        if (recover == QLatin1String("backup"))
            recovery = SessionManager::Recovery::RestoreBackup;
        else if (recover == QLatin1String("new"))
            recovery = SessionManager::Recovery::StartNew;
        window.openRun(runDir, SessionManager::Access::ReadWrite, recovery);
    }
    return QApplication::exec();
}

int CommandLine::run(const QStringList &arguments)
{
    const QString command = commandName(arguments);
    if (command == QLatin1String("demo"))
        return demo(arguments);
    if (command == QLatin1String("status"))
        return status(arguments);
    if (command == QLatin1String("validate"))
        return validate(arguments);
    if (command == QLatin1String("frame"))
        return frame(arguments);
    if (command == QLatin1String("commit"))
        return commit(arguments);
    if (command == QLatin1String("discard"))
        return discard(arguments);
    return open(arguments);
}

int CommandLine::open(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Director: review the frames of a sprite animation run.\n\n"
           "Commands:\n"
           "  director RUN_DIR                 open the review window (on a run)\n"
           "  director demo [DIR] [--no-gui]   write the demo run into DIR and open it\n"
           "  director status RUN_DIR [--json] summary of a run and its session\n"
           "  director validate FILE           check a session file\n"
           "  director frame RUN_DIR INDEX [--status S] [--nudge DX,DY] [--clear-nudge] "
           "[--note TEXT]\n"
           "  director commit RUN_DIR          write approved/ and mark the session committed\n"
           "  director discard RUN_DIR         mark the session discarded\n\n"
           "Exit codes: 0 success, 1 invalid input or failed operation, 2 refused by the rules, "
           "3 the session is locked by another running Director."));
    parser.addVersionOption();
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("RUN_DIR"), tr("The run folder to open."),
                                 QStringLiteral("[RUN_DIR]"));
    parser.addOption({recoverName,
                      tr("When the session file cannot be read: \"backup\" restores the backup, "
                         "\"new\" starts a new review; the bad file is kept aside."),
                      recoverValues});
    parser.addHelpOption();
    if (!parser.parse(arguments))
        return fail(1, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return 0;
    }
    if (const QString twice = givenTwice(parser); !twice.isEmpty())
        return fail(1, twice);
    if (parser.isSet(QStringLiteral("version"))) {
        printOut(line(QStringLiteral("director ") + QCoreApplication::applicationVersion()));
        return 0;
    }
    if (parser.positionalArguments().size() > 1) {
        printErr(parser.helpText());
        return 1;
    }
    const QString recover = parser.value(recoverName);
    if (parser.isSet(recoverName) && recover != QLatin1String("backup") &&
        recover != QLatin1String("new"))
        return fail(1, tr("--recover takes \"backup\" or \"new\", not \"%1\"").arg(recover));
    return showWindow(parser.positionalArguments().value(0), recover);
}

int CommandLine::openForChange(SessionManager &manager, const QCommandLineParser &parser,
                               const QString &runDir)
{
    SessionManager::Recovery recovery = SessionManager::Recovery::None;
    if (parser.isSet(recoverName)) {
        const QString value = parser.value(recoverName);
        if (value == QLatin1String("backup"))
            recovery = SessionManager::Recovery::RestoreBackup;
        else if (value == QLatin1String("new"))
            recovery = SessionManager::Recovery::StartNew;
        else
            return fail(1, tr("--recover takes \"backup\" or \"new\", not \"%1\"").arg(value));
    }
    const Outcome opened =
        manager.initializeOrResume(runDir, SessionManager::Access::ReadWrite, recovery);
    if (!opened) {
        QString message = opened.message();
        if (manager.lastLoad().state != SessionStore::LoadState::Missing &&
            manager.lastLoad().state != SessionStore::LoadState::Loaded) {
            message += QLatin1Char('\n') +
                       tr("Run again with --recover=backup or --recover=new to choose.");
        }
        return fail(opened.exitCode(), message);
    }
    // What the pipeline wrote since the session was saved is taken in
    // first, as the window does when it opens the run: the same rules, its
    // own atomic save. (A committed or discarded session takes in nothing.)
    if (!manager.isReadOnly()) {
        if (const Outcome news = manager.ingestRun(); !news)
            return fail(news.exitCode(),
                        tr("The pipeline's news could not be taken in: %1").arg(news.message()));
    }
    return 0;
}

int CommandLine::printStatus(const SessionManager &manager, bool json)
{
    // The run as the pipeline's news would make it: status never writes, so
    // what it has not taken in yet is shown, and counted.
    QList<int> newsChanged;
    QList<int> newsAdded;
    const DirectorSession session =
        manager.isUnsaved() || manager.session().isReadOnly()
            ? manager.session()
            : SessionManager::withNews(
                  manager.session(),
                  RunIngest::plan(manager.session(), manager.run(), manager.runDir()), &newsChanged,
                  &newsAdded);
    const std::optional<QDateTime> lastModified = Timestamps::parse(session.lastModified);
    const bool lastModifiedAhead =
        !manager.isUnsaved() && lastModified &&
        Timestamps::isFarAhead(*lastModified, QDateTime::currentDateTimeUtc());
    QMap<FrameStatus, int> counts;
    for (const DirectorFrameState &frame : session.frames)
        ++counts[frame.status];
    int nudged = 0;
    int noted = 0;
    for (const DirectorFrameState &frame : session.frames) {
        nudged += frame.directorOverrides.alignment.has_value();
        noted += frame.directorOverrides.notes.has_value();
    }

    if (json) {
        QJsonObject root;
        root.insert(QStringLiteral("runDir"), manager.runDir());
        root.insert(QStringLiteral("runId"), session.runId);
        root.insert(QStringLiteral("moveId"), session.moveId);
        if (!manager.isUnsaved()) {
            QJsonObject s;
            s.insert(QStringLiteral("sessionId"), session.sessionId);
            s.insert(QStringLiteral("status"), sessionStatusName(session.status));
            s.insert(QStringLiteral("createdAt"), session.createdAt);
            s.insert(QStringLiteral("lastModified"), session.lastModified);
            if (lastModifiedAhead)
                s.insert(QStringLiteral("lastModifiedAhead"), true);
            if (session.commitInfo) {
                s.insert(QStringLiteral("approvedCount"), session.commitInfo->approvedCount);
                s.insert(QStringLiteral("nudgedCount"), session.commitInfo->nudgedCount);
                s.insert(QStringLiteral("patchedCount"), session.commitInfo->patchedCount);
            }
            root.insert(QStringLiteral("session"), s);
        }
        root.insert(QStringLiteral("frameCount"), int(session.frames.size()));
        QJsonObject statusCounts;
        for (FrameStatus status : allFrameStatuses)
            statusCounts.insert(frameStatusName(status), counts.value(status));
        root.insert(QStringLiteral("counts"), statusCounts);
        root.insert(QStringLiteral("nudged"), nudged);
        root.insert(QStringLiteral("noted"), noted);
        root.insert(QStringLiteral("missing"), QJsonArray::fromStringList(manager.run().missing));
        root.insert(QStringLiteral("leftOut"), QJsonArray::fromStringList(manager.run().leftOut));
        root.insert(QStringLiteral("news"),
                    QJsonObject{{QStringLiteral("changed"), int(newsChanged.size())},
                                {QStringLiteral("added"), int(newsAdded.size())}});
        printOut(QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Compact)) +
                 QLatin1Char('\n'));
        return 0;
    }

    QString text;
    text += line(
        tr("Run:      %1 (%2)").arg(session.runId, QDir::toNativeSeparators(manager.runDir())));
    text +=
        line(tr("Move:     %1").arg(session.moveId.isEmpty() ? tr("(unknown)") : session.moveId));
    if (manager.isUnsaved()) {
        text += line(tr("Session:  none yet (it is created when the run is opened for review)"));
    } else {
        text += line(
            tr("Session:  %1, %2, last saved %3")
                .arg(session.sessionId, sessionStatusName(session.status), session.lastModified));
    }
    QStringList parts;
    for (FrameStatus status : allFrameStatuses)
        parts.append(
            QStringLiteral("%1 %2").arg(counts.value(status)).arg(frameStatusName(status)));
    text += line(
        tr("Frames:   %1: %2").arg(session.frames.size()).arg(parts.join(QStringLiteral(", "))));
    text += line(tr("Operator: %1 nudged, %2 with notes").arg(nudged).arg(noted));
    if (session.commitInfo) {
        text += line(tr("Commit:   %1 approved, %2 nudged, %3 patched at %4")
                         .arg(session.commitInfo->approvedCount)
                         .arg(session.commitInfo->nudgedCount)
                         .arg(session.commitInfo->patchedCount)
                         .arg(session.commitInfo->timestamp));
    }
    if (lastModifiedAhead) {
        text += line(tr("Note:     the session was last saved at %1 by its own account, more than "
                        "a day ahead of this computer's clock; its next change records the time "
                        "now.")
                         .arg(session.lastModified));
    }
    if (!newsChanged.isEmpty() || !newsAdded.isEmpty()) {
        text += line(tr("News:     the pipeline changed %n frame(s) and added %1 since the session "
                        "was saved; shown above, taken in by the next change or when the run is "
                        "opened",
                        nullptr, int(newsChanged.size()))
                         .arg(newsAdded.size()));
    }
    for (const QString &missing : manager.run().missing)
        text += line(tr("Missing:  %1").arg(missing));
    for (const QString &leftOut : manager.run().leftOut)
        text += line(tr("Left out: %1").arg(leftOut));
    printOut(text);
    return 0;
}

int CommandLine::demo(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Write the demo run into DIR (a new or empty folder) "
                                        "and open it."));
    parser.addPositionalArgument(QStringLiteral("demo"), tr("The command."));
    parser.addPositionalArgument(QStringLiteral("DIR"),
                                 tr("Where to write the demo run (default: a new folder in "
                                    "Director's data folder)."),
                                 QStringLiteral("[DIR]"));
    parser.addOption({QStringLiteral("no-gui"), tr("Only write the run, do not open it.")});
    int code = 0;
    if (!parse(parser, arguments, -1, &code))
        return code;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 2)
        return fail(1, tr("wrong number of arguments; see --help"));
    QString dir = positional.value(1);
    if (dir.isEmpty()) {
        dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
              QStringLiteral("/demo-runs/") +
              QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd_HHmmss"));
    }
    if (const Outcome written = DemoRun::write(dir); !written)
        return fail(written.exitCode(), written.message());
    printOut(line(tr("Demo run written to %1").arg(QDir::toNativeSeparators(dir))));
    if (parser.isSet(QStringLiteral("no-gui")))
        return 0;
    return showWindow(dir, QString());
}

int CommandLine::status(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Summary of a run and its session. Writes nothing."));
    parser.addPositionalArgument(QStringLiteral("status"), tr("The command."));
    parser.addPositionalArgument(QStringLiteral("RUN_DIR"), tr("The run folder."));
    parser.addOption({QStringLiteral("json"), tr("Print one JSON object.")});
    int code = 0;
    if (!parse(parser, arguments, 1, &code))
        return code;
    SessionManager manager;
    const Outcome opened = manager.initializeOrResume(parser.positionalArguments().at(1),
                                                      SessionManager::Access::ReadOnly);
    if (!opened)
        return fail(opened.exitCode(), opened.message());
    return printStatus(manager, parser.isSet(QStringLiteral("json")));
}

int CommandLine::validate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Check a session file. Every problem is printed on stderr with its JSON path; "
           "exit code 0 when the file is valid, 1 otherwise. Writes nothing."));
    parser.addPositionalArgument(QStringLiteral("validate"), tr("The command."));
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The session file."));
    int code = 0;
    if (!parse(parser, arguments, 1, &code))
        return code;
    const QString path = parser.positionalArguments().at(1);
    const QString name = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!info.exists())
        return fail(1, tr("%1 does not exist").arg(name));
    if (!info.isFile())
        return fail(1, tr("%1 is not a file").arg(name));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(1, tr("%1 cannot be read: %2").arg(name, file.errorString()));
    if (file.size() > SessionCodec::maxFileSize) {
        return fail(1, tr("%1 is larger than the %2 MB a session file can be")
                           .arg(name)
                           .arg(SessionCodec::maxFileSize / (1024 * 1024)));
    }
    // Paths in the file are checked against the folder the file is in: its run folder.
    const RunPaths paths(QFileInfo(path).absolutePath());
    const QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return fail(1, tr("%1 cannot be read: %2").arg(name, file.errorString()));
    const SessionDecodeResult result = SessionCodec::decode(data, &paths);
    for (const SessionProblem &note : result.notes)
        printErr(line(tr("%1: note: %2").arg(name, note.toString())));
    for (const SessionProblem &error : result.errors)
        printErr(line(QStringLiteral("%1: %2").arg(name, error.toString())));
    if (!result.isOk())
        return 1;
    printOut(line(tr("%1: valid session (%n frame(s))", nullptr, int(result.session->frames.size()))
                      .arg(name)));
    return 0;
}

int CommandLine::frame(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Change one frame through the session's rules, lock and atomic save. All options "
           "given are saved as one change."));
    parser.addPositionalArgument(QStringLiteral("frame"), tr("The command."));
    parser.addPositionalArgument(QStringLiteral("RUN_DIR"), tr("The run folder."));
    parser.addPositionalArgument(QStringLiteral("INDEX"), tr("The frame index (0, 1, ...)."));
    parser.addOption({QStringLiteral("status"),
                      tr("The new status: PENDING, GENERATED, AUDIT_FAIL, AUDIT_WARN or APPROVED."),
                      QStringLiteral("S")});
    parser.addOption({QStringLiteral("nudge"),
                      tr("Move the frame DX,DY pixels further (e.g. --nudge=-2,1). An AUDIT_WARN "
                         "frame is approved by a nudge."),
                      QStringLiteral("DX,DY")});
    parser.addOption({QStringLiteral("clear-nudge"), tr("Remove the frame's alignment offset.")});
    parser.addOption({QStringLiteral("note"), tr("Set the operator's notes (empty removes them)."),
                      QStringLiteral("TEXT")});
    parser.addOption(
        {recoverName, tr("Recover an unreadable session file: backup or new."), recoverValues});
    int code = 0;
    if (!parse(parser, arguments, 2, &code))
        return code;

    bool isNumber = false;
    const int index = parser.positionalArguments().at(2).toInt(&isNumber);
    if (!isNumber || index < 0)
        return fail(1, tr("\"%1\" is not a frame index").arg(parser.positionalArguments().at(2)));

    FrameEdit edit;
    bool changes = false;
    if (parser.isSet(QStringLiteral("status"))) {
        const QString name = parser.value(QStringLiteral("status")).toUpper();
        const std::optional<FrameStatus> status = frameStatusFromName(name);
        if (!status)
            return fail(1, tr("unknown status \"%1\"").arg(parser.value(QStringLiteral("status"))));
        edit.status = status;
        changes = true;
    }
    std::optional<std::pair<double, double>> nudge;
    if (parser.isSet(QStringLiteral("nudge"))) {
        // Whole pixels, as the window nudges.
        const QStringList parts = parser.value(QStringLiteral("nudge")).split(QLatin1Char(','));
        bool okX = false;
        bool okY = false;
        const int dx = parts.value(0).trimmed().toInt(&okX);
        const int dy = parts.value(1).trimmed().toInt(&okY);
        if (parts.size() != 2 || !okX || !okY)
            return fail(1, tr("--nudge takes whole pixels DX,DY, for example --nudge=-2,1"));
        nudge = std::pair(dx, dy);
        changes = true;
    }
    if (parser.isSet(QStringLiteral("clear-nudge"))) {
        if (nudge)
            return fail(1, tr("--nudge and --clear-nudge cannot be given together"));
        edit.alignment = FrameEdit::Alignment::Clear;
        changes = true;
    }
    if (parser.isSet(QStringLiteral("note"))) {
        edit.notes = parser.value(QStringLiteral("note"));
        changes = true;
    }
    if (!changes)
        return fail(1, tr("nothing to change: give --status, --nudge, --clear-nudge or --note"));

    SessionManager manager;
    if (const int opened = openForChange(manager, parser, parser.positionalArguments().at(1));
        opened != 0)
        return opened;
    const std::optional<DirectorFrameState> frame = manager.getFrameState(index);
    if (!frame)
        return fail(1, tr("there is no frame %1 in this run").arg(index));
    if (nudge) {
        const std::optional<HumanAlignmentDelta> &current = frame->directorOverrides.alignment;
        edit.alignment = FrameEdit::Alignment::Set;
        edit.alignmentX = (current ? current->userOverrideX : 0.0) + nudge->first;
        edit.alignmentY = (current ? current->userOverrideY : 0.0) + nudge->second;
    }
    if (const Outcome applied = manager.applyFrameEdit(index, edit); !applied)
        return fail(applied.exitCode(), applied.message());
    const DirectorFrameState after = *manager.getFrameState(index);
    QString summary = tr("frame %1: %2").arg(index).arg(frameStatusName(after.status));
    if (after.directorOverrides.alignment) {
        summary += tr(", offset %1,%2")
                       .arg(after.directorOverrides.alignment->userOverrideX)
                       .arg(after.directorOverrides.alignment->userOverrideY);
    }
    printOut(line(summary));
    return 0;
}

int CommandLine::changeSession(const QStringList &arguments, const QString &description,
                               const std::function<int(SessionManager &)> &change)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    parser.addPositionalArgument(commandName(arguments), tr("The command."));
    parser.addPositionalArgument(QStringLiteral("RUN_DIR"), tr("The run folder."));
    parser.addOption(
        {recoverName, tr("Recover an unreadable session file: backup or new."), recoverValues});
    int code = 0;
    if (!parse(parser, arguments, 1, &code))
        return code;
    SessionManager manager;
    if (const int opened = openForChange(manager, parser, parser.positionalArguments().at(1));
        opened != 0)
        return opened;
    return change(manager);
}

int CommandLine::commit(const QStringList &arguments)
{
    return changeSession(
        arguments,
        tr("Write the approved frames, nudges applied, to approved/ and mark the session "
           "committed. Refused unless every frame is APPROVED."),
        [this](SessionManager &manager) {
            if (const Outcome committed = manager.commitSession(); !committed)
                return fail(committed.exitCode(), committed.message());
            const CommitInfo &info = *manager.session().commitInfo;
            printOut(line(
                tr("Committed %n frame(s) to %1 (%2 nudged, %3 patched).", nullptr,
                   info.approvedCount)
                    .arg(QDir::toNativeSeparators(manager.runDir() + QStringLiteral("/approved")))
                    .arg(info.nudgedCount)
                    .arg(info.patchedCount)));
            return 0;
        });
}

int CommandLine::discard(const QStringList &arguments)
{
    return changeSession(
        arguments,
        tr("Mark the session discarded. The file stays; nothing in approved/ is written."),
        [this](SessionManager &manager) {
            if (const Outcome discarded = manager.discardSession(); !discarded)
                return fail(discarded.exitCode(), discarded.message());
            printOut(line(tr("Session %1 discarded.").arg(manager.session().sessionId)));
            return 0;
        });
}
