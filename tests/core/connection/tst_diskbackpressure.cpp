// A disk that is behind slows the producers, never the GUI thread (issue 12): while the spill writer holds more than
// the cache's disk reserve, an outgoing connection's tap stops reading its flooding server (TCP holds the sender),
// what the writer holds stays bounded, and the GUI thread never waits for the disk below the hard mark; once the
// writer catches up the tap reads on, and every message arrives, byte for byte, in order. The local server's relay
// holds a flooding client back the same way, on the server thread.
#include "capture/capturethread.h"
#include "capture/taphandle.h"
#include "capture/wiretap.h"
#include "capturethreadcall.h"
#include "connection/connection.h"
#include "connection/workspace.h"
#include "peerprocess.h"
#include "server/localserver.h"
#include "store/diskbacklog.h"
#include "store/payloadcache.h"
#include "store/spillwriter.h"

#include <QProcess>
#include <QTest>
#include <QThread>

using namespace wsi;

namespace {

constexpr qint64 kMiB = qint64(1) << 20;

// Message `number` of ws_server.py's "flood COUNT SIZE": "0001 xxx...", SIZE bytes.
QByteArray floodMessage(int number, int size)
{
    const QByteArray head = QByteArray::number(number).rightJustified(4, '0') + ' ';
    return head + QByteArray(size - head.size(), 'x');
}

} // namespace

class tst_DiskBackPressure : public QObject
{
    Q_OBJECT

private:
    PeerProcess m_server;

