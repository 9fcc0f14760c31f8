// JournalCollector takes a flood of small rows with little per-row work (issue 12): their payloads noted and copied
// into the batch at once (JournalBatchBytes), the proxy's marks and the spill reader asked only when there can be
// something to find. The journal must not change by a byte: each case writes through the collector and compares the
// file with the lines SessionLogWriter writes for the same rows one by one, across record block and payload chunk
// boundaries, with lines formatted on the GUI thread and proxy marks in the middle of a run, spilled rows, messages
// the session budget cut, and both legs of a proxied connection.
#include "connection/connection.h"
#include "connection/proxiedtransport.h"
#include "files/journalcollector.h"
#include "files/journalwriter.h"
#include "files/legcursor.h"
#include "journalfiles.h"
#include "proxiedrecord.h"
#include "store/payloadcache.h"
#include "store/spillwriter.h"
#include "wireframe.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace wsi;
using Facing = ConnectionLeg::Facing;

namespace {

constexpr qint64 kMiB = qint64(1) << 20;

ConnectionOptions optionsFor(const char *url)
{
    ConnectionOptions options;
    options.url = QUrl(QString::fromLatin1(url));
    return options;
}

// A small payload that differs from row to row (an echo of the previous one would share its bytes in the store).
QByteArray smallPayload(int i, int size)
{
    QByteArray payload = QByteArray::number(i) + ' ';
    while (payload.size() < size)
        payload += char('a' + (i + payload.size()) % 26);
    return payload.left(size);
}

// A single-frame text message as the window records it with frames shown: its Frame row (the 2-byte header) and its
// Message row.
void appendFrameAndText(Connection &c, Direction dir, const QByteArray &text, qint64 t)
{
    const QByteArray header = QByteArray(1, char(0x81)) + char(text.size() < 126 ? text.size() : 126);
    appendEvent(c, EventType::Frame, dir, header, t, quint64(text.size()), 1, 0);
    appendText(c, dir, text, t);
}

// The lines SessionLogWriter writes for every row of the connection, one by one, on both legs in the journal's order.
QByteArray linesOneByOne(const Connection &c)
{
    QByteArray lines;
    LegCursor rows(c, {});
    while (!rows.atEnd()) {
        const LegCursor::Row row = rows.next();
        lines += SessionLogWriter::eventLine(c, row.leg->facing, row.index);
    }
    return lines;
}

// Journals every row of the connection through JournalCollector as SessionJournal's turns do during a flood (bounded,
// spilled rows left to the spill reader, a short slice), and returns the file once the writer is done.
QByteArray collectAll(const Connection &c)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.jsonl"));
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
    }
    JournalWriter writer;
    JournalCollector collector(writer);
    LegCursor::Position taken;
    while (taken.lines() < LegCursor::end(c).lines()) {
        const JournalCollector::Outcome outcome = collector.collect(
            c, 1, path, taken, QDeadlineTimer(2), true, {}, JournalCollector::SpilledRows::ReadElsewhere);
        if (outcome != JournalCollector::Outcome::AllTaken && outcome != JournalCollector::Outcome::Sliced)
            QTest::qWait(2); // the writer catches up, the spill reader reads back
    }
    writer.waitUntilIdle();
    return fileBytes(path);
}

} // namespace

