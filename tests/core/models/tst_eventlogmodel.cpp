#include "connection/connection.h"
#include "models/eventlogmodel.h"
#include "protocol/frameheader.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace wsi;

namespace {

void addMessage(Connection &c, Direction dir, const QByteArray &text, qint64 t)
{
    EventRecord frame;
    frame.type = EventType::Frame;
    frame.dir = dir;
    frame.sub = quint8(Opcode::Text);
    frame.flags = FlagFin;
    frame.value = quint64(text.size());
    frame.timeUs = t;
    c.appendEvent(frame, QByteArray("\x81") + char(text.size()));
    EventRecord message;
    message.type = EventType::Message;
    message.dir = dir;
    message.flags = FlagText;
    message.timeUs = t;
    c.appendEvent(message, text);
}

} // namespace

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
        addMessage(c, Direction::Outgoing, "hello", 1000);
        addMessage(c, Direction::Incoming, "world", 2000);
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
        addMessage(c, Direction::Incoming, "x", c.startedUs() + 1500000);
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

    void millionRowsInsertInFewBatches()
    {
        Connection c(ConnectionOptions {});
        EventLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setConnection(&c);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        const QByteArray payload(32, 'm');
        for (int i = 0; i < 500000; ++i)
            addMessage(c, Direction::Incoming, payload, i);
        QTRY_COMPARE(model.rowCount(), 500000);
        QVERIFY2(inserted.count() <= 3, qPrintable(QString::number(inserted.count())));
        model.setShowFrames(true);
        QCOMPARE(model.rowCount(), 1000000);
        QCOMPARE(model.index(999999, EventLogModel::PreviewColumn).data().toString(), QString::fromLatin1(payload));
    }

    void switchingConnectionResets()
    {
        Connection a(ConnectionOptions {});
        Connection b(ConnectionOptions {});
        addMessage(a, Direction::Incoming, "a", 1);
        addMessage(b, Direction::Incoming, "b1", 1);
        addMessage(b, Direction::Incoming, "b2", 2);
        EventLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setConnection(&a);
        QCOMPARE(model.rowCount(), 1);
        model.setConnection(&b);
        QCOMPARE(model.rowCount(), 2);
        addMessage(a, Direction::Incoming, "a2", 3); // no longer shown: must not insert
        QTest::qWait(150);
        QCOMPARE(model.rowCount(), 2);
    }

    void automaticRowsAreMarked()
    {
        // A protocol duty's answer (an Engine.IO pong here) is recorded with FlagAutomatic; the user's own is not.
        Connection c(ConnectionOptions {});
        EventLogModel model;
        model.setConnection(&c);
        addMessage(c, Direction::Outgoing, "42[\"chat\"]", 1000);
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
};

QTEST_GUILESS_MAIN(tst_EventLogModel)
#include "tst_eventlogmodel.moc"
