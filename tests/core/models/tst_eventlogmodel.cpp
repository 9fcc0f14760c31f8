#include "connection/connection.h"
#include "framedmessage.h"
#include "language/translations.h"
#include "models/eventlogmodel.h"
#include "models/logfiltermodel.h"
#include "proxiedrecord.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace wsi;

class tst_EventLogModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsMessagesAndHidesFramesByDefault()
    {
        Connection c(ConnectionOptions {});
        EventLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setConnection(&c);
        appendFramedMessage(c, Direction::Outgoing, "hello", 1000);
        appendFramedMessage(c, Direction::Incoming, "world", 2000);
        QCOMPARE(model.rowCount(), 0); // batched: nothing until the tick
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, EventLogModel::PreviewColumn).data().toString(), QStringLiteral("hello"));
        QCOMPARE(model.index(1, EventLogModel::TypeColumn).data().toString(), QStringLiteral("TEXT"));
        QCOMPARE(model.index(1, EventLogModel::DirectionColumn).data().toString(), QStringLiteral("↓ in"));
        QCOMPARE(model.eventIndex(1), 3);

        model.setShowFrames(true);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(0, EventLogModel::TypeColumn).data().toString(), QStringLiteral("FRAME TEXT"));
        QVERIFY(model.index(0, EventLogModel::PreviewColumn).data().toString().contains(QStringLiteral("FIN=1")));
        QCOMPARE(model.rowForEvent(3), 3);
        model.setShowFrames(false);
        QCOMPARE(model.rowForEvent(3), 1);
        QCOMPARE(model.rowForEvent(2), -1);
    }

    void relativeTimeCountsFromStart()
    {
        Connection c(ConnectionOptions {});
        EventLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setConnection(&c);
        appendFramedMessage(c, Direction::Incoming, "x", c.startedUs() + 1500000);
        model.flush();
        model.setRelativeTime(true);
        QCOMPARE(model.index(0, EventLogModel::TimeColumn).data().toString(), QStringLiteral("+1.500000 s"));
    }

    void errorRowsNameTheirLayer()
    {
        Connection c(ConnectionOptions {});
        EventLogModel model;
        model.setConnection(&c);
        EventRecord r;
        r.type = EventType::Error;
        r.sub = quint8(ErrorLayer::Tcp);
        c.appendEvent(r, "Connection refused");
        model.flush();
        QCOMPARE(
            model.index(0, EventLogModel::PreviewColumn).data().toString(), QStringLiteral("[TCP] Connection refused"));
        QVERIFY(model.index(0, 0).data(EventLogModel::IsErrorRole).toBool());
    }

    void pingPayloadsShowAsTextOrHex()
    {
        Connection c(ConnectionOptions {});
        EventLogModel model;
        model.setConnection(&c);
        EventRecord ping;
        ping.type = EventType::Ping;
        ping.dir = Direction::Incoming;
        c.appendEvent(ping, "keepalive");
        c.appendEvent(ping, QByteArray("\x2c\xff\x6c\x01", 4)); // python3-websockets' random bytes
        c.appendEvent(ping, QByteArray());
        c.appendEvent(ping, QByteArray("\x0f\x39\x2d\x01", 4)); // random bytes that happen to be valid UTF-8
        c.appendEvent(ping, "tab\tand DEL\x7f");
        c.appendEvent(ping, "keep\talive 한글");
        model.flush();
        QCOMPARE(model.index(0, EventLogModel::PreviewColumn).data().toString(), QStringLiteral("keepalive"));
        QCOMPARE(model.index(1, EventLogModel::PreviewColumn).data().toString(), QStringLiteral("2c ff 6c 01"));
        QCOMPARE(model.index(2, EventLogModel::PreviewColumn).data().toString(), QStringLiteral("(no payload)"));
        QCOMPARE(model.index(3, EventLogModel::PreviewColumn).data().toString(), QStringLiteral("0f 39 2d 01"));
        QCOMPARE(model.index(4, EventLogModel::PreviewColumn).data().toString(),
            QStringLiteral("74 61 62 09 61 6e 64 20 44 45 4c 7f"));
        // clipped() shows a tab as a space, on the one line
        QCOMPARE(model.index(5, EventLogModel::PreviewColumn).data().toString(), QStringLiteral("keep alive 한글"));
    }

    void controlRowsFollowTheLanguage()
    {
        Connection c(ConnectionOptions {});
        EventLogModel model;
        model.setConnection(&c);
        EventRecord ping;
        ping.type = EventType::Ping;
        ping.dir = Direction::Outgoing;
        c.appendEvent(ping, QByteArray());
        EventRecord pong;
        pong.type = EventType::Pong;
        pong.dir = Direction::Incoming;
        pong.value = 1250; // round trip in microseconds
        c.appendEvent(pong, QByteArray());
        EventRecord close;
        close.type = EventType::Close;
        close.dir = Direction::Incoming;
        close.value = kNoCloseCode;
        c.appendEvent(close, QByteArray());
        model.flush();
        const auto preview
            = [&model](int row) { return model.index(row, EventLogModel::PreviewColumn).data().toString(); };
        Translations::forApplication()->apply(QStringLiteral("ko"));
        QCOMPARE(preview(0), QStringLiteral("(페이로드 없음)"));
        QCOMPARE(preview(1), QStringLiteral("(페이로드 없음)  (왕복 시간 1.25 ms)"));
        QCOMPARE(preview(2), QStringLiteral("상태 코드 없음"));
        Translations::forApplication()->apply(QStringLiteral("en"));
        QCOMPARE(preview(1), QStringLiteral("(no payload)  (round trip 1.25 ms)"));
        QCOMPARE(preview(2), QStringLiteral("No status code"));
    }

    // A flood arrives over many turns of the event loop (as a socket delivers it); the model must not insert per
    // event or per turn, but in batches, and every row must be there, in order (issue 12).
    void floodOverManyTurnsInsertsInBatches()
    {
        Connection c(ConnectionOptions {});
        EventLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setConnection(&c);
        int inserts = 0;
        int nextRow = 0;
        bool contiguous = true;
        connect(&model, &QAbstractItemModel::rowsInserted, this, [&](const QModelIndex &, int first, int last) {
            ++inserts;
            contiguous = contiguous && first == nextRow && last >= first;
            nextRow = last + 1;
        });
        constexpr int kTurns = 2000;
        constexpr int kPerTurn = 100;
        int turns = 0;
        bool insertedWhileAppending = false;
        QTimer feeder;
        feeder.setInterval(0);
        connect(&feeder, &QTimer::timeout, this, [&] {
            const int before = inserts;
            for (int i = 0; i < kPerTurn; ++i) {
                const int n = turns * kPerTurn + i;
                appendFramedMessage(c, Direction::Incoming, QByteArray::number(n), n);
            }
            insertedWhileAppending = insertedWhileAppending || inserts != before;
            if (++turns == kTurns)
                feeder.stop();
        });
        feeder.start();
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), kTurns * kPerTurn, 60000);
        QVERIFY2(!insertedWhileAppending, "rows were inserted from inside an append, not by the batch");
        QVERIFY(contiguous);
        QCOMPARE(nextRow, kTurns * kPerTurn);
        // Fewer inserts than turns: several turns' events go out as one batch (a turn here is a fraction of a ms).
        QVERIFY2(inserts < kTurns, qPrintable(QStringLiteral("%1 inserts for %2 turns").arg(inserts).arg(kTurns)));
        QCOMPARE(model.index(0, EventLogModel::PreviewColumn).data().toString(), QStringLiteral("0"));
        QCOMPARE(model.index(kTurns * kPerTurn - 1, EventLogModel::PreviewColumn).data().toString(),
            QString::number(kTurns * kPerTurn - 1));
        QCOMPARE(model.eventIndex(kTurns * kPerTurn - 1), 2 * (kTurns * kPerTurn - 1) + 1);
    }

    // The log and its filter each map a view row to a source row for every row of a flood: that mapping must stay
    // a quarter byte per source row, at most half a byte with the vector's spare capacity (issue 12: two vectors
    // of rows, 4 bytes per shown row each, were 80 MB after 10 M messages), and still map both ways, frames hidden
    // or shown, filtered or not.
    void rowMappingsHoldAQuarterBytePerSourceRow()
    {
        Connection c(ConnectionOptions {});
        EventLogModel model;
        LogFilterModel filter;
        filter.setSourceModel(&model);
        model.setConnection(&c);
        constexpr int kMessages = 500000;
        for (int i = 0; i < kMessages; ++i)
            appendFramedMessage(c, i % 2 ? Direction::Incoming : Direction::Outgoing, QByteArray::number(i), i);
        model.flush();
        QCOMPARE(model.rowCount(), kMessages);
        QCOMPARE(filter.rowCount(), kMessages);
        QVERIFY2(model.rowMappingBytes() <= 2 * kMessages / 2, qPrintable(QString::number(model.rowMappingBytes())));
        QVERIFY2(filter.rowMappingBytes() <= kMessages / 2, qPrintable(QString::number(filter.rowMappingBytes())));
        QCOMPARE(model.eventIndex(kMessages - 1), 2 * kMessages - 1);
        QCOMPARE(model.rowForEvent(2 * 1234 + 1), 1234);
        QCOMPARE(model.rowForEvent(2 * 1234), -1); // a hidden frame
        QCOMPARE(filter.index(0, EventLogModel::PreviewColumn).data().toString(), QStringLiteral("0"));

        filter.setDirection(LogFilterModel::DirectionFilter::Incoming);
        QCOMPARE(filter.rowCount(), kMessages / 2);
        QVERIFY(filter.rowMappingBytes() <= kMessages / 2);
        QCOMPARE(filter.mapToSource(10), 21);
        QCOMPARE(filter.mapFromSource(21), 10);
        QCOMPARE(filter.mapFromSource(20), -1);
        QCOMPARE(filter.index(kMessages / 2 - 1, EventLogModel::PreviewColumn).data().toString(),
            QString::number(kMessages - 1));

        model.setShowFrames(true);
        QCOMPARE(model.rowCount(), 2 * kMessages);
        QVERIFY(model.rowMappingBytes() <= 2 * kMessages / 2);
        QCOMPARE(model.rowForEvent(2 * 1234), 2 * 1234);
    }

    void switchingConnectionResets()
    {
        Connection a(ConnectionOptions {});
        Connection b(ConnectionOptions {});
        appendFramedMessage(a, Direction::Incoming, "a", 1);
        appendFramedMessage(b, Direction::Incoming, "b1", 1);
        appendFramedMessage(b, Direction::Incoming, "b2", 2);
        EventLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setConnection(&a);
        QCOMPARE(model.rowCount(), 1);
        model.setConnection(&b);
        QCOMPARE(model.rowCount(), 2);
        appendFramedMessage(a, Direction::Incoming, "a2", 3); // no longer shown: must not insert
        QTest::qWait(150);
        QCOMPARE(model.rowCount(), 2);
    }

    void automaticRowsAreMarked()
    {
        // A protocol duty's answer (an Engine.IO pong here) is recorded with FlagAutomatic; the user's own is not.
        Connection c(ConnectionOptions {});
        EventLogModel model;
        model.setConnection(&c);
        appendFramedMessage(c, Direction::Outgoing, "42[\"chat\"]", 1000);
        EventRecord pong;
        pong.type = EventType::Message;
        pong.dir = Direction::Outgoing;
        pong.flags = FlagText | FlagAutomatic;
        pong.timeUs = 2000;
        c.appendEvent(pong, "3");
        model.flush();
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!model.index(0, EventLogModel::TypeColumn).data(EventLogModel::IsAutomaticRole).toBool());
        QVERIFY(model.index(0, EventLogModel::TypeColumn).data(Qt::ToolTipRole).toString().isEmpty());
        QVERIFY(model.index(1, EventLogModel::PreviewColumn).data(EventLogModel::IsAutomaticRole).toBool());
        QCOMPARE(model.index(1, EventLogModel::TypeColumn).data(Qt::ToolTipRole).toString(),
            QStringLiteral("Sent automatically by protocol duties"));
        QCOMPARE(model.index(1, EventLogModel::TypeColumn).data().toString(), QStringLiteral("TEXT"));
    }

    void aLateMarkRedrawsItsRow()
    {
        // A held message is shown on arrival, unmarked; dropped later, its row must change where it is shown.
        const std::unique_ptr<Connection> c(proxiedRecord("hold me", "hold me"));
        EventLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setConnection(c.get());
        int heldRow = -1;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex type = model.index(row, EventLogModel::TypeColumn);
            if (type.data(EventLogModel::LegRole).toInt() == int(ConnectionLeg::Facing::Client)
                && model.index(row, EventLogModel::PreviewColumn).data().toString() == QStringLiteral("hold me"))
                heldRow = row;
        }
        QVERIFY(heldRow >= 0);
        QCOMPARE(model.index(heldRow, EventLogModel::TypeColumn).data().toString(), QStringLiteral("TEXT"));
        const int rows = model.rowCount();
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        ProxyMark dropped;
        dropped.action = ProxyMark::Action::Dropped;
        c->proxied()->markMessage(ConnectionLeg::Facing::Client, Direction::Incoming, 1, dropped);
        QCOMPARE(changed.size(), 1);
        const QModelIndex from = changed.first().at(0).toModelIndex();
        const QModelIndex to = changed.first().at(1).toModelIndex();
        QCOMPARE(from.row(), heldRow);
        QCOMPARE(to.row(), heldRow);
        QVERIFY(from.column() <= EventLogModel::TypeColumn && to.column() >= EventLogModel::TypeColumn);
        QCOMPARE(
            model.index(heldRow, EventLogModel::TypeColumn).data().toString(), QStringLiteral("TEXT \u00b7 dropped"));
        QCOMPARE(model.index(heldRow, EventLogModel::TypeColumn).data(EventLogModel::ProxyMarkRole).toString(),
            QStringLiteral("dropped"));
        QCOMPARE(model.rowCount(), rows);
    }
};

QTEST_GUILESS_MAIN(tst_EventLogModel)
#include "tst_eventlogmodel.moc"
