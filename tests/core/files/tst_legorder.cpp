// LegOrder: rows of a proxied connection's two legs with the same time are in wire order (the leg that received the
// bytes first), and the window's log (LegRows), the journal (LegCursor) and exports (SessionExporter) agree on it.
#include "connection/connection.h"
#include "connection/legorder.h"
#include "connection/proxiedtransport.h"
#include "files/legcursor.h"
#include "files/sessionexporter.h"
#include "models/legrows.h"
#include "proxiedrecord.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

using namespace wsi;
using Facing = ConnectionLeg::Facing;

namespace {

constexpr qint64 kTiesFromUs = 5000;

// "c in frame" for a row of the client leg received by the proxy, ...
QString name(bool clientLeg, const EventRecord &r)
{
    return QStringLiteral("%1 %2 %3")
        .arg(clientLeg ? QLatin1Char('c') : QLatin1Char('s'))
        .arg(QLatin1String(r.dir == Direction::None ? "-" : directionId(r.dir)))
        .arg(QLatin1String(eventTypeId(r.type)));
}

// A proxiedRecord whose last exchange ties: the client's "up" read and written at 5000 on both legs, the server's
// "down" read and written at 6000 (the proxy stamps a chunk it read and what it wrote of it with one time).
Connection *tiedRecord()
{
    Connection *connection = proxiedRecord("hello", "hello");
    ProxiedTransport *legs = connection->proxied();
    // Recorded server leg first for both: the order of recording must not matter, only the wire's.
    legs->recordLeg(Facing::Server, Direction::Outgoing, kTiesFromUs, wireFrame(0x81, "up", 0x01020304u));
    legs->recordLeg(Facing::Client, Direction::Incoming, kTiesFromUs, wireFrame(0x81, "up", 0x01020304u));
    legs->recordLeg(Facing::Server, Direction::Incoming, kTiesFromUs + 1000, wireFrame(0x81, "down"));
    legs->recordLeg(Facing::Client, Direction::Outgoing, kTiesFromUs + 1000, wireFrame(0x81, "down"));
    return connection;
}

const QStringList kWireOrder {
    // The client's message: read on the client leg, then written on the server leg.
    QStringLiteral("c in frame"),
    QStringLiteral("c in message"),
    QStringLiteral("s out frame"),
    QStringLiteral("s out message"),
    // The server's answer: read on the server leg, then written on the client leg.
    QStringLiteral("s in frame"),
    QStringLiteral("s in message"),
    QStringLiteral("c out frame"),
    QStringLiteral("c out message"),
};

} // namespace

class tst_LegOrder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serverFirstOnlyWhenItReceivedFirst()
    {
        EventRecord client, server;
        client.timeUs = server.timeUs = 10;
        client.dir = Direction::Incoming;
        server.dir = Direction::Outgoing;
        QVERIFY(!LegOrder::serverFirst(client, server)); // the client's bytes, read then relayed
        client.dir = Direction::Outgoing;
        server.dir = Direction::Incoming;
        QVERIFY(LegOrder::serverFirst(client, server)); // the server's bytes, read then relayed
        server.dir = Direction::None;
        QVERIFY(!LegOrder::serverFirst(client, server)); // nothing received: the client leg, as before
        server.timeUs = 9;
        QVERIFY(LegOrder::serverFirst(client, server)); // time decides first
        server.timeUs = 11;
        server.dir = Direction::Incoming;
        QVERIFY(!LegOrder::serverFirst(client, server));
    }

    void windowLogIsInWireOrder()
    {
        const std::unique_ptr<Connection> proxied(tiedRecord());
        QStringList shown;
        qsizetype server = 0, client = 0;
        LegRows::merge(proxied.get(), &server, &client, [&](const EventRecord &r, int row) {
            if (r.timeUs >= kTiesFromUs)
                shown << name(LegRows::isClientLeg(row), r);
        });
        QCOMPARE(shown, kWireOrder);
    }

    void journalIsInWireOrder()
    {
        const std::unique_ptr<Connection> proxied(tiedRecord());
        QStringList taken;
        LegCursor rows(*proxied, {});
        while (!rows.atEnd()) {
            const LegCursor::Row row = rows.next();
            const EventRecord r = row.leg->events.at(row.index);
            if (r.timeUs >= kTiesFromUs)
                taken << name(row.leg->facing == Facing::Client, r);
        }
        QCOMPARE(taken, kWireOrder);
    }

    void exportIsInWireOrder()
    {
        const std::unique_ptr<Connection> proxied(tiedRecord());
        QStringList written;
        const QList<QByteArray> lines = SessionExporter::sessionLog({ proxied.get() }, QStringLiteral("t")).split('\n');
        for (const QByteArray &line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(QLatin1String("t_us")).toInteger() < kTiesFromUs)
                continue;
            written << QStringLiteral("%1 %2 %3")
                           .arg(o.value(QLatin1String("leg")).toString().left(1),
                               o.value(QLatin1String("dir")).toString(), o.value(QLatin1String("event")).toString());
        }
        QCOMPARE(written, kWireOrder);
    }
};

QTEST_GUILESS_MAIN(tst_LegOrder)
#include "tst_legorder.moc"
