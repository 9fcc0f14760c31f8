// HarImporter: a HAR shaped like Chromium's DevTools export (tests/data/chromium-devtools.har, built by hand
// from the documented shape) and broken files.
#include "connection/connection.h"
#include "files/harimporter.h"
#include "language/translations.h"

#include <QFile>
#include <QTest>

using namespace wsi;

class tst_HarImporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { Translations::forApplication()->apply(QStringLiteral("en")); }

    // The importer's own words are English in the record (an export writes them) and Korean in a Korean window,
    // also when the language changes after the import.
    void itsOwnWordsFollowTheLanguage()
    {
        HarImporter importer;
        QVERIFY(importer.readFile(QStringLiteral(WSI_TEST_DATA_DIR "/chromium-devtools.har")));
        const Connection &c = *importer.connections().front();
        const QString english
            = QStringLiteral("Imported from HAR (WebInspector 537.36): the handshake heads are rebuilt "
                             "from the HAR's headers, not recorded from the wire; HAR holds no "
                             "frames, pings or Close frames.");
        QCOMPARE(c.rowText(0), english);
        QCOMPARE(c.statusText(), QStringLiteral("Imported from HAR: how it closed is not recorded."));
        Translations::forApplication()->apply(QStringLiteral("ko"));
        QCOMPARE(c.rowText(0),
            QStringLiteral(
                "HAR에서 가져왔습니다 (WebInspector 537.36): 핸드셰이크 헤더 부분은 와이어에서 기록한 것이 아니라 "
                "HAR의 헤더로 다시 만든 것입니다. HAR에는 프레임, 핑, Close 프레임이 없습니다."));
        QCOMPARE(c.statusText(), QStringLiteral("HAR에서 가져왔습니다: 어떻게 닫혔는지는 기록되어 있지 않습니다."));
        QCOMPARE(c.events().payloadText(0), english); // what a session file gets
        QCOMPARE(c.recordedStatusText(), QStringLiteral("Imported from HAR: how it closed is not recorded."));

        // Read while the window is Korean: the notes for the user are Korean, the record still English.
        HarImporter korean;
        QVERIFY(korean.readFile(QStringLiteral(WSI_TEST_DATA_DIR "/chromium-devtools.har")));
        QVERIFY2(korean.notes().join(QLatin1Char(' ')).contains(QStringLiteral("건너뛰었습니다")),
            qPrintable(korean.notes().join(QLatin1Char(' '))));
        QCOMPARE(korean.connections().front()->events().payloadText(0), english);
    }

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
