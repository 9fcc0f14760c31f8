#include "protocol/framedecoder.h"
#include "protocol/frameencoder.h"

#include <QTest>

using namespace wsi;

namespace {

struct Captured : FrameSink
{
    QList<FrameHeader> frames;
    QList<QByteArray> payloads;
    QList<ProtocolViolation> violations;
    void onFrame(const FrameHeader &h, QByteArrayView, QByteArrayView payload) override
    {
        frames << h;
        payloads << payload.toByteArray();
    }
    void onMessage(bool, QByteArrayView, int) override { }
    void onPing(QByteArrayView) override { }
    void onPong(QByteArrayView) override { }
    void onClose(int, QByteArrayView) override { }
    void onViolation(const ProtocolViolation &v) override { violations << v; }
};

} // namespace

class tst_FrameEncoder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rfcMaskedHelloIsExact()
    {
        RawFrameSpec spec;
        spec.payload = "Hello";
        spec.maskKey = 0x37fa213d;
        QCOMPARE(encodeFrame(spec), QByteArray::fromHex("818537fa213d7f9f4d5158"));
    }

    void lengthsUseMinimalForm_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("headerSize");
        QTest::newRow("125 in 7 bits") << 125 << 6;
        QTest::newRow("126 in 16 bits") << 126 << 8;
        QTest::newRow("65535 in 16 bits") << 65535 << 8;
        QTest::newRow("65536 in 64 bits") << 65536 << 14;
    }

    void lengthsUseMinimalForm()
    {
        QFETCH(int, size);
        QFETCH(int, headerSize);
        RawFrameSpec spec;
        spec.opcode = 0x2;
        spec.payload = QByteArray(size, 'z');
        const QByteArray wire = encodeFrame(spec);
        QCOMPARE(wire.size(), headerSize + size);
        FrameDecoder decoder(FrameDecoder::Role::ClientToServer);
        Captured sink;
        decoder.feed(wire, sink);
        QVERIFY(sink.violations.isEmpty());
        QCOMPARE(sink.frames.size(), 1);
        QCOMPARE(sink.payloads.first(), spec.payload);
    }

    void everyFieldRoundTrips()
    {
        RawFrameSpec spec;
        spec.fin = false;
        spec.rsv2 = true;
        spec.opcode = 0xB;
        spec.maskKey = 0x01020304;
        spec.payload = "x";
        FrameDecoder decoder(FrameDecoder::Role::ClientToServer);
        Captured sink;
        decoder.feed(encodeFrame(spec), sink);
        QCOMPARE(sink.violations.size(), 1); // reserved opcode or RSV: a rule breaker on purpose
        QVERIFY(sink.frames.isEmpty() || sink.frames.first().maskKey == 0x01020304u);
    }

    void specParsing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("described");
        QTest::newRow("ping with text") << "opcode=0x9,payload=text:hi"
                                        << "FIN=1 RSV=000 opcode=0x9 MASK=1 len=2";
        QTest::newRow("fragment, rsv1, unmasked hex") << "fin=0,rsv1=1,mask=0,opcode=1,payload=hex:c328"
                                                      << "FIN=0 RSV=100 opcode=0x1 MASK=0 len=2";
        QTest::newRow("preset then override") << "preset=oversized-ping,fin=0"
                                              << "FIN=0 RSV=000 opcode=0x9 MASK=1 len=126";
        QTest::newRow("base64 payload") << "opcode=2,payload=base64:AAEC"
                                        << "FIN=1 RSV=000 opcode=0x2 MASK=1 len=3";
    }

    void specParsing()
    {
        QFETCH(QString, text);
        QFETCH(QString, described);
        RawFrameSpec spec;
        QString error;
        QVERIFY2(parseRawFrameSpec(text, &spec, &error), qPrintable(error));
        QCOMPARE(spec.describe(), described);
    }

    void badSpecsAreNamed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("opcode too big") << "opcode=16"
                                        << "opcode";
        QTest::newRow("bad key") << "key=xyz"
                                 << "key";
        QTest::newRow("payload without kind") << "payload=hello"
                                              << "text:, hex: or base64:";
        QTest::newRow("odd hex") << "payload=hex:abc"
                                 << "payload";
        QTest::newRow("unknown field") << "colour=red"
                                       << "Unknown field";
        QTest::newRow("unknown preset") << "preset=nope"
                                        << "Unknown preset";
    }

    void badSpecsAreNamed()
    {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        RawFrameSpec spec;
        QString error;
        QVERIFY(!parseRawFrameSpec(text, &spec, &error));
        QVERIFY2(error.contains(mentions), qPrintable(error));
    }

    void everyPresetEncodes()
    {
        QVERIFY(rawFramePresets().size() >= 6);
        for (const QString &id : rawFramePresets()) {
            RawFrameSpec spec;
            QVERIFY(rawFramePreset(id, &spec));
            QVERIFY(!rawFramePresetTitle(id).isEmpty());
            QVERIFY(encodeFrame(spec).size() >= 2);
        }
    }
};

QTEST_GUILESS_MAIN(tst_FrameEncoder)
#include "tst_frameencoder.moc"
