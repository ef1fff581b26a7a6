#include "runfolder.h"

#include "runpaths.h"
#include "timestamps.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace {

struct JsonFile
{
    bool present = false;
    QJsonObject object;
    QString error; // set when present but unreadable
};

JsonFile readJson(const QString &path)
{
    JsonFile result;
    QFile file(path);
    if (!QFileInfo(path).isFile())
        return result;
    result.present = true;
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = file.errorString();
        return result;
    }
    if (file.size() > RunFolder::maxJsonSize) {
        result.error = QCoreApplication::translate("RunFolder", "larger than %1 MB")
                           .arg(RunFolder::maxJsonSize / (1024 * 1024));
        return result;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error = QCoreApplication::translate("RunFolder", "not valid JSON at byte %1: %2")
                           .arg(parseError.offset)
                           .arg(parseError.errorString());
    } else if (!document.isObject()) {
        result.error = QCoreApplication::translate("RunFolder", "not a JSON object");
    } else {
        result.object = document.object();
    }
    return result;
}

// A whole number from JSON within 0..maximum, or -1.
int indexValue(const QJsonValue &value, int maximum)
{
    double d = -1;
    if (value.isDouble())
        d = value.toDouble();
    else if (value.isString())
        d = value.toString().toDouble();
    if (!std::isfinite(d) || d != std::trunc(d) || d < 0 || d > maximum)
        return -1;
    return int(d);
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray()) {
        if (v.isString())
            list.append(v.toString());
    }
    return list;
}

struct Candidate
{
    int attempt = 0;
    int preference = 0; // lower is preferred within one attempt
    QString path;       // run-relative
};

// "1, 2, 5-9"
QString indexList(QList<int> indices)
{
    std::sort(indices.begin(), indices.end());
    QStringList parts;
    for (qsizetype i = 0; i < indices.size();) {
        qsizetype j = i;
        while (j + 1 < indices.size() && indices[j + 1] == indices[j] + 1)
            ++j;
        parts.append(j == i ? QString::number(indices[i])
                            : QStringLiteral("%1-%2").arg(indices[i]).arg(indices[j]));
        i = j + 1;
    }
    return parts.join(QStringLiteral(", "));
}

class Reader
{
    Q_DECLARE_TR_FUNCTIONS(RunFolder)

public:
    Reader(const QString &runDir, RunFolder::Contents &contents)
        : m_dir(QDir(runDir).absolutePath()), m_paths(runDir), m_contents(contents)
    {}

    Outcome read();

private:
    void readManifest();
    void readState();
    void readAnchor();
    void scanFolders();
    DirectorFrameState frame(int index);
    void readAudit(int index, DirectorFrameState &frame, bool *hasAudit, QJsonArray *attempts);
    QList<AttemptInfo> attempts(int index, const QJsonArray &auditAttempts);
    // The run-relative path of a file named by the run's JSON, checked; empty when refused.
    QString checkedPath(const QString &stored, const QString &where);
    QString fileTimestamp(const QString &relative) const;

    QString m_dir;
    RunPaths m_paths;
    RunFolder::Contents &m_contents;
    bool m_looksLikeRun = false;
    QJsonObject m_state;
    QMap<int, QJsonObject> m_frameStates;          // state.json frame_states by index
    QJsonObject m_frameAttempts;                   // state.json frameAttempts
    QMap<int, QList<Candidate>> m_candidates;      // by frame index
    QMap<int, QString> m_approved;                 // approved/frame_NNNN.png
    QMap<int, QPair<QString, QString>> m_rejected; // path, reason
    QMap<int, QString> m_audits;                   // audit file, run-relative
    int m_highestIndex = -1;
};

QString Reader::checkedPath(const QString &stored, const QString &where)
{
    QString why;
    const std::optional<QString> real = m_paths.resolveExistingFile(stored, &why);
    if (!real) {
        m_contents.missing.append(tr("%1: %2").arg(where, why));
        return {};
    }
    return real->mid(QFileInfo(m_dir).canonicalFilePath().size() + 1);
}

QString Reader::fileTimestamp(const QString &relative) const
{
    const QDateTime modified = QFileInfo(m_paths.absolute(relative)).lastModified();
    return Timestamps::format(modified.isValid() ? modified : QDateTime::currentDateTimeUtc());
}

