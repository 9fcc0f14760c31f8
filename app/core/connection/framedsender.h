// FramedSender: sends large data messages as frames the wire tap injects, a few per event-loop turn.
#pragma once

#include <QByteArray>
#include <QObject>

#include <deque>
#include <functional>

class QTimer;

namespace wsi {

// Sends data messages as client frames that the wire tap injects, a few frames per event-loop turn while
// the upstream socket drains. QWebSocket masks and buffers a whole message in one call: for 64 MiB that
// blocked the UI for most of a second, and a user-chosen frame size needs frames QWebSocket cannot make.
// Messages queue in order; control frames (ping, pong, close) may still pass between the fragments.
class FramedSender : public QObject
{
    Q_OBJECT
public:
    enum class Readiness { Ready, Wait, Gone };
    struct Hooks
    {
        // Ready when the client stream is at a frame boundary and nothing QWebSocket wrote is still in
        // flight to the tap (so an injected frame cannot overtake it); Gone when the connection is over.
        std::function<Readiness()> readiness;
        std::function<qint64()> upstreamBacklog; // bytes the tap has yet to write to the server
        std::function<void(const QByteArray &frame)> inject;
    };

    static constexpr qint64 kBytesPerTurn = 1 << 20;
    static constexpr qint64 kMaxBacklog = 4 << 20;

    explicit FramedSender(Hooks hooks, QObject *parent = nullptr);
    ~FramedSender() override;

    // frameSize > 0: payload bytes per frame (the last frame may be shorter; an empty message is one frame).
    void enqueue(const QByteArray &payload, bool isText, qint64 frameSize);
    bool isBusy() const { return !m_queue.empty(); }
    // Drops what has not been sent yet; returns the payload bytes dropped.
    qint64 cancel();

Q_SIGNALS:
    void frameWritten(qint64 wireBytes);

private:
    struct Pending
    {
        QByteArray payload;
        bool isText = false;
        qint64 frameSize = 0;
        qint64 offset = 0;
    };
    void pump();

    Hooks m_hooks;
    std::deque<Pending> m_queue;
    QTimer *m_timer = nullptr;
};

} // namespace wsi
