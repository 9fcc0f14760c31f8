// TapInjector: frames this app writes into a tapped client stream itself (raw frames, framed sends).
#pragma once

#include "connection/recorderstate.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <functional>
#include <memory>

namespace wsi {

class AutomaticMarks;
class FramedSender;
class TapHandle;

// Writes frames upstream past the QWebSocket, through the tap: raw frames (for testing servers) and large
// messages sent frame by frame (FramedSender) so that the UI never blocks. A frame goes in only where the
// client's own stream is between two frames, so that it never splits one of QWebSocket's frames (the tap, on the
// capture thread, finds that boundary: WireTap::inject); the tap's recorder decodes the bytes it injected as such.
// What it knows of the recorder (on the capture thread) is its state as of the last batch: behind the tap.
class TapInjector : public QObject
{
    Q_OBJECT
public:
    // canSend: the connection is open and its socket alive; a framed send stops when it turns false.
    // wireState: the recorder's state as of the tap's last batch (the transport keeps it); marks: where the app's own
    // messages are marked for the tap's recorder.
    TapInjector(TapHandle *tap, const RecorderState *wireState, std::shared_ptr<AutomaticMarks> marks,
        std::function<bool()> canSend, QObject *parent = nullptr);
    ~TapInjector() override;
    // A raw frame: the tap writes it when the client's stream is between frames, else at its next boundary.
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
    TapHandle *m_tap;
    const RecorderState *m_wireState;
    std::shared_ptr<AutomaticMarks> m_marks;
    std::function<bool()> m_canSend;
    FramedSender *m_framedSender = nullptr;
    quint64 m_socketMessagesSent = 0;
    quint64 m_socketPingsSent = 0;
};

} // namespace wsi
