#pragma once

#include <QByteArray>
#include <QJsonObject>

class RunReport;
struct ReportFrame;

// The report's facts as one JSON object, for scripts and trackers: the same facts as the HTML,
// no images (the frames' files in the run instead: `imagePath` as the session names it, relative
// to the run folder, and `imageFile`, absolute). Every member is always there; what the session
// does not record is null. `format` is "director-report", `formatVersion` 1.
class ReportJson
{
public:
    static constexpr int formatVersion = 1;

    static QByteArray write(const RunReport &report);
    static QJsonObject toJson(const RunReport &report);

private:
    static QJsonObject frameJson(const ReportFrame &frame);
};
