// OutgoingSocketTls: the TLS an outgoing connection's QWebSocket speaks itself, and what its verification errors say.
#pragma once

#include <QList>

class QSslError;
class QWebSocket;

namespace wsi {

class ClientTlsSettings;
class Connection;
class InterceptionTls;

// With interception the socket talks TLS with the tap only and trusts nothing but the inspector's own CA; without,
// its TLS is the real one, so the user's TLS options apply to it and its verification errors are rows of the record
// (or passed with a note when the options say insecure). Apart from OutgoingTransport, which follows the socket and
// hands its sslErrors() here (connected with the transport as receiver, so that detaching the socket stops them too).
class OutgoingSocketTls
{
public:
    // Configures the socket (nothing for ws:// without interception).
    OutgoingSocketTls(Connection *connection, QWebSocket *socket, const ClientTlsSettings &tls,
        const InterceptionTls *interception, bool secure);

    // The socket's sslErrors(): ignored with a note (insecure), or an error row naming them.
    void onSslErrors(const QList<QSslError> &errors);

private:
    Connection *m_connection;
    QWebSocket *m_socket;
};

} // namespace wsi
