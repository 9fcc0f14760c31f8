#include "protocol/framedecoder.h"
#include "wireframe.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QtTest>

#include <optional>

using namespace wsi;

namespace {

using Role = FrameDecoder::Role;

QByteArray hex(const char *h)
{
    return QByteArray::fromHex(h);
}

// Payload bytes that are not text, so that the size and hash are what the events show.
QByteArray pattern(int size)
{
    QByteArray out(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        out[i] = char(i * 7 + 3);
    return out;
}

QString fmt(QByteArrayView p)
{
    bool printable = p.size() <= 40;
    for (char c : p)
        printable = printable && c >= 0x20 && c < 0x7F;
    if (printable)
        return QLatin1Char('\'') + QString::fromLatin1(p) + QLatin1Char('\'');
    if (p.size() <= 16)
        return QStringLiteral("0x") + QString::fromLatin1(p.toByteArray().toHex());
    const QByteArray md5 = QCryptographicHash::hash(p, QCryptographicHash::Md5).toHex().left(8);
    return QStringLiteral("<%1 bytes md5 %2>").arg(p.size()).arg(QString::fromLatin1(md5));
}

// Records every sink call as one line, so a whole decode is one QStringList to compare.
class Recorder : public FrameSink
{
public:
    QStringList events;
    QList<QByteArray> messages;
    QList<ProtocolViolation> violations;
    // For the zero-copy check: the buffer currently being fed, and whether each payload pointed into it.
    QByteArrayView input;
    QList<bool> payloadInInput;

    void onFrame(const FrameHeader &h, QByteArrayView headerBytes, QByteArrayView payload) override
    {
        QString line = QStringLiteral("frame %1 fin=%2").arg(opcodeName(h.opcode)).arg(int(h.fin));
        if (h.rsv1 || h.rsv2 || h.rsv3)
            line += QStringLiteral(" rsv=%1%2%3").arg(int(h.rsv1)).arg(int(h.rsv2)).arg(int(h.rsv3));
        if (h.masked)
            line += QStringLiteral(" key=%1").arg(h.maskKey, 8, 16, QLatin1Char('0'));
        line += QStringLiteral(" len=%1 hdr=%2 %3")
                    .arg(h.payloadLength)
                    .arg(QString::fromLatin1(headerBytes.toByteArray().toHex()))
                    .arg(fmt(payload));
        QCOMPARE(int(h.headerSize), int(headerBytes.size()));
        QCOMPARE(quint64(payload.size()), h.payloadLength);
        events << line;
        const bool inside
            = !payload.isEmpty() && payload.data() >= input.data() && payload.data() < input.data() + input.size();
        payloadInInput << inside;
    }
    void onMessage(bool isText, QByteArrayView payload, int frameCount) override
    {
        events << QStringLiteral("%1 %2 frames=%3")
                      .arg(isText ? QStringLiteral("text") : QStringLiteral("binary"), fmt(payload))
                      .arg(frameCount);
        messages << payload.toByteArray();
    }
    void onPing(QByteArrayView payload) override { events << QStringLiteral("ping ") + fmt(payload); }
    void onPong(QByteArrayView payload) override { events << QStringLiteral("pong ") + fmt(payload); }
    void onClose(int code, QByteArrayView reason) override
    {
        events << QStringLiteral("close %1 %2").arg(code).arg(fmt(reason));
    }
    void onViolation(const ProtocolViolation &v) override
    {
        events << QStringLiteral("violation %1 @%2").arg(violationId(v.kind)).arg(v.streamOffset);
        violations << v;
    }
};

struct Fixture
{
    QByteArray name;
    Role role;
    QByteArray bytes;
    QStringList expected;
    quint64 limit = quint64(256) * 1024 * 1024;
};

constexpr quint32 kKey = 0x01020304;

QList<Fixture> decodeFixtures()
{
    QList<Fixture> f;
    // RFC 6455 section 5.7, byte for byte.
    f << Fixture { "rfc 5.7 single-frame unmasked text", Role::ServerToClient, hex("810548656c6c6f"),
        { "frame TEXT fin=1 len=5 hdr=8105 'Hello'", "text 'Hello' frames=1" } };
    f << Fixture { "rfc 5.7 single-frame masked text", Role::ClientToServer, hex("818537fa213d7f9f4d5158"),
        { "frame TEXT fin=1 key=37fa213d len=5 hdr=818537fa213d 'Hello'", "text 'Hello' frames=1" } };
    f << Fixture { "rfc 5.7 fragmented unmasked text", Role::ServerToClient, hex("010348656c80026c6f"),
        { "frame TEXT fin=0 len=3 hdr=0103 'Hel'", "frame CONT fin=1 len=2 hdr=8002 'lo'", "text 'Hello' frames=2" } };
    f << Fixture { "rfc 5.7 unmasked ping", Role::ServerToClient, hex("890548656c6c6f"),
        { "frame PING fin=1 len=5 hdr=8905 'Hello'", "ping 'Hello'" } };
    f << Fixture { "rfc 5.7 masked pong", Role::ClientToServer, hex("8a8537fa213d7f9f4d5158"),
        { "frame PONG fin=1 key=37fa213d len=5 hdr=8a8537fa213d 'Hello'", "pong 'Hello'" } };
    f << Fixture { "rfc 5.7 256-byte binary unmasked", Role::ServerToClient, hex("827e0100") + pattern(256),
        { "frame BINARY fin=1 len=256 hdr=827e0100 " + fmt(pattern(256)),
            "binary " + fmt(pattern(256)) + " frames=1" } };
    f << Fixture { "rfc 5.7 64KiB binary unmasked", Role::ServerToClient, hex("827f0000000000010000") + pattern(65536),
        { "frame BINARY fin=1 len=65536 hdr=827f0000000000010000 " + fmt(pattern(65536)),
            "binary " + fmt(pattern(65536)) + " frames=1" } };

    // Length forms at their edges, unmasked and masked.
    const struct
    {
        int size;
        const char *hdr;
        const char *maskedHdr;
    } lengths[] = {
        { 0, "8200", "828001020304" },
        { 1, "8201", "828101020304" },
        { 125, "827d", "82fd01020304" },
        { 126, "827e007e", "82fe007e01020304" },
        { 65535, "827effff", "82feffff01020304" },
        { 65536, "827f0000000000010000", "82ff000000000001000001020304" },
    };
    for (const auto &l : lengths) {
        const QByteArray p = pattern(l.size);
        f << Fixture { "length " + QByteArray::number(l.size) + " unmasked", Role::ServerToClient, wireFrame(0x82, p),
            { QStringLiteral("frame BINARY fin=1 len=%1 hdr=%2 ").arg(l.size).arg(QLatin1String(l.hdr)) + fmt(p),
                "binary " + fmt(p) + " frames=1" } };
        f << Fixture { "length " + QByteArray::number(l.size) + " masked", Role::ClientToServer,
            wireFrame(0x82, p, kKey),
            { QStringLiteral("frame BINARY fin=1 key=01020304 len=%1 hdr=%2 ")
                        .arg(l.size)
                        .arg(QLatin1String(l.maskedHdr))
                    + fmt(p),
                "binary " + fmt(p) + " frames=1" } };
    }

    // Fragmentation, with control frames in between fragments (RFC 6455 section 5.4).
    f << Fixture { "fragmented text with ping between", Role::ServerToClient,
        hex("010348656c"
            "89026869"
            "80026c6f"),
        { "frame TEXT fin=0 len=3 hdr=0103 'Hel'", "frame PING fin=1 len=2 hdr=8902 'hi'", "ping 'hi'",
            "frame CONT fin=1 len=2 hdr=8002 'lo'", "text 'Hello' frames=2" } };
    f << Fixture { "three binary fragments with pong and ping between", Role::ServerToClient,
        hex("020161"
            "8a00"
            "000162"
            "8900"
            "800163"),
        { "frame BINARY fin=0 len=1 hdr=0201 'a'", "frame PONG fin=1 len=0 hdr=8a00 ''", "pong ''",
            "frame CONT fin=0 len=1 hdr=0001 'b'", "frame PING fin=1 len=0 hdr=8900 ''", "ping ''",
            "frame CONT fin=1 len=1 hdr=8001 'c'", "binary 'abc' frames=3" } };
    f << Fixture { "masked fragments with ping between", Role::ClientToServer,
        wireFrame(0x01, "Hel", kKey) + wireFrame(0x89, "x", 0xAABBCCDD) + wireFrame(0x80, "lo", kKey),
        { "frame TEXT fin=0 key=01020304 len=3 hdr=018301020304 'Hel'",
            "frame PING fin=1 key=aabbccdd len=1 hdr=8981aabbccdd 'x'", "ping 'x'",
            "frame CONT fin=1 key=01020304 len=2 hdr=808201020304 'lo'", "text 'Hello' frames=2" } };
    f << Fixture { "code point split across three fragments", Role::ServerToClient,
        hex("0101f0"
            "00029f98"
            "800180"),
        { "frame TEXT fin=0 len=1 hdr=0101 0xf0", "frame CONT fin=0 len=2 hdr=0002 0x9f98",
            "frame CONT fin=1 len=1 hdr=8001 0x80", "text 0xf09f9880 frames=3" } };
    f << Fixture { "empty fragments", Role::ServerToClient,
        hex("0100"
            "0000"
            "8000"),
        { "frame TEXT fin=0 len=0 hdr=0100 ''", "frame CONT fin=0 len=0 hdr=0000 ''",
            "frame CONT fin=1 len=0 hdr=8000 ''", "text '' frames=3" } };
    f << Fixture { "two messages back to back", Role::ServerToClient,
        hex("810161"
            "820262ff"),
        { "frame TEXT fin=1 len=1 hdr=8101 'a'", "text 'a' frames=1", "frame BINARY fin=1 len=2 hdr=8202 0x62ff",
            "binary 0x62ff frames=1" } };
    f << Fixture { "large fragmented masked message", Role::ClientToServer,
        wireFrame(0x02, pattern(40000).left(30000), kKey) + wireFrame(0x80, pattern(40000).mid(30000), 0x11223344),
        { "frame BINARY fin=0 key=01020304 len=30000 hdr=82fe753001020304 " + fmt(pattern(40000).left(30000)),
            "frame CONT fin=1 key=11223344 len=10000 hdr=80fe271011223344 " + fmt(pattern(40000).mid(30000)),
            "binary " + fmt(pattern(40000)) + " frames=2" } };
    f.last().expected[0].replace(QLatin1String("hdr=82fe"), QLatin1String("hdr=02fe"));

    // Close frames (RFC 6455 section 5.5.1).
    f << Fixture { "close without payload", Role::ServerToClient, hex("8800"),
        { "frame CLOSE fin=1 len=0 hdr=8800 ''", "close -1 ''" } };
    f << Fixture { "close with code and reason", Role::ServerToClient, hex("880503e8627965"),
        { "frame CLOSE fin=1 len=5 hdr=8805 0x03e8627965", "close 1000 'bye'" } };
    f << Fixture { "close with private code only", Role::ServerToClient, hex("88020fa0"),
        { "frame CLOSE fin=1 len=2 hdr=8802 0x0fa0", "close 4000 ''" } };
    f << Fixture { "masked close with UTF-8 reason", Role::ClientToServer, wireFrame(0x88, hex("03e9c3a9"), kKey),
        { "frame CLOSE fin=1 key=01020304 len=4 hdr=888401020304 0x03e9c3a9", "close 1001 0xc3a9" } };
    return f;
}

QList<Fixture> violationFixtures()
{
    QList<Fixture> f;
    const Role S = Role::ServerToClient;
    const Role C = Role::ClientToServer;
    f << Fixture { "reserved data opcode 0x3", S, hex("8300"), { "violation reserved_opcode @0" } };
    f << Fixture { "reserved control opcode 0xB", S, hex("8b00"), { "violation reserved_opcode @0" } };
    f << Fixture { "reserved opcode after a good frame", S,
        hex("810161"
            "8f00"),
        { "frame TEXT fin=1 len=1 hdr=8101 'a'", "text 'a' frames=1", "violation reserved_opcode @3" } };
    f << Fixture { "rsv1 without extension", S, hex("c10161"), { "violation reserved_bit_set @0" } };
    f << Fixture { "rsv2", S, hex("a10161"), { "violation reserved_bit_set @0" } };
    f << Fixture { "rsv3", S, hex("910161"), { "violation reserved_bit_set @0" } };
    f << Fixture { "fragmented ping", S, hex("0900"), { "violation fragmented_control_frame @0" } };
    f << Fixture { "fragmented close", S, hex("0800"), { "violation fragmented_control_frame @0" } };
    f << Fixture { "ping with 126-byte payload", S, hex("897e007e") + QByteArray(126, 'x'),
        { "violation oversized_control_frame @0" } };
    f << Fixture { "masked server frame", S, hex("818537fa213d7f9f4d5158"), { "violation masked_server_frame @0" } };
    f << Fixture { "unmasked client frame", C, hex("810548656c6c6f"), { "violation unmasked_client_frame @0" } };
    f << Fixture { "length 5 in 16-bit form", S, hex("827e0005") + "abcde", { "violation non_minimal_length @0" } };
    f << Fixture { "length 125 in 16-bit form", S, hex("827e007d") + QByteArray(125, 'a'),
        { "violation non_minimal_length @0" } };
    f << Fixture { "length 65535 in 64-bit form", S, hex("827f000000000000ffff"),
        { "violation non_minimal_length @0" } };
    f << Fixture { "64-bit length with high bit set", S, hex("827f8000000000000000"),
        { "violation length_high_bit_set @0" } };
    f << Fixture { "continuation without message", S, hex("800161"), { "violation unexpected_continuation @0" } };
    f << Fixture { "continuation after finished message", S,
        hex("810161"
            "800162"),
        { "frame TEXT fin=1 len=1 hdr=8101 'a'", "text 'a' frames=1", "violation unexpected_continuation @3" } };
    f << Fixture { "new text frame during fragmented message", S,
        hex("010161"
            "810162"),
        { "frame TEXT fin=0 len=1 hdr=0101 'a'", "violation expected_continuation @3" } };
    f << Fixture { "new binary frame during fragmented message", S,
        hex("020161"
            "8900"
            "020162"),
        { "frame BINARY fin=0 len=1 hdr=0201 'a'", "frame PING fin=1 len=0 hdr=8900 ''", "ping ''",
            "violation expected_continuation @5" } };
    f << Fixture { "invalid UTF-8 in single text frame", S, hex("8102c328"),
        { "frame TEXT fin=1 len=2 hdr=8102 0xc328", "violation invalid_utf8_text @0" } };
    f << Fixture { "UTF-8 surrogate in text", S, hex("8103eda080"),
        { "frame TEXT fin=1 len=3 hdr=8103 0xeda080", "violation invalid_utf8_text @0" } };
    f << Fixture { "invalid UTF-8 in second fragment", S,
        hex("0102c3a9"
            "8001ff"),
        { "frame TEXT fin=0 len=2 hdr=0102 0xc3a9", "frame CONT fin=1 len=1 hdr=8001 0xff",
            "violation invalid_utf8_text @4" } };
    f << Fixture { "text message ending inside a code point", S,
        hex("0101e2"
            "800182"),
        { "frame TEXT fin=0 len=1 hdr=0101 0xe2", "frame CONT fin=1 len=1 hdr=8001 0x82",
            "violation invalid_utf8_text @3" } };
    f << Fixture { "masked invalid UTF-8 text", C, wireFrame(0x81, hex("c0af"), kKey),
        { "frame TEXT fin=1 key=01020304 len=2 hdr=818201020304 0xc0af", "violation invalid_utf8_text @0" } };
    f << Fixture { "close reason not UTF-8", S, hex("880403e8fffe"),
        { "frame CLOSE fin=1 len=4 hdr=8804 0x03e8fffe", "violation invalid_utf8_close_reason @0" } };
    f << Fixture { "close code 1005 on the wire", S, hex("880203ed"),
        { "frame CLOSE fin=1 len=2 hdr=8802 0x03ed", "violation invalid_close_code @0" } };
    f << Fixture { "close code 999", S, hex("880203e7"),
        { "frame CLOSE fin=1 len=2 hdr=8802 0x03e7", "violation invalid_close_code @0" } };
    f << Fixture { "close code 1016", S, hex("880203f8"),
        { "frame CLOSE fin=1 len=2 hdr=8802 0x03f8", "violation invalid_close_code @0" } };
    f << Fixture { "close code 5000", S, hex("88021388"),
        { "frame CLOSE fin=1 len=2 hdr=8802 0x1388", "violation invalid_close_code @0" } };
    f << Fixture { "one-byte close payload", S, hex("880103"),
        { "frame CLOSE fin=1 len=1 hdr=8801 0x03", "violation one_byte_close_payload @0" } };
    f << Fixture { "frame after close", S,
        hex("880203e8"
            "810161"),
        { "frame CLOSE fin=1 len=2 hdr=8802 0x03e8", "close 1000 ''", "violation frame_after_close @4" } };
    f << Fixture { "single frame over the size limit", S, hex("820b") + "hello world",
        { "violation message_too_large @0" }, 10 };
    f << Fixture { "fragments over the size limit", S, hex("0206") + "hello " + hex("8006") + "world!",
        { "frame BINARY fin=0 len=6 hdr=0206 'hello '", "violation message_too_large @8" }, 10 };
    f << Fixture { "huge 64-bit length over the default limit", S, hex("827f0000000100000000"),
        { "violation message_too_large @0" } };
    return f;
}

QList<Fixture> allFixtures()
{
    return decodeFixtures() + violationFixtures();
}

QStringList decodeAll(const Fixture &fixture, const QList<qsizetype> &cuts = {})
{
    FrameDecoder decoder(fixture.role, fixture.limit);
    Recorder recorder;
    qsizetype from = 0;
    QList<qsizetype> points = cuts;
    points << fixture.bytes.size();
    for (qsizetype to : points) {
        decoder.feed(QByteArrayView(fixture.bytes).sliced(from, to - from), recorder);
        from = to;
    }
    return recorder.events;
}

} // namespace

class tst_FrameDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesFixtures_data();
    void decodesFixtures();
    void reportsViolationOnceAndStops_data();
    void reportsViolationOnceAndStops();
    void sameEventsForAnySplit_data();
    void sameEventsForAnySplit();
    void passesWholeUnmaskedFramesWithoutCopy();
    void unmasksAtEveryPhaseAndAlignment();
    void rsv1ViolationNamesPermessageDeflate();
    void allowRsv1AcceptsCompressedMessage();
    void violationDetailsNameTheValues_data();
    void violationDetailsNameTheValues();
    void countsConsumedBytes();
    void reassemblyBufferIsReusedAcrossMessages();
    void opcodeNamesAreReadable();
};

