#pragma once

#include <QLatin1StringView>
#include <QString>

// Who makes a verdict (docs/session-file.md, verdict). The operator's name is a preference,
// "Your name" in the window's Preferences (settingsKey), read by the window and by `director
// frame` alike (`--reviewer NAME` wins there); without it, the user logged in.
namespace Reviewer {
inline constexpr QLatin1StringView settingsKey{"review/reviewer"};
// USER, else LOGNAME, else the account's name (getpwuid); "unknown" when none of them says.
QString loginName();
// `name` trimmed, or loginName() when that leaves nothing.
QString orLoginName(const QString &name);
// The name the settings hold (settingsKey), else loginName().
QString current();
} // namespace Reviewer
