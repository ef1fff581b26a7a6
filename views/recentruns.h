#pragma once

#include <QStringList>

// The runs opened last (File → Open Recent), in QSettings: most recent
// first, each once, at most `maximum`. A run is added once it has opened.
class RecentRuns
{
public:
    static constexpr int maximum = 10;

    static QStringList list();
    // Puts the run first (moved there if it was listed already).
    static void add(const QString &runDir);
    static void clear();
    // The form a run folder is listed in: absolute and clean.
    static QString normalized(const QString &runDir);
};
