#pragma once

#include "compose/messagetemplate.h"
#include "sendstep.h"

#include <QList>
#include <QObject>
#include <QTimer>

namespace wsi {

class Connection;

// Sends a list of steps over an open connection, the whole list `repeat` times, `intervalMs` apart.
// Steps go out in order across kinds: a raw frame is injected by the tap, not by QWebSocket, so before
// each one the sequence waits until the tap has seen every frame sent before it.
class SendSequence : public QObject
{
    Q_OBJECT
public:
    SendSequence(Connection *connection, const QList<SendStep> &steps, int repeat, int intervalMs,
        const QHash<QString, QString> &variables, QObject *parent = nullptr);
    ~SendSequence() override;

    void start();
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    // Everything was sent (or the connection stopped being open, which ends the sequence too).
    void finished();
    // A step could not be sent (e.g. the tap refused a raw frame); the sequence stops.
    void failed(const QString &message);

private:
    void sendNext();
    bool sendStep(const SendStep &step);
    bool tapCaughtUp();
    qint64 framesFor(qint64 payloadSize) const;
    void finish();

    Connection *m_connection;
    QList<SendStep> m_steps;
    int m_repeat;
    int m_intervalMs;
    MessageTemplate m_template;
    int m_round = 0;
    qsizetype m_index = 0;
    qint64 m_expectedFrames = 0; // outgoing frames (pongs aside) this sequence has caused so far
    qint64 m_seenFrames = 0; // outgoing frames (pongs aside) the tap has recorded
    qsizetype m_scanned = 0; // events looked at for m_seenFrames
    bool m_waitingForTap = false;
    bool m_clientStreamBroken = false; // the tap recorded a protocol violation in this client's frames
    bool m_finished = false;
    QTimer m_next;
    QTimer m_tapBound;
};

} // namespace wsi