void Reader::readManifest()
{
    const JsonFile file = readJson(m_dir + QStringLiteral("/manifest.lock.json"));
    if (!file.present) {
        m_contents.missing.append(tr("manifest.lock.json: not found"));
        return;
    }
    m_looksLikeRun = true;
    if (!file.error.isEmpty()) {
        m_contents.missing.append(tr("manifest.lock.json: %1").arg(file.error));
        m_contents.runFilesUnreadable = true;
        return;
    }
    RunManifest &m = m_contents.manifest;
    m.raw = file.object;
    m.runId = file.object.value(u"run_id").toString();
    // The long form holds the whole manifest; the short form only its identity.
    const QJsonObject config = file.object.value(u"resolved_config").toObject();
    QJsonObject identity = config.value(u"identity").toObject();
    if (identity.isEmpty())
        identity = file.object.value(u"manifest_identity").toObject();
    m.character = identity.value(u"character").toString();
    m.moveId = identity.value(u"move").toString();
    m.frameCount =
        std::max(0, indexValue(identity.value(u"frame_count"), RunFolder::maxFrameCount));
    m.isLoop = identity.value(u"is_loop").toBool();
    const QJsonObject canvas = config.value(u"canvas").toObject();
    m.targetSize = std::max(0, indexValue(canvas.value(u"target_size"), 1 << 16));
    m.generationSize = std::max(0, indexValue(canvas.value(u"generation_size"), 1 << 16));
    const QJsonObject auditor = config.value(u"auditor").toObject();
    std::function<void(const QJsonObject &, const QString &)> collect =
        [&](const QJsonObject &object, const QString &prefix) {
            for (auto it = object.begin(); it != object.end(); ++it) {
                const QString name = prefix.isEmpty() ? it.key() : prefix + u'.' + it.key();
                if (it.value().isDouble())
                    m.thresholds.insert(name, it.value().toDouble());
                else if (it.value().isObject() && prefix.count(u'.') < 4)
                    collect(it.value().toObject(), name);
            }
        };
    collect(auditor.value(u"thresholds").isObject() ? auditor.value(u"thresholds").toObject()
                                                    : auditor,
            QString());
}

void Reader::readState()
{
    const JsonFile file = readJson(m_dir + QStringLiteral("/state.json"));
    if (!file.present) {
        m_contents.missing.append(tr("state.json: not found"));
        return;
    }
    m_looksLikeRun = true;
    if (!file.error.isEmpty()) {
        m_contents.missing.append(tr("state.json: %1").arg(file.error));
        m_contents.runFilesUnreadable = true;
        return;
    }
    m_state = file.object;
    for (const QJsonValue &value : m_state.value(u"frame_states").toArray()) {
        const QJsonObject state = value.toObject();
        const int index = indexValue(state.value(u"index"), RunFolder::maxFrameCount - 1);
        if (index >= 0) {
            m_frameStates.insert(index, state);
            m_highestIndex = std::max(m_highestIndex, index);
        }
    }
    m_frameAttempts = m_state.value(u"frameAttempts").toObject();
    if (m_contents.manifest.runId.isEmpty())
        m_contents.manifest.runId = m_state.value(u"run_id").toString();
    if (m_contents.manifest.frameCount == 0) {
        m_contents.manifest.frameCount =
            std::max(0, indexValue(m_state.value(u"total_frames"), RunFolder::maxFrameCount));
    }
}

void Reader::readAnchor()
{
    const JsonFile file = readJson(m_dir + QStringLiteral("/anchor_analysis.json"));
    if (!file.present)
        return;
    if (!file.error.isEmpty()) {
        m_contents.missing.append(tr("anchor_analysis.json: %1").arg(file.error));
        return;
    }
    const QJsonObject size = file.object.value(u"image_dimensions").toObject();
    const QJsonObject results = file.object.value(u"results").toObject();
    const QJsonObject bounds = results.value(u"visible_bounds").toObject();
    AnchorAnalysis &a = m_contents.anchor;
    a.imageSize = QSize(size.value(u"width").toInt(), size.value(u"height").toInt());
    a.baselineY = results.value(u"baselineY").toDouble();
    a.rootX = results.value(u"rootX").toDouble();
    const int left = bounds.value(u"leftX").toInt();
    const int top = bounds.value(u"topY").toInt();
    a.visibleBounds = QRect(QPoint(left, top), QPoint(bounds.value(u"rightX").toInt(),
                                                      bounds.value(u"bottomY").toInt()));
    a.present = a.imageSize.isValid() && !a.imageSize.isEmpty() && results.contains(u"baselineY");
    if (!a.present)
        m_contents.missing.append(tr("anchor_analysis.json: no image size or baseline"));
}

