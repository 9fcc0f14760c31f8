// The log's TYPE label of an event ("TEXT", "FRAME PING"), shared by the log, the filter and explanations.
#pragma once

#include "store/eventrecord.h"

#include <QString>

namespace wsi {

// The label as on the wire: wire tokens, never translated ("UPGRADE", "TEXT", "FRAME CONT", "CLOSE").
QString eventTypeText(const EventRecord &record);

} // namespace wsi
