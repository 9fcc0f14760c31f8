// HeldMessages: the list of messages held by breakpoints, and the decisions on them.
#include "proxy/heldmessages.h"

#include "store/wallclock.h"

#include <QMetaObject>
#include <QPointer>

namespace wsi {

HeldMessages::HeldMessages(QObject *parent)
    : QObject(parent)
{ }

QList<quint64> HeldMessages::ids() const
{
    QList<quint64> list;
    for (const HeldMessage &m : m_messages)
        list.append(m.id);
    return list;
}

std::optional<HeldMessage> HeldMessages::message(quint64 id) const
{
    for (const HeldMessage &m : m_messages) {
        if (m.id == id)
            return m;
    }
    return std::nullopt;
}

bool HeldMessages::forward(quint64 id)
{
    return decide(id, Decision::Forward, std::nullopt);
}

bool HeldMessages::forward(quint64 id, const QByteArray &payload)
{
    return decide(id, Decision::Forward, payload);
}

bool HeldMessages::drop(quint64 id)
{
    return decide(id, Decision::Drop, std::nullopt);
}

bool HeldMessages::decide(quint64 id, Decision decision, const std::optional<QByteArray> &payload)
{
    for (qsizetype i = 0; i < m_messages.size(); ++i) {
        if (m_messages.at(i).id != id)
            continue;
        const HeldMessage message = m_messages.takeAt(i);
        if (m_resolver)
            m_resolver(message, decision, payload.value_or(message.payload));
        Q_EMIT released(id);
        return true;
    }
    return false;
}

quint64 HeldMessages::add(HeldMessage message)
{
    message.id = m_nextId++;
    message.timeUs = wallClockUs();
    const quint64 id = message.id;
    m_messages.append(std::move(message));
    // Later, from the event loop: a slot that decides at once must not reach the relay while it is still in the
    // call that held the message.
    QMetaObject::invokeMethod(
        this,
        [this, id] {
            if (this->message(id))
                Q_EMIT held(id);
        },
        Qt::QueuedConnection);
    return id;
}

void HeldMessages::discardConnection(int connectionId)
{
    for (qsizetype i = m_messages.size() - 1; i >= 0; --i) {
        if (m_messages.at(i).connectionId != connectionId)
            continue;
        const HeldMessage message = m_messages.takeAt(i);
        if (m_resolver)
            m_resolver(message, Decision::Discard, {});
        Q_EMIT released(message.id);
    }
}

} // namespace wsi
