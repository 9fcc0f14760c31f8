// ConnectionTransport: what carries a Connection's bytes; the Connection's state machine drives one.
#pragma once

#include "protocol/frameencoder.h"

#include <QByteArray>
#include <QString>

namespace wsi {

class Connection;

// The transports: OutgoingTransport (a QWebSocket through its own WireTap), ServedClient (a client of the
// local test server, served by the front relay) and ImportedRecord (a finished record read from a file).
// Each fills its Connection's leg through the Connection's record API (they are its friends) and owns the
// state of its own wire; the Connection asks recordingDone() before it reports how the connection ended.
class ConnectionTransport
{
public:
    explicit ConnectionTransport(Connection *connection)
        : m_connection(connection)
    { }
    virtual ~ConnectionTransport() = default;
    ConnectionTransport(const ConnectionTransport &) = delete;
    ConnectionTransport &operator=(const ConnectionTransport &) = delete;

    // Nothing more will be recorded: the connection may finish.
    virtual bool recordingDone() const = 0;
    // The direction of the first Close frame on the wire (int(Direction)), -1 when none was seen.
    virtual int firstCloseDirection() const { return -1; }
    // A finished record that never had a socket (a session file).
    virtual bool isReadOnly() const { return false; }

    // The Connection's send API (see there). False when this transport cannot send now.
    virtual bool sendText(const QString &text) = 0;
    // A text the app sends by itself (a protocol duty): its row is marked automatic where the transport can.
    virtual bool sendAutomaticText(const QString &text) { return sendText(text); }
    virtual bool sendBinary(const QByteArray &data) = 0;
    virtual bool ping(const QByteArray &payload) = 0;
    virtual bool close(int code, const QString &reason, bool byUser) = 0;
    virtual void abort(bool byUser) = 0;
    // Only a tap that sees plaintext can inject frames; the others say why not.
    virtual bool sendFramed(const QByteArray &payload, bool isText, qint64 frameSize, QString *error);
    virtual bool sendRawFrame(const RawFrameSpec &spec, QString *error);
    // Why a connection cannot take frames now (not open, or not a tap that sees plaintext): false, and error.
    static bool refuseFramed(const Connection &connection, QString *error);
    static bool refuseRawFrame(const Connection &connection, QString *error);

    // Auto-pong is the user's choice for the connection, kept whatever the transport; only a tap applies it.
    void setAutoPong(bool enabled)
    {
        m_autoPong = enabled;
        autoPongChanged();
    }
    bool autoPong() const { return m_autoPong; }

protected:
    virtual void autoPongChanged() { }

    Connection *m_connection;

private:
    bool m_autoPong = true;
};

} // namespace wsi
