// ConnectionOptions: everything about how to connect to an endpoint (URL, headers, TLS, keepalive, reconnect).
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include "decode/pairingrule.h"
#include "endpoints/reconnectpolicy.h"

class QSslCertificate;
class QSslKey;

namespace wsi {

// Optional keepalive: a ping every intervalMs; no pong within timeoutMs is an error row and, when chosen,
// closes the connection so that auto-reconnect (if on) brings it back.
struct KeepaliveSettings
{
    // The interval offered when the user turns keepalive on (intervalMs stays 0 until then).
    static constexpr int kSuggestedIntervalMs = 30000;
    int intervalMs = 0; // 0: off
    int timeoutMs = 10000;
    bool closeOnMissedPong = false;
    bool enabled() const { return intervalMs > 0; }
};

// What the user asked for when opening a connection.
struct ConnectionOptions
{
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers; // extra request headers, in the order given
    QStringList subprotocols; // offered in Sec-WebSocket-Protocol, in order
    QString origin; // empty: no Origin header
    int timeoutMs = 15000; // connect + handshake deadline
    int closeGraceMs = 500; // how long the tap waits for the peer's Close reply
    QString caFile; // wss: extra PEM CA certificates to trust besides the system's
    bool interceptTls = true; // wss: decrypt through the tap (else the wire stays opaque)
    QString clientCertificateFile; // wss mutual TLS: PEM certificate (+ keyFile), or PKCS#12 (.p12/.pfx)
    QString clientKeyFile; // PEM key for a PEM certificate
    QString clientCertificatePassword; // PKCS#12 password
    int minimumTlsVersion = 12; // 12: TLS 1.2 or later; 13: TLS 1.3 only
    bool insecure = false; // proceed past certificate errors without asking (logged)
    ReconnectPolicy::Settings reconnect; // auto-reconnect for this endpoint (off by default)
    KeepaliveSettings keepalive; // periodic pings with missed-pong detection (off by default)
    // What rides on the WebSocket: "auto" detects it, "none" decodes nothing, a ProtocolDecoder id forces it.
    QString protocol = QStringLiteral("auto");
    // Answer what the detected application protocol needs to stay connected (Engine.IO pong, STOMP
    // heart-beat, graphql-ws pong) as automatic rows; off to test a server's timeout.
    bool protocolDuties = true;
    // The user's own request/reply pairing, by a JSON path in each (unset by default).
    PairingRule pairingRule;

    // Empty when the options can be used; otherwise one plain sentence naming the problem
    // (a malformed URL, a wrong scheme, a header Qt generates itself, a bad subprotocol token, a pairing
    // rule's bad path).
    QString validate() const;
    // The subprotocol list as the user types it: names separated by commas, spaces or both
    // ("chat, superchat v2" is three names). Every editor parses it here, so they can never disagree.
    static QStringList parseSubprotocols(const QString &text);
    // The list as an editor shows it: the names joined by ", ".
    static QString joinSubprotocols(const QStringList &subprotocols);
    // Reads the client certificate (PEM + key, or PKCS#12) for mutual TLS.
    bool loadClientCertificate(
        QSslCertificate *certificate, QSslKey *key, QList<QSslCertificate> *chain, QString *error) const;
};

// Parses "Name: value"; returns false and sets error for a malformed line.
bool parseHeaderLine(const QString &line, QPair<QByteArray, QByteArray> *header, QString *error);
// Each non-blank line of text as one header, in order; at the first malformed line, false with its number
// (from 1) in *badLine and why in *error.
bool parseHeaderLines(const QString &text, QList<QPair<QByteArray, QByteArray>> *headers, int *badLine, QString *error);

// Headers Qt's handshake generates; setting them would send them twice (see DESIGN.md).
// Returns an explanation naming the header when it may not be set, else empty.
QString forbiddenHeaderReason(const QByteArray &name);

} // namespace wsi
