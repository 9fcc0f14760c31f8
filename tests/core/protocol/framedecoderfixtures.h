// The frame decoder's test fixtures: wire bytes with the events they must decode to, and a recording sink.
#pragma once

#include "protocol/framedecoder.h"
#include "wireframe.h"

#include <QtTest>

#include <optional>

namespace framedecodertest {

using namespace wsi;

using Role = FrameDecoder::Role;

inline QByteArray hex(const char *h)
{
    return QByteArray::fromHex(h);
}

// Payload bytes that are not text, so that the size and hash are what the events show.
inline QByteArray pattern(int size)
{
    QByteArray out(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        out[i] = char(i * 7 + 3);
    return out;
}

inline QString fmt(QByteArrayView p)
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

inline QList<Fixture> decodeFixtures()
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

inline QList<Fixture> violationFixtures()
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

inline QList<Fixture> allFixtures()
{
    return decodeFixtures() + violationFixtures();
}

inline QStringList decodeAll(const Fixture &fixture, const QList<qsizetype> &cuts = {})
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

} // namespace framedecodertest