void tst_FrameDecoder::decodesFixtures_data()
{
    QTest::addColumn<int>("index");
    const QList<Fixture> fixtures = decodeFixtures();
    for (int i = 0; i < fixtures.size(); ++i)
        QTest::newRow(fixtures[i].name.constData()) << i;
}

void tst_FrameDecoder::decodesFixtures()
{
    QFETCH(int, index);
    const Fixture fixture = decodeFixtures().at(index);
    FrameDecoder decoder(fixture.role, fixture.limit);
    Recorder recorder;
    decoder.feed(fixture.bytes, recorder);
    QCOMPARE(recorder.events, fixture.expected);
    QVERIFY(!decoder.failed());
    QCOMPARE(decoder.bytesConsumed(), quint64(fixture.bytes.size()));
    QCOMPARE(decoder.closeReceived(), fixture.expected.last().startsWith(QLatin1String("close")));
}

void tst_FrameDecoder::reportsViolationOnceAndStops_data()
{
    QTest::addColumn<int>("index");
    const QList<Fixture> fixtures = violationFixtures();
    for (int i = 0; i < fixtures.size(); ++i)
        QTest::newRow(fixtures[i].name.constData()) << i;
}

void tst_FrameDecoder::reportsViolationOnceAndStops()
{
    QFETCH(int, index);
    const Fixture fixture = violationFixtures().at(index);
    FrameDecoder decoder(fixture.role, fixture.limit);
    Recorder recorder;
    decoder.feed(fixture.bytes, recorder);
    QCOMPARE(recorder.events, fixture.expected);
    QVERIFY(decoder.failed());
    QCOMPARE(recorder.violations.size(), 1);
    QVERIFY(!recorder.violations.first().detail.isEmpty());
    if (recorder.violations.first().kind != ViolationKind::MessageTooLarge)
        QVERIFY(recorder.violations.first().describe().contains(QLatin1String("(RFC 6455 section")));

    // The connection is failed: nothing after the violation is decoded.
    const quint64 consumed = decoder.bytesConsumed();
    decoder.feed(hex("810161810161"), recorder);
    QCOMPARE(recorder.events, fixture.expected);
    QCOMPARE(decoder.bytesConsumed(), consumed);
}