void Reader::scanFolders()
{
    static const QRegularExpression candidateName(
        QStringLiteral("^frame_(\\d{4,})_attempt_(\\d{1,6})(?:_(norm|aligned|128|trans))?\\.png$"));
    static const QRegularExpression approvedName(QStringLiteral("^frame_(\\d{4,})\\.png$"));
    static const QRegularExpression rejectedName(QStringLiteral("^frame_(\\d{4,})_(.+)\\.png$"));
    static const QRegularExpression auditName(QStringLiteral("^frame_(\\d{1,})_metrics\\.json$"));
    const QStringList preference = {QStringLiteral("norm"), QString(), QStringLiteral("aligned"),
                                    QStringLiteral("128"), QStringLiteral("trans")};

    auto entries = [&](const QString &folder) {
        const QDir dir(m_dir + u'/' + folder);
        if (!dir.exists())
            return QStringList();
        m_looksLikeRun = true;
        return dir.entryList(QDir::Files | QDir::System, QDir::Name);
    };
    auto frameIndex = [&](const QString &digits) {
        bool ok = false;
        const int index = digits.toInt(&ok);
        if (!ok || index >= RunFolder::maxFrameCount)
            return -1;
        m_highestIndex = std::max(m_highestIndex, index);
        return index;
    };

    for (const QString &name : entries(QStringLiteral("candidates"))) {
        const QRegularExpressionMatch match = candidateName.match(name);
        const int index = match.hasMatch() ? frameIndex(match.captured(1)) : -1;
        if (index < 0)
            continue;
        Candidate c;
        c.attempt = match.captured(2).toInt();
        c.preference = int(preference.indexOf(match.captured(3)));
        c.path = QStringLiteral("candidates/") + name;
        m_candidates[index].append(c);
    }
    for (const QString &name : entries(QStringLiteral("approved"))) {
        const QRegularExpressionMatch match = approvedName.match(name);
        const int index = match.hasMatch() ? frameIndex(match.captured(1)) : -1;
        if (index >= 0)
            m_approved.insert(index, QStringLiteral("approved/") + name);
    }
    for (const QString &name : entries(QStringLiteral("rejected"))) {
        const QRegularExpressionMatch match = rejectedName.match(name);
        const int index = match.hasMatch() ? frameIndex(match.captured(1)) : -1;
        if (index >= 0)
            m_rejected.insert(index, {QStringLiteral("rejected/") + name, match.captured(2)});
    }
    for (const QString &name : entries(QStringLiteral("audit"))) {
        const QRegularExpressionMatch match = auditName.match(name);
        const int index = match.hasMatch() ? frameIndex(match.captured(1)) : -1;
        // The padded name wins over the unpadded one.
        if (index >= 0 && (!m_audits.contains(index) || match.captured(1).size() >= 4))
            m_audits.insert(index, QStringLiteral("audit/") + name);
    }
}

void Reader::readAudit(int index, DirectorFrameState &frame, bool *hasAudit,
                       QJsonArray *auditAttempts)
{
    *hasAudit = false;
    const auto it = m_audits.constFind(index);
    if (it == m_audits.cend())
        return;
    const QString relative = checkedPath(it.value(), it.value());
    if (relative.isEmpty())
        return;
    const JsonFile file = readJson(m_paths.absolute(relative));
    if (!file.error.isEmpty()) {
        m_contents.missing.append(tr("%1: %2").arg(relative, file.error));
        m_contents.unreadableFrames.insert(index);
        return;
    }
    const QJsonObject audit = file.object;
    AuditReport &report = frame.auditReport;
    const QJsonValue score = audit.contains(u"composite_score") ? audit.value(u"composite_score")
                                                                : audit.value(u"compositeScore");
    const double d = score.toDouble(0.0);
    report.compositeScore = std::isfinite(d) ? std::clamp(d, 0.0, 1.0) : 0.0;
    if (!score.isDouble() || report.compositeScore != d)
        m_contents.missing.append(tr("%1: no composite score from 0 to 1").arg(relative));
    report.flags = stringList(audit.contains(u"reason_codes") ? audit.value(u"reason_codes")
                                                              : audit.value(u"flags"));
    report.passed = audit.value(u"passed").toBool();
    const QJsonValue aligned = audit.contains(u"auto_aligned") ? audit.value(u"auto_aligned")
                                                               : audit.value(u"autoAligned");
    if (aligned.isBool())
        report.autoAligned = aligned.toBool();
    const QJsonValue drift = audit.value(u"metrics").toObject().value(u"baseline_drift_px");
    if (drift.isDouble() && std::isfinite(drift.toDouble()))
        report.driftPixels = drift.toDouble();
    // The rest (metrics, breakdown, status, ...) is kept as the pipeline wrote it.
    report.extra = audit;
    for (const char16_t *mapped :
         {u"composite_score", u"compositeScore", u"reason_codes", u"flags", u"passed",
          u"auto_aligned", u"autoAligned", u"attempts", u"frame_index"})
        report.extra.remove(QStringView(mapped));
    *auditAttempts = audit.value(u"attempts").toArray();
    *hasAudit = true;
    RunFolder::Contents::Audit &source = m_contents.audits[index];
    source.path = relative;
    for (const QJsonValue &attempt : std::as_const(*auditAttempts)) {
        source.newestAttempt = std::max(
            source.newestAttempt, indexValue(attempt.toObject().value(u"attempt_index"), 1000000));
    }
}

