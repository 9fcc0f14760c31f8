// OutgoingSender: the send side of a connection this app opened (QWebSocket, or frames through the tap).
#pragma once

#include "protocol/frameencoder.h"
#include "store/eventrecord.h"

#include <QByteArray>
#include <QString>

class QWebSocket;

namespace wsi {

class Connection;
class TapInjector;

// Small messages go through QWebSocket; messages of Connection::kFramedSendBytes or more (and any message
// queued behind one) and raw frames go through the tap's injector, when the tap sees plaintext. On an opaque
// TLS wire the socket's view of a message is the only plaintext, so the sender records it.
class OutgoingSender
{
public:
    OutgoingSender(Connection *connection, QWebSocket *socket, TapInjector *injector);

    // automatic: a protocol duty; its row is marked FlagAutomatic.
    bool sendText(const QString &text, bool automatic = false);
    bool sendBinary(const QByteArray &data);
    bool ping(const QByteArray &payload);
    bool sendFramed(const QByteArray &payload, bool isText, qint64 frameSize, QString *error);
    bool sendRawFrame(const RawFrameSpec &spec, QString *error);
    bool isSendingFramed() const;
    // The connection closes: queued framed sends are dropped, and the log says how many bytes were not sent.
    void cancelFramed(const QString &why);
    // A message the socket sent or received on an opaque TLS wire.
    void recordSocketMessage(Direction dir, bool isText, const QByteArray &bytes, bool automatic = false);
    void recordSocketPong(quint64 elapsedMs, const QByteArray &payload);

private:
    bool isOpen() const;
    bool canSendFramed() const;
    bool encrypted() const;

    Connection *m_connection;
    QWebSocket *m_socket;
    TapInjector *m_injector;
};

} // namespace wsi
