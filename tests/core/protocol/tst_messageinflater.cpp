// Tests for MessageInflater and MessageDeflater: RFC 7692 section 7.2.3's bytes, the window across messages,
// a deflate bomb stopped at the cap, corrupt data, round trips; and the RSV1 frame rules of FrameDecoder.
#include "framedecoderfixtures.h"
#include "protocol/messagedeflater.h"
#include "protocol/messageinflater.h"

#include <QtTest>

using namespace wsi;
using namespace framedecodertest;

class tst_MessageInflater : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inflatesRfcExamples_data();
    void inflatesRfcExamples();
    void sharedWindowInflatesSecondHello();
    void noContextTakeoverForgetsTheWindow();
    void inflatesFrameByFrame();
    void decodedRfcFramesInflate();
    void deflateBombStopsAtTheCap();
    void messageOfExactlyTheCapIsNotABomb();
    void corruptDataIsNamed_data();
    void corruptDataIsNamed();
    void failedInflaterStaysFailed();
    void roundTrips_data();
    void roundTrips();
    void deflaterKeepsOrForgetsTheWindow();
    void countsTheCompressionRatio();
    void rsv1OnControlFrameIsAViolation();
    void rsv1OnContinuationIsAViolation();
    void rsv1WithoutNegotiationIsReservedBit();
};

void tst_MessageInflater::inflatesRfcExamples_data()
{
    QTest::addColumn<QByteArray>("compressed");
    QTest::addColumn<QByteArray>("inflated");
    // RFC 7692 section 7.2.3.1: "Hello" in one compressed frame.
    QTest::newRow("7.2.3.1 Hello") << hex("f248cdc9c90700") << QByteArray("Hello");
    // 7.2.3.3: an uncompressed (stored) DEFLATE block.
    QTest::newRow("7.2.3.3 stored block") << hex("000500faff48656c6c6f00") << QByteArray("Hello");
    // 7.2.3.4: a DEFLATE block with BFINAL set.
    QTest::newRow("7.2.3.4 BFINAL") << hex("f348cdc9c9070000") << QByteArray("Hello");
    // 7.2.3.5: two DEFLATE blocks in one message.
    QTest::newRow("7.2.3.5 two blocks") << hex("f24805000000ffffcac9c90700") << QByteArray("Hello");
    // 7.2.3.6: an empty message, compressed.
    QTest::newRow("7.2.3.6 empty") << hex("00") << QByteArray();
    // zlib's deflate emits nothing for an empty message right after a flush; the tail alone is no block.
    QTest::newRow("no payload at all") << QByteArray() << QByteArray();
}

void tst_MessageInflater::inflatesRfcExamples()
{
    QFETCH(QByteArray, compressed);
    QFETCH(QByteArray, inflated);
    MessageInflater inflater(15, false, 1024);
    QByteArray out;
    QVERIFY2(inflater.inflateMessage(compressed, &out), qPrintable(inflater.violation().describe()));
    QCOMPARE(out, inflated);
    // The window goes on: the same message again still inflates.
    out.clear();
    QVERIFY2(inflater.inflateMessage(compressed, &out), qPrintable(inflater.violation().describe()));
    QCOMPARE(out, inflated);
}

void tst_MessageInflater::sharedWindowInflatesSecondHello()
{
    // RFC 7692 section 7.2.3.2: with context takeover the second "Hello" refers back into the first.
    MessageInflater inflater(15, false, 1024);
    QByteArray first;
    QByteArray second;
    QVERIFY(inflater.inflateMessage(hex("f248cdc9c90700"), &first));
    QVERIFY2(inflater.inflateMessage(hex("f200110000"), &second), qPrintable(inflater.violation().describe()));
    QCOMPARE(first, QByteArray("Hello"));
    QCOMPARE(second, QByteArray("Hello"));
    QCOMPARE(inflater.messages(), quint64(2));
}

void tst_MessageInflater::noContextTakeoverForgetsTheWindow()
{
    // Without the first message's window the back reference reaches nothing: corrupt, and named so.
    MessageInflater inflater(15, true, 1024);
    QByteArray out;
    QVERIFY(inflater.inflateMessage(hex("f248cdc9c90700"), &out));
    out.clear();
    QVERIFY(!inflater.inflateMessage(hex("f200110000"), &out));
    QCOMPARE(inflater.violation().kind, DeflateViolationKind::CorruptCompressedData);
    QVERIFY2(inflater.violation().detail.contains(QLatin1String("distance too far back")),
        qPrintable(inflater.violation().detail));
}

void tst_MessageInflater::inflatesFrameByFrame()
{
    // RFC 7692 section 7.2.3.1, fragmented: 0x41 0x03 f2 48 cd, 0x80 0x04 c9 c9 07 00.
    MessageInflater inflater(15, false, 1024);
    QByteArray out;
    QVERIFY(inflater.feed(hex("f248cd"), &out));
    QVERIFY(inflater.feed(hex("c9c90700"), &out));
    QVERIFY(inflater.finishMessage(&out));
    QCOMPARE(out, QByteArray("Hello"));
}