QList<AttemptInfo> Reader::attempts(int index, const QJsonArray &auditAttempts)
{
    QMap<int, AttemptInfo> byIndex;
    auto timestampOf = [](const QJsonValue &value) -> std::optional<QString> {
        if (const auto time = Timestamps::parse(value.toString()))
            return Timestamps::format(*time);
        return std::nullopt;
    };
    // state.json: camelCase.
    const QJsonArray stateAttempts =
        m_frameAttempts.value(QString::number(index)).toObject().value(u"attempts").toArray();
    for (const QJsonValue &value : stateAttempts) {
        QJsonObject o = value.toObject();
        const int n = indexValue(o.value(u"attemptIndex"), 1000000);
        if (n < 1)
            continue;
        AttemptInfo &a = byIndex[n];
        a.attemptIndex = n;
        if (const auto t = timestampOf(o.value(u"timestamp")))
            a.timestamp = *t;
        a.strategy = o.value(u"strategy").toString();
        a.reasonCodes = stringList(o.value(u"reasonCodes"));
        a.passed = o.value(u"result").toString() == QLatin1String("passed");
        for (const char16_t *mapped :
             {u"attemptIndex", u"timestamp", u"strategy", u"reasonCodes", u"passed"})
            o.remove(QStringView(mapped));
        a.extra = o;
    }
    // The audit file: snake_case; fills what state.json did not say.
    for (const QJsonValue &value : auditAttempts) {
        const QJsonObject o = value.toObject();
        const int n = indexValue(o.value(u"attempt_index"), 1000000);
        if (n < 1)
            continue;
        const bool known = byIndex.contains(n);
        AttemptInfo &a = byIndex[n];
        a.attemptIndex = n;
        if (a.timestamp.isEmpty()) {
            if (const auto t = timestampOf(o.value(u"timestamp")))
                a.timestamp = *t;
        }
        if (!known) {
            a.reasonCodes = stringList(o.value(u"reason_codes"));
            a.passed = o.value(u"result").toString() == QLatin1String("passed");
        }
        // The rest is kept; what was mapped above is not kept twice.
        for (auto it = o.begin(); it != o.end(); ++it) {
            static const QStringList mapped = {QStringLiteral("attempt_index"),
                                               QStringLiteral("timestamp"),
                                               QStringLiteral("reason_codes")};
            if (!mapped.contains(it.key()) && !a.extra.contains(it.key()))
                a.extra.insert(it.key(), it.value());
        }
    }
    // The candidate file of each attempt, when it is there.
    for (const Candidate &c : m_candidates.value(index)) {
        if (!byIndex.contains(c.attempt)) {
            AttemptInfo &a = byIndex[c.attempt];
            a.attemptIndex = c.attempt;
        }
    }
    QList<AttemptInfo> list;
    for (auto it = byIndex.begin(); it != byIndex.end(); ++it) {
        AttemptInfo a = it.value();
        QList<Candidate> files = m_candidates.value(index);
        files.removeIf([&](const Candidate &c) { return c.attempt != a.attemptIndex; });
        std::sort(files.begin(), files.end(), [](const Candidate &x, const Candidate &y) {
            return x.preference < y.preference;
        });
        for (const Candidate &c : files) {
            QString why;
            if (m_paths.resolveExistingFile(c.path, &why)) {
                a.candidatePath = c.path;
                break;
            }
        }
        if (a.timestamp.isEmpty()) {
            // Never write a session file the pipeline rejects: without a
            // recorded time, the candidate file's own time stands in.
            a.timestamp =
                a.candidatePath.isEmpty() ? Timestamps::now() : fileTimestamp(a.candidatePath);
        }
        list.append(a);
    }
    return list;
}

