#pragma once

#include <QString>

// This program and what its answers about a run depend on beside the run, as exactly as it can
// be told: its version and its executable's identity, Qt's and the plugins' (a rebuilt or updated
// Director or Qt tells a run its own way), the language of its messages and of the system's (what
// it keeps holds messages: what is missing, left out, why a file cannot be read), and who reads
// (what may be read differs from user to user). What Director keeps of a run in the user's cache
// folder (StatusCache, RunReadCache) is used again only by the same identity.
QString programIdentity();
