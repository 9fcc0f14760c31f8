// The GUI thread's share of journaling a flood of small messages (issue 12): JournalCollector::collect taking every
// row of a connection into the writer's batches, as SessionJournal's turns do during a flood (bounded by the writer,
// spilled rows read elsewhere), timed on the collecting thread alone (the writer thread formats and writes
// elsewhere), each round over the same connection. The connection holds ROWS/2 single-frame text messages of SIZE
// bytes, each as a Frame row (its 2-byte header) and a Message row, as the window records them with frames shown.
// Prints the collecting thread's CPU time per row, per round and the median. Numbers only: run it against another
// build's library (LD_LIBRARY_PATH=<build>/app/core) for the ratio, alternating.
//
//   bench_journal_collect [ROWS=2000000] [ROUNDS=5] [SIZE=32]
//
// Measured here (2026-12-06, Release, load 2.3-3.2, pinned with taskset -c 1: unpinned, rounds spread 2x), 2000000 7:
// JournalBatchBytes and no per-row prefetch 47.8-75.5 ns per row, main at 01abf2b 62.9-110.2 ns: 0.58-0.87x in six
// alternating pairs (docs/architecture.md, "The journal's collection per small row").
#include "benchfigures.h"
#include "connection/connection.h"
#include "files/journalcollector.h"
#include "files/journalwriter.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <memory>
#include <vector>

using namespace wsi;
using wsi::bench::median;
using wsi::bench::threadCpuUs;

namespace {

void appendRow(Connection &c, EventType type, const QByteArray &payload, qint64 t, quint64 value, quint8 flags)
{
    EventRecord r;
    r.type = type;
    r.dir = Direction::Incoming;
    r.timeUs = t;
    r.value = value;
    r.sub = 1;
    r.flags = flags;
    c.appendEvent(r, payload);
}

void fill(Connection &c, qsizetype rows, int size)
{
    const QByteArray header = QByteArray(1, char(0x81)) + char(size);
    for (qsizetype i = 0; i < rows / 2; ++i) {
        QByteArray payload(size, 'x');
        payload[0] = char('a' + i % 26);
        appendRow(c, EventType::Frame, header, 1000 + i, quint64(size), 0);
        appendRow(c, EventType::Message, payload, 1000 + i, quint64(size), FlagText);
    }
}

// CPU microseconds of the collecting thread per row, every row of the connection journaled once.
double runOnce(const Connection &c, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) // the writer appends to the journal SessionJournal made
        return 0;
    file.close();
    JournalWriter writer;
    JournalCollector collector(writer);
    LegCursor::Position taken;
    double cpu = 0;
    while (taken.lines() < c.events().size()) {
        const QDeadlineTimer slice(8);
        const double before = threadCpuUs();
        const JournalCollector::Outcome outcome
            = collector.collect(c, 1, path, taken, slice, true, {}, JournalCollector::SpilledRows::ReadElsewhere);
        cpu += threadCpuUs() - before;
        if (outcome == JournalCollector::Outcome::WriterBehind || outcome == JournalCollector::Outcome::WaitingForSpill)
            QThread::msleep(1);
    }
    writer.waitUntilIdle();
    return cpu / double(c.events().size());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qsizetype rows = argc > 1 ? QByteArray(argv[1]).toLongLong() : 2000000;
    const int rounds = argc > 2 ? QByteArray(argv[2]).toInt() : 5;
    const int size = argc > 3 ? QByteArray(argv[3]).toInt() : 32;
    QTemporaryDir folder;
    if (!folder.isValid() || size < 1 || size > 125) {
        std::fprintf(stderr, "bench_journal_collect: no temporary folder, or SIZE not in 1..125\n");
        return 1;
    }
    const QString path = folder.filePath(QStringLiteral("journal.jsonl"));
    std::printf("bench_journal_collect: %lld rows (frames and messages of %d bytes), %d rounds\n",
        static_cast<long long>(rows), size, rounds);
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://example.test/collect"));
    Connection c(options);
    fill(c, rows, size); // once: collecting does not change the connection
    std::vector<double> perRow;
    for (int round = 0; round < rounds; ++round) {
        perRow.push_back(runOnce(c, path));
        std::printf("round %d: %.1f ns CPU per row collected\n", round + 1, perRow.back() * 1000);
        std::fflush(stdout);
    }
    std::printf("median: %.1f ns CPU per row collected\n", median(perRow) * 1000);
    return 0;
}
