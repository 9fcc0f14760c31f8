// JournalCollector lends large payloads to the writer thread instead of copying them (EventStore::lendPayload):
// copying the window's test server's 64 KiB echoes into the journal's batches was a third of its GUI thread
// (issue 12). The journal holds the same lines byte for byte, also when the connection is gone before the writer
// wrote them; small payloads are still copied.
#include "connection/connection.h"
#include "files/journalcollector.h"
#include "files/journalwriter.h"
#include "journalfiles.h"

#include <QTemporaryDir>
#include <QTest>

using namespace wsi;

namespace {

struct Collected
{
    qint64 lentBytes = 0;
    QByteArray expected; // the connection's lines, taken before it went
    QByteArray written; // the journal file after the writer finished
};

// A connection with `rows` messages of `size` bytes, collected at once, deleted before the writer is waited for.
Collected collect(int rows, qsizetype size)
{
    Collected result;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.jsonl"));
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return result;
    }
    JournalWriter writer;
    JournalCollector collector(writer);
    {
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("ws://example.test/lent"));
        auto c = std::make_unique<Connection>(options);
        for (int i = 0; i < rows; ++i) {
            QByteArray payload(size, Qt::Uninitialized);
            for (qsizetype j = 0; j < size; ++j)
                payload[j] = char('a' + (i * 7 + j) % 26);
            appendText(*c, i % 2 ? Direction::Incoming : Direction::Outgoing, payload, 1000 + i);
        }
        result.expected = writerLines(*c);
        LegCursor::Position taken;
        const JournalCollector::Outcome outcome
            = collector.collect(*c, 1, path, taken, QDeadlineTimer(QDeadlineTimer::Forever), false);
        if (outcome != JournalCollector::Outcome::AllTaken)
            return result;
        // Gone (its store and arena freed) while the writer still has most of the batches to write.
    }
    writer.waitUntilIdle();
    result.lentBytes = collector.lentBytes();
    result.written = fileBytes(path);
    return result;
}

} // namespace

class tst_JournalLending : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void largePayloadsAreLentAndWrittenByteExactAfterTheConnectionWent()
    {
        constexpr int kRows = 300; // 19 MiB: the writer is still at it when the connection goes
        constexpr qsizetype kSize = 64 * 1024 - 1;
        const Collected c = collect(kRows, kSize);
        QCOMPARE(c.lentBytes, qint64(kRows) * kSize);
        QVERIFY(!c.expected.isEmpty());
        QCOMPARE(c.written.size(), c.expected.size());
        QVERIFY(c.written == c.expected);
    }

    void smallPayloadsAreCopied()
    {
        const Collected c = collect(2000, 32);
        QCOMPARE(c.lentBytes, qint64(0));
        QVERIFY(!c.expected.isEmpty());
        QVERIFY(c.written == c.expected);
    }

    void aMessageOfManyMegabytesIsLentWhole()
    {
        const Collected c = collect(3, 3 * 1024 * 1024); // adopted or a chunk of its own
        QCOMPARE(c.lentBytes, qint64(3) * 3 * 1024 * 1024);
        QVERIFY(c.written == c.expected);
    }
};

QTEST_GUILESS_MAIN(tst_JournalLending)
#include "tst_journallending.moc"
