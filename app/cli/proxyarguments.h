#pragma once

#include "proxycommand.h"

#include <QStringList>

namespace wsi {

// Parses `wsinspector-cli proxy ...` (arguments as QCoreApplication::arguments()); --help, --version and
// mistakes exit here (usageError).
ProxyCommand::Settings parseProxyArguments(const QStringList &arguments);

} // namespace wsi
