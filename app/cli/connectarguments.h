#pragma once

#include "connectcommand.h"

#include <QStringList>

namespace wsi {

// Reads `wsinspector-cli connect URL [options]` (arguments as in QCoreApplication::arguments()). --help and
// --version print and exit 0; anything invalid prints one line on stderr and exits 2 (usageError()).
ConnectCommand::Settings parseConnectArguments(const QStringList &arguments);

} // namespace wsi
