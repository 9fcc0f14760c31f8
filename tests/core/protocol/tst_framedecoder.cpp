#include "framedecoderfixtures.h"
#include "protocol/framedecoder.h"
#include "wireframe.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QtTest>

#include <optional>

using namespace wsi;

using namespace framedecodertest;

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
