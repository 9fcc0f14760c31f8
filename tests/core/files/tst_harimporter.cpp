// HarImporter: a HAR shaped like Chromium's DevTools export (tests/data/chromium-devtools.har, built by hand
// from the documented shape) and broken files.
#include "connection/connection.h"
#include "files/harimporter.h"

#include <QFile>
#include <QTest>

using namespace wsi;

class tst_HarImporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAChromiumDevToolsHar()
    {
        HarImporter importer;
        QVERIFY2(importer.readFile(QStringLiteral(WSI_TEST_DATA_DIR "/chromium-devtools.har")),
            qPrintable(importer.errorString()));
        QCOMPARE(importer.creator(), QStringLiteral("WebInspector 537.36"));
        QCOMPARE(importer.connections().size(), size_t(1)); // the document entry is not a WebSocket
        QVERIFY(importer.notes().join(QLatin1Char(' ')).contains(QStringLiteral("Skipped 1")));
        const Connection &c = *importer.connections().front();
        QVERIFY(c.isImported());
        QCOMPARE(c.url(), QUrl(QStringLiteral("wss://chat.example.org/socket?room=general&token=abc%20def")));
        QCOMPARE(c.state(), Connection::State::Closed);

        const HandshakeRecord &hs = c.handshake();
        QCOMPARE(hs.request.method, QByteArray("GET"));
        QCOMPARE(hs.request.target, QByteArray("/socket?room=general&token=abc%20def"));
        QCOMPARE(hs.request.headers.size(), 13);
        QCOMPARE(hs.request.value("Sec-WebSocket-Key"), QByteArray("dGhlIHNhbXBsZSBub25jZQ=="));
        QVERIFY(hs.request.raw.startsWith("GET /socket?room=general&token=abc%20def HTTP/1.1\r\nAccept-Encoding: "));
        QVERIFY(hs.request.raw.endsWith("\r\n\r\n"));
        QCOMPARE(hs.response.status, 101);
        QCOMPARE(hs.response.reason, QByteArray("Switching Protocols"));
        QVERIFY(hs.accept.valid); // the RFC 6455 sample key and accept
        QCOMPARE(c.negotiatedSubprotocol(), QStringLiteral("chat.v2"));
        QCOMPARE(c.timings().upgradeUs, qint64(46410));
        QCOMPARE(c.timings().totalUs, qint64(48510));

        const EventStore &events = c.events();
        QCOMPARE(events.at(0).type, EventType::Info);
        QVERIFY(events.payloadText(0).contains(QStringLiteral("rebuilt")));
        QCOMPARE(events.at(1).type, EventType::HandshakeRequest);
        QCOMPARE(events.at(2).type, EventType::HandshakeResponse);
        QCOMPARE(events.at(3).type, EventType::Open);
        QCOMPARE(events.payloadText(3), QStringLiteral("chat.v2"));
        QCOMPARE(events.at(1).timeUs,
            QDateTime(QDate(2024, 3, 5), QTime(10, 15, 30, 123), Qt::UTC).toMSecsSinceEpoch() * 1000);

        QCOMPARE(events.size(), 8);
        QCOMPARE(events.at(4).type, EventType::Message);
        QCOMPARE(events.at(4).dir, Direction::Outgoing);
        QVERIFY(events.at(4).hasFlag(FlagText));
        QCOMPARE(events.payloadText(4), QStringLiteral("{\"op\":\"subscribe\",\"room\":\"général\"}"));
        QCOMPARE(events.at(4).timeUs, qint64(1709633730201847));
        QCOMPARE(events.at(5).dir, Direction::Incoming);
        QCOMPARE(events.payloadText(5), QStringLiteral("{\"op\":\"welcome\",\"users\":3,\"emoji\":\"👋\"}"));
        QCOMPARE(events.at(6).dir, Direction::Incoming);
        QVERIFY(!events.at(6).hasFlag(FlagText));
        QCOMPARE(events.payloadCopy(6), QByteArray("\x00\x01\x02\x03\xff\x10\xfe", 7));
        QCOMPARE(events.payloadCopy(7), QByteArray());
        QCOMPARE(c.counters().messagesIn, quint64(2));
        QCOMPARE(c.counters().messagesOut, quint64(2));
    }

    void refusesWhatIsNotHar_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not JSON") << QByteArray("{\n  \"log\": {\n    oops\n") << QStringLiteral("line 3");
        QTest::newRow("no log") << QByteArray("{\"entries\":[]}") << QStringLiteral("\"log\"");
        QTest::newRow("entries not a list") << QByteArray("{\"log\":{\"entries\":{}}}") << QStringLiteral("entries");
    }

    void refusesWhatIsNotHar()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, mentions);
        HarImporter importer;
        QVERIFY(!importer.read(data));
        QVERIFY2(importer.errorString().contains(mentions), qPrintable(importer.errorString()));
        QVERIFY(importer.connections().empty());
        QVERIFY(!importer.readFile(QStringLiteral("/nonexistent.har")));
    }

    void saysWhenThereAreNoWebSockets()
    {
        HarImporter importer;
        QVERIFY(importer.read("{\"log\":{\"version\":\"1.2\",\"entries\":[]}}"));
        QVERIFY(importer.connections().empty());
        QVERIFY(importer.notes().join(QLatin1Char(' ')).contains(QStringLiteral("no WebSocket")));
    }

    void toleratesUnknownOpcodesAndErrors()
    {
        QFile file(QStringLiteral(WSI_TEST_DATA_DIR "/odd-messages.har"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray har = file.readAll();
        HarImporter importer;
        QVERIFY2(importer.read(har), qPrintable(importer.errorString()));
        const EventStore &events = importer.connections().front()->events();
        QCOMPARE(events.at(events.size() - 2).type, EventType::Ping);
        QCOMPARE(events.at(events.size() - 1).type, EventType::Error);
        QVERIFY(importer.notes().join(QLatin1Char(' ')).contains(QStringLiteral("unknown opcode")));
    }
};

QTEST_GUILESS_MAIN(tst_HarImporter)
#include "tst_harimporter.moc"