void tst_MessageInflater::decodedRfcFramesInflate()
{
    // The wire bytes of 7.2.3.1 (fragmented) and 7.2.3.2 through the frame decoder with RSV1 allowed.
    FrameDecoder decoder(Role::ServerToClient);
    decoder.setAllowRsv1(true);
    Recorder recorder;
    decoder.feed(hex("4103f248cd"
                     "8004c9c90700"
                     "c107f248cdc9c90700"
                     "c105f200110000"),
        recorder);
    QVERIFY(!decoder.failed());
    QCOMPARE(recorder.messages.size(), 3);
    QVERIFY(recorder.events.first().contains(QLatin1String("rsv=100")));
    MessageInflater inflater(15, false, 1024);
    for (const QByteArray &message : std::as_const(recorder.messages)) {
        QByteArray out;
        QVERIFY2(inflater.inflateMessage(message, &out), qPrintable(inflater.violation().describe()));
        QCOMPARE(out, QByteArray("Hello"));
    }
}

void tst_MessageInflater::deflateBombStopsAtTheCap()
{
    // 100 MB of zeros compress to about 100 KB; a 1 MiB cap stops inflating there and names the bomb.
    const qsizetype hundredMb = 100 * 1000 * 1000;
    MessageDeflater deflater(15, false, 9);
    const QByteArray bomb = deflater.deflateMessage(QByteArray(hundredMb, '\0'));
    QVERIFY2(bomb.size() < 200 * 1000, qPrintable(QString::number(bomb.size())));
    const quint64 cap = 1024 * 1024;
    MessageInflater inflater(15, false, cap);
    QByteArray out;
    QVERIFY(!inflater.inflateMessage(bomb, &out));
    QCOMPARE(inflater.violation().kind, DeflateViolationKind::DeflateBomb);
    QCOMPARE(DeflateViolation::id(inflater.violation().kind), QStringLiteral("deflate_bomb"));
    QVERIFY(inflater.violation().describe().contains(QLatin1String("deflate bomb")));
    QVERIFY2(inflater.violation().detail.contains(QLatin1String("1048576")), qPrintable(inflater.violation().detail));
    // Memory stayed bounded: the output holds the cap, and was never given room for more.
    QCOMPARE(quint64(out.size()), cap);
    QVERIFY2(quint64(out.capacity()) <= cap, qPrintable(QString::number(out.capacity())));
    QCOMPARE(inflater.inflatedBytes(), cap);
    QVERIFY(out.count('\0') == out.size());
}

void tst_MessageInflater::messageOfExactlyTheCapIsNotABomb()
{
    MessageDeflater deflater(15, false);
    const QByteArray payload = pattern(4096);
    const QByteArray compressed = deflater.deflateMessage(payload);
    MessageInflater exact(15, false, 4096);
    QByteArray out;
    QVERIFY2(exact.inflateMessage(compressed, &out), qPrintable(exact.violation().describe()));
    QCOMPARE(out, payload);
    MessageInflater oneShort(15, false, 4095);
    out.clear();
    QVERIFY(!oneShort.inflateMessage(compressed, &out));
    QCOMPARE(oneShort.violation().kind, DeflateViolationKind::DeflateBomb);
    QCOMPARE(out.size(), 4095);
}

void tst_MessageInflater::corruptDataIsNamed_data()
{
    QTest::addColumn<QByteArray>("compressed");
    QTest::addColumn<QString>("detail");
    // BTYPE 11 is reserved in DEFLATE (RFC 1951 section 3.2.3).
    QTest::newRow("reserved block type") << hex("ff") << QStringLiteral("invalid block type");
    // A stored block whose NLEN is not the complement of LEN.
    QTest::newRow("stored length mismatch") << hex("0005000000") << QStringLiteral("invalid stored block lengths");
    // "Hello" cut in the middle: the tail cannot end it.
    QTest::newRow("cut short") << hex("f248cd") << QStringLiteral("DEFLATE block");
}

void tst_MessageInflater::corruptDataIsNamed()
{
    QFETCH(QByteArray, compressed);
    QFETCH(QString, detail);
    MessageInflater inflater(15, false, 1024);
    QByteArray out;
    QVERIFY(!inflater.inflateMessage(compressed, &out));
    QCOMPARE(inflater.violation().kind, DeflateViolationKind::CorruptCompressedData);
    QCOMPARE(DeflateViolation::id(inflater.violation().kind), QStringLiteral("corrupt_compressed_data"));
    QVERIFY2(inflater.violation().detail.contains(detail), qPrintable(inflater.violation().detail));
    QVERIFY(inflater.violation().describe().contains(QLatin1String("RFC 7692 section 7.2.2")));
}

void tst_MessageInflater::failedInflaterStaysFailed()
{
    MessageInflater inflater(15, false, 1024);
    QByteArray out;
    QVERIFY(!inflater.inflateMessage(hex("ff"), &out));
    QVERIFY(inflater.failed());
    QVERIFY(!inflater.inflateMessage(hex("f248cdc9c90700"), &out));
    QVERIFY(out.isEmpty());
}