DirectorFrameState Reader::frame(int index)
{
    DirectorFrameState f;
    f.frameIndex = index;
    f.id = DirectorFrameState::idForIndex(index);

    // The current image: the highest attempt, its _norm version first.
    QList<Candidate> candidates = m_candidates.value(index);
    std::sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        return a.attempt != b.attempt ? a.attempt > b.attempt : a.preference < b.preference;
    });
    for (const Candidate &c : candidates) {
        f.imagePath = checkedPath(c.path, c.path);
        if (!f.imagePath.isEmpty())
            break;
    }
    if (f.imagePath.isEmpty() && m_approved.contains(index))
        f.imagePath = checkedPath(m_approved.value(index), m_approved.value(index));
    if (f.imagePath.isEmpty()) {
        const QString stated = m_frameStates.value(index).value(u"approved_path").toString();
        if (!stated.isEmpty())
            f.imagePath = checkedPath(stated, tr("state.json, frame %1").arg(index));
    }
    const bool rejected = m_rejected.contains(index);
    if (f.imagePath.isEmpty() && rejected)
        f.imagePath = checkedPath(m_rejected.value(index).first, m_rejected.value(index).first);

    bool hasAudit = false;
    QJsonArray auditAttempts;
    readAudit(index, f, &hasAudit, &auditAttempts);
    if (rejected) {
        const QString reason = m_rejected.value(index).second;
        if (!f.auditReport.flags.contains(reason))
            f.auditReport.flags.append(reason);
        f.auditReport.passed = false;
    }
    f.attemptHistory = attempts(index, auditAttempts);

    const bool hasImage = !f.imagePath.isEmpty();
    if (!hasImage)
        f.status = FrameStatus::Pending;
    else if (rejected || (hasAudit && !f.auditReport.passed))
        f.status = FrameStatus::AuditFail;
    else if (!hasAudit)
        f.status = FrameStatus::Generated;
    else if (!f.auditReport.flags.isEmpty() || f.auditReport.autoAligned.value_or(false))
        f.status = FrameStatus::AuditWarn;
    else
        f.status = FrameStatus::Approved;
    return f;
}

Outcome Reader::read()
{
    const QString name = QDir::toNativeSeparators(m_dir);
    if (!QFileInfo(m_dir).isDir())
        return Outcome::invalid(tr("%1 is not a folder.").arg(name));
    readManifest();
    readState();
    scanFolders();
    if (!m_looksLikeRun) {
        return Outcome::invalid(tr("%1 is not a run folder: it has no manifest.lock.json, "
                                   "state.json, candidates/, approved/, rejected/ or audit/.")
                                    .arg(name));
    }
    readAnchor();
    RunManifest &m = m_contents.manifest;
    if (m.runId.isEmpty())
        m.runId = QFileInfo(m_dir).fileName();
    const int declared = m.frameCount;
    m.frameCount = std::max(declared, m_highestIndex + 1);
    if (declared > 0 && m.frameCount > declared) {
        m_contents.missing.append(
            tr("the manifest declares %n frame(s) but files for %1 were found", nullptr, declared)
                .arg(m.frameCount));
    }
    QList<int> noImage;
    QList<int> noAudit;
    for (int index = 0; index < m.frameCount; ++index) {
        DirectorFrameState f = frame(index);
        if (f.imagePath.isEmpty())
            noImage.append(index);
        else if (f.status == FrameStatus::Generated)
            noAudit.append(index);
        m_contents.frames.append(std::move(f));
    }
    if (!noImage.isEmpty())
        m_contents.missing.append(tr("no image yet for frames %1").arg(indexList(noImage)));
    if (!noAudit.isEmpty())
        m_contents.missing.append(tr("no audit result for frames %1").arg(indexList(noAudit)));
    return Outcome::ok();
}

} // namespace

Outcome RunFolder::read(const QString &runDir, Contents *contents)
{
    Q_ASSERT(contents);
    *contents = Contents();
    return Reader(runDir, *contents).read();
}
