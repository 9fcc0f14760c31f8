// SessionJournal behind a flood that the payload cache spilled: the journal's collection leaves reading the spilled
// record blocks and payload chunks back to the spill reader's thread (the GUI thread read 10 MiB blocks back, 30-46 ms
// of CPU in one turn, issue 12), and the file still holds every line byte for byte.
#include "connection/connection.h"
#include "files/sessionjournal.h"
#include "journalfiles.h"
#include "store/payloadcache.h"
#include "store/spillreader.h"
#include "store/spillwriter.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace wsi;

namespace {

constexpr qint64 kMiB = qint64(1) << 20;

// Far more than the cache's budget: records of 40 bytes and payloads of 40-60 bytes each.
constexpr int kFlood = 150000;

void appendFlood(Connection &c)
{
    for (int i = 0; i < kFlood; ++i) {
        const QByteArray text = "flood " + QByteArray::number(i) + QByteArray(i % 29, char('a' + i % 26)) + " \"q\"";
        appendText(c, i % 2 ? Direction::Incoming : Direction::Outgoing, text, 1000 + i);
    }
}

ConnectionOptions optionsFor(const QString &url)
{
    ConnectionOptions options;
    options.url = QUrl(url);
    return options;
}

// A journal that has taken nothing yet (its timer set far off), attached to a connection that recorded the flood,
// which the cache has spilled by now.
struct JournalBehindAFlood
{
    explicit JournalBehindAFlood(const QString &url)
        : connection(optionsFor(url))
    {
        journal.setFolder(dir.path());
        journal.setFlushIntervalMs(60000);
        path = journal.attach(&connection);
        if (path.isEmpty())
            return;
        appendFlood(connection);
        PayloadCache::instance().trim();
    }

    QTemporaryDir dir;
    SessionJournal journal;
    Connection connection; // destroyed before the journal, as a window's connection is
    QString path;
};

} // namespace

class tst_JournalSpilledRows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { PayloadCache::instance().setBudget(2 * kMiB); }
    void cleanupTestCase() { PayloadCache::instance().setBudget(PayloadCache::kDefaultBudget); }

    // The flood is recorded while the journal takes nothing (its timer set far off), and the cache spills it; then
    // the journal catches up a slice a turn, as in the window. Not one block or chunk is read back on this thread
    // (PayloadCache::readBacks), the spill reader read them (fetches), and the file equals what SessionLogWriter
    // writes for every row, payloads included.
    void aJournalFarBehindTheCacheReadsNothingBackOnItsThread()
    {
        PayloadCache &cache = PayloadCache::instance();
        JournalBehindAFlood behind(QStringLiteral("ws://example.test/spilled"));
        SessionJournal &journal = behind.journal;
        Connection &c = behind.connection;
        QVERIFY2(!behind.path.isEmpty(), qPrintable(journal.errorString()));
        SpillWriter *writer = SpillWriter::ofPayloadCache();
        QVERIFY2(writer, "the flood was spilled");
        writer->waitUntilIdle();
        QVERIFY2(cache.spilledBytes() > 4 * kMiB, qPrintable(QString::number(cache.spilledBytes())));

        const qint64 readBacks = cache.readBacks();
        const qint64 fetches = cache.fetches();
        QSignalSpy completed(&journal, &SessionJournal::completed);
        journal.setFlushIntervalMs(5);
        Q_EMIT c.finished(); // the rest a slice a turn, then the file is closed
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, 60000);
        QCOMPARE(cache.readBacks() - readBacks, qint64(0));
        QVERIFY2(cache.fetches() - fetches > 0, "the spilled rows were read back by the spill reader");

        // Read here only now, for the comparison (reading back in place).
        QCOMPARE(withoutHeader(fileBytes(behind.path)), writerLines(c));
    }

    // flush() (the window's exit, the Previous Sessions dialog) must have every row now: it reads what is spilled in
    // place, as before, and still writes every line.
    void flushTakesSpilledRowsAtOnce()
    {
        JournalBehindAFlood behind(QStringLiteral("ws://example.test/flushed"));
        QVERIFY2(!behind.path.isEmpty(), qPrintable(behind.journal.errorString()));
        SpillWriter::ofPayloadCache()->waitUntilIdle();
        behind.journal.flush();
        QCOMPARE(withoutHeader(fileBytes(behind.path)), writerLines(behind.connection));
    }
};

QTEST_GUILESS_MAIN(tst_JournalSpilledRows)
#include "tst_journalspilledrows.moc"