    // The cache's spill writer, made by spilling a store of its own (the writer comes with the first spill).
    static SpillWriter *cacheWriter()
    {
        EventStore store;
        EventRecord r;
        r.type = EventType::Info;
        const QByteArray payload(1000, 'p');
        for (qint64 stored = 0; stored < 2 * PayloadCache::instance().budget(); stored += payload.size())
            store.append(r, payload);
        PayloadCache::instance().trim();
        SpillWriter *writer = SpillWriter::ofPayloadCache();
        if (writer)
            writer->waitUntilIdle();
        return writer;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")),
            "python3-websockets server did not start");
    }

    void cleanup()
    {
        if (SpillWriter *writer = SpillWriter::ofPayloadCache())
            writer->resume();
        PayloadCache::instance().setBudget(PayloadCache::kDefaultBudget);
        QTRY_VERIFY(!CaptureThread::isRunning());
    }

    // Every message of a flood, in order and byte for byte, from row `firstRow` on (the spilled ones read back).
    static void verifyFlood(const Connection &c, qsizetype firstRow, int count, int size, const QByteArray &last)
    {
        int next = 1;
        for (qsizetype row = firstRow; row < c.events().size(); ++row) {
            const EventRecord r = c.events().at(row);
            if (r.dir != Direction::Incoming || r.type != EventType::Message)
                continue;
            const QByteArray expected = next <= count ? floodMessage(next, size) : last;
            QVERIFY2(c.events().payload(row).toByteArray() == expected, qPrintable(QString::number(next)));
            ++next;
        }
        QCOMPARE(next, count + 1 + (last.isEmpty() ? 0 : 1));
    }

    // Waits until no message arrived for half a second and returns how many did.
    static quint64 settledMessagesIn(const Connection &c)
    {
        quint64 arrived = c.counters().messagesIn;
        for (int quiet = 0; quiet < 5;) {
            QTest::qWait(100);
            const quint64 now = c.counters().messagesIn;
            quiet = now == arrived ? quiet + 1 : 0;
            arrived = now;
        }
        return arrived;
    }

    void aSpillWriterBehindHoldsAFloodingTapBackUntilItCatchesUp()
    {
        PayloadCache &cache = PayloadCache::instance();
        cache.setBudget(16 * kMiB); // a 4 MiB disk reserve, a 16 MiB hard mark
        SpillWriter *writer = cacheWriter();
        QVERIFY(writer);
        ConnectionOptions options;
        options.url = QUrl(m_server.url(QStringLiteral("/pushback")));
        Connection c(options);
        c.open();
        QTRY_VERIFY_WITH_TIMEOUT(c.state() == Connection::State::Open, 10000);
        TapHandle *handle = c.findChild<TapHandle *>();
        QVERIFY(handle);

        const quint64 spells = DiskBacklog::instance().spells();
        const qint64 waits = cache.diskWaits();
        const qint64 evictions = cache.evictions();
        const qsizetype firstRow = c.events().size();
        writer->pause(); // the disk stalls
        constexpr int kCount = 200000; // 60 MB of 300-byte messages: far more than the budget and the reserve
        constexpr int kSize = 300;
        QVERIFY(c.sendText(QStringLiteral("flood %1 %2").arg(kCount).arg(kSize)));

        // The writer falls behind; then nothing more arrives while it is stopped (a stopped writer never drains, so
        // once the tap stops, it stays stopped).
        QTRY_VERIFY_WITH_TIMEOUT(DiskBacklog::instance().isBehind(), 60000);
        const quint64 arrived = settledMessagesIn(c);
        QVERIFY2(arrived < quint64(kCount), qPrintable(QString::number(arrived)));
        // The tap left the server's bytes unread (TCP holds the sender back).
        QVERIFY(onCaptureThread(handle, [](WireTap *tap) { return tap->readsHeldForDisk(); }) > 0);
        QVERIFY(cache.evictions() > evictions);
        // Bounded: the reserve, plus what the tap had read before it stopped (its 512 KiB bound and a read) recorded
        // into a payload chunk and a record block of a few MiB each, far below the hard mark.
        const qint64 held = writer->heldBytes();
        qInfo("stopped after %llu of %d messages; the writer holds %lld bytes (reserve %lld, hard mark %lld)",
            qulonglong(arrived), kCount, qlonglong(held), qlonglong(cache.diskReserve()),
            qlonglong(cache.diskHardMark()));
        QVERIFY2(held > cache.diskReserve(), qPrintable(QString::number(held)));
        QVERIFY2(held <= cache.diskReserve() + 8 * kMiB, qPrintable(QString::number(held)));
        QVERIFY(held < cache.diskHardMark());
        QCOMPARE(cache.diskWaits(), waits); // the GUI thread never waited for the disk

        // The disk catches up: the tap is woken and reads on, to the end.
        writer->resume();
        QTRY_COMPARE_WITH_TIMEOUT(c.counters().messagesIn, quint64(kCount + 1), 120000);
        QVERIFY(DiskBacklog::instance().spells() > spells);
        QCOMPARE(cache.diskWaits(), waits);
        QVERIFY2(
            writer->heldBytes() <= cache.diskReserve() + 8 * kMiB, qPrintable(QString::number(writer->heldBytes())));

        // Every message, in order and byte for byte, the spilled ones read back from the spill file.
        const qint64 readBacks = cache.readBacks();
        verifyFlood(c, firstRow, kCount, kSize, QByteArrayLiteral("flood done"));
        QVERIFY2(cache.readBacks() > readBacks, "the flood was spilled and read back");
    }

    void aSpillWriterBehindHoldsAFloodingServerClientBack()
    {
        PayloadCache &cache = PayloadCache::instance();
        cache.setBudget(16 * kMiB);
        SpillWriter *writer = cacheWriter();
        QVERIFY(writer);
        Workspace workspace;
        LocalServer server(&workspace);
        ServerOptions options;
        options.mode = ServerMode::Silent; // the relay only reads: what it records is the client's flood
        QString error;
        QVERIFY2(server.start(options, &error), qPrintable(error));

        const quint64 spells = DiskBacklog::instance().spells();
        const qint64 waits = cache.diskWaits();
        writer->pause(); // the disk stalls
        constexpr int kCount = 100000; // 30 MB of 300-byte messages: more than the budget and the reserve
        constexpr int kSize = 300;
        QProcess client;
        client.setProcessChannelMode(QProcess::MergedChannels);
        client.start(QStringLiteral(WSI_SYSTEM_PYTHON),
            { QStringLiteral(WSI_TEST_PEERS_DIR "/ws_client.py"), server.url().toString(), QStringLiteral("--flood"),
                QString::number(kCount), QString::number(kSize) });
        QVERIFY(client.waitForStarted(5000));
        QTRY_COMPARE_WITH_TIMEOUT(server.clients().size(), 1, 10000);
        const Connection &c = *server.clients().first();

        // The relay stops reading the client on the server thread while the writer is behind (TCP holds the client
        // back), so the flood stops arriving, what the writer holds stays bounded and the GUI thread never waits.
        QTRY_VERIFY_WITH_TIMEOUT(DiskBacklog::instance().isBehind(), 30000);
        const quint64 arrived = settledMessagesIn(c);
        QVERIFY2(arrived < quint64(kCount), qPrintable(QString::number(arrived)));
        const qint64 held = writer->heldBytes();
        qInfo("the server's client stopped after %llu of %d messages; the writer holds %lld bytes", qulonglong(arrived),
            kCount, qlonglong(held));
        QVERIFY2(held <= cache.diskReserve() + 8 * kMiB, qPrintable(QString::number(held)));
        QCOMPARE(cache.diskWaits(), waits);

        // The disk catches up: the relay reads on, to the end.
        writer->resume();
        QTRY_COMPARE_WITH_TIMEOUT(c.counters().messagesIn, quint64(kCount), 60000);
        QVERIFY(DiskBacklog::instance().spells() > spells);
        QCOMPARE(cache.diskWaits(), waits);
        // Finished by now or soon (waitForFinished() is false for a process the event loop already saw end).
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), QProcess::NotRunning, 30000);
        QVERIFY2(!client.readAll().contains("ERROR"), "the client's flood failed");
        verifyFlood(c, 0, kCount, kSize, QByteArray());
    }
};

QTEST_GUILESS_MAIN(tst_DiskBackPressure)
#include "tst_diskbackpressure.moc"
