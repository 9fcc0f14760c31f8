// Session format version 2: message lines with "proxy_action" and "original_payload" read back and written
// again byte for byte; version 1 and 2 files are still read by the version 3 reader (the writer's, whose late
// marks tst_proxylatemarks covers), an unknown newer version is refused by name.
#include "connection/connection.h"
#include "files/sessionlogreader.h"
#include "files/sessionlogwriter.h"

#include <QTest>

using namespace wsi;

namespace {

const QByteArray kHeader
    = R"({"event":"session","format":"wsinspector-session/2","t":"2026-01-01T00:00:00.000Z","tool":"t"})"
      "\n";

// Every kind of mark, text and binary, and an original that is not UTF-8 (written as original_payload_base64).
const QByteArray kLines[] = {
    R"({"conn":7,"dir":"out","event":"message","leg":"server","original_payload":"hello world","proxy_action":"replaced","size":9,"t":"2026-01-01T00:00:00.000Z","t_us":1767225600000000,"text":"bye world","type":"text"})",
    R"({"base64":"AAE=","conn":7,"dir":"out","event":"message","leg":"server","original_payload":"/w==","proxy_action":"edited","size":2,"t":"2026-01-01T00:00:00.001Z","t_us":1767225600001000,"type":"binary"})",
    R"({"conn":7,"dir":"in","event":"message","leg":"client","proxy_action":"dropped","size":6,"t":"2026-01-01T00:00:00.002Z","t_us":1767225600002000,"text":"secret","type":"text"})",
    R"({"conn":7,"dir":"out","event":"message","leg":"client","proxy_action":"injected","size":2,"t":"2026-01-01T00:00:00.003Z","t_us":1767225600003000,"text":"hi","type":"text"})",
    R"({"conn":7,"dir":"out","event":"message","original_payload_base64":"/w==","proxy_action":"edited","size":2,"t":"2026-01-01T00:00:00.004Z","t_us":1767225600004000,"text":"ok","type":"text"})",
    R"({"conn":7,"dir":"out","event":"message","size":5,"t":"2026-01-01T00:00:00.005Z","t_us":1767225600005000,"text":"plain","type":"text"})",
};

QByteArray withoutLeg(QByteArray line)
{
    // The same lines without "leg": an ordinary connection with one wire, written back without "leg".
    return line.replace(",\"leg\":\"server\"", "").replace(",\"leg\":\"client\"", "");
}

} // namespace

class tst_SessionProxyMarks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writerSaysVersion4()
    {
        QCOMPARE(QByteArray(SessionLogWriter::kFormat), QByteArray("wsinspector-session/4"));
        QVERIFY(SessionLogWriter::header(QStringLiteral("t")).contains("\"format\":\"wsinspector-session/4\""));
    }

    void marksRoundTripByteForByte()
    {
        QByteArray file = kHeader;
        for (const QByteArray &line : kLines)
            file += withoutLeg(line) + '\n';
        SessionLogReader reader;
        QVERIFY2(reader.read(file), qPrintable(reader.errorString()));
        QCOMPARE(reader.format(), QStringLiteral("wsinspector-session/2"));
        QCOMPARE(reader.connections().size(), size_t(1));
        const Connection &c = *reader.connections().front();
        const ConnectionLeg &leg = *c.leg(ConnectionLeg::Facing::Server);
        QCOMPARE(leg.events.size(), qsizetype(std::size(kLines)));
        QCOMPARE(leg.proxyMarks.size(), 5);
        QCOMPARE(leg.proxyMarks.value(0).action, ProxyMark::Action::Replaced);
        QCOMPARE(leg.proxyMarks.value(0).original, QByteArray("hello world"));
        QCOMPARE(leg.events.payload(0), QByteArray("bye world"));
        QCOMPARE(leg.proxyMarks.value(1).original, QByteArray("\xff"));
        QCOMPARE(leg.proxyMarks.value(2).action, ProxyMark::Action::Dropped);
        QCOMPARE(leg.proxyMarks.value(3).action, ProxyMark::Action::Injected);
        QCOMPARE(leg.proxyMarks.value(4).original, QByteArray("\xff"));
        QVERIFY(!leg.proxyMarks.contains(5));

        const QByteArray idPrefix = "\"conn\":7,";
        const QByteArray newId = "\"conn\":" + QByteArray::number(c.id()) + ",";
        for (qsizetype i = 0; i < leg.events.size(); ++i) {
            QByteArray expected = withoutLeg(kLines[i]) + '\n';
            expected.replace(idPrefix, newId);
            QCOMPARE(SessionLogWriter::eventLine(c, i), expected);
        }
    }

    void version1IsStillRead()
    {
        const QByteArray file = R"({"event":"session","format":"wsinspector-session/1","t":"x","tool":"t"})"
                                "\n"
            + withoutLeg(kLines[5]) + "\n";
        SessionLogReader reader;
        QVERIFY2(reader.read(file), qPrintable(reader.errorString()));
        QCOMPARE(reader.format(), QStringLiteral("wsinspector-session/1"));
        QCOMPARE(reader.connections().front()->events().size(), 1);
    }

    void refusesAnUnknownVersionByName()
    {
        SessionLogReader reader;
        QVERIFY(!reader.read(QByteArray(R"({"event":"session","format":"wsinspector-session/5"})") + "\n"));
        QVERIFY2(reader.errorString().contains(QStringLiteral("\"wsinspector-session/5\"")),
            qPrintable(reader.errorString()));
        QVERIFY(reader.errorString().contains(QStringLiteral("wsinspector-session/2")));
        QVERIFY(reader.errorString().contains(QStringLiteral("wsinspector-session/3")));
        QVERIFY(reader.errorString().contains(QStringLiteral("wsinspector-session/4")));
    }

    void refusesAnUnknownActionOrAMissingOriginal()
    {
        SessionLogReader unknown;
        QVERIFY(!unknown.read(kHeader
            + R"({"conn":1,"dir":"out","event":"message","proxy_action":"teleported","size":1,"t_us":1,"text":"x","type":"text"})"
            + "\n"));
        QVERIFY2(unknown.errorString().contains(QStringLiteral("teleported")), qPrintable(unknown.errorString()));
        SessionLogReader missing;
        QVERIFY(!missing.read(kHeader
            + R"({"conn":1,"dir":"out","event":"message","proxy_action":"edited","size":1,"t_us":1,"text":"x","type":"text"})"
            + "\n"));
        QVERIFY2(missing.errorString().contains(QStringLiteral("original_payload")), qPrintable(missing.errorString()));
    }
};

QTEST_GUILESS_MAIN(tst_SessionProxyMarks)
#include "tst_sessionproxymarks.moc"
