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