void tst_MessageInflater::roundTrips_data()
{
    QTest::addColumn<int>("windowBits");
    QTest::addColumn<bool>("noContextTakeover");
    for (int bits : { 8, 9, 12, 15 }) {
        QTest::addRow("window %d, takeover", bits) << bits << false;
        QTest::addRow("window %d, no takeover", bits) << bits << true;
    }
}

void tst_MessageInflater::roundTrips()
{
    QFETCH(int, windowBits);
    QFETCH(bool, noContextTakeover);
    MessageDeflater deflater(windowBits, noContextTakeover);
    MessageInflater inflater(windowBits, noContextTakeover, 1 << 20);
    const QList<QByteArray> messages { QByteArray("Hello"), QByteArray("Hello"), QByteArray(),
        QByteArray("{\"op\":\"subscribe\",\"channel\":\"ticker\"}").repeated(50), pattern(200000),
        QByteArray("Hello") };
    for (const QByteArray &message : messages) {
        const QByteArray compressed = deflater.deflateMessage(message);
        QVERIFY(deflater.isValid());
        QVERIFY(!compressed.endsWith(hex("0000ffff")));
        QByteArray out;
        QVERIFY2(inflater.inflateMessage(compressed, &out), qPrintable(inflater.violation().describe()));
        QCOMPARE(out, message);
    }
}

void tst_MessageInflater::deflaterKeepsOrForgetsTheWindow()
{
    // With context takeover the second "Hello" is the 5-byte back reference of RFC 7692 section 7.2.3.2.
    MessageDeflater keeping(15, false);
    QCOMPARE(keeping.deflateMessage("Hello"), hex("f248cdc9c90700"));
    QCOMPARE(keeping.deflateMessage("Hello"), hex("f200110000"));
    MessageDeflater forgetting(15, true);
    QCOMPARE(forgetting.deflateMessage("Hello"), hex("f248cdc9c90700"));
    QCOMPARE(forgetting.deflateMessage("Hello"), hex("f248cdc9c90700"));
    // An empty message is the empty stored block of RFC 7692 section 7.2.3.6, never no bytes at all: a receiver
    // that appends the tail to nothing would be left inside a block.
    QCOMPARE(keeping.deflateMessage(QByteArray()), hex("00"));
    QCOMPARE(forgetting.deflateMessage(QByteArray()), hex("00"));
}

void tst_MessageInflater::countsTheCompressionRatio()
{
    MessageInflater inflater(15, false, 1 << 20);
    QByteArray out;
    QVERIFY(inflater.inflateMessage(hex("f248cdc9c90700"), &out));
    QVERIFY(inflater.inflateMessage(hex("f200110000"), &out));
    QCOMPARE(inflater.compressedBytes(), quint64(12));
    QCOMPARE(inflater.inflatedBytes(), quint64(10));
    QCOMPARE(inflater.ratio(), 10.0 / 12.0);
    MessageDeflater deflater(15, false);
    deflater.deflateMessage(QByteArray(10000, 'a'));
    QCOMPARE(deflater.uncompressedBytes(), quint64(10000));
    QVERIFY(deflater.compressedBytes() > 0 && deflater.compressedBytes() < 100);
}

void tst_MessageInflater::rsv1OnControlFrameIsAViolation()
{
    FrameDecoder decoder(Role::ServerToClient);
    decoder.setAllowRsv1(true);
    Recorder recorder;
    decoder.feed(hex("c900"), recorder); // a PING with RSV1
    QVERIFY(decoder.failed());
    QCOMPARE(recorder.violations.size(), 1);
    QCOMPARE(recorder.violations.first().kind, ViolationKind::CompressedControlFrame);
    QCOMPARE(violationId(ViolationKind::CompressedControlFrame), QStringLiteral("compressed_control_frame"));
    QCOMPARE(recorder.violations.first().detail, QStringLiteral("RSV1 set on a PING frame"));
    QVERIFY(recorder.violations.first().describe().contains(QLatin1String("RFC 7692 section 6.1")));
}

void tst_MessageInflater::rsv1OnContinuationIsAViolation()
{
    FrameDecoder decoder(Role::ServerToClient);
    decoder.setAllowRsv1(true);
    Recorder recorder;
    decoder.feed(hex("4103f248cd"
                     "c004c9c90700"),
        recorder);
    QVERIFY(decoder.failed());
    QCOMPARE(recorder.violations.size(), 1);
    QCOMPARE(recorder.violations.first().kind, ViolationKind::CompressedContinuation);
    QCOMPARE(recorder.violations.first().streamOffset, quint64(5));
    QCOMPARE(violationId(ViolationKind::CompressedContinuation), QStringLiteral("compressed_continuation"));
}

void tst_MessageInflater::rsv1WithoutNegotiationIsReservedBit()
{
    FrameDecoder decoder(Role::ServerToClient);
    Recorder recorder;
    decoder.feed(hex("c107f248cdc9c90700"), recorder);
    QVERIFY(decoder.failed());
    QCOMPARE(recorder.violations.first().kind, ViolationKind::ReservedBitSet);
}

QTEST_GUILESS_MAIN(tst_MessageInflater)
#include "tst_messageinflater.moc"
