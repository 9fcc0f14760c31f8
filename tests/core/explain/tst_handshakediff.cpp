// HandshakeDiff: a working and a failing handshake compared from raw wire bytes: status line, headers
// added, removed and changed, repeated headers paired by occurrence, per-attempt headers flagged, bodies.
#include "explain/handshakediff.h"
#include "protocol/handshakeparser.h"

#include <QTest>

using namespace wsi;

using Change = HandshakeDiff::Change;

class TestHandshakeDiff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void identicalHandshakesHaveNoDifferences();
    void refusedUpgradeAgainstWorkingOne();
    void repeatedHeadersArePairedByOccurrence();
    void headerNameCaseChangeIsAChange();
    void requestLineChange();
    void missingResponseHasEmptyStatusLine();

private:
    static HandshakeRecord record(const QByteArray &request, const QByteArray &response);
    static const HandshakeDiff::HeaderRow *find(
        const QList<HandshakeDiff::HeaderRow> &rows, const QByteArray &name, int occurrence = 0);
};

HandshakeRecord TestHandshakeDiff::record(const QByteArray &request, const QByteArray &response)
{
    HandshakeRecord r;
    HandshakeParser req(HandshakeParser::Kind::Request);
    req.feed(request);
    r.request = req.head();
    if (!response.isEmpty()) {
        HandshakeParser resp(HandshakeParser::Kind::Response);
        resp.feed(response);
        resp.finish();
        r.response = resp.head();
        r.responseBody = resp.body();
    }
    return r;
}

const HandshakeDiff::HeaderRow *TestHandshakeDiff::find(
    const QList<HandshakeDiff::HeaderRow> &rows, const QByteArray &name, int occurrence)
{
    for (const auto &row : rows) {
        if (row.name.compare(name, Qt::CaseInsensitive) == 0 && occurrence-- == 0)
            return &row;
    }
    return nullptr;
}

static const QByteArray kRequestA = "GET /echo HTTP/1.1\r\nHost: 127.0.0.1:9000\r\nUpgrade: websocket\r\n"
                                    "Connection: Upgrade\r\nSec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAA==\r\n"
                                    "Sec-WebSocket-Version: 13\r\nX-Client: one\r\n\r\n";
static const QByteArray kRequestB = "GET /echo HTTP/1.1\r\nHost: 127.0.0.1:9000\r\nUpgrade: websocket\r\n"
                                    "Connection: Upgrade\r\nSec-WebSocket-Key: BBBBBBBBBBBBBBBBBBBBBB==\r\n"
                                    "Sec-WebSocket-Version: 13\r\nAuthorization: Bearer x\r\n\r\n";
static const QByteArray kSwitching = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                     "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\nServer: py\r\n\r\n";
static const QByteArray kForbidden = "HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n"
                                     "Server: py\r\n\r\nGo away.\n";

void TestHandshakeDiff::identicalHandshakesHaveNoDifferences()
{
    const HandshakeRecord a = record(kRequestA, kSwitching);
    const HandshakeDiff diff = HandshakeDiff::compare(a, a);
    QCOMPARE(diff.differenceCount(), 0);
    QVERIFY(!diff.statusLine.changed());
    QCOMPARE(diff.requestHeaders.size(), a.request.headers.size());
    for (const auto &row : diff.requestHeaders)
        QCOMPARE(row.change, Change::Same);
}