void tst_FrameDecoder::sameEventsForAnySplit_data()
{
    QTest::addColumn<int>("index");
    const QList<Fixture> fixtures = allFixtures();
    for (int i = 0; i < fixtures.size(); ++i)
        QTest::newRow(fixtures[i].name.constData()) << i;
}

void tst_FrameDecoder::sameEventsForAnySplit()
{
    QFETCH(int, index);
    const Fixture fixture = allFixtures().at(index);
    const qsizetype size = fixture.bytes.size();
    const QStringList whole = decodeAll(fixture);
    QCOMPARE(whole, fixture.expected);

    // Byte by byte.
    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < size; ++i)
        everyByte << i;
    QCOMPARE(decodeAll(fixture, everyByte), whole);

    // Every single split point (every 97th for the big payloads, plus all near the edges).
    for (qsizetype cut = 0; cut <= size; ++cut) {
        const bool nearEdge = cut < 40 || size - cut < 40;
        if (size > 4096 && !nearEdge && cut % 97 != 0)
            continue;
        const QStringList events = decodeAll(fixture, { cut });
        if (events != whole)
            QFAIL(qPrintable(QStringLiteral("split at %1 gives %2").arg(cut).arg(events.join(QLatin1String(" | ")))));
    }

    // Random three-way splits, reproducible.
    QRandomGenerator random(quint32(index) + 1);
    for (int round = 0; round < 50; ++round) {
        qsizetype a = random.bounded(int(size + 1));
        qsizetype b = random.bounded(int(size + 1));
        if (a > b)
            std::swap(a, b);
        QCOMPARE(decodeAll(fixture, { a, b }), whole);
    }
}

