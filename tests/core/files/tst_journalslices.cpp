// SessionJournal's turns of collection under a flood of large rows (issue 12, the window's own test server echoing
// 10 x 64 KiB): a turn stops once its slice is spent, whatever the size of the rows and however many connections
// have rows waiting, and the connections it did not reach go first on the next turn.
#include "connection/connection.h"
#include "files/journalcollector.h"
#include "files/sessionjournal.h"
#include "journalfiles.h"
#include "slicedjournal.h"

#include <QAbstractEventDispatcher>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <map>
#include <memory>
#include <numeric>
#include <set>
#include <vector>

using namespace wsi;

namespace {

constexpr int kRowBytes = 64 * 1024 - 1;

void appendLargeRows(Connection &c, int count)
{
    for (int i = 0; i < count; ++i)
        appendText(
            c, i % 2 ? Direction::Incoming : Direction::Outgoing, QByteArray(kRowBytes, char('a' + i % 26)), 1000 + i);
}

// Rows of kRowBytes that fill one writer batch: the most a turn may take past its slice.
constexpr qsizetype batchRows()
{
    return JournalCollector::kBatchBytes / kRowBytes + 1;
}

} // namespace

class tst_JournalSlices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The slice's clock was read every kSliceCheckEvents rows, 16 MiB of payloads at 64 KiB: it is also read at every
    // batch posted (kBatchBytes), so a turn of large rows stops after about a batch's bytes.
    void aTurnOfLargeRowsEndsAfterABatchNotAfterACountOfRows()
    {
        SlicedJournal sliced; // only the finish takes rows
        SessionJournal &journal = sliced.journal;
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("ws://example.test/large"));
        Connection c(options);
        const QString path = journal.attach(&c);
        QVERIFY2(!path.isEmpty(), qPrintable(journal.errorString()));
        constexpr int kRows = 300;
        appendLargeRows(c, kRows);
        std::vector<qsizetype> turns;
        journal.setCollectObserver([&](const Connection *, qsizetype rows) { turns.push_back(rows); });
        QSignalSpy completed(&journal, &SessionJournal::completed);
        Q_EMIT c.finished(); // its end takes one slice at once, the rest on the next turns

        QCOMPARE(turns.size(), size_t(1));
        QVERIFY2(turns.front() <= batchRows(), qPrintable(QString::number(turns.front())));
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, 30000);
        QCOMPARE(std::accumulate(turns.cbegin(), turns.cend(), qsizetype(0)), qsizetype(kRows));
        const qsizetype largest = *std::max_element(turns.cbegin(), turns.cend());
        QVERIFY2(largest <= batchRows(), qPrintable(QString::number(largest)));
        QCOMPARE(withoutHeader(fileBytes(path)), writerLines(c));
    }

    // Each journal takes at least a batch before it looks at the slice, so a turn that went on to the next journals
    // once its slice was spent took a batch from every connection: ten echoing 64 KiB were 50-80 ms of one turn. Now
    // a turn with its slice spent ends, and every connection still gets its turn (the files hold every line).
    void aTurnWithItsSliceSpentLeavesTheOtherConnectionsForTheNext()
    {
        // The timer starts the collection; its next tick comes long after the turns that follow (each the next
        // turn's zero timer), so no pass of the event loop runs two turns.
        SlicedJournal sliced(1000);
        SessionJournal &journal = sliced.journal;
        constexpr int kConnections = 5;
        constexpr int kRows = 60;
        std::vector<std::unique_ptr<Connection>> connections;
        std::vector<QString> paths;
        for (int i = 0; i < kConnections; ++i) {
            ConnectionOptions options;
            options.url = QUrl(QStringLiteral("ws://example.test/c%1").arg(i));
            connections.push_back(std::make_unique<Connection>(options));
            paths.push_back(journal.attach(connections.back().get()));
            QVERIFY2(!paths.back().isEmpty(), qPrintable(journal.errorString()));
        }
        // Which connections each pass of the event loop collected from.
        int pass = 0;
        const QMetaObject::Connection counting = connect(
            QAbstractEventDispatcher::instance(), &QAbstractEventDispatcher::awake, this, [&pass] { ++pass; });
        std::map<int, std::set<const Connection *>> collectedInPass;
        qsizetype total = 0;
        journal.setCollectObserver([&](const Connection *connection, qsizetype rows) {
            collectedInPass[pass].insert(connection);
            total += rows;
        });
        for (const auto &c : connections)
            appendLargeRows(*c, kRows);

        QTRY_COMPARE_WITH_TIMEOUT(total, qsizetype(kConnections) * kRows, 30000);
        disconnect(counting);
        for (const auto &[at, collected] : collectedInPass)
            QVERIFY2(collected.size() == 1,
                qPrintable(QStringLiteral("pass %1 collected from %2 connections").arg(at).arg(collected.size())));
        journal.flush();
        for (int i = 0; i < kConnections; ++i)
            QCOMPARE(withoutHeader(fileBytes(paths.at(i))), writerLines(*connections.at(i)));
    }
};

QTEST_GUILESS_MAIN(tst_JournalSlices)
#include "tst_journalslices.moc"
