// HandshakeRecord: the opening handshake of one connection as recorded, with its checks and timings.
#pragma once

#include "protocol/handshakecheck.h"
#include "protocol/httphead.h"
#include "tls/tlsreport.h"

#include <QByteArray>
#include <QList>

namespace wsi {

// Timings of one connection, in microseconds measured by the tap's monotonic clock; -1 when not (yet) known.
struct ConnectionTimings
{
    qint64 dnsUs = -1; // name lookup of the target host
    qint64 tcpUs = -1; // TCP connect to the resolved address
    qint64 tlsUs = -1; // first TLS byte to first application-data record (wss only)
    qint64 upgradeUs = -1; // last byte of the upgrade request sent -> response head received
    qint64 totalUs = -1; // connect started -> open (or failure)
    // Our own connections only (they go through the local tap), on the same clock as the steps above:
    qint64 socketStartUs = -1; // connect started -> the tap accepted the app's WebSocket's TCP connection
    // The tap's own share: accepted -> the authenticated CONNECT parsed (the proxy exchange), the last upstream
    // step done -> the upgrade request (or the first TLS byte) relayed (the 200 and the hand-over to the
    // WebSocket), and the upgrade response read -> the WebSocket open (the response handed back).
    qint64 localTapUs = -1;
};

// The opening handshake as it crossed the wire.
struct HandshakeRecord
{
    bool encrypted = false; // wss without interception: the bytes on the wire are TLS records
    bool intercepted = false; // wss through the intercepting tap: the bytes recorded are the plaintext
    bool tlsKnown = false; // tls holds a report
    TlsReport tls; // the real server's TLS as the tap saw it
    bool requestComplete = false;
    bool responseComplete = false;
    HttpHead request;
    HttpHead response;
    QByteArray responseBody; // non-101 responses
    bool responseBodyTruncated = false;
    QList<HandshakeCheckItem> checks; // filled once the response head is complete
    AcceptComputation accept;
    // wss without interception: what QWebSocket reports (the app-set headers only, not the wire).
    QList<QPair<QByteArray, QByteArray>> socketRequestHeaders;
};

} // namespace wsi