void TestHandshakeDiff::refusedUpgradeAgainstWorkingOne()
{
    const HandshakeDiff diff = HandshakeDiff::compare(record(kRequestA, kSwitching), record(kRequestB, kForbidden));
    QCOMPARE(diff.statusLine.oldText, QByteArray("HTTP/1.1 101 Switching Protocols"));
    QCOMPARE(diff.statusLine.newText, QByteArray("HTTP/1.1 403 Forbidden"));
    QVERIFY(diff.statusLine.changed());
    QVERIFY(!diff.requestLine.changed());

    const auto *key = find(diff.requestHeaders, "Sec-WebSocket-Key");
    QVERIFY(key);
    QCOMPARE(key->change, Change::Changed);
    QVERIFY(key->perAttempt);
    const auto *removed = find(diff.requestHeaders, "X-Client");
    QVERIFY(removed);
    QCOMPARE(removed->change, Change::Removed);
    QCOMPARE(removed->oldValue, QByteArray("one"));
    const auto *added = find(diff.requestHeaders, "Authorization");
    QVERIFY(added);
    QCOMPARE(added->change, Change::Added);
    QCOMPARE(added->newValue, QByteArray("Bearer x"));
    QCOMPARE(find(diff.requestHeaders, "Host")->change, Change::Same);

    QCOMPARE(find(diff.responseHeaders, "Upgrade")->change, Change::Removed);
    QCOMPARE(find(diff.responseHeaders, "Content-Length")->change, Change::Added);
    QCOMPARE(find(diff.responseHeaders, "Server")->change, Change::Same);
    QCOMPARE(find(diff.responseHeaders, "Sec-WebSocket-Accept")->change, Change::Removed);

    QVERIFY(diff.oldBody.isEmpty());
    QCOMPARE(diff.newBody, QByteArray("Go away.\n"));
    QVERIFY(diff.bodyChanged());
    // status + X-Client + Authorization + 4 response headers (Upgrade, Connection, Content-Type, Content-Length)
    // + body; Sec-WebSocket-Key/Accept are per attempt and do not count.
    QCOMPARE(diff.differenceCount(), 1 + 2 + 4 + 1);
}

void TestHandshakeDiff::repeatedHeadersArePairedByOccurrence()
{
    QList<HttpHeader> older { { "Set-Cookie", "a=1" }, { "Set-Cookie", "b=2" }, { "X", "1" } };
    QList<HttpHeader> newer { { "Set-Cookie", "a=1" }, { "Set-Cookie", "b=3" }, { "Set-Cookie", "c=4" }, { "X", "1" } };
    const auto rows = HandshakeDiff::compareHeaders(older, newer);
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.at(0).change, Change::Same);
    QCOMPARE(rows.at(1).change, Change::Changed);
    QCOMPARE(rows.at(1).oldValue, QByteArray("b=2"));
    QCOMPARE(rows.at(1).newValue, QByteArray("b=3"));
    QCOMPARE(rows.at(2).change, Change::Same);
    QCOMPARE(rows.at(2).name, QByteArray("X"));
    QCOMPARE(rows.at(3).change, Change::Added);
    QCOMPARE(rows.at(3).newValue, QByteArray("c=4"));
}

void TestHandshakeDiff::headerNameCaseChangeIsAChange()
{
    const auto rows = HandshakeDiff::compareHeaders({ { "upgrade", "websocket" } }, { { "Upgrade", "websocket" } });
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).change, Change::Changed); // wire truth: the bytes differ
    QCOMPARE(rows.at(0).name, QByteArray("Upgrade"));
}

void TestHandshakeDiff::requestLineChange()
{
    QByteArray other = kRequestA;
    other.replace("GET /echo", "GET /reject");
    const HandshakeDiff diff = HandshakeDiff::compare(record(kRequestA, {}), record(other, {}));
    QVERIFY(diff.requestLine.changed());
    QCOMPARE(diff.requestLine.newText, QByteArray("GET /reject HTTP/1.1"));
}

void TestHandshakeDiff::missingResponseHasEmptyStatusLine()
{
    const HandshakeDiff diff = HandshakeDiff::compare(record(kRequestA, kSwitching), record(kRequestA, {}));
    QVERIFY(diff.statusLine.newText.isEmpty());
    QVERIFY(diff.statusLine.changed());
    for (const auto &row : diff.responseHeaders)
        QCOMPARE(row.change, Change::Removed);
}

QTEST_GUILESS_MAIN(TestHandshakeDiff)
#include "tst_handshakediff.moc"
