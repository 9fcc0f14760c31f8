// ServedClient: a local server's client, recorded from the relay's batches and served by its endpoint.
#include "connection/servedclient.h"

#include "connection/connection.h"
#include "connection/decodedbatch.h"
#include "connection/serversideendpoint.h"
#include "protocol/closecodes.h"
#include "store/wallclock.h"

namespace wsi {

ServedClient::ServedClient(Connection *connection)
    : ConnectionTransport(connection)
    , m_rows(connection, &connection->m_leg, [connection](const RecordedText &text) { connection->setStatus(text); })
{ }

ServedClient::~ServedClient() = default;

void ServedClient::apply(const DecodedBatch &batch)
{
    m_rows.apply(batch);
    m_state = batch.state;
}

void ServedClient::startedAt(qint64 timeUs)
{
    m_connection->m_startedUs = timeUs;
}

void ServedClient::attachEndpoint(ServerSideEndpoint *endpoint)
{
    m_endpoint = endpoint;
    if (endpoint)
        endpoint->attachedTo(this);
}

void ServedClient::endpointOpened()
{
    openedAt(wallClockUs());
}

void ServedClient::openedAt(qint64 timeUs)
{
    m_connection->m_leg.timings.totalUs = timeUs - m_connection->startedUs();
    m_connection->setState(Connection::State::Open);
    Q_EMIT m_connection->handshakeUpdated();
}

void ServedClient::closingByServer()
{
    if (m_connection->state() == Connection::State::Open)
        m_connection->setState(Connection::State::Closing);
}

void ServedClient::wireClosed()
{
    Q_EMIT m_connection->eventsAppended();
    m_wireClosed = true;
    if (m_connection->state() == Connection::State::Connecting) {
        // Never opened: refused by the relay (reject mode, origin, limits), a bad handshake or a timeout.
        if (m_connection->statusText().isEmpty())
            m_connection->setStatus(RecordedText("wsi::Connection",
                QT_TRANSLATE_NOOP("wsi::Connection", "The client left before the WebSocket opened.")));
        m_connection->setState(Connection::State::Failed);
    } else if (m_connection->state() == Connection::State::Open) {
        m_connection->setState(Connection::State::Closing);
    }
    m_connection->maybeFinish();
}

int ServedClient::firstCloseDirection() const
{
    return m_state.firstCloseDirection;
}

bool ServedClient::isOpen() const
{
    return m_endpoint && m_connection->state() == Connection::State::Open;
}

bool ServedClient::sendText(const QString &text)
{
    return isOpen() && m_endpoint->sendMessage(true, text.toUtf8());
}

bool ServedClient::sendBinary(const QByteArray &data)
{
    return isOpen() && m_endpoint->sendMessage(false, data);
}

bool ServedClient::ping(const QByteArray &payload)
{
    return isOpen() && payload.size() <= 125 && m_endpoint->sendPing(payload);
}

bool ServedClient::close(int code, const QString &reason, bool byUser)
{
    Q_UNUSED(byUser) // the user of the server panel closes its clients; auto-reconnect is for outgoing ones
    if (!isOpen() || !isValidWireCloseCode(code) || reason.toUtf8().size() > 123)
        return false;
    if (!m_endpoint->sendClose(code, reason))
        return false;
    m_connection->setState(Connection::State::Closing);
    return true;
}

void ServedClient::abort(bool byUser)
{
    Q_UNUSED(byUser)
    const Connection::State state = m_connection->state();
    if (m_endpoint && state != Connection::State::Closed && state != Connection::State::Failed)
        m_endpoint->abort(); // the relay reports the end through wireClosed()
}

} // namespace wsi
