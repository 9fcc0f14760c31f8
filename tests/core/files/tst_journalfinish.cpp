// SessionJournal at a connection's end: the rows not taken yet go to the writer a slice per turn of the event loop,
// as during the flood, and completed() says when the file holds them all; a connection removed right after its end
// loses no line.
#include "connection/connection.h"
#include "connection/workspace.h"
#include "files/journalcollector.h"
#include "files/sessionjournal.h"
#include "journalfiles.h"
#include "slicedjournal.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <numeric>
#include <vector>

using namespace wsi;

namespace {

// Under the 16,384 rows the finish used to take in one turn, before waiting for the writer to write them.
constexpr int kBacklog = 10000;

void appendBacklog(Connection &c)
{
    for (int i = 0; i < kBacklog; ++i)
        appendText(c, i % 2 ? Direction::Incoming : Direction::Outgoing, "backlog " + QByteArray::number(i), 1000 + i);
}

} // namespace

class tst_JournalFinish : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The end of a flood held the window 124 ms in one turn (issue 12): the finish took up to 16,384 rows at once
    // and waited for the writer. Now each turn takes one slice (the least here: kSliceCheckEvents rows), the finish
    // returns without the file being complete, and completed() follows once it is, with every line in order.
    void finishTakesTheBacklogASliceATurn()
    {
        SlicedJournal sliced; // only the finish takes rows
        SessionJournal &journal = sliced.journal;
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("ws://example.test/finish"));
        Connection c(options);
        const QString path = journal.attach(&c);
        QVERIFY2(!path.isEmpty(), qPrintable(journal.errorString()));
        appendBacklog(c);
        std::vector<qsizetype> turns;
        journal.setCollectObserver([&](const Connection *connection, qsizetype rows) {
            QCOMPARE(connection, &c);
            turns.push_back(rows);
        });
        QSignalSpy completed(&journal, &SessionJournal::completed);
        Q_EMIT c.finished(); // what the connection emits at its end

        // Handled: one slice taken, the file not complete.
        QCOMPARE(turns.size(), size_t(1));
        QVERIFY2(turns.front() <= JournalCollector::kSliceCheckEvents, qPrintable(QString::number(turns.front())));
        QVERIFY(completed.isEmpty());
        QVERIFY(fileBytes(path).count('\n') < kBacklog);

        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, 30000);
        QCOMPARE(completed.at(0).at(0).value<Connection *>(), &c);
        QCOMPARE(completed.at(0).at(1).toString(), path);
        QCOMPARE(std::accumulate(turns.cbegin(), turns.cend(), qsizetype(0)), qsizetype(kBacklog));
        const qsizetype largest = *std::max_element(turns.cbegin(), turns.cend());
        QVERIFY2(largest <= JournalCollector::kSliceCheckEvents, qPrintable(QString::number(largest)));
        QVERIFY(turns.size() >= size_t(kBacklog / JournalCollector::kSliceCheckEvents));
        QCOMPARE(withoutHeader(fileBytes(path)), writerLines(c));
    }

    // The window removes a connection (deleted on the next turn) right after its end: the rows the slices did not
    // take yet are taken then, so the file still holds every one.
    void aConnectionRemovedRightAfterItsEndLosesNoLine()
    {
        SlicedJournal sliced;
        SessionJournal &journal = sliced.journal;
        Workspace workspace;
        journal.attachWorkspace(&workspace);
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("ws://example.test/removed"));
        auto *c = new Connection(options);
        workspace.addConnection(c);
        const QString path = journal.filePathFor(c);
        QVERIFY(!path.isEmpty());
        appendBacklog(*c);
        QSignalSpy completed(&journal, &SessionJournal::completed);
        Q_EMIT c->finished();
        QVERIFY(fileBytes(path).count('\n') < kBacklog);
        const QByteArray expected = writerLines(*c);
        workspace.removeConnection(c); // deleted later: the rest must be taken now
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, 30000);
        QCOMPARE(completed.at(0).at(1).toString(), path);
        QCOMPARE(withoutHeader(fileBytes(path)), expected);
    }

    // What frees a flood's batches (the writer thread) leaves them in glibc's free lists: the journal tells its
    // heap trimmer about every batch it hands over, so that those pages go back once the flood calmed.
    void batchesAreNotedForTheHeapTrimmer()
    {
        QTemporaryDir dir;
        SessionJournal journal;
        journal.setFolder(dir.path());
        Connection c(ConnectionOptions {});
        QVERIFY(!journal.attach(&c).isEmpty());
        QCOMPARE(journal.heapTrimmer().pendingBytes(), qint64(0));
        appendBacklog(c);
        journal.flush();
        // At least the payloads ("backlog N", 9-12 bytes each) went by.
        QVERIFY2(journal.heapTrimmer().pendingBytes() >= qint64(kBacklog) * 9,
            qPrintable(QString::number(journal.heapTrimmer().pendingBytes())));
    }
};

QTEST_GUILESS_MAIN(tst_JournalFinish)
#include "tst_journalfinish.moc"
