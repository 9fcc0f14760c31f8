// SendSequence: sends a list of steps over an open connection, the list N times, in order across kinds.
#pragma once

#include "compose/messagetemplate.h"
#include "compose/sendstep.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace wsi {

class Connection;

// The one sequencer behind the CLI's --send/--raw-frame/--repeat and the composer's Repeat. A round is the
// whole list; rounds go `intervalMs` apart. Steps go out in order across kinds: a framed message and a raw
// frame are injected by the tap, not by QWebSocket, so before each one (and before the step after one) the
// sequence waits until the tap has seen every frame sent before it. Without an interval it sends a bounded batch per
// turn of the event loop and waits while the socket holds too many unsent bytes, so a flood neither freezes nor
// balloons.
class SendSequence : public QObject
{
    Q_OBJECT
public:
    // Builds the step of a round when its turn comes (the composer resolves {{counter}} per message);
    // false with *error stops the sequence.
    using StepSource = std::function<bool(SendStep *step, QString *error)>;

    explicit SendSequence(Connection *connection, QObject *parent = nullptr);
    ~SendSequence() override;

    void setSteps(const QList<SendStep> &steps);
    void setStepSource(StepSource source); // instead of a list: one built step per round
    void setVariables(const QHash<QString, QString> &variables); // for Text steps that are not literal
    void setRounds(int rounds, int intervalMs);

    void start();
    void stop(); // ends without finished(): the caller asked

    bool isRunning() const { return m_started && !m_finished; }
    bool isFinished() const { return m_finished; }
    bool completed() const { return m_round == m_rounds; } // every round went out
    int roundsSent() const { return m_round; }
    int rounds() const { return m_rounds; }
    // The tap saw this client break the protocol: frames it injects can no longer be placed.
    bool clientStreamBroken() const { return m_clientStreamBroken; }

Q_SIGNALS:
    void roundSent(int done, int total);
    // Every round was sent, or the connection stopped being open (completed() tells which).
    void finished();
    // Step `stepIndex` of the list could not be sent (the tap refused a raw frame, a built step failed);
    // the sequence stops and finished() does not follow.
    void failed(int stepIndex, const QString &reason);

private:
    void sendNext();
    bool prepareStep();
    bool sendStep(const SendStep &step);
    bool injectedByTap(const SendStep &step) const;
    bool tapCaughtUp();
    qint64 seenFrames() const; // this sequence's outgoing frames (pongs aside) the tap has recorded, or forgiven
    qint64 framesFor(qint64 payloadSize) const;
    bool isOpen() const;
    void fail(const QString &reason);
    void finish();

    QPointer<Connection> m_connection;
    QList<SendStep> m_steps;
    StepSource m_source;
    SendStep m_built; // the source's step for the current round
    bool m_haveBuilt = false;
    int m_rounds = 1;
    int m_intervalMs = 0;
    MessageTemplate m_template;
    int m_round = 0;
    qsizetype m_index = 0;
    qint64 m_expectedFrames = 0; // outgoing frames (pongs aside) this sequence has caused so far
    qint64 m_framesBefore = 0; // the connection's outgoing frames (pongs aside) when the sequence started
    qint64 m_framesForgiven = 0; // frames waited for in vain (see kTapWaitMs): counted as seen
    bool m_waitingForTap = false;
    bool m_afterInjected = false; // the last step went out through the tap
    bool m_clientStreamBroken = false; // the tap recorded a protocol violation in this client's frames
    bool m_started = false;
    bool m_finished = false;
    QTimer m_next;
    QTimer m_tapBound;
    QMetaObject::Connection m_onAppended; // let go once the sequence is over
};

} // namespace wsi
