// StompFrameBuilder: STOMP 1.2 client frames (CONNECT, SEND, SUBSCRIBE, UNSUBSCRIBE, ACK, NACK, DISCONNECT).
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace wsi {

// Sans-IO. A frame is COMMAND LF, header:value LF each, LF, body, NUL. Header names and values are escaped
// as STOMP 1.2 says (\\ \n \r \c), except in CONNECT, whose headers are never escaped; a body gets a
// content-length so it may hold NUL bytes.
class StompFrameBuilder
{
public:
    using Headers = QList<QPair<QString, QString>>;

    static QByteArray frame(const QString &command, const Headers &headers, const QByteArray &body = {});
    static QString escape(const QString &value);

    static QByteArray connect(const QString &host, const QString &login = {}, const QString &passcode = {},
        const QString &heartBeat = QStringLiteral("0,0"));
    static QByteArray send(
        const QString &destination, const QByteArray &body, const QString &contentType = {}, const Headers &extra = {});
    static QByteArray subscribe(
        const QString &id, const QString &destination, const QString &ack = QStringLiteral("auto"));
    static QByteArray unsubscribe(const QString &id);
    static QByteArray ack(const QString &id);
    static QByteArray nack(const QString &id);
    static QByteArray disconnect(const QString &receipt = {});
};

} // namespace wsi
