// ServedClientLink: one served client's Connection and the relay on the server thread, seen from the GUI thread.
#pragma once

#include "connection/serversideendpoint.h"
#include "server/servedbatch.h"

#include <QPointer>

namespace wsi {

class Connection;
class ServedClient;
class ServedClients;

// The endpoint the client's Connection sends through (issue 12): each send, ping, close or abort is posted to the
// RelayedClient of the same id on the server thread, whose answer the batches bring back. It never decodes: the
// client's stream is decoded on the server thread (the on* calls of ServerSideEndpoint come there, to the
// RelayedClient), so those are empty here.
class ServedClientLink : public ServerSideEndpoint
{
public:
    ServedClientLink(ServedClients *clients, quint64 id, Connection *connection);

    Connection *connection() const { return m_connection.data(); }
    // When the relay accepted the client: the Connection's start.
    void startedAt(qint64 timeUs);
    // The batch's rows, then its moments (opened, closing, finished) into the Connection.
    void apply(const ServedBatch &batch);

    void attachedTo(ServedClient *client) override { m_served = client; }
    void onRequestHead(const HttpHead &) override { }
    void onRequestInvalid(const QString &) override { }
    void onMessage(bool, QByteArrayView) override { }
    void onPing(QByteArrayView) override { }
    void onClose(int, QByteArrayView) override { }
    void onViolation(const ProtocolViolation &) override { }
    quint64 maxMessageSize() const override { return 0; }
    // Posted; true unless this side already knows the client cannot take it (the Connection's state, kept by the
    // batches, is asked first by ServedClient).
    bool sendMessage(bool isText, QByteArrayView payload) override;
    bool sendPing(QByteArrayView payload) override;
    bool sendClose(int code, const QString &reason) override;
    void abort() override;

private:
    ServedClients *m_clients;
    quint64 m_id;
    QPointer<Connection> m_connection;
    ServedClient *m_served = nullptr; // the Connection's transport, while m_connection lives
};

} // namespace wsi
