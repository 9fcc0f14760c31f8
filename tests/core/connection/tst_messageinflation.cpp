// MessageInflation: the first data frame's RSV1 marks a message compressed (continuations and control frames do
// not change it), messages inflate with the sender's window kept across messages or reset, and a deflate bomb
// stops at the cap as a named violation, after which the direction inflates nothing more.
#include "connection/messageinflation.h"
#include "protocol/messagedeflater.h"

#include <QTest>

using namespace wsi;

namespace {

FrameHeader header(Opcode opcode, bool rsv1)
{
    FrameHeader h;
    h.opcode = quint8(opcode);
    h.rsv1 = rsv1;
    h.fin = true;
    return h;
}

} // namespace

class tst_MessageInflation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstDataFrameDecidesCompression()
    {
        MessageInflation inflation(PerMessageDeflateParams {}, true, 1024);
        QVERIFY(!inflation.messageCompressed());
        inflation.onFrame(header(Opcode::Text, true));
        QVERIFY(inflation.messageCompressed());
        inflation.onFrame(header(Opcode::Ping, false)); // a control frame between fragments
        inflation.onFrame(header(Opcode::Continuation, false));
        QVERIFY(inflation.messageCompressed());
        inflation.onFrame(header(Opcode::Binary, false));
        QVERIFY(!inflation.messageCompressed());
    }

    void inflatesWithTheSendersContextTakeover_data()
    {
        QTest::addColumn<bool>("noContextTakeover");
        QTest::newRow("context kept") << false;
        QTest::newRow("context reset") << true;
    }

    void inflatesWithTheSendersContextTakeover()
    {
        QFETCH(bool, noContextTakeover);
        PerMessageDeflateParams params;
        params.clientNoContextTakeover = noContextTakeover;
        params.clientMaxWindowBits = 10;
        MessageDeflater deflater(10, noContextTakeover);
        MessageInflation inflation(params, false, 1 << 20);
        const QByteArray text = "the same words, the same words, again and again";
        const QByteArray first = deflater.deflateMessage(text);
        const QByteArray second = deflater.deflateMessage(text);
        // With the window kept the second refers back to the first and is shorter; reset, it is the same bytes.
        QCOMPARE(second == first, noContextTakeover);
        for (const QByteArray &compressed : { first, second }) {
            QByteArray out;
            QVERIFY(inflation.inflate(compressed, &out));
            QCOMPARE(out, text);
        }
        QCOMPARE(inflation.inflatedBytes(), quint64(2 * text.size()));
        QCOMPARE(inflation.compressedBytes(), quint64(first.size() + second.size()));
    }

    void bombStopsAtTheCap()
    {
        MessageDeflater deflater(15, false);
        const QByteArray bomb = deflater.deflateMessage(QByteArray(8 * 1024 * 1024, '\0'));
        QVERIFY(bomb.size() < 16 * 1024);
        MessageInflation inflation(PerMessageDeflateParams {}, true, 64 * 1024);
        QByteArray out;
        QVERIFY(!inflation.inflate(bomb, &out));
        QVERIFY(inflation.failed());
        QCOMPARE(inflation.violation().kind, DeflateViolationKind::DeflateBomb);
        QVERIFY(out.size() <= 64 * 1024);
        QVERIFY(out.capacity() <= 64 * 1024 + 64);
        QByteArray again;
        QVERIFY(!inflation.inflate(deflater.deflateMessage("small"), &again)); // spent: the connection is failed
    }

    void corruptDataIsNamed()
    {
        MessageInflation inflation(PerMessageDeflateParams {}, true, 1024);
        QByteArray out;
        QVERIFY(!inflation.inflate(QByteArray("\xff\xff\xff\xff\xff", 5), &out));
        QCOMPARE(inflation.violation().kind, DeflateViolationKind::CorruptCompressedData);
    }
};

QTEST_GUILESS_MAIN(tst_MessageInflation)
#include "tst_messageinflation.moc"
