// Keepalive against real peers on 127.0.0.1: a raw socket server that never answers pings (/silent) and
// python3-websockets, which answers every ping.
#include "connection/connection.h"
#include "connection/keepalive.h"
#include "eventquery.h"
#include "peerprocess.h"

#include <QSignalSpy>
#include <QTest>

using namespace wsi;

namespace {

int countOf(const Connection &c, EventType type, Direction dir)
{
    int n = 0;
    for (qsizetype i = 0; i < c.events().size(); ++i)
        n += c.events().at(i).type == type && c.events().at(i).dir == dir ? 1 : 0;
    return n;
}

} // namespace

class tst_Keepalive : public QObject
{
    Q_OBJECT

private:
    PeerProcess m_raw;
    PeerProcess m_python;

    static ConnectionOptions optionsFor(const QString &url, int intervalMs, int timeoutMs, bool closeOnMiss)
    {
        ConnectionOptions options;
        options.url = QUrl(url);
        options.timeoutMs = 10000;
        options.closeGraceMs = 200;
        options.keepalive.intervalMs = intervalMs;
        options.keepalive.timeoutMs = timeoutMs;
        options.keepalive.closeOnMissedPong = closeOnMiss;
        return options;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_raw.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("raw_server.py")),
            "raw server did not start");
        QVERIFY2(m_python.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")),
            "python3-websockets server did not start");
    }

    void noKeepaliveUnlessAsked()
    {
        Connection c(optionsFor(m_python.url(QStringLiteral("/echo")), 0, 1000, false));
        QCOMPARE(c.keepalive(), nullptr);
    }

    void missedPongIsAnErrorRowAndKeepsTheConnection()
    {
        Connection c(optionsFor(m_raw.url(QStringLiteral("/silent")), 150, 300, false));
        QVERIFY(c.keepalive());
        QSignalSpy missed(c.keepalive(), &Keepalive::pongMissed);
        c.open();
        QTRY_COMPARE_WITH_TIMEOUT(c.state(), Connection::State::Open, 10000);
        QVERIFY(missed.wait(5000));
        QList<ErrorLayer> layers;
        const QStringList errors = errorsOf(c, &layers);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(layers.front(), ErrorLayer::WebSocket);
        QVERIFY2(errors.front().startsWith(QStringLiteral("No pong within 300 ms for the ping sent at ")),
            qPrintable(errors.front()));
        QVERIFY2(errors.front().contains(QStringLiteral("the server may be stalled or the network dropped")),
            qPrintable(errors.front()));
        QVERIFY(c.statusText().contains(QStringLiteral("No pong within 300 ms")));
        // The ping really crossed the wire; nothing answered it.
        QVERIFY(countOf(c, EventType::Ping, Direction::Outgoing) >= 1);
        QCOMPARE(countOf(c, EventType::Pong, Direction::Incoming), 0);
        // Without closeOnMissedPong the connection stays open and keeps asking.
        QCOMPARE(c.state(), Connection::State::Open);
        QTRY_VERIFY_WITH_TIMEOUT(c.keepalive()->pingsSent() >= 2, 5000);
        c.abort();
    }

    void missedPongClosesWhenChosen()
    {
        Connection c(optionsFor(m_raw.url(QStringLiteral("/silent")), 150, 300, true));
        QSignalSpy finished(&c, &Connection::finished);
        c.open();
        QTRY_COMPARE_WITH_TIMEOUT(c.state(), Connection::State::Open, 10000);
        QVERIFY(finished.wait(10000));
        QCOMPARE(c.state(), Connection::State::Closed);
        QCOMPARE(c.keepalive()->pongsMissed(), 1);
        // The close came from the app, not the user: auto-reconnect may undo it.
        QVERIFY(!c.closedByUser());
        bool sent1001 = false;
        for (qsizetype i = 0; i < c.events().size(); ++i) {
            const EventRecord &r = c.events().at(i);
            if (r.type == EventType::Close && r.dir == Direction::Outgoing)
                sent1001 = r.value == 1001;
        }
        QVERIFY(sent1001);
        QVERIFY2(c.statusText().contains(QStringLiteral("1001")), qPrintable(c.statusText()));
    }

    void answeredPingsRaiseNoError()
    {
        Connection c(optionsFor(m_python.url(QStringLiteral("/echo")), 100, 1000, true));
        c.open();
        QTRY_COMPARE_WITH_TIMEOUT(c.state(), Connection::State::Open, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(c.keepalive()->pingsSent() >= 4, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!c.keepalive()->awaitingPong(), 5000);
        QVERIFY2(errorsOf(c).isEmpty(), qPrintable(errorsOf(c).join(QLatin1Char('\n'))));
        QCOMPARE(c.keepalive()->pongsMissed(), 0);
        QVERIFY(countOf(c, EventType::Pong, Direction::Incoming) >= 3);
        QCOMPARE(c.state(), Connection::State::Open);
        QVERIFY(c.close());
        QVERIFY(c.closedByUser());
    }
};

QTEST_GUILESS_MAIN(tst_Keepalive)
#include "tst_keepalive.moc"
