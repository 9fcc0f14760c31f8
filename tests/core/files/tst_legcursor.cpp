// LegCursor: a proxied connection's rows of both legs walked in time order (ties: LegOrder, tst_legorder),
// from any position; a connection with one wire walks its own rows.
#include "connection/connection.h"
#include "connection/proxiedtransport.h"
#include "files/legcursor.h"
#include "proxiedrecord.h"

#include <QTest>

#include <memory>

using namespace wsi;
using Facing = ConnectionLeg::Facing;

namespace {

// "c0 s1 ..." for the rows walked: the leg's initial and the row's index on it.
QString walk(const Connection &connection, LegCursor::Position from)
{
    LegCursor rows(connection, from);
    QStringList names;
    while (!rows.atEnd()) {
        const LegCursor::Row row = rows.next();
        names << (row.leg->facing == Facing::Client ? QStringLiteral("c%1") : QStringLiteral("s%1")).arg(row.index);
    }
    return names.join(QLatin1Char(' '));
}

} // namespace

class tst_LegCursor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void walksBothLegsByTime()
    {
        // proxiedRecord: request c@1000, s@1100; 101 s@1200, c@1300; open on both; then the message c@2000, s@2100,
        // the echo s@2200, c@2300 (each a frame row and a message row).
        const std::unique_ptr<Connection> proxied(proxiedRecord("hello", "hello"));
        const QString all = walk(*proxied, {});
        QVERIFY2(all.startsWith(QStringLiteral("c0 s0 s1 ")), qPrintable(all));
        const LegCursor::Position end = LegCursor::end(*proxied);
        QCOMPARE(end.rows, proxied->leg(Facing::Server)->events.size());
        QCOMPARE(end.clientLegRows, proxied->leg(Facing::Client)->events.size());
        QCOMPARE(all.split(QLatin1Char(' ')).size(), end.lines());
        // Every row once, each leg's in its own order, and times never go back.
        LegCursor rows(*proxied, {});
        qint64 lastUs = 0;
        qsizetype nextClient = 0, nextServer = 0;
        while (!rows.atEnd()) {
            const LegCursor::Row row = rows.next();
            QCOMPARE(row.index, row.leg->facing == Facing::Client ? nextClient++ : nextServer++);
            const qint64 t = row.leg->events.at(row.index).timeUs;
            QVERIFY(t >= lastUs);
            lastUs = t;
        }
        QCOMPARE(rows.position().rows, end.rows);
        QCOMPARE(rows.position().clientLegRows, end.clientLegRows);
    }

    void clientLegFirstAtEqualTimes()
    {
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("ws://upstream.test/"));
        Connection proxied(Connection::Kind::Proxied, options, QStringLiteral("127.0.0.1:1"));
        EventRecord r;
        r.type = EventType::Info;
        r.timeUs = 5;
        proxied.appendEvent(Facing::Server, r, "server at 5");
        proxied.appendEvent(Facing::Client, r, "client at 5");
        r.timeUs = 7;
        proxied.appendEvent(Facing::Server, r, "server at 7");
        r.timeUs = 6;
        proxied.appendEvent(Facing::Client, r, "client at 6");
        QCOMPARE(walk(proxied, {}), QStringLiteral("c0 s0 c1 s1"));
        // From a position: only the rows after it.
        LegCursor::Position from;
        from.clientLegRows = 1;
        QCOMPARE(walk(proxied, from), QStringLiteral("s0 c1 s1"));
        from.rows = 2;
        from.clientLegRows = 2;
        QCOMPARE(walk(proxied, from), QString());
    }

    void oneWireWalksItsOwnRows()
    {
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("ws://example.test/"));
        Connection plain(options);
        EventRecord r;
        r.type = EventType::Info;
        for (qint64 t : { 30, 10, 20 }) { // out of time order: a single leg keeps its own order
            r.timeUs = t;
            plain.appendEvent(r, "row");
        }
        QCOMPARE(walk(plain, {}), QStringLiteral("s0 s1 s2"));
        QCOMPARE(LegCursor::end(plain).clientLegRows, qsizetype(0));
        QCOMPARE(LegCursor::end(plain).lines(), qsizetype(3));
        // A client of the local server: its one leg faces the client, and still has no client leg of its own.
        Connection served(Connection::Kind::Incoming, options, QStringLiteral("127.0.0.1:2"));
        served.appendEvent(r, "row");
        QCOMPARE(walk(served, {}), QStringLiteral("c0"));
        QCOMPARE(LegCursor::end(served).rows, qsizetype(1));
    }
};

QTEST_GUILESS_MAIN(tst_LegCursor)
#include "tst_legcursor.moc"
