// TapInjector: frames this app writes into a tapped client stream itself (raw frames, framed sends).
#pragma once

#include "store/eventrecord.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <functional>

namespace wsi {

class FramedSender;
class WireRecorder;
class WireTap;

// Writes frames upstream past the QWebSocket, through the tap: raw frames (for testing servers) and large
// messages sent frame by frame (FramedSender) so that the UI never blocks. A frame goes in only where the
// client's own stream is between two frames, so that it never splits one of QWebSocket's frames; the bytes
// the tap records while injecting go to the recorder's injection path.
class TapInjector : public QObject
{
    Q_OBJECT
public:
    // canSend: the connection is open and its socket alive; a framed send stops when it turns false.
    explicit TapInjector(
        WireTap *tap, WireRecorder *recorder, std::function<bool()> canSend, QObject *parent = nullptr);
    ~TapInjector() override;

    // Records one chunk the tap relayed (injected bytes as such); after the client's own bytes, one waiting raw
    // frame goes in when the stream is at a boundary (one per boundary keeps their order).
    void record(Direction direction, qint64 timeUs, const QByteArray &bytes);
    // A raw frame: now when the client's stream is between frames, else at its next boundary.
    void injectRawFrame(const QByteArray &frame);
    // A message split into frames of frameSize payload bytes, queued behind any framed send still going out.
    void sendFramed(const QByteArray &payload, bool isText, qint64 frameSize);
    bool isSendingFramed() const;
    // Drops the queued framed sends; returns how many bytes were not sent.
    qint64 cancelFramed();
    // A data message was handed to QWebSocket: framed frames wait until the tap has decoded it, since
    // QWebSocket writes through its proxy socket, whose buffer bytesToWrite() does not show.
    // automatic: the recorder marks that message's row automatic when the tap decodes it.
    void noteSocketMessage(bool automatic = false);
    // A ping QWebSocket writes: a framed send injected before the tap has seen it would overtake it.
    void noteSocketPing() { ++m_socketPingsSent; }

Q_SIGNALS:
    void frameWritten(qint64 bytes);

private:
    void injectNow(const QByteArray &frame);

    WireTap *m_tap;
    WireRecorder *m_recorder;
    std::function<bool()> m_canSend;
    QList<QByteArray> m_pending; // raw frames waiting for a frame boundary in the client's stream
    FramedSender *m_framedSender = nullptr;
    quint64 m_socketMessagesSent = 0;
    quint64 m_socketPingsSent = 0;
    bool m_injecting = false; // the tap records injected bytes synchronously, inside injectNow()
};

} // namespace wsi
