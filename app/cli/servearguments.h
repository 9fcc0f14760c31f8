#pragma once

#include "servecommand.h"

#include <QStringList>

namespace wsi {

// Reads `wsinspector-cli serve [options]` (arguments as in QCoreApplication::arguments()). --help and
// --version print and exit 0; anything invalid prints one line on stderr and exits 2 (usageError()).
ServeCommand::Settings parseServeArguments(const QStringList &arguments);

} // namespace wsi
