// The log of a proxied connection: both legs in time order, the Leg column, the leg filter, and each message
// found again on the other leg (LegRows, EventLogModel).
#include "connection/connection.h"
#include "models/eventlogmodel.h"
#include "models/legrows.h"
#include "proxiedrecord.h"
#include "store/eventstore.h"

#include <QAbstractItemModelTester>
#include <QTest>

#include <memory>

using namespace wsi;

class TestLegRows : public QObject
{
    Q_OBJECT

private:
    // "leg type dir preview" per row, as the log shows them.
    static QStringList shownRows(const EventLogModel &model)
    {
        QStringList rows;
        for (int row = 0; row < model.rowCount(); ++row) {
            rows << QStringLiteral("%1 %2 %3 %4")
                        .arg(model.index(row, EventLogModel::LegColumn).data().toString(),
                            model.index(row, EventLogModel::TypeColumn).data().toString(),
                            model.index(row, EventLogModel::DirectionColumn).data().toString(),
                            model.index(row, EventLogModel::PreviewColumn).data().toString());
        }
        return rows;
    }

private Q_SLOTS:
    void showsBothLegsInTimeOrder();
    void legFilterKeepsOneLeg();
    void rowsOfOtherConnectionsHaveNoLeg();
    void findsAMessageOnTheOtherLeg();
};

void TestLegRows::showsBothLegsInTimeOrder()
{
    std::unique_ptr<Connection> connection(proxiedRecord("hello", "hello"));
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(connection.get());
    // Out is towards the server on both legs, though the client leg recorded the client's bytes as incoming.
    const QStringList expected {
        QStringLiteral("client UPGRADE ↑ out GET /chat HTTP/1.1"),
        QStringLiteral("server UPGRADE ↑ out GET /chat HTTP/1.1"),
        QStringLiteral("server RESPONSE ↓ in HTTP/1.1 101 Switching Protocols"),
        QStringLiteral("server OPEN  Connection open"),
        QStringLiteral("client RESPONSE ↓ in HTTP/1.1 101 Switching Protocols"),
        QStringLiteral("client OPEN  Connection open"),
        QStringLiteral("client TEXT ↑ out hello"),
        QStringLiteral("server TEXT ↑ out hello"),
        QStringLiteral("server TEXT ↓ in echo"),
        QStringLiteral("client TEXT ↓ in echo"),
    };
    QCOMPARE(shownRows(model), expected);
    QCOMPARE(model.index(0, 0).data(EventLogModel::LegRole).toInt(), int(ConnectionLeg::Facing::Client));
    QCOMPARE(model.index(1, 0).data(EventLogModel::LegRole).toInt(), int(ConnectionLeg::Facing::Server));
    QCOMPARE(model.headerData(EventLogModel::LegColumn, Qt::Horizontal).toString(), QStringLiteral("Leg"));
    QVERIFY(!model.index(0, EventLogModel::LegColumn).data(Qt::ToolTipRole).toString().isEmpty());

    // Each row finds its own row again, and its store through LegRows.
    for (int row = 0; row < model.rowCount(); ++row) {
        const int event = model.eventIndex(row);
        QCOMPARE(model.rowForEvent(event), row);
        QVERIFY(LegRows::storeOf(connection.get(), event));
    }
    QCOMPARE(LegRows::storeOf(connection.get(), model.eventIndex(0)),
        &connection->leg(ConnectionLeg::Facing::Client)->events);
    QCOMPARE(LegRows::storeOf(connection.get(), model.eventIndex(1)), &connection->events());
}

void TestLegRows::legFilterKeepsOneLeg()
{
    std::unique_ptr<Connection> connection(proxiedRecord("hello", "hello"));
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(connection.get());
    model.setLegFilter(LegRows::Filter::Client);
    QCOMPARE(shownRows(model),
        (QStringList { QStringLiteral("client UPGRADE ↑ out GET /chat HTTP/1.1"),
            QStringLiteral("client RESPONSE ↓ in HTTP/1.1 101 Switching Protocols"),
            QStringLiteral("client OPEN  Connection open"), QStringLiteral("client TEXT ↑ out hello"),
            QStringLiteral("client TEXT ↓ in echo") }));
    model.setLegFilter(LegRows::Filter::Server);
    QCOMPARE(shownRows(model),
        (QStringList { QStringLiteral("server UPGRADE ↑ out GET /chat HTTP/1.1"),
            QStringLiteral("server RESPONSE ↓ in HTTP/1.1 101 Switching Protocols"),
            QStringLiteral("server OPEN  Connection open"), QStringLiteral("server TEXT ↑ out hello"),
            QStringLiteral("server TEXT ↓ in echo") }));
    model.setLegFilter(LegRows::Filter::Both);
    QCOMPARE(model.rowCount(), 10);

    // Another proxied connection opens on both of its legs, whatever the last one showed.
    model.setLegFilter(LegRows::Filter::Client);
    std::unique_ptr<Connection> other(proxiedRecord("bye", "bye"));
    model.setConnection(other.get());
    QCOMPARE(model.legFilter(), LegRows::Filter::Both);
    QCOMPARE(model.rowCount(), 10);
}

void TestLegRows::rowsOfOtherConnectionsHaveNoLeg()
{
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://example.test/"));
    Connection connection(options);
    EventRecord text;
    text.type = EventType::Message;
    text.dir = Direction::Outgoing;
    text.flags = FlagText;
    text.value = 2;
    connection.appendEvent(text, "hi");
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(&connection);
    // A leg filter left over from a proxied connection hides nothing here.
    model.setLegFilter(LegRows::Filter::Client);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, EventLogModel::LegColumn).data().toString(), QString());
    QCOMPARE(model.index(0, EventLogModel::PreviewColumn).data().toString(), QStringLiteral("hi"));
    QCOMPARE(model.eventIndex(0), 0);
    QCOMPARE(LegRows::counterpart(&connection, 0), -1);
}

void TestLegRows::findsAMessageOnTheOtherLeg()
{
    std::unique_ptr<Connection> connection(proxiedRecord("hello", "HELLO edited"));
    const EventStore &client = connection->leg(ConnectionLeg::Facing::Client)->events;
    const EventStore &server = connection->events();
    auto messageRows = [](const EventStore &store, bool clientLeg) {
        QList<int> rows;
        for (qsizetype i = 0; i < store.size(); ++i) {
            if (store.at(i).type == EventType::Message)
                rows << (clientLeg ? LegRows::clientRow(i) : int(i));
        }
        return rows;
    };
    const QList<int> clientMessages = messageRows(client, true);
    const QList<int> serverMessages = messageRows(server, false);
    QCOMPARE(clientMessages.size(), 2);
    QCOMPARE(serverMessages.size(), 2);
    // The client's message (incoming on its leg) is the server leg's outgoing one, and the echo the other way.
    QCOMPARE(LegRows::counterpart(connection.get(), clientMessages[0]), serverMessages[0]);
    QCOMPARE(LegRows::counterpart(connection.get(), serverMessages[0]), clientMessages[0]);
    QCOMPARE(LegRows::counterpart(connection.get(), clientMessages[1]), serverMessages[1]);
    QCOMPARE(client.payloadCopy(LegRows::indexInLeg(clientMessages[0])), QByteArray("hello"));
    QCOMPARE(server.payloadCopy(serverMessages[0]), QByteArray("HELLO edited"));
    // Not a message: no counterpart.
    QCOMPARE(LegRows::counterpart(connection.get(), 0), -1);
}

QTEST_GUILESS_MAIN(TestLegRows)
#include "tst_legrows.moc"