void tst_FrameDecoder::passesWholeUnmaskedFramesWithoutCopy()
{
    const QByteArray wire = wireFrame(0x82, pattern(32768)) + hex("890548656c6c6f") + wireFrame(0x81, "text");
    {
        FrameDecoder decoder(Role::ServerToClient);
        Recorder recorder;
        recorder.input = wire;
        decoder.feed(wire, recorder);
        QCOMPARE(recorder.payloadInInput, QList<bool>({ true, true, true }));
        QCOMPARE(recorder.messages.first(), pattern(32768));
    }
    {
        // Split inside the payload: the decoder must copy, and the payload is still right.
        FrameDecoder decoder(Role::ServerToClient);
        Recorder recorder;
        decoder.feed(QByteArrayView(wire).first(100), recorder);
        recorder.input = QByteArrayView(wire).sliced(100);
        decoder.feed(QByteArrayView(wire).sliced(100), recorder);
        QCOMPARE(recorder.payloadInInput, QList<bool>({ false, true, true }));
        QCOMPARE(recorder.messages.first(), pattern(32768));
    }
    {
        // Masked frames are unmasked into the decoder's own buffer, never written into the input.
        const QByteArray masked = wireFrame(0x82, pattern(1000), kKey);
        const QByteArray copy = masked;
        FrameDecoder decoder(Role::ClientToServer);
        Recorder recorder;
        recorder.input = masked;
        decoder.feed(masked, recorder);
        QCOMPARE(recorder.payloadInInput, QList<bool>({ false }));
        QCOMPARE(masked, copy);
        QCOMPARE(recorder.messages.first(), pattern(1000));
    }
}

