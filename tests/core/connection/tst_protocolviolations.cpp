// A raw-socket server that breaks RFC 6455 on purpose: every violation becomes an ERROR row naming the rule.
#include "connection/connection.h"
#include "peerprocess.h"

#include <QSignalSpy>
#include <QTest>

using namespace wsi;

class tst_ProtocolViolations : public QObject
{
    Q_OBJECT

private:
    PeerProcess m_raw;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_raw.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("raw_server.py")),
            "raw server did not start");
    }

    void violationIsAnErrorRowNamingTheRule_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("rule");
        QTest::newRow("reserved opcode") << "/reserved-opcode"
                                         << "reserved opcode";
        QTest::newRow("RSV1 without extension") << "/rsv1"
                                                << "permessage-deflate";
        QTest::newRow("masked server frame") << "/masked-server-frame"
                                             << "must not mask";
        QTest::newRow("fragmented ping") << "/fragmented-ping"
                                         << "must not be fragmented";
        QTest::newRow("oversized ping") << "/oversized-ping"
                                        << "longer than 125 bytes";
        QTest::newRow("invalid UTF-8 text") << "/invalid-utf8"
                                            << "not valid UTF-8";
        QTest::newRow("close code 1005 on the wire") << "/invalid-close-code"
                                                     << "may not be sent on the wire";
        QTest::newRow("one-byte close payload") << "/one-byte-close"
                                                << "one byte long";
        QTest::newRow("continuation without start") << "/unexpected-continuation"
                                                    << "no fragmented message";
        QTest::newRow("new message inside fragmented one") << "/expected-continuation"
                                                           << "continuation frame was expected";
        QTest::newRow("non-minimal length") << "/non-minimal-length"
                                            << "minimal number of bytes";
        QTest::newRow("64-bit length high bit") << "/length-high-bit"
                                                << "Most significant bit";
        QTest::newRow("invalid UTF-8 close reason") << "/invalid-utf8-close-reason"
                                                    << "Close reason is not valid UTF-8";
        QTest::newRow("frame after close") << "/frame-after-close"
                                           << "nothing may follow";
    }

    void violationIsAnErrorRowNamingTheRule()
    {
        QFETCH(QString, path);
        QFETCH(QString, rule);
        ConnectionOptions options;
        options.url = QUrl(m_raw.url(path));
        Connection c(options);
        QSignalSpy finished(&c, &Connection::finished);
        c.open();
        QVERIFY(finished.wait(15000));
        QStringList websocketErrors;
        for (qsizetype i = 0; i < c.events().size(); ++i) {
            const EventRecord &r = c.events().at(i);
            if (r.type == EventType::Error && r.layer() == ErrorLayer::WebSocket)
                websocketErrors << c.events().payloadText(i);
        }
        QCOMPARE(websocketErrors.size(), 1); // named once, not repeated by Qt's own follow-up error
        QVERIFY2(websocketErrors.first().contains(rule, Qt::CaseInsensitive), qPrintable(websocketErrors.first()));
        QVERIFY2(websocketErrors.first().contains(QStringLiteral("RFC 6455")) || path == QLatin1String("/rsv1"),
            qPrintable(websocketErrors.first()));
        QVERIFY(websocketErrors.first().startsWith(QStringLiteral("The server")));
        QVERIFY(c.counters().errors >= 1);
    }

    void controlFrameInsideFragmentedMessageIsFine()
    {
        ConnectionOptions options;
        options.url = QUrl(m_raw.url(QStringLiteral("/ping-interleaved")));
        Connection c(options);
        c.open();
        QList<EventType> seen;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (qsizetype i = 0; i < c.events().size(); ++i) {
                    if (c.events().at(i).type == EventType::Message)
                        return true;
                }
                return false;
            }(),
            10000);
        qsizetype ping = -1;
        qsizetype message = -1;
        for (qsizetype i = 0; i < c.events().size(); ++i) {
            const EventRecord &r = c.events().at(i);
            QVERIFY2(r.type != EventType::Error, qPrintable(c.events().payloadText(i)));
            if (r.type == EventType::Ping && ping < 0)
                ping = i;
            if (r.type == EventType::Message && message < 0)
                message = i;
        }
        QVERIFY(ping >= 0 && ping < message); // the ping is logged when it arrived, mid-message
        QCOMPARE(c.events().payloadText(message), QStringLiteral("Hello"));
        c.abort();
    }

    void wrongAcceptIsNamed()
    {
        ConnectionOptions options;
        options.url = QUrl(m_raw.url(QStringLiteral("/bad-accept")));
        Connection c(options);
        QSignalSpy finished(&c, &Connection::finished);
        c.open();
        QVERIFY(finished.wait(15000));
        QCOMPARE(c.state(), Connection::State::Failed);
        QVERIFY(!c.handshake().accept.valid);
        QVERIFY(c.handshake().accept.expected != c.handshake().accept.received);
        QVERIFY2(c.statusText().contains(QStringLiteral("Sec-WebSocket-Accept")), qPrintable(c.statusText()));
    }
};

QTEST_GUILESS_MAIN(tst_ProtocolViolations)
#include "tst_protocolviolations.moc"
