#pragma once

#include <QString>

namespace wsi {

// Exit codes shared by every command, documented in docs/cli.md.
enum ExitCode { ExitCleanClose = 0, ExitFailed = 1, ExitUsage = 2, ExitUncleanClose = 3 };

// Prints "wsinspector-cli: MESSAGE" on stderr and exits with ExitUsage: bad arguments stop the CLI before
// anything is printed on stdout or opened.
[[noreturn]] void usageError(const QString &message);

// A whole number from min to max given to --option, or a usage error naming the option.
qint64 parseBoundedInt(const QString &text, const QString &option, qint64 min, qint64 max);

// "wsinspector-cli 0.1.0": the tool field of the session log's first line.
QString toolName();

} // namespace wsi
