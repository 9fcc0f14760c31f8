// ServedRecording (issue 12): a client of the local server that goes quiet holds no room for its next batch's rows
// (10,000 idle clients each held a batch's room), and a flood's next batch still gets room as large as the last one
// at its first row.
#include "server/servedrecording.h"
#include "wireframe.h"

#include <QTest>

using namespace wsi;

namespace {

const QByteArray kRequest = "GET /chat HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
const QByteArray kSwitching = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                              "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n";
constexpr quint32 kMask = 0x01020304;

// A recording past its upgrade, the opening's batch taken.
void open(ServedRecording &recording)
{
    recording.record(Direction::Incoming, 10, kRequest);
    recording.record(Direction::Outgoing, 20, kSwitching);
    recording.opened(20);
    recording.take();
}

} // namespace

class tst_ServedRecording : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aQuietClientHoldsNoRoomForItsNextBatch()
    {
        ServedRecording recording(1, QStringLiteral("127.0.0.1:50000"), 0);
        recording.take(); // the arrival
        recording.record(Direction::Incoming, 10, kRequest);
        recording.record(Direction::Outgoing, 20, kSwitching);
        QVERIFY(recording.roomBytes() > 0); // the request's and the 101's rows
        const ServedBatch opening = recording.take();
        QVERIFY(opening.decoded);
        QVERIFY(opening.decoded->rows.rowCount() >= 2);
        QCOMPARE(recording.roomBytes(), 0);

        recording.record(Direction::Incoming, 30, wireFrame(0x81, "hello", kMask));
        recording.record(Direction::Outgoing, 31, wireFrame(0x81, "hello"));
        const ServedBatch echo = recording.take();
        QVERIFY(echo.decoded);
        QCOMPARE(echo.decoded->rows.rowCount(), 4); // a frame and a message each way
        QCOMPARE(recording.roomBytes(), 0);
        QVERIFY(!recording.hasNews());
    }

    void aFloodsNextBatchGetsRoomAsLargeAsTheLastAtItsFirstRow()
    {
        ServedRecording recording(1, QStringLiteral("127.0.0.1:50000"), 0);
        open(recording);
        QByteArray flood;
        for (int i = 0; i < 100; ++i)
            flood += wireFrame(0x82, QByteArray(1000, char(i)), kMask);
        recording.record(Direction::Incoming, 40, flood);
        const ServedBatch first = recording.take();
        QVERIFY(first.decoded);
        const qsizetype lastBytes = first.decoded->rows.payloadBytes();
        QVERIFY(lastBytes >= 100 * 1000);
        QCOMPARE(recording.roomBytes(), 0);

        recording.record(Direction::Incoming, 50, wireFrame(0x82, QByteArray(1000, 'x'), kMask));
        QVERIFY2(recording.roomBytes() >= lastBytes, qPrintable(QString::number(recording.roomBytes())));
    }
};

QTEST_GUILESS_MAIN(tst_ServedRecording)
#include "tst_servedrecording.moc"
