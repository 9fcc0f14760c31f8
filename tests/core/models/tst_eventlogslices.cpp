// The event log takes a flood's backlog in slices, one per pass of the event loop, sized by what the rows cost
// including what the views do with them, so that the window keeps answering (issue 12: the log's flush took up to
// 36 ms of CPU in one turn and made the window answer the window manager 108 ms late).
#include "connection/connection.h"
#include "framedmessage.h"
#include "models/eventlogmodel.h"
#include "models/logfiltermodel.h"
#include "models/protocollog.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace wsi;

namespace {

constexpr int kMessages = 40000; // 80,000 rows with their frames

// Records every insert of a model, checks that they come in order, and makes the views as slow as asked:
// `nsPerRow` of busy CPU for each row inserted (a text filter testing every row, say).
class InsertWatcher : public QObject
{
public:
    InsertWatcher(QAbstractItemModel *model, qint64 nsPerRow)
        : m_nsPerRow(nsPerRow)
    {
        connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
            contiguous = contiguous && first == nextRow && last >= first;
            nextRow = last + 1;
            sizes << last - first + 1;
            passesBefore << passes;
            QElapsedTimer busy;
            busy.start();
            while (busy.nsecsElapsed() < m_nsPerRow * (last - first + 1)) { }
        });
        // A zero timer ticks once per pass of the event loop: what else the window does between two slices.
        m_ticker.setInterval(0);
        connect(&m_ticker, &QTimer::timeout, this, [this] { ++passes; });
        m_ticker.start();
    }

    QList<int> sizes; // rows of each insert
    QList<int> passesBefore; // the ticker's count when each insert came
    int passes = 0;
    int nextRow = 0;
    bool contiguous = true;

private:
    qint64 m_nsPerRow;
    QTimer m_ticker;
};

} // namespace

class tst_EventLogSlices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Views costing 1 us per row: the backlog comes in slices of about kSliceMs of their work, with other events
    // handled between two slices, every row once and in order.
    void backlogReachesSlowViewsInSlices()
    {
        Connection c(ConnectionOptions {});
        EventLogModel model;
        model.setConnection(&c);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        InsertWatcher watcher(&model, 1000);
        // The first rows teach the model what a row costs the views; then the backlog.
        constexpr int kFirst = 100;
        for (int i = 0; i < kFirst; ++i)
            appendFramedMessage(c, Direction::Incoming, QByteArray::number(i), i);
        QTRY_COMPARE(model.rowCount(), kFirst);
        for (int i = kFirst; i < kMessages; ++i)
            appendFramedMessage(c, Direction::Incoming, QByteArray::number(i), i);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), kMessages, 30000);
        QVERIFY(watcher.contiguous);
        QCOMPARE(watcher.nextRow, kMessages);
        QVERIFY2(watcher.sizes.size() >= 4, qPrintable(QString::number(watcher.sizes.size())));
        QCOMPARE(watcher.sizes.first(), kFirst);
        // No slice of the backlog holds much more than kSliceMs of the views' work: one look at the clock
        // (kSliceRows rows, half of them shown) past it at most.
        const int most = int(EventLogModel::kSliceMs * 1000 + EventLogModel::kSliceRows / 2);
        for (int k = 1; k < watcher.sizes.size(); ++k) {
            QVERIFY2(watcher.sizes.at(k) <= most,
                qPrintable(QStringLiteral("insert %1: %2 rows").arg(k).arg(watcher.sizes.at(k))));
            QVERIFY2(watcher.passesBefore.at(k) > watcher.passesBefore.at(k - 1),
                qPrintable(QStringLiteral("inserts %1 and %2 in one pass").arg(k - 1).arg(k)));
        }
        QCOMPARE(
            model.index(kMessages - 1, EventLogModel::PreviewColumn).data().toString(), QString::number(kMessages - 1));
        QCOMPARE(model.eventIndex(kMessages - 1), 2 * (kMessages - 1) + 1);
    }

    // The rows of a slice are decoded before the views see them, and only so far: a filter on the decoded words
    // (an MQTT CONNACK's payload is four bytes of binary) finds every one of a backlog taken in slices.
    void eachSliceIsDecodedBeforeItIsShown()
    {
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("ws://127.0.0.1:9/mqtt"));
        options.protocol = QStringLiteral("mqtt");
        Connection c(options);
        EventLogModel model;
        model.setConnection(&c);
        LogFilterModel filter;
        filter.setSourceModel(&model);
        filter.setFilterText(QStringLiteral("CONNACK code 5"), false);
        InsertWatcher watcher(&model, 1000);
        EventRecord r;
        r.type = EventType::Message;
        r.dir = Direction::Incoming;
        const QByteArray connack("\x20\x02\x00\x05", 4);
        r.value = quint64(connack.size());
        c.appendEvent(r, connack);
        QTRY_COMPARE(model.rowCount(), 1);
        for (int i = 1; i < kMessages; ++i)
            c.appendEvent(r, connack);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), kMessages, 30000);
        QVERIFY2(watcher.sizes.size() >= 4, qPrintable(QString::number(watcher.sizes.size())));
        QCOMPARE(filter.rowCount(), kMessages);
        QCOMPARE(ProtocolLog::of(&c)->row(quint32(kMessages - 1))->summary, QStringLiteral("CONNACK code 5"));
    }

    // A million rows: never one insert per row or per chunk of the clock's looks; the last row's payload is there.
    void millionRowsInsertInSlices()
    {
        Connection c(ConnectionOptions {});
        EventLogModel model;
        model.setConnection(&c);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        const QByteArray payload(32, 'm');
        for (int i = 0; i < 500000; ++i)
            appendFramedMessage(c, Direction::Incoming, payload, i);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 500000, 30000);
        QVERIFY2(
            inserted.count() <= 1000000 / EventLogModel::kSliceRows + 1, qPrintable(QString::number(inserted.count())));
        model.setShowFrames(true);
        QCOMPARE(model.rowCount(), 1000000);
        QCOMPARE(model.index(999999, EventLogModel::PreviewColumn).data().toString(), QString::fromLatin1(payload));
    }

    // flush() (an export, a test) takes everything at once, however slow the views, and leaves no slice behind.
    void flushTakesTheWholeBacklog()
    {
        Connection c(ConnectionOptions {});
        EventLogModel model;
        model.setConnection(&c);
        InsertWatcher watcher(&model, 1000);
        for (int i = 0; i < kMessages; ++i)
            appendFramedMessage(c, Direction::Incoming, QByteArray::number(i), i);
        model.flush();
        QCOMPARE(watcher.sizes, QList<int> { kMessages });
        QTest::qWait(100);
        QCOMPARE(watcher.sizes.size(), 1);
        appendFramedMessage(c, Direction::Outgoing, "after", kMessages);
        QTRY_COMPARE(model.rowCount(), kMessages + 1);
        QCOMPARE(watcher.sizes, (QList<int> { kMessages, 1 }));
    }
};

QTEST_MAIN(tst_EventLogSlices)
#include "tst_eventlogslices.moc"
