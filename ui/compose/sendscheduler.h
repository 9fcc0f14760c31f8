#pragma once

#include "compose/sendstep.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace wsi {

class Connection;
class SendSequence;

// The composer's sending, without widgets: one message (whole, or split into frames of a chosen size and
// injected by the wire tap), the progress of a large send from Connection::bytesWritten, and Repeat (the
// core's SendSequence, the same sequencer as the CLI's --repeat).
class SendScheduler : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kProgressThreshold = 256 * 1024; // smaller sends are done before anyone could notice
    static constexpr int kMaxRepeatCount = 100000;
    static constexpr int kMaxFragments = SendStep::kMaxFragments;
    // Builds the next payload (variables resolved per call); false with *error to stop.
    using PayloadSource = std::function<bool(QByteArray *bytes, bool *isText, QString *error)>;

    explicit SendScheduler(QObject *parent = nullptr);
    ~SendScheduler() override;

    void setConnection(Connection *connection);
    Connection *connection() const;
    bool canSend() const; // the connection is open

    // 0 sends whole messages; otherwise fragmenting sends split payloads into frames of this many bytes.
    void setFrameSize(int bytes) { m_frameSize = bytes; }
    int frameSize() const { return m_frameSize; }

    bool transmit(const QByteArray &bytes, bool isText, bool allowFragments, QString *error);
    // A large send in flight: done when its outgoing Message appears in the log.
    bool isSending() const { return m_pendingScanFrom >= 0; }
    qint64 progressTotal() const { return m_progressTotal; }
    qint64 progressWritten() const { return m_progressWritten; }

    bool startRepeat(int count, int intervalMs, PayloadSource source);
    void stopRepeat();
    bool isRepeating() const;
    int repeatsSent() const;
    int repeatTotal() const;

Q_SIGNALS:
    void sendStarted(qint64 payloadSize, qint64 totalWireBytes);
    void sendProgress(qint64 written, qint64 total);
    void sendFinished(bool completed); // completed false: the connection went away first
    void repeatProgress(int done, int total);
    void repeatStopped(const QString &message, bool error);

private:
    void onStateChanged();
    void onEventsAppended();
    void onBytesWritten(qint64 bytes);
    void onRepeatFinished();
    void onRepeatFailed(const QString &reason);
    void endRepeat(const QString &message, bool error);
    void resetPending();

    QPointer<Connection> m_connection;
    int m_frameSize = 0;
    qsizetype m_pendingScanFrom = -1; // large send in flight: look for its outgoing Message from this row
    qint64 m_pendingSize = 0;
    qint64 m_progressTotal = 0; // wire bytes of the large send in flight (payload and frame headers)
    qint64 m_progressWritten = 0; // of which Connection::bytesWritten reported so far
    SendSequence *m_repeat = nullptr; // the repeat in progress
    int m_repeatTotal = 0; // of the last repeat, kept when it ends
    int m_repeatDone = 0;
};

} // namespace wsi
