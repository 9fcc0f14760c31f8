// HandshakeDiff: how two handshakes differ (a working attempt against a failing one).
#include "explain/handshakediff.h"

#include <QHash>

namespace wsi {

namespace {

bool isPerAttempt(const QByteArray &name)
{
    for (const char *n : { "Sec-WebSocket-Key", "Sec-WebSocket-Accept", "Date" }) {
        if (name.compare(n, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// (lower-case name, occurrence) for each header: the pairing key.
QList<QPair<QByteArray, int>> keys(const QList<HttpHeader> &headers)
{
    QHash<QByteArray, int> seen;
    QList<QPair<QByteArray, int>> out;
    out.reserve(headers.size());
    for (const HttpHeader &h : headers) {
        const QByteArray lower = h.name.toLower();
        out.append({ lower, seen[lower]++ });
    }
    return out;
}

} // namespace

QByteArray HandshakeDiff::requestLineOf(const HttpHead &head)
{
    if (head.method.isEmpty())
        return {};
    return head.method + ' ' + head.target + ' ' + head.version;
}

QByteArray HandshakeDiff::statusLineOf(const HttpHead &head)
{
    if (head.status == 0)
        return {};
    return head.version + ' ' + QByteArray::number(head.status) + ' ' + head.reason;
}

QList<HandshakeDiff::HeaderRow> HandshakeDiff::compareHeaders(
    const QList<HttpHeader> &older, const QList<HttpHeader> &newer)
{
    const auto oldKeys = keys(older);
    const auto newKeys = keys(newer);
    QHash<QPair<QByteArray, int>, qsizetype> newIndex;
    for (qsizetype i = 0; i < newKeys.size(); ++i)
        newIndex.insert(newKeys.at(i), i);
    QList<bool> matched(newer.size(), false);

    QList<HeaderRow> rows;
    // The older side's order first (same, changed, removed), then what only the newer side has, in its order.
    for (qsizetype i = 0; i < older.size(); ++i) {
        const HttpHeader &o = older.at(i);
        HeaderRow row;
        row.perAttempt = isPerAttempt(o.name);
        const auto it = newIndex.constFind(oldKeys.at(i));
        if (it == newIndex.constEnd()) {
            row.change = Change::Removed;
            row.name = o.name;
            row.oldValue = o.value;
        } else {
            const HttpHeader &n = newer.at(*it);
            matched[*it] = true;
            row.name = n.name;
            row.oldValue = o.value;
            row.newValue = n.value;
            row.change = (o.value == n.value && o.name == n.name) ? Change::Same : Change::Changed;
        }
        rows << row;
    }
    for (qsizetype i = 0; i < newer.size(); ++i) {
        if (matched.at(i))
            continue;
        HeaderRow row;
        row.change = Change::Added;
        row.name = newer.at(i).name;
        row.newValue = newer.at(i).value;
        row.perAttempt = isPerAttempt(row.name);
        rows << row;
    }
    return rows;
}

HandshakeDiff HandshakeDiff::compare(const HandshakeRecord &older, const HandshakeRecord &newer)
{
    HandshakeDiff diff;
    diff.requestLine = { requestLineOf(older.request), requestLineOf(newer.request) };
    diff.statusLine = { statusLineOf(older.response), statusLineOf(newer.response) };
    diff.requestHeaders = compareHeaders(older.request.headers, newer.request.headers);
    diff.responseHeaders = compareHeaders(older.response.headers, newer.response.headers);
    diff.oldBody = older.responseBody;
    diff.newBody = newer.responseBody;
    return diff;
}

int HandshakeDiff::differenceCount() const
{
    int count = int(requestLine.changed()) + int(statusLine.changed()) + int(bodyChanged());
    for (const QList<HeaderRow> *rows : { &requestHeaders, &responseHeaders }) {
        for (const HeaderRow &row : *rows) {
            if (row.change != Change::Same && !row.perAttempt)
                ++count;
        }
    }
    return count;
}

} // namespace wsi
