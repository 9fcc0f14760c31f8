// HandshakeDiff: how two handshakes differ (a working attempt against a failing one).
#pragma once

#include "store/handshakerecord.h"

#include <QList>

namespace wsi {

// How two handshakes differ (say a working attempt and a failing one): request and status lines, headers
// added, removed and changed, and the response bodies. Pure logic over two HandshakeRecords.
class HandshakeDiff
{
public:
    enum class Change { Same, Added, Removed, Changed };

    struct HeaderRow
    {
        Change change = Change::Same;
        QByteArray name; // as on the newer side's wire (the older side's when removed)
        QByteArray oldValue; // empty when added
        QByteArray newValue; // empty when removed
        // Differs on every attempt by design (Sec-WebSocket-Key/Accept, Date): not a cause of failure.
        bool perAttempt = false;
    };

    struct Line
    {
        QByteArray oldText;
        QByteArray newText;
        bool changed() const { return oldText != newText; }
    };

    // Headers are paired by case-insensitive name and occurrence: the second "Set-Cookie" on one side with
    // the second on the other, so repeated headers are kept and compared one by one.
    static HandshakeDiff compare(const HandshakeRecord &older, const HandshakeRecord &newer);

    Line requestLine; // "GET /chat HTTP/1.1"
    Line statusLine; // "HTTP/1.1 101 Switching Protocols"
    QList<HeaderRow> requestHeaders;
    QList<HeaderRow> responseHeaders;
    QByteArray oldBody;
    QByteArray newBody;
    bool bodyChanged() const { return oldBody != newBody; }

    // Rows that differ (perAttempt rows excluded), for the summary.
    int differenceCount() const;

    static QByteArray requestLineOf(const HttpHead &head);
    static QByteArray statusLineOf(const HttpHead &head);
    static QList<HeaderRow> compareHeaders(const QList<HttpHeader> &older, const QList<HttpHeader> &newer);
};

} // namespace wsi
