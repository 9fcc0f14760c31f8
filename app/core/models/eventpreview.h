// EventPreview: the one-line preview of a recorded event, as the log shows it and its filter searches it.
#pragma once

#include <QByteArrayView>
#include <QString>

namespace wsi {

class EventStore;

// Pure text from recorded bytes, so the log model and the log filter read one definition. A 64 MiB message is
// never converted whole for one cell: only what can show is decoded.
class EventPreview
{
public:
    // The event's preview in the recorded English (handshake first line, frame bits, close code, payload).
    static QString text(const EventStore &store, qsizetype eventIndex);
    // bytes as one line of UTF-8 text, at most a cell's worth, with "…" when cut.
    static QString clipped(QByteArrayView bytes);
    // A ping's or pong's payload: as text when it is UTF-8, else in hex as a binary message (never empty input).
    static QString controlPayload(QByteArrayView bytes);
    // A size as the log's Size column shows it: "512 B", "12.3 KiB", "4.0 MiB".
    static QString humanSize(quint64 bytes);
};

} // namespace wsi
