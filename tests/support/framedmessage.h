// appendFramedMessage(): a single-frame text message as the tap records it (its Frame row, then its Message row),
// for the log models' tests.
#pragma once

#include "connection/connection.h"
#include "protocol/frameheader.h"

#include <QByteArray>

namespace wsi {

inline void appendFramedMessage(Connection &c, Direction dir, const QByteArray &text, qint64 timeUs)
{
    EventRecord frame;
    frame.type = EventType::Frame;
    frame.dir = dir;
    frame.sub = quint8(Opcode::Text);
    frame.flags = FlagFin;
    frame.value = quint64(text.size());
    frame.timeUs = timeUs;
    c.appendEvent(frame, QByteArray("\x81") + char(text.size()));
    EventRecord message;
    message.type = EventType::Message;
    message.dir = dir;
    message.flags = FlagText;
    message.timeUs = timeUs;
    c.appendEvent(message, text);
}

} // namespace wsi
