// The cost of journaling a proxied connection's two legs (merged by time, LegCursor) against one leg of the same
// number of rows, measured in the same run. Each round journals N message rows twice, alternating: once as an
// ordinary connection (one leg), once as a proxied one (N/2 rows per leg, times alternating between the legs
// as a relay records them). The rows are appended first, then SessionJournal::flush() takes, formats and writes
// them all; its wall time is the journal's whole cost for those rows (GUI thread and writer thread). Prints
// per-round numbers, medians and the ratio. Numbers only.
//
//   bench_journal_legs [N=400000] [ROUNDS=5] [SIZE=32]
//
// Measured here (RelWithDebInfo, 2 cores shared with other builds, load average 4-6), medians of the same run:
//   bench_journal_legs 400000 9 32:   one leg 116.0 ms, two legs 113.7 ms: 0.98x (another run 0.88x)
//   bench_journal_legs 400000 9 1024: one leg 912.0 ms, two legs 890.6 ms: 0.98x
//   (a 5-round run under a load average of 6 read 1.20x: single rounds vary 2-3x with the disk's write-back)
// Walking both legs in time order costs nothing measurable next to formatting and writing the lines.
#include "benchfigures.h"
#include "connection/connection.h"
#include "files/sessionjournal.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

using namespace wsi;
using wsi::bench::median;

namespace {

// Rows appended, then flushed: returns the flush's wall time in ms and the file's size.
double journalOnce(bool proxied, int rows, const QByteArray &payload, const QString &folder, qint64 *bytes)
{
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://upstream.test/"));
    const auto connection = proxied
        ? std::make_unique<Connection>(Connection::Kind::Proxied, options, QStringLiteral("127.0.0.1:1"))
        : std::make_unique<Connection>(options);
    SessionJournal journal;
    journal.setFolder(folder);
    journal.setMaxTotalBytes(0);
    const QString path = journal.attach(connection.get());
    EventRecord r;
    r.type = EventType::Message;
    r.flags = FlagText;
    r.value = quint64(payload.size());
    for (int i = 0; i < rows; ++i) {
        r.timeUs = 1000 + i;
        r.dir = i % 4 < 2 ? Direction::Incoming : Direction::Outgoing;
        if (proxied)
            connection->appendEvent(i % 2 ? ConnectionLeg::Facing::Server : ConnectionLeg::Facing::Client, r, payload);
        else
            connection->appendEvent(r, payload);
    }
    QElapsedTimer timer;
    timer.start();
    journal.flush();
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    *bytes = QFileInfo(path).size();
    QFile::remove(path);
    return ms;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rows = argc > 1 ? std::atoi(argv[1]) : 400000;
    const int rounds = argc > 2 ? std::atoi(argv[2]) : 5;
    const int size = argc > 3 ? std::atoi(argv[3]) : 32;
    const QByteArray payload(size, 'x');
    QTemporaryDir dir;
    std::vector<double> oneLeg, twoLegs;
    for (int round = 0; round < rounds; ++round) {
        qint64 bytesOne = 0, bytesTwo = 0;
        oneLeg.push_back(journalOnce(false, rows, payload, dir.path(), &bytesOne));
        twoLegs.push_back(journalOnce(true, rows, payload, dir.path(), &bytesTwo));
        std::printf("round %d: one leg %.1f ms (%lld bytes), two legs %.1f ms (%lld bytes)\n", round + 1, oneLeg.back(),
            static_cast<long long>(bytesOne), twoLegs.back(), static_cast<long long>(bytesTwo));
    }
    const double one = median(oneLeg), two = median(twoLegs);
    std::printf("median: one leg %.1f ms = %.0f rows/s; two legs %.1f ms = %.0f rows/s; two legs / one leg time: "
                "%.2fx\n",
        one, rows / one * 1000.0, two, rows / two * 1000.0, two / one);
    return 0;
}