void tst_FrameDecoder::unmasksAtEveryPhaseAndAlignment()
{
    // Sizes around the 8- and 32-byte steps of the word-wise unmasking, split at every point and fed
    // from odd addresses, must give back exactly the plaintext.
    for (int size : { 0, 1, 3, 4, 7, 8, 9, 31, 32, 33, 63, 65, 100, 125, 126, 1000 }) {
        const QByteArray plain = pattern(size);
        const QByteArray wire = wireFrame(0x82, plain, 0xA1B2C3D4);
        for (int cut = 0; cut <= wire.size(); ++cut) {
            for (int misalign = 0; misalign < 3; ++misalign) {
                const QByteArray padded = QByteArray(misalign, 'z') + wire;
                const QByteArrayView view = QByteArrayView(padded).sliced(misalign);
                FrameDecoder decoder(Role::ClientToServer);
                Recorder recorder;
                decoder.feed(view.first(cut), recorder);
                decoder.feed(view.sliced(cut), recorder);
                QCOMPARE(recorder.messages.size(), 1);
                if (recorder.messages.first() != plain)
                    QFAIL(qPrintable(QStringLiteral("size %1 cut %2 misalign %3").arg(size).arg(cut).arg(misalign)));
            }
        }
    }
}

void tst_FrameDecoder::rsv1ViolationNamesPermessageDeflate()
{
    FrameDecoder decoder(Role::ServerToClient);
    Recorder recorder;
    decoder.feed(hex("c1054865"), recorder);
    QCOMPARE(recorder.violations.size(), 1);
    const ProtocolViolation v = recorder.violations.first();
    QCOMPARE(v.kind, ViolationKind::ReservedBitSet);
    QVERIFY2(v.detail.contains(QLatin1String("RSV1")), qPrintable(v.detail));
    QVERIFY2(v.detail.contains(QLatin1String("permessage-deflate")), qPrintable(v.detail));
    QVERIFY2(v.detail.contains(QLatin1String("Qt WebSockets does not support permessage-deflate (compression)")),
        qPrintable(v.detail));
    QVERIFY(v.describe().contains(QLatin1String("RFC 6455 section 5.2")));
    QCOMPARE(violationId(v.kind), QStringLiteral("reserved_bit_set"));

    // RSV2 is not about compression; its detail must not blame permessage-deflate.
    FrameDecoder other(Role::ServerToClient);
    Recorder otherRecorder;
    other.feed(hex("a100"), otherRecorder);
    QVERIFY(!otherRecorder.violations.first().detail.contains(QLatin1String("deflate")));
}

