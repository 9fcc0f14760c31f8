// Raw frame injection and auto-pong off against real servers on 127.0.0.1.
#include "connection/connection.h"
#include "peerprocess.h"

#include <QSignalSpy>
#include <QTest>

using namespace wsi;

class tst_RawFrames : public QObject
{
    Q_OBJECT

private:
    PeerProcess m_raw;
    PeerProcess m_python;

    static qsizetype count(const Connection &c, EventType type, Direction dir)
    {
        qsizetype n = 0;
        for (qsizetype i = 0; i < c.events().size(); ++i)
            n += c.events().at(i).type == type && c.events().at(i).dir == dir;
        return n;
    }

private Q_SLOTS:
    // One raw reporting server and one python-websockets server for the whole suite.
    void initTestCase()
    {
        QVERIFY(m_raw.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("raw_server.py")));
        QVERIFY(m_python.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")));
    }

    void serverSeesExactlyTheInjectedFrame()
    {
        ConnectionOptions options;
        m_raw.clearOutput();
        options.url = QUrl(m_raw.url(QStringLiteral("/report")));
        Connection c(options);
        c.open();
        QTRY_COMPARE_WITH_TIMEOUT(c.state(), Connection::State::Open, 10000);
        RawFrameSpec spec;
        QString error;
        QVERIFY(parseRawFrameSpec(
            QStringLiteral("fin=0,rsv3=1,opcode=0x9,key=a1b2c3d4,payload=hex:000102"), &spec, &error));
        QVERIFY2(c.sendRawFrame(spec, &error), qPrintable(error));
        QVERIFY(c.sendText(QStringLiteral("after")));
        QTRY_VERIFY_WITH_TIMEOUT(m_raw.readOutput().count("FRAME") >= 2, 5000);
        const QList<QByteArray> lines = m_raw.readOutput().split('\n');
        QCOMPARE(lines.at(0), QByteArray("FRAME fin=0 rsv=001 opcode=9 masked=1 key=a1b2c3d4 len=3 payload=000102"));
        QVERIFY2(lines.at(1).startsWith("FRAME fin=1 rsv=000 opcode=1 masked=1"), lines.at(1).constData());
        // The log shows the injected frame as it went out, and says it was injected.
        bool info = false;
        for (qsizetype i = 0; i < c.events().size(); ++i)
            info = info || c.events().payloadText(i).contains(QStringLiteral("Injected raw frame"));
        QVERIFY(info);
        c.abort();
    }

    void serverReactionIsLogged()
    {
        ConnectionOptions options;
        options.url = QUrl(m_python.url(QStringLiteral("/echo")));
        Connection c(options);
        QSignalSpy finished(&c, &Connection::finished);
        c.open();
        QTRY_COMPARE_WITH_TIMEOUT(c.state(), Connection::State::Open, 10000);
        RawFrameSpec spec;
        QVERIFY(rawFramePreset(QStringLiteral("invalid-utf8-text"), &spec));
        QVERIFY(c.sendRawFrame(spec));
        QVERIFY(finished.wait(10000));
        // python-websockets fails the connection with 1007 (invalid frame payload data).
        qsizetype closeIn = -1;
        for (qsizetype i = 0; i < c.events().size(); ++i) {
            if (c.events().at(i).type == EventType::Close && c.events().at(i).dir == Direction::Incoming)
                closeIn = i;
        }
        QVERIFY(closeIn >= 0);
        QCOMPARE(c.events().at(closeIn).value, quint64(1007));
    }

    void decodingGoesOnAfterAnInjectedViolation()
    {
        ConnectionOptions options;
        m_raw.clearOutput();
        options.url = QUrl(m_raw.url(QStringLiteral("/report")));
        Connection c(options);
        c.open();
        QTRY_COMPARE_WITH_TIMEOUT(c.state(), Connection::State::Open, 10000);
        RawFrameSpec broken;
        QVERIFY(rawFramePreset(QStringLiteral("reserved-opcode"), &broken));
        QVERIFY(c.sendRawFrame(broken));
        QVERIFY(c.sendText(QStringLiteral("still decoded")));
        RawFrameSpec second;
        QVERIFY(rawFramePreset(QStringLiteral("unsolicited-pong"), &second));
        QVERIFY(c.sendRawFrame(second));
        QTRY_VERIFY_WITH_TIMEOUT(m_raw.readOutput().count("FRAME") >= 3, 5000);
        QCOMPARE(count(c, EventType::Message, Direction::Outgoing), qsizetype(1));
        QCOMPARE(count(c, EventType::Pong, Direction::Outgoing), qsizetype(1));
        QCOMPARE(count(c, EventType::Error, Direction::Outgoing), qsizetype(1)); // the reserved opcode, named
        c.abort();
    }

    void rawFramesNeedAnOpenPlaintextConnection()
    {
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("ws://127.0.0.1:9/"));
        Connection c(options);
        QString error;
        QVERIFY(!c.sendRawFrame(RawFrameSpec {}, &error));
        QVERIFY(error.contains(QStringLiteral("not open")));
    }

    void autoPongOffHoldsBackServerPings()
    {
        ConnectionOptions options;
        options.url = QUrl(m_python.url(QStringLiteral("/ping")));
        Connection c(options);
        c.setAutoPong(false);
        c.open();
        QTRY_COMPARE_WITH_TIMEOUT(count(c, EventType::Ping, Direction::Incoming), qsizetype(1), 10000);
        QTest::qWait(500);
        QCOMPARE(count(c, EventType::Pong, Direction::Outgoing), qsizetype(0));
        bool held = false;
        for (qsizetype i = 0; i < c.events().size(); ++i)
            held = held || c.events().payloadText(i).contains(QStringLiteral("held back"));
        QVERIFY(held);
        // Messages still flow with auto-pong off.
        QVERIFY(c.sendText(QStringLiteral("still here")));
        QTRY_COMPARE_WITH_TIMEOUT(count(c, EventType::Message, Direction::Incoming), qsizetype(1), 5000);
        c.setAutoPong(true);
        c.abort();
    }
};

QTEST_GUILESS_MAIN(tst_RawFrames)
#include "tst_rawframes.moc"
