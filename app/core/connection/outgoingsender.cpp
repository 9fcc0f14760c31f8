// OutgoingSender: sends through QWebSocket or, for large messages and raw frames, through the tap.
#include "connection/outgoingsender.h"

#include "connection/connection.h"
#include "connection/connectiontransport.h"
#include "connection/tapinjector.h"
#include "store/wallclock.h"

#include <QWebSocket>

namespace wsi {

OutgoingSender::OutgoingSender(Connection *connection, QWebSocket *socket, TapInjector *injector)
    : m_connection(connection)
    , m_socket(socket)
    , m_injector(injector)
{ }

bool OutgoingSender::isOpen() const
{
    return m_connection->state() == Connection::State::Open;
}

bool OutgoingSender::encrypted() const
{
    return m_connection->handshake().encrypted;
}

bool OutgoingSender::canSendFramed() const
{
    return isOpen() && !encrypted();
}

bool OutgoingSender::isSendingFramed() const
{
    return m_injector->isSendingFramed();
}

bool OutgoingSender::sendText(const QString &text, bool automatic)
{
    if (!isOpen())
        return false;
    const qsizetype threshold = Connection::kFramedSendBytes;
    // An automatic text behind a framed send queues behind it like any other (and is then not marked).
    if (canSendFramed() && (isSendingFramed() || text.size() * 3 >= threshold)) {
        const QByteArray utf8 = text.toUtf8();
        if (isSendingFramed() || utf8.size() >= threshold)
            return sendFramed(utf8, true, m_socket->outgoingFrameSize(), nullptr);
    }
    if (encrypted())
        recordSocketMessage(Direction::Outgoing, true, text.toUtf8(), automatic);
    m_injector->noteSocketMessage(automatic && !encrypted());
    m_socket->sendTextMessage(text);
    return true;
}

bool OutgoingSender::sendBinary(const QByteArray &data)
{
    if (!isOpen())
        return false;
    if (canSendFramed() && (isSendingFramed() || data.size() >= Connection::kFramedSendBytes))
        return sendFramed(data, false, m_socket->outgoingFrameSize(), nullptr);
    if (encrypted())
        recordSocketMessage(Direction::Outgoing, false, data);
    m_injector->noteSocketMessage();
    m_socket->sendBinaryMessage(data);
    return true;
}

bool OutgoingSender::ping(const QByteArray &payload)
{
    if (!isOpen() || payload.size() > 125)
        return false;
    m_injector->noteSocketPing();
    m_socket->ping(payload);
    return true;
}

bool OutgoingSender::sendFramed(const QByteArray &payload, bool isText, qint64 frameSize, QString *error)
{
    if (!canSendFramed())
        return ConnectionTransport::refuseFramed(*m_connection, error);
    m_injector->sendFramed(payload, isText, frameSize > 0 ? frameSize : payload.size());
    return true;
}

void OutgoingSender::cancelFramed(const QString &why)
{
    const qint64 dropped = m_injector->cancelFramed();
    if (dropped > 0)
        m_connection->appendInfo(RecordedText("wsi::Connection",
            QT_TRANSLATE_NOOP("wsi::Connection", "%n byte(s) of queued messages were not sent: %1"),
            int(qMin<qint64>(dropped, INT_MAX)))
                                     .arg(why));
}

bool OutgoingSender::sendRawFrame(const RawFrameSpec &spec, QString *error)
{
    if (!isOpen())
        return ConnectionTransport::refuseRawFrame(*m_connection, error);
    if (encrypted()) {
        if (error)
            *error = Connection::tr(
                "The tap cannot inject into an encrypted stream: turn TLS interception on for this connection.");
        return false;
    }
    m_connection->appendInfo(RecordedText(
        "wsi::Connection", QT_TRANSLATE_NOOP("wsi::Connection", "Injected raw frame (for testing servers): %1"))
                                 .arg(spec.describe()));
    m_injector->injectRawFrame(encodeFrame(spec));
    return true;
}

void OutgoingSender::recordSocketMessage(Direction dir, bool isText, const QByteArray &bytes, bool automatic)
{
    EventRecord r;
    r.timeUs = wallClockUs();
    r.type = EventType::Message;
    r.dir = dir;
    r.flags = FlagFromSocket | (isText ? FlagText : 0) | (automatic ? FlagAutomatic : 0);
    r.value = quint64(bytes.size());
    if (dir == Direction::Outgoing)
        m_connection->m_leg.counters.messagesOut++;
    else
        m_connection->m_leg.counters.messagesIn++;
    m_connection->appendEvent(r, bytes);
}

void OutgoingSender::recordSocketPong(quint64 elapsedMs, const QByteArray &payload)
{
    EventRecord r;
    r.timeUs = wallClockUs();
    r.type = EventType::Pong;
    r.dir = Direction::Incoming;
    r.flags = FlagFromSocket;
    r.value = elapsedMs * 1000;
    m_connection->appendEvent(r, payload);
}

} // namespace wsi
