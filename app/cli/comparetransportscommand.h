// compare-transports: the CLI twin of the Learn panel's transport comparison, one JSON object per transport.
#pragma once

#include <QStringList>

namespace wsi {

// `wsinspector-cli compare-transports [--messages M] [--client-messages K] [--duration-ms N]
// [--poll-interval-ms N] [--headers-file F]`: runs one workload through polling, long polling, streaming and
// WebSocket on a private loopback test server and prints one JSON object per transport on stdout. Returns the
// exit code: 0 every transport delivered every message, 1 one did not (stderr says which), 2 bad arguments.
int runCompareTransports(const QStringList &arguments);

} // namespace wsi
