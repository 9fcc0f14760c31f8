#include "protocol/frameboundaryscanner.h"
#include "wireframe.h"

#include <QtTest>

#include <optional>

using namespace wsi;

namespace {

QByteArray hex(const char *h)
{
    return QByteArray::fromHex(h);
}

QByteArray pattern(int size)
{
    QByteArray out(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        out[i] = char(i * 7 + 3);
    return out;
}

struct Cut
{
    QStringList headers; // one line per frame: what its header says
    QList<QByteArray> frames; // the frames' bytes as cut
    QByteArray rest; // what was left, not a whole frame
};

// Feeds the stream in pieces split at the given offsets, cutting frames after every piece as a relay does.
Cut cutAll(const QByteArray &stream, const QList<qsizetype> &splits = {})
{
    FrameBoundaryScanner scanner;
    Cut cut;
    qsizetype from = 0;
    QList<qsizetype> ends = splits;
    ends << stream.size();
    for (const qsizetype end : std::as_const(ends)) {
        scanner.append(QByteArrayView(stream).sliced(from, end - from));
        from = end;
        FrameHeader h;
        QByteArrayView frame;
        while (scanner.nextFrame(&h, &frame)) {
            cut.headers << QStringLiteral("op=%1 fin=%2 rsv=%3%4%5 masked=%6 key=%7 length=%8 header=%9")
                               .arg(h.opcode, 0, 16)
                               .arg(int(h.fin))
                               .arg(int(h.rsv1))
                               .arg(int(h.rsv2))
                               .arg(int(h.rsv3))
                               .arg(int(h.masked))
                               .arg(h.maskKey, 8, 16, QLatin1Char('0'))
                               .arg(h.payloadLength)
                               .arg(h.headerSize);
            cut.frames << frame.toByteArray();
        }
    }
    cut.rest = scanner.takeBuffered();
    return cut;
}

QByteArray joined(const QList<QByteArray> &frames)
{
    QByteArray out;
    for (const QByteArray &f : frames)
        out += f;
    return out;
}

} // namespace

class tst_FrameBoundaryScanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void headerSizeFromSecondByte_data();
    void headerSizeFromSecondByte();
    void cutsWholeFramesAtEverySplit_data();
    void cutsWholeFramesAtEverySplit();
    void partialFrameWaitsAndIsHandedOverAsItIs();
    void hugeLengthWaitsInsteadOfWrapping();
    void passesInvalidFramesOnUnjudged();
};

void tst_FrameBoundaryScanner::headerSizeFromSecondByte_data()
{
    QTest::addColumn<int>("secondByte");
    QTest::addColumn<int>("size");
    QTest::newRow("7-bit unmasked") << 0x05 << 2;
    QTest::newRow("7-bit 125 unmasked") << 0x7D << 2;
    QTest::newRow("7-bit masked") << 0x85 << 6;
    QTest::newRow("16-bit unmasked") << 0x7E << 4;
    QTest::newRow("16-bit masked") << 0xFE << 8;
    QTest::newRow("64-bit unmasked") << 0x7F << 10;
    QTest::newRow("64-bit masked") << 0xFF << 14;
}

void tst_FrameBoundaryScanner::headerSizeFromSecondByte()
{
    QFETCH(int, secondByte);
    QFETCH(int, size);
    QCOMPARE(int(frameHeaderSize(quint8(secondByte))), size);
}

void tst_FrameBoundaryScanner::cutsWholeFramesAtEverySplit_data()
{
    QTest::addColumn<QList<QByteArray>>("frames");
    QTest::addColumn<QStringList>("headers");

    // RFC 6455 section 5.7, byte for byte.
    QTest::newRow("rfc 6455 examples, 7-bit lengths")
        << QList<QByteArray> { hex("810548656c6c6f"), hex("818537fa213d7f9f4d5158"), hex("010348656c"), hex("80026c6f"),
               hex("890548656c6c6f"), hex("8a8537fa213d7f9f4d5158") }
        << QStringList { QStringLiteral("op=1 fin=1 rsv=000 masked=0 key=00000000 length=5 header=2"),
               QStringLiteral("op=1 fin=1 rsv=000 masked=1 key=37fa213d length=5 header=6"),
               QStringLiteral("op=1 fin=0 rsv=000 masked=0 key=00000000 length=3 header=2"),
               QStringLiteral("op=0 fin=1 rsv=000 masked=0 key=00000000 length=2 header=2"),
               QStringLiteral("op=9 fin=1 rsv=000 masked=0 key=00000000 length=5 header=2"),
               QStringLiteral("op=a fin=1 rsv=000 masked=1 key=37fa213d length=5 header=6") };
    QTest::newRow("7-bit edges: empty and 125 bytes")
        << QList<QByteArray> { hex("8800"), hex("8880a1b2c3d4"), wireFrame(0x82, pattern(125)),
               wireFrame(0x82, pattern(125), 0x01020304u) }
        << QStringList { QStringLiteral("op=8 fin=1 rsv=000 masked=0 key=00000000 length=0 header=2"),
               QStringLiteral("op=8 fin=1 rsv=000 masked=1 key=a1b2c3d4 length=0 header=6"),
               QStringLiteral("op=2 fin=1 rsv=000 masked=0 key=00000000 length=125 header=2"),
               QStringLiteral("op=2 fin=1 rsv=000 masked=1 key=01020304 length=125 header=6") };
    QTest::newRow("16-bit lengths, unmasked and masked")
        << QList<QByteArray> { hex("827e0100") + pattern(256), wireFrame(0x82, pattern(126), 0xdeadbeefu),
               wireFrame(0x01, pattern(300), 0x11223344u), wireFrame(0x80, pattern(65535)) }
        << QStringList { QStringLiteral("op=2 fin=1 rsv=000 masked=0 key=00000000 length=256 header=4"),
               QStringLiteral("op=2 fin=1 rsv=000 masked=1 key=deadbeef length=126 header=8"),
               QStringLiteral("op=1 fin=0 rsv=000 masked=1 key=11223344 length=300 header=8"),
               QStringLiteral("op=0 fin=1 rsv=000 masked=0 key=00000000 length=65535 header=4") };
    QTest::newRow("64-bit lengths, unmasked and masked")
        << QList<QByteArray> { hex("827f0000000000010000") + pattern(65536),
               wireFrame(0x82, pattern(70000), 0xcafef00du), hex("890548656c6c6f") }
        << QStringList { QStringLiteral("op=2 fin=1 rsv=000 masked=0 key=00000000 length=65536 header=10"),
               QStringLiteral("op=2 fin=1 rsv=000 masked=1 key=cafef00d length=70000 header=14"),
               QStringLiteral("op=9 fin=1 rsv=000 masked=0 key=00000000 length=5 header=2") };
}