void tst_FrameDecoder::allowRsv1AcceptsCompressedMessage()
{
    // A negotiated permessage-deflate message: compressed bytes are not UTF-8 and must not be checked as such.
    FrameDecoder decoder(Role::ServerToClient);
    decoder.setAllowRsv1(true);
    Recorder recorder;
    decoder.feed(hex("4102f248"
                     "80020700"),
        recorder);
    QCOMPARE(recorder.events,
        QStringList({ "frame TEXT fin=0 rsv=100 len=2 hdr=4102 0xf248", "frame CONT fin=1 len=2 hdr=8002 0x0700",
            "text 0xf2480700 frames=2" }));
    QVERIFY(!decoder.failed());
    // RSV2 stays forbidden.
    decoder.feed(hex("a100"), recorder);
    QVERIFY(decoder.failed());
}

void tst_FrameDecoder::violationDetailsNameTheValues_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("detail");
    QTest::newRow("reserved opcode") << hex("8300") << QStringLiteral("opcode 0x03");
    QTest::newRow("fragmented ping") << hex("0900") << QStringLiteral("PING frame with FIN=0");
    QTest::newRow("oversized close") << hex("887e0080") << QStringLiteral("CLOSE frame with a 128-byte payload");
    QTest::newRow("non-minimal 16-bit") << hex("827e0005") << QStringLiteral("length 5 sent in the 16-bit form");
    QTest::newRow("invalid close code") << hex("880203ed") << QStringLiteral("close code 1005 (No Status Received)");
    QTest::newRow("bad utf-8 byte") << hex("810461626380")
                                    << QStringLiteral("byte 0x80 at offset 3 of the text message");
    QTest::newRow("frame after close") << hex("88008100") << QStringLiteral("a TEXT frame followed the Close frame");
}

