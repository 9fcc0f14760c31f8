// ServerSideEndpoint: what the recorder tells the local server's side of a client (request, messages, close).
#pragma once

#include "protocol/httphead.h"
#include "protocol/protocolviolation.h"

#include <QByteArrayView>
#include <QString>

namespace wsi {

class ServedClient;

// The server side of an incoming connection (a client of the local test server), as its Connection sees it.
// Two halves, so that each client byte is decoded once: the Connection's WireRecorder decodes what the
// client sent and tells the endpoint (the on* calls, made while the bytes are being recorded), and the
// Connection's send API (sendText, ping, close, ...) goes out through the endpoint.
class ServerSideEndpoint
{
public:
    virtual ~ServerSideEndpoint() = default;

    // Decoded client stream. Views are valid only during the call.
    virtual void onRequestHead(const HttpHead &request) = 0;
    virtual void onRequestInvalid(const QString &error) = 0;
    virtual void onMessage(bool isText, QByteArrayView payload) = 0;
    virtual void onPing(QByteArrayView payload) = 0;
    virtual void onClose(int code, QByteArrayView reason) = 0; // code -1: a Close frame without payload
    virtual void onViolation(const ProtocolViolation &violation) = 0;
    // The largest message the server accepts: the recorder's client-side decoder stops beyond it.
    virtual quint64 maxMessageSize() const = 0;

    // Sending to the client. False when the connection cannot send (not open, closing).
    virtual bool sendMessage(bool isText, QByteArrayView payload) = 0;
    virtual bool sendPing(QByteArrayView payload) = 0;
    virtual bool sendClose(int code, const QString &reason) = 0;
    virtual void abort() = 0;

    // The Connection's transport took this endpoint: a handle for a client served on another thread hands that
    // thread's batches to it (issue 12). Nothing to do for an endpoint on the Connection's own thread.
    virtual void attachedTo(ServedClient *client) { Q_UNUSED(client) }
};

} // namespace wsi