void tst_FrameBoundaryScanner::cutsWholeFramesAtEverySplit()
{
    QFETCH(QList<QByteArray>, frames);
    QFETCH(QStringList, headers);
    const QByteArray stream = joined(frames);
    const qsizetype size = stream.size();

    const Cut whole = cutAll(stream);
    QCOMPARE(whole.headers, headers);
    QCOMPARE(whole.frames, frames);
    QVERIFY(whole.rest.isEmpty());

    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < size; ++i)
        everyByte << i;
    const Cut byByte = cutAll(stream, everyByte);
    QCOMPARE(byByte.headers, headers);
    QCOMPARE(byByte.frames, frames);

    // Every split point; for the large payloads every 97th, plus all within 40 bytes of a frame boundary.
    QList<qsizetype> boundaries { 0 };
    for (const QByteArray &f : std::as_const(frames))
        boundaries << boundaries.constLast() + f.size();
    for (qsizetype at = 0; at <= size; ++at) {
        bool nearBoundary = false;
        for (const qsizetype b : std::as_const(boundaries))
            nearBoundary = nearBoundary || qAbs(at - b) < 40;
        if (size > 4096 && !nearBoundary && at % 97 != 0)
            continue;
        const Cut split = cutAll(stream, { at });
        if (split.headers != headers || split.frames != frames || !split.rest.isEmpty())
            QFAIL(qPrintable(QStringLiteral("split at %1 cuts %2 frames").arg(at).arg(split.frames.size())));
    }
}

void tst_FrameBoundaryScanner::partialFrameWaitsAndIsHandedOverAsItIs()
{
    const QByteArray frame = wireFrame(0x82, pattern(300), 0x01020304u);
    for (qsizetype have = 1; have < frame.size(); ++have) {
        FrameBoundaryScanner scanner;
        scanner.append(frame.first(have));
        FrameHeader h;
        QByteArrayView cut;
        QVERIFY(!scanner.nextFrame(&h, &cut));
        QCOMPARE(scanner.bufferedSize(), have);
        QCOMPARE(scanner.takeBuffered(), frame.first(have));
        QVERIFY(scanner.isEmpty());
    }

    // A whole frame then the start of the next: only the start is left.
    FrameBoundaryScanner scanner;
    scanner.append(hex("8900") + hex("817e00"));
    FrameHeader h;
    QByteArrayView cut;
    QVERIFY(scanner.nextFrame(&h, &cut));
    QCOMPARE(cut.toByteArray(), hex("8900"));
    QVERIFY(!scanner.nextFrame(&h, &cut));
    QVERIFY(!scanner.isEmpty());
    QCOMPARE(scanner.takeBuffered(), hex("817e00"));
}

void tst_FrameBoundaryScanner::hugeLengthWaitsInsteadOfWrapping()
{
    // 2^64 - 1 plus a 10-byte header wraps to 9 in 64 bits: the frame must still count as unfinished.
    FrameBoundaryScanner scanner;
    scanner.append(hex("827fffffffffffffffff") + pattern(20));
    FrameHeader h;
    QByteArrayView cut;
    QVERIFY(!scanner.nextFrame(&h, &cut));
    QCOMPARE(scanner.bufferedSize(), qsizetype(30));
}

void tst_FrameBoundaryScanner::passesInvalidFramesOnUnjudged()
{
    // Reserved bits and opcodes, a fragmented ping, a non-minimal length: a relay passes them on; judging
    // them is the decoder's work.
    const QList<QByteArray> frames { hex("f300"), hex("0900"), hex("827e0005") + pattern(5) };
    const Cut cut = cutAll(joined(frames));
    QCOMPARE(cut.frames, frames);
    QCOMPARE(cut.headers,
        (QStringList { QStringLiteral("op=3 fin=1 rsv=111 masked=0 key=00000000 length=0 header=2"),
            QStringLiteral("op=9 fin=0 rsv=000 masked=0 key=00000000 length=0 header=2"),
            QStringLiteral("op=2 fin=1 rsv=000 masked=0 key=00000000 length=5 header=4") }));
}

QTEST_GUILESS_MAIN(tst_FrameBoundaryScanner)
#include "tst_frameboundaryscanner.moc"
