// WireDirectionSink: records the frames, messages, pings, pongs, closes and violations of one direction of a wire.
#pragma once

#include "protocol/framedecoder.h"
#include "store/eventrecord.h"

namespace wsi {

class MessageInflation;
class WireRecorder;

// The frame decoder's sink for one direction of a WireRecorder's wire (the client's stream or the server's):
// it turns what the decoder reports into the recorder's rows (a single-frame message's frame and message as
// one record), inflates compressed messages, counts messages, names violations, and tells the local server's
// side of a client what that client sent. It writes through its recorder's LegWriter and into its state (a friend
// of it).
class WireDirectionSink : public FrameSink
{
public:
    WireDirectionSink(WireRecorder *recorder, Direction dir)
        : m_recorder(recorder)
        , m_dir(dir)
    { }
    void onFrame(const FrameHeader &header, QByteArrayView headerBytes, QByteArrayView payload) override;
    void onMessage(bool isText, QByteArrayView payload, int frameCount) override;
    void onMessageBuffer(bool isText, QByteArray &&payload, int frameCount) override;
    void onPing(QByteArrayView payload) override;
    void onPong(QByteArrayView payload) override;
    void onClose(int code, QByteArrayView reason) override;
    void onViolation(const ProtocolViolation &violation) override;

    // A data message's frames have begun and its last has not come yet (a frame of another message cannot go
    // around the decoder now).
    bool messageOpen() const { return m_messageOpen; }

private:
    // Counters, and the server side's reaction (echo, auto-replies) for messages from the client.
    void countMessage(bool isText, QByteArrayView payload);
    void countViolation(); // an Error row of the WebSocket layer in this direction
    // FlagAutomatic when the message about to be recorded is one the app sent by itself.
    quint8 automaticFlag() const;
    // This direction's inflation when permessage-deflate was negotiated (never for injected frames).
    MessageInflation *inflation() const;
    // A message whose first frame had RSV1: recorded inflated, with its wire length, or a named error.
    void onCompressedMessage(MessageInflation &inflation, bool isText, QByteArrayView payload, int frameCount);
    // A proxy's receiving leg: lists a message it recorded at `row` in one frame (headerBytes) for the leg that
    // forwards it (WireRecorder::listReceivedMessages).
    void listReceived(QByteArrayView headerBytes, qsizetype payloadSize, qsizetype row);
    WireRecorder *m_recorder;
    Direction m_dir;
    bool m_messageOpen = false;
};

} // namespace wsi
