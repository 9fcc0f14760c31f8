// The detail pane for a Frame row: the header's fields and bytes, and for a frame of a compressed message (RFC 7692)
// the deflated payload that crossed the wire after them, in the Hex tab, with its size in the Fields tab.
#include "common/hexview.h"
#include "connection/connection.h"
#include "detail/eventdetailview.h"

#include <QtTest>

using namespace wsi;

class TestFrameDetail : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void aPlainFrameShowsItsHeader();
    void aCompressedFrameShowsItsDeflatedBytes();

private:
    static int appendFrame(Connection &connection, quint8 flags, quint64 length, const QByteArray &bytes)
    {
        EventRecord r;
        r.timeUs = 1'700'000'000'000'000 + connection.events().size();
        r.type = EventType::Frame;
        r.dir = Direction::Incoming;
        r.sub = 1;
        r.flags = flags;
        r.value = length;
        connection.appendEvent(r, bytes);
        return int(connection.events().size() - 1);
    }
    static QString field(const EventDetailView &view, const QString &name)
    {
        for (const QString &line : view.fieldLines()) {
            if (line.startsWith(name + QStringLiteral(": ")))
                return line.mid(name.size() + 2);
        }
        return {};
    }
};

void TestFrameDetail::aPlainFrameShowsItsHeader()
{
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:9/frames"));
    Connection connection(options);
    const int row = appendFrame(connection, FlagFin, 300, QByteArray::fromHex("817e012c"));
    EventDetailView view;
    view.setConnection(&connection);
    view.showEvent(row);
    QVERIFY2(view.text().startsWith(QStringLiteral("A frame header (4 bytes).")), qPrintable(view.text()));
    QCOMPARE(field(view, QStringLiteral("Header size")), QStringLiteral("4 bytes"));
    QCOMPARE(field(view, QStringLiteral("Payload length")), QStringLiteral("300 bytes"));
    QCOMPARE(field(view, QStringLiteral("Compressed payload")), QString());
    QCOMPARE(view.hexView()->data(), QByteArray::fromHex("817e012c"));
}

void TestFrameDetail::aCompressedFrameShowsItsDeflatedBytes()
{
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:9/frames"));
    Connection connection(options);
    // A masked client frame with RSV1: 6 header bytes (mask key included), then the 11 deflated bytes, unmasked.
    const QByteArray header = QByteArray::fromHex("c18b01020304");
    const QByteArray deflated = QByteArray::fromHex("f248cdc9c957c840270000");
    const int row = appendFrame(connection, FlagFin | FlagRsv1 | FlagMasked, 11, header + deflated);
    EventDetailView view;
    view.setConnection(&connection);
    view.showEvent(row);
    QVERIFY2(view.text().startsWith(QStringLiteral("A frame of a compressed message: its header (6 bytes), then its "
                                                   "payload as permessage-deflate left it (11 bytes, unmasked)")),
        qPrintable(view.text()));
    QCOMPARE(field(view, QStringLiteral("Header size")), QStringLiteral("6 bytes"));
    QCOMPARE(
        field(view, QStringLiteral("Compressed payload")), QStringLiteral("11 bytes, in the Hex tab after the header"));
    QCOMPARE(view.hexView()->data(), header + deflated);
}

QTEST_MAIN(TestFrameDetail)
#include "tst_framedetail.moc"
