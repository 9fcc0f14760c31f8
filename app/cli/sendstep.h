#pragma once

#include "protocol/frameencoder.h"

#include <QByteArray>
#include <QString>

namespace wsi {

// One thing `connect` sends once the connection is open, in command-line order.
struct SendStep
{
    enum class Kind { Text, Binary, Ping, RawFrame };

    Kind kind = Kind::Text;
    QString text; // Text: {{variables}} resolved at send time unless literal
    bool literal = false; // Text: sent exactly as given (--send-file-text, --no-vars)
    QByteArray bytes; // Binary: the message; Ping: the payload (<= 125 bytes)
    RawFrameSpec frame; // RawFrame
};

} // namespace wsi