void tst_FrameDecoder::violationDetailsNameTheValues()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, detail);
    FrameDecoder decoder(Role::ServerToClient);
    Recorder recorder;
    decoder.feed(bytes, recorder);
    QCOMPARE(recorder.violations.size(), 1);
    QCOMPARE(recorder.violations.first().detail, detail);
}

void tst_FrameDecoder::countsConsumedBytes()
{
    FrameDecoder decoder(Role::ServerToClient);
    Recorder recorder;
    decoder.feed(hex("8105486c"), recorder);
    QCOMPARE(decoder.bytesConsumed(), quint64(4));
    QVERIFY(recorder.events.isEmpty());
    decoder.feed(hex("6c6f6f8100"), recorder);
    QCOMPARE(decoder.bytesConsumed(), quint64(9));
    QCOMPARE(recorder.events.size(), 4);
    QCOMPARE(recorder.messages, QList<QByteArray>({ "Hlloo", "" }));
}

void tst_FrameDecoder::reassemblyBufferIsReusedAcrossMessages()
{
    // Many fragmented messages in a row: each message must contain only its own bytes.
    FrameDecoder decoder(Role::ClientToServer);
    Recorder recorder;
    QByteArray wire;
    for (int i = 0; i < 20; ++i)
        wire += wireFrame(0x02, pattern(i * 50), quint32(i)) + wireFrame(0x80, QByteArray(i, 'q'), kKey);
    decoder.feed(wire, recorder);
    QCOMPARE(recorder.messages.size(), 20);
    for (int i = 0; i < 20; ++i)
        QCOMPARE(recorder.messages[i], pattern(i * 50) + QByteArray(i, 'q'));
}

void tst_FrameDecoder::opcodeNamesAreReadable()
{
    QCOMPARE(opcodeName(0x0), QStringLiteral("CONT"));
    QCOMPARE(opcodeName(0x1), QStringLiteral("TEXT"));
    QCOMPARE(opcodeName(0x2), QStringLiteral("BINARY"));
    QCOMPARE(opcodeName(0x8), QStringLiteral("CLOSE"));
    QCOMPARE(opcodeName(0x9), QStringLiteral("PING"));
    QCOMPARE(opcodeName(0xA), QStringLiteral("PONG"));
    QCOMPARE(opcodeName(0x3), QStringLiteral("RESERVED 0x3"));
    QCOMPARE(opcodeName(0xF), QStringLiteral("RESERVED 0xF"));
}

QTEST_GUILESS_MAIN(tst_FrameDecoder)
#include "tst_framedecoder.moc"
