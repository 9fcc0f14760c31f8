// The Stats tab: pings to python3-websockets become round-trip samples in the plot's ConnectionStats, echoed
// messages count in and out per second, and the widget paints data (and its empty state) without error.
#include "connection/connection.h"
#include "connection/workspace.h"
#include "log/connectionstatsplot.h"
#include "peerprocess.h"
#include "shell/mainwindow.h"

#include <QAction>
#include <QImage>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QtTest>

using namespace wsi;

class TestStatsPlot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void emptyStateNamesHowToGetData();
    void showsRoundTripsAndRatesAfterPings();
    void namesDeflateParametersAndRatios();

private:
    static int countColour(const QImage &image, const QColor &colour);
};

void TestStatsPlot::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_statsplot"));
}

void TestStatsPlot::init()
{
    QSettings().clear();
}

int TestStatsPlot::countColour(const QImage &image, const QColor &colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (qAbs(c.red() - colour.red()) < 12 && qAbs(c.green() - colour.green()) < 12
                && qAbs(c.blue() - colour.blue()) < 12)
                ++count;
        }
    }
    return count;
}

void TestStatsPlot::emptyStateNamesHowToGetData()
{
    ConnectionStatsPlot plot;
    plot.resize(600, 400);
    QVERIFY(plot.rttEmptyText().contains(QLatin1String("Select a connection")));
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:9/"));
    Connection connection(options);
    plot.setConnection(&connection);
    QVERIFY(plot.rttEmptyText().contains(QLatin1String("Ctrl+P")));
    QVERIFY(plot.rttEmptyText().contains(QLatin1String("keepalive")));
    QCOMPARE(plot.rateEmptyText(), QStringLiteral("No messages yet"));
    const QImage image = plot.grab().toImage();
    QVERIFY(!image.isNull());
    plot.setConnection(nullptr);
}

void TestStatsPlot::showsRoundTripsAndRatesAfterPings()
{
    PeerProcess peer;
    QVERIFY(peer.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")));
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.connectTo(peer.url(QStringLiteral("/echo")));
    Connection *connection = window.currentConnection();
    QVERIFY(connection);
    QTRY_COMPARE_WITH_TIMEOUT(connection->state(), Connection::State::Open, 10000);

    // Ctrl+3 shows the Stats tab; Ctrl+P pings.
    window.findChild<QAction *>(QStringLiteral("statsTabAction"))->trigger();
    ConnectionStatsPlot *plot = window.statsPlot();
    QCOMPARE(window.viewTabs()->currentWidget(), plot);
    auto *ping = window.findChild<QAction *>(QStringLiteral("pingAction"));
    QCOMPARE(ping->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_P));
    for (int i = 0; i < 3; ++i) {
        ping->trigger();
        connection->sendText(QStringLiteral("hello %1").arg(i));
    }
    QTRY_VERIFY_WITH_TIMEOUT((plot->refresh(), plot->stats().pongCount() == 3), 10000);
    QTRY_VERIFY_WITH_TIMEOUT((plot->refresh(), plot->stats().messagesIn() == 3), 10000);
    QCOMPARE(plot->stats().messagesOut(), 3u);
    for (const auto &sample : plot->stats().rttSamples())
        QVERIFY(sample.rttUs > 0);
    QVERIFY(plot->rttEmptyText().isEmpty());
    QVERIFY(plot->rateEmptyText().isEmpty());

    // It paints the RTT series in its colour: purple dots appear in the top half.
    const QImage image = plot->grab().toImage();
    QVERIFY(!image.isNull());
    const QImage top = image.copy(0, 0, image.width(), image.height() / 2);
    QVERIFY(countColour(top, QColor(0x8e, 0x5b, 0xd6)) > 20);

    // Switching connections starts from that connection's own events.
    window.selectConnection(nullptr);
    connection->close();
    QTRY_VERIFY_WITH_TIMEOUT(connection->state() == Connection::State::Closed, 10000);
}

void TestStatsPlot::namesDeflateParametersAndRatios()
{
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:9/"));
    Connection connection(options);
    ConnectionStatsPlot plot;
    plot.resize(600, 400);
    plot.setConnection(&connection);
    QVERIFY(plot.compressionText().isEmpty()); // nothing negotiated: nothing said
    const qint64 t = 1'700'000'000'000'000;
    EventRecord request;
    request.type = EventType::HandshakeRequest;
    request.dir = Direction::Outgoing;
    request.timeUs = t;
    connection.appendEvent(request,
        "GET / HTTP/1.1\r\nHost: x\r\nSec-WebSocket-Extensions: permessage-deflate; "
        "client_no_context_takeover\r\n\r\n");
    const QByteArray head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                            "Sec-WebSocket-Extensions: permessage-deflate; client_no_context_takeover\r\n\r\n";
    EventRecord response;
    response.type = EventType::HandshakeResponse;
    response.dir = Direction::Incoming;
    response.timeUs = t;
    response.value = quint64(head.size());
    connection.appendEvent(response, head);
    EventRecord message;
    message.type = EventType::Message;
    message.dir = Direction::Incoming;
    message.timeUs = t + 1;
    message.value = 400;
    message.flags = FlagText | FlagRsv1;
    message.maskKey = 100;
    connection.appendEvent(message, QByteArray(400, 'x'));
    plot.refresh();
    const QString text = plot.compressionText();
    QVERIFY2(text.startsWith(QLatin1String("permessage-deflate: ")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("in 0.250 (100 of 400 bytes, 1 message")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("out no compressed messages")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("reset after every message")), qPrintable(text));
    QVERIFY(!plot.grab().toImage().isNull());
    plot.setConnection(nullptr);
}

QTEST_MAIN(TestStatsPlot)
#include "tst_statsplot.moc"
