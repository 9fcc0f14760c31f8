// ConnectionTransport: the refusals every transport that cannot inject frames shares.
#include "connection/connectiontransport.h"

#include "connection/connection.h"

namespace wsi {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

bool ConnectionTransport::sendFramed(const QByteArray &payload, bool isText, qint64 frameSize, QString *error)
{
    Q_UNUSED(payload)
    Q_UNUSED(isText)
    Q_UNUSED(frameSize)
    return refuseFramed(*m_connection, error);
}

bool ConnectionTransport::sendRawFrame(const RawFrameSpec &spec, QString *error)
{
    Q_UNUSED(spec)
    return refuseRawFrame(*m_connection, error);
}

bool ConnectionTransport::refuseFramed(const Connection &connection, QString *error)
{
    return fail(error,
        connection.state() != Connection::State::Open
            ? Connection::tr("The connection is not open.")
            : Connection::tr("Frames can be injected only into connections this app opened through a "
                             "tap that sees plaintext (for wss, turn TLS interception on)."));
}

bool ConnectionTransport::refuseRawFrame(const Connection &connection, QString *error)
{
    return fail(error,
        connection.kind() != Connection::Kind::Outgoing
            ? Connection::tr("Raw frames can be injected only into connections this app opened.")
            : Connection::tr("The connection is not open."));
}

} // namespace wsi