class tst_JournalSmallRows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup()
    {
        PayloadCache::instance().setBudget(PayloadCache::kDefaultBudget);
        PayloadCache::instance().setSessionBudget(PayloadCache::kDefaultSessionBudget);
    }

    // 30,000 messages: more records than the first record block holds (16,384) and payload chunks from 512 bytes up,
    // so runs cross both; a handshake line (formatted on the GUI thread, copied between noted payloads), an info row
    // and proxy marks sit in the middle of runs.
    void smallRowsAcrossBlocksAndChunksWithFormattedLinesAndMarks()
    {
        QCOMPARE(PayloadCache::instance().spilledBytes(), qint64(0)); // nothing spilled: the spill reader is not asked
        Connection c(optionsFor("ws://example.test/small"));
        ProxyMark dropped;
        dropped.action = ProxyMark::Action::Dropped;
        for (int i = 0; i < 30000; ++i) {
            appendFrameAndText(c, i % 3 ? Direction::Incoming : Direction::Outgoing, smallPayload(i, 32), 1000 + i);
            if (i % 9000 == 4500)
                c.markLastEvent(dropped);
            if (i == 7000)
                appendEvent(c, EventType::HandshakeRequest, Direction::Outgoing, "GET / HTTP/1.1\r\n\r\n", 1000 + i);
            if (i == 20000)
                appendEvent(c, EventType::Info, Direction::Incoming, "in the middle", 1000 + i);
        }
        const QByteArray expected = linesOneByOne(c);
        QVERIFY(expected.contains("\"proxy_action\":\"dropped\""));
        QVERIFY(expected.contains("in the middle"));
        const QByteArray written = collectAll(c);
        QCOMPARE(written.count('\n'), expected.count('\n'));
        QVERIFY(written == expected);
    }

    // Far more than the cache's budget, spilled before the collection starts: the rows are read back by the spill
    // reader while the collection waits, and the file is the same.
    void spilledSmallRowsReadBackElsewhere()
    {
        PayloadCache &cache = PayloadCache::instance();
        cache.setBudget(2 * kMiB);
        Connection c(optionsFor("ws://example.test/spilled"));
        for (int i = 0; i < 120000; ++i)
            appendFrameAndText(c, i % 2 ? Direction::Incoming : Direction::Outgoing, smallPayload(i, 40), 1000 + i);
        cache.trim();
        SpillWriter *spill = SpillWriter::ofPayloadCache();
        QVERIFY2(spill, "the rows were spilled");
        spill->waitUntilIdle();
        QVERIFY2(cache.spilledBytes() > 4 * kMiB, qPrintable(QString::number(cache.spilledBytes())));
        const qint64 readBacks = cache.readBacks();
        const qint64 fetches = cache.fetches();
        const QByteArray written = collectAll(c);
        QCOMPARE(cache.readBacks() - readBacks, qint64(0)); // nothing read back on this thread
        QVERIFY(cache.fetches() - fetches > 0);
        QVERIFY(written == linesOneByOne(c)); // read back here, for the comparison
    }

    // Past the session budget a message keeps its first EventStore::kKeptBytes: its line says so, as one by one.
    void messagesCutByTheSessionBudget()
    {
        PayloadCache::instance().setSessionBudget(256 * 1024);
        Connection c(optionsFor("ws://example.test/budget"));
        for (int i = 0; i < 400; ++i)
            appendFrameAndText(c, Direction::Incoming, smallPayload(i, i % 2 ? 2000 : 32), 1000 + i);
        QVERIFY(c.events().budgetReached());
        const QByteArray expected = linesOneByOne(c);
        QVERIFY(collectAll(c) == expected);
    }

    // Both legs of a proxied connection, merged by time, with a mark on each leg.
    void bothLegsOfAProxiedConnection()
    {
        const std::unique_ptr<Connection> proxied(proxiedRecord("hello", "hello"));
        ProxiedTransport *legs = proxied->proxied();
        ProxyMark replaced;
        replaced.action = ProxyMark::Action::Replaced;
        for (int i = 0; i < 3000; ++i) {
            const QByteArray text = smallPayload(i, 32);
            legs->recordLeg(Facing::Client, Direction::Incoming, 3000 + 4 * i, wireFrame(0x81, text, 0x11223344u));
            legs->recordLeg(Facing::Server, Direction::Outgoing, 3001 + 4 * i, wireFrame(0x81, text, 0x55667788u));
            legs->recordLeg(Facing::Server, Direction::Incoming, 3002 + 4 * i, wireFrame(0x81, text));
            legs->recordLeg(Facing::Client, Direction::Outgoing, 3003 + 4 * i, wireFrame(0x81, text));
        }
        legs->markMessage(Facing::Client, Direction::Incoming, 1500, replaced);
        legs->markMessage(Facing::Server, Direction::Incoming, 2500, replaced);
        const QByteArray expected = linesOneByOne(*proxied);
        QVERIFY(expected.contains("\"leg\":\"client\""));
        QVERIFY(expected.contains("\"leg\":\"server\""));
        QCOMPARE(expected.count("\"proxy_action\":\"replaced\""), qsizetype(2));
        QVERIFY(collectAll(*proxied) == expected);
    }
};

QTEST_GUILESS_MAIN(tst_JournalSmallRows)
#include "tst_journalsmallrows.moc"
