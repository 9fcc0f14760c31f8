// HttpHead: an HTTP/1.1 request or response head exactly as it crossed the wire (order, case, repeats).
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace wsi {

struct HttpHeader
{
    QByteArray name; // exactly as on the wire (case kept)
    QByteArray value; // leading/trailing whitespace trimmed
};

// An HTTP/1.1 request or response head exactly as it crossed the wire.
struct HttpHead
{
    bool isRequest = false;
    QByteArray method; // requests
    QByteArray target; // requests
    QByteArray version; // "HTTP/1.1"
    int status = 0; // responses
    QByteArray reason; // responses
    QList<HttpHeader> headers; // wire order, repeats kept
    QByteArray raw; // the head bytes exactly, including the final CRLF CRLF

    // Case-insensitive lookups.
    bool has(QByteArrayView name) const;
    QByteArray value(QByteArrayView name) const; // first occurrence, or empty
    QList<QByteArray> values(QByteArrayView name) const; // every occurrence in order
};

// Peer bytes quoted in an error message: at most 60 characters, control and non-ASCII bytes shown as '?'.
QString printableExcerpt(QByteArrayView bytes);

// A list as a user types it for tokens that hold neither commas nor white space (subprotocols, origins): the
// names separated by commas, white space or both, empty names skipped.
QStringList splitTokenList(const QString &text);

// A header value without the optional whitespace (spaces and tabs) around it (RFC 9110 section 5.6.3).
QByteArrayView trimmedOws(QByteArrayView value);

} // namespace wsi
