// HeldMessages: the messages the proxy's breakpoints hold, waiting for Forward, Edit or Drop.
#pragma once

#include "proxy/heldmessage.h"

#include <QList>
#include <QObject>

#include <functional>
#include <optional>

namespace wsi {

// The list the Proxy panel shows (and the CLI's --hold answers): held(id) when a breakpoint holds a message,
// released(id) when it went on or was dropped (or its connection ended). Decisions are taken on the GUI
// thread; the connection's direction stays paused until then (no timeout fires: the proxy has none).
class HeldMessages : public QObject
{
    Q_OBJECT
public:
    enum class Decision { Forward, Drop, Discard };
    // What the rule set does with a decision: Forward with the payload to send, Drop, or Discard (the
    // connection is gone: nothing to do).
    using Resolver = std::function<void(const HeldMessage &message, Decision decision, const QByteArray &payload)>;

    explicit HeldMessages(QObject *parent = nullptr);

    void setResolver(Resolver resolver) { m_resolver = std::move(resolver); }

    // Oldest first.
    QList<quint64> ids() const;
    qsizetype count() const { return m_messages.size(); }
    std::optional<HeldMessage> message(quint64 id) const;

    // Lets it go on as it is (HeldMessage::payload).
    bool forward(quint64 id);
    // Lets it go on with payload instead (an edit; the same bytes as before count as no edit).
    bool forward(quint64 id, const QByteArray &payload);
    // It never reaches the receiver.
    bool drop(quint64 id);

    // The rule set's side: a new held message (held(id) is emitted from the event loop, never inside the relay's
    // call), and one whose connection ended.
    quint64 add(HeldMessage message);
    void discardConnection(int connectionId);

Q_SIGNALS:
    void held(quint64 id);
    void released(quint64 id);

private:
    bool decide(quint64 id, Decision decision, const std::optional<QByteArray> &payload);

    QList<HeldMessage> m_messages;
    quint64 m_nextId = 1;
    Resolver m_resolver;
};

} // namespace wsi
