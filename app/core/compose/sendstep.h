// SendStep: one thing a send sequence sends once the connection is open (a message, a ping, a raw frame).
#pragma once

#include "protocol/frameencoder.h"

#include <QByteArray>
#include <QString>

namespace wsi {

struct SendStep
{
    // Framed: one message split into frames of frameSize bytes and injected by the wire tap (the composer's
    // frame size); RawFrame: one frame built field by field, also injected by the tap.
    enum class Kind { Text, Binary, Ping, RawFrame, Framed };

    // A frame size that makes more frames than this is refused: the tap would hold them all at once.
    static constexpr int kMaxFragments = 10000;

    Kind kind = Kind::Text;
    QString text; // Text: {{variables}} resolved at send time unless literal
    bool literal = false; // Text: sent exactly as given (--send-file-text, --no-vars, the composer's own resolving)
    QByteArray bytes; // Binary: the message; Ping: the payload (<= 125 bytes); Framed: the message
    bool framedText = false; // Framed: a text message (else binary)
    int frameSize = 0; // Framed: payload bytes per frame
    RawFrameSpec frame; // RawFrame

    // The step that sends a payload as one message, or with frameSize > 0 and a longer payload as frames of
    // that size; false with *error when that would be more than kMaxFragments frames.
    static bool forPayload(const QByteArray &payload, bool isText, int frameSize, SendStep *step, QString *error);
    // Frames a Framed step makes (at least one).
    qint64 framedCount() const;
};

} // namespace wsi
