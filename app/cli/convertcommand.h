#pragma once

#include <QStringList>

namespace wsi {

// `wsinspector-cli convert IN OUT [--reveal-secrets]`: reads a session log (.jsonl) or HAR file (ours or
// Chromium DevTools') and writes it as the format OUT's extension names. Returns the exit code: 0 written,
// 1 IN could not be read or OUT written (one line on stderr says why), 2 bad arguments.
int runConvert(const QStringList &arguments);

} // namespace wsi
