// SessionLogReader on damaged, foreign and unusual input: unknown formats and versions refused by name, a
// malformed line named by its number, a torn last line (a journal killed mid-write) ignored with a note, every
// JSON escape decoded, unknown event types kept as info rows. Round trips are tst_sessionlogreader.
#include "connection/connection.h"
#include "files/sessionlogreader.h"
#include "files/sessionlogwriter.h"

#include <QTest>

using namespace wsi;

namespace {

QByteArray session(const QByteArray &lines)
{
    return SessionLogWriter::header(QStringLiteral("tst_sessionlogrefusals")) + lines;
}

} // namespace

class tst_SessionLogRefusals : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusesUnknownFormats_data()
    {
        QTest::addColumn<QByteArray>("firstLine");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("newer version") << QByteArray(R"({"event":"session","format":"wsinspector-session/5"})")
                                       << QStringLiteral("\"wsinspector-session/5\"");
        QTest::newRow("another format") << QByteArray(R"({"format":"har/1.2"})") << QStringLiteral("unknown format");
        QTest::newRow("no format field") << QByteArray(R"({"event":"message","conn":1})")
                                         << QStringLiteral("no \"format\" field");
        QTest::newRow("not JSON") << QByteArray("GET / HTTP/1.1") << QStringLiteral("not a valid JSON object");
    }

    void refusesUnknownFormats()
    {
        QFETCH(QByteArray, firstLine);
        QFETCH(QString, mentions);
        SessionLogReader reader;
        QVERIFY(!reader.read(firstLine + "\n{\"conn\":1,\"event\":\"info\",\"message\":\"x\",\"t_us\":1}\n"));
        QVERIFY2(reader.errorString().contains(mentions), qPrintable(reader.errorString()));
        QVERIFY2(reader.errorString().startsWith(QStringLiteral("line 1:")), qPrintable(reader.errorString()));
        QCOMPARE(reader.errorLine(), 1);
        QVERIFY(reader.connections().empty());
        if (firstLine.contains("/5")) {
            QVERIFY(reader.errorString().contains(QStringLiteral("wsinspector-session/1")));
            QVERIFY(reader.errorString().contains(QStringLiteral("wsinspector-session/2")));
            QVERIFY(reader.errorString().contains(QStringLiteral("wsinspector-session/3")));
            QVERIFY(reader.errorString().contains(QStringLiteral("wsinspector-session/4")));
        }
    }

    void refusesAnEmptyFile()
    {
        SessionLogReader reader;
        QVERIFY(!reader.read(QByteArray()));
        QVERIFY(!reader.errorString().isEmpty());
        QVERIFY(!reader.readFile(QStringLiteral("/nonexistent/session.jsonl")));
        QVERIFY(reader.errorString().contains(QStringLiteral("/nonexistent/session.jsonl")));
    }

    void namesTheLineOfAMalformedLine_data()
    {
        QTest::addColumn<QByteArray>("bad");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("missing brace") << QByteArray(R"({"conn":1,"event":"info","t_us":5)")
                                       << QStringLiteral("column");
        QTest::newRow("trailing garbage")
            << QByteArray(R"({"conn":1,"event":"info","t_us":5} x)") << QStringLiteral("after the object");
        QTest::newRow("bad escape") << QByteArray(R"({"conn":1,"event":"info","message":"\q","t_us":5})")
                                    << QStringLiteral("escape");
        QTest::newRow("bad number") << QByteArray(R"({"conn":1,"event":"info","t_us":05})")
                                    << QStringLiteral("expected");
        QTest::newRow("no conn") << QByteArray(R"({"event":"info","t_us":5})") << QStringLiteral("\"conn\"");
        QTest::newRow("no time") << QByteArray(R"({"conn":1,"event":"info"})") << QStringLiteral("time");
        QTest::newRow("binary without data")
            << QByteArray(R"({"conn":1,"event":"message","type":"binary","t_us":5})") << QStringLiteral("base64");
        QTest::newRow("unknown direction")
            << QByteArray(R"({"conn":1,"dir":"up","event":"info","t_us":5})") << QStringLiteral("\"up\"");
    }

    void namesTheLineOfAMalformedLine()
    {
        QFETCH(QByteArray, bad);
        QFETCH(QString, mentions);
        const QByteArray good = R"({"conn":1,"event":"info","message":"ok","t_us":1})";
        SessionLogReader reader;
        QVERIFY(!reader.read(session(good + "\n\n" + bad + "\n" + good + "\n")));
        QCOMPARE(reader.errorLine(), 4); // blank lines count
        QVERIFY2(reader.errorString().startsWith(QStringLiteral("line 4: ")), qPrintable(reader.errorString()));
        QVERIFY2(reader.errorString().contains(mentions), qPrintable(reader.errorString()));
        QVERIFY(reader.connections().empty());
    }

    void ignoresATornLastLineWithANote()
    {
        QByteArray lines;
        for (int i = 0; i < 3; ++i)
            lines += "{\"conn\":7,\"dir\":\"in\",\"event\":\"message\",\"size\":2,\"t_us\":"
                + QByteArray::number(1000 + i) + ",\"text\":\"hi\",\"type\":\"text\"}\n";
        const QByteArray torn = "{\"conn\":7,\"dir\":\"in\",\"event\":\"message\",\"size\":2,\"t_us\":1003,\"te";
        SessionLogReader reader;
        QVERIFY2(reader.read(session(lines + torn)), qPrintable(reader.errorString()));
        QCOMPARE(reader.eventCount(), 3);
        QCOMPARE(reader.notes().size(), 1);
        QVERIFY2(reader.notes().first().contains(QStringLiteral("torn last line")), qPrintable(reader.notes().first()));
        QVERIFY(reader.notes().first().startsWith(QStringLiteral("line 5:")));
        // The same bytes with a newline are damage in the middle of a file, not a torn write.
        QVERIFY(!reader.read(session(lines + torn + "\n")));
        QCOMPARE(reader.errorLine(), 5);
        // A complete last line without its newline is simply the last event.
        QVERIFY(reader.read(session(lines.chopped(1))));
        QCOMPARE(reader.eventCount(), 3);
        QVERIFY(reader.notes().isEmpty());
    }

    void decodesEveryJsonEscape()
    {
        const QByteArray line = "{\"conn\":1,\"event\":\"info\",\"message\":\"\\\"\\\\\\/"
                                "\\b\\f\\n\\r\\t\\u00e9\\u20ac\\ud83d\\ude00\\ud800x\",\"t_us\":1}";
        SessionLogReader reader;
        QVERIFY2(reader.read(session(line + "\n")), qPrintable(reader.errorString()));
        QCOMPARE(reader.connections().front()->events().payloadText(0), QStringLiteral("\"\\/\b\f\n\r\té€😀\uFFFDx"));
    }

    void keepsUnknownEventsAsInfoRows()
    {
        SessionLogReader reader;
        QVERIFY(reader.read(session(R"({"conn":1,"event":"telepathy","t_us":1,"thought":"hi"})"
                                    "\n")));
        QCOMPARE(reader.connections().front()->events().at(0).type, EventType::Info);
        QVERIFY(reader.connections().front()->events().payloadText(0).contains(QStringLiteral("telepathy")));
        QCOMPARE(reader.notes().size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_SessionLogRefusals)
#include "tst_sessionlogrefusals.moc"
