// Reading "payload_of" (session format version 4): a proxied message line that names the other leg's `in` line
// gets that line's payload back, both legs as they were recorded; writing them again gives the same lines; a
// reference to nothing, to a line too old, or where none can be is refused by line.
#include "connection/connection.h"
#include "files/sessionexporter.h"
#include "files/sessionlogreader.h"

#include <QTest>

using namespace wsi;
using Facing = ConnectionLeg::Facing;

namespace {

const QByteArray kHeader
    = R"({"event":"session","format":"wsinspector-session/4","t":"2026-01-01T00:00:00.000Z","tool":"t"})";

// One message line as the writer writes it (keys in its order), at 2026-01-01T00:00:00 plus `ms`.
QByteArray line(const char *leg, const char *dir, int ms, const QByteArray &payloadMember, const char *type = "text",
    qsizetype size = 0)
{
    const QByteArray t = QByteArray::number(1767225600000LL + ms);
    const QByteArray iso = "2026-01-01T00:00:00." + QByteArray::number(ms).rightJustified(3, '0') + "Z";
    const bool reference = payloadMember.startsWith("\"payload_of\"");
    QByteArray out = "{";
    if (!reference && payloadMember.startsWith("\"base64\""))
        out += payloadMember + ",";
    out += "\"conn\":5,\"dir\":\"" + QByteArray(dir) + "\",\"event\":\"message\",\"leg\":\"" + leg + "\",";
    if (reference)
        out += payloadMember + ",";
    out += "\"size\":" + QByteArray::number(size) + ",\"t\":\"" + iso + "\",\"t_us\":" + t + "000,";
    if (!reference && payloadMember.startsWith("\"text\""))
        out += payloadMember + ",";
    out += "\"type\":\"" + QByteArray(type) + "\"}";
    return out;
}

QByteArray text(const QByteArray &bytes)
{
    return "\"text\":\"" + bytes + "\"";
}

QByteArray file(const QByteArrayList &lines, const QByteArray &header = kHeader)
{
    return header + '\n' + lines.join('\n') + '\n';
}

QByteArrayList messagesOf(const ConnectionLeg &leg, Direction dir)
{
    QByteArrayList payloads;
    for (qsizetype i = 0; i < leg.events.size(); ++i) {
        if (leg.events.at(i).type == EventType::Message && leg.events.at(i).dir == dir)
            payloads << leg.events.payloadCopy(i);
    }
    return payloads;
}

} // namespace

class tst_SessionPayloadOf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsBothLegsPayloadsAndWritesTheSameLines()
    {
        const QByteArray sent(2000, 's');
        const QByteArray echoed = QByteArray(1500, 'e').toBase64();
        const QByteArrayList lines {
            line("client", "in", 1, text(sent), "text", sent.size()),
            line("server", "out", 2, "\"payload_of\":1", "text", sent.size()),
            line("server", "in", 3, text("small"), "text", 5),
            line("server", "in", 4, "\"base64\":\"" + echoed + "\"", "binary", 1500),
            line("client", "out", 5, text("small"), "text", 5),
            line("client", "out", 6, "\"payload_of\":2", "binary", 1500),
        };
        SessionLogReader reader;
        QVERIFY2(reader.read(file(lines)), qPrintable(reader.errorString()));
        QCOMPARE(reader.connections().size(), size_t(1));
        const Connection &c = *reader.connections().front();
        QVERIFY(c.hasTwoLegs());
        QCOMPARE(messagesOf(*c.leg(Facing::Client), Direction::Incoming), QByteArrayList { sent });
        QCOMPARE(messagesOf(*c.leg(Facing::Server), Direction::Outgoing), QByteArrayList { sent });
        const QByteArrayList echoes { "small", QByteArray(1500, 'e') };
        QCOMPARE(messagesOf(*c.leg(Facing::Server), Direction::Incoming), echoes);
        QCOMPARE(messagesOf(*c.leg(Facing::Client), Direction::Outgoing), echoes);

        QByteArray written = SessionExporter::sessionLog({ &c }, QStringLiteral("t"));
        written = written.mid(written.indexOf('\n') + 1);
        written.replace("\"conn\":" + QByteArray::number(c.id()) + ",", "\"conn\":5,");
        QCOMPARE(written, lines.join('\n') + '\n');
    }

    void aVersion3FileIsStillReadAndWrittenWithReferences()
    {
        const QByteArray sent(2000, 's');
        const QByteArray header = QByteArray(kHeader).replace("session/4", "session/3");
        SessionLogReader reader;
        QVERIFY2(reader.read(file({ line("client", "in", 1, text(sent), "text", sent.size()),
                                      line("server", "out", 2, text(sent), "text", sent.size()) },
                     header)),
            qPrintable(reader.errorString()));
        QCOMPARE(reader.format(), QStringLiteral("wsinspector-session/3"));
        const Connection &c = *reader.connections().front();
        QCOMPARE(messagesOf(*c.leg(Facing::Server), Direction::Outgoing), QByteArrayList { sent });
        const QByteArray written = SessionExporter::sessionLog({ &c }, QStringLiteral("t"));
        QVERIFY(written.contains("\"format\":\"wsinspector-session/4\""));
        QCOMPARE(written.count(sent), 1);
        QVERIFY(written.contains("\"leg\":\"server\",\"payload_of\":1,"));
    }

    void refusesAReferenceItCannotResolve_data()
    {
        QTest::addColumn<QByteArrayList>("lines");
        QTest::addColumn<int>("badLine");
        QTest::addColumn<QString>("says");
        const QByteArray big(2000, 'b');
        const QByteArray in = line("client", "in", 1, text(big), "text", big.size());
        QTest::newRow("no such in line") << QByteArrayList { in,
            line("server", "out", 2, "\"payload_of\":2", "text", 2000) }
                                         << 3
                                         << QStringLiteral(
                                                "\"payload_of\":2 names no \"in\" message of the client leg before it "
                                                "(that leg has 1 so far).");
        QTest::newRow("before any line of the other leg")
            << QByteArrayList { line("server", "out", 2, "\"payload_of\":1", "text", 2000) } << 2
            << QStringLiteral("\"payload_of\":1 names no \"in\" message of the client leg before it");
        QByteArrayList tooOld { in };
        for (int i = 0; i < 16; ++i)
            tooOld << line("client", "in", 2 + i, text("x"), "text", 1);
        tooOld << line("server", "out", 30, "\"payload_of\":1", "text", 2000);
        QTest::newRow("older than the last 16")
            << tooOld << 19
            << QStringLiteral("names an \"in\" message of the client leg older than its last 16 (it has 17");
        QTest::newRow("on an in line") << QByteArrayList { in,
            line("server", "in", 2, "\"payload_of\":1", "text", 2000) }
                                       << 3 << QStringLiteral("\"payload_of\" belongs on an \"out\" message line");
        QTest::newRow("of the other type")
            << QByteArrayList { in, line("server", "out", 2, "\"payload_of\":1", "binary", 2000) } << 3
            << QStringLiteral("not of this message's type");
        QTest::newRow("with a payload of its own") << QByteArrayList { in,
            line("server", "out", 2, "\"payload_of\":1", "text", 2000).replace("\"type\"", "\"text\":\"b\",\"type\"") }
                                                   << 3
                                                   << QStringLiteral("both \"payload_of\" and a payload of its own");
        QTest::newRow("zero") << QByteArrayList { in, line("server", "out", 2, "\"payload_of\":0", "text", 2000) } << 3
                              << QStringLiteral("\"payload_of\" must be the number of a message line, from 1.");
        QByteArray noLeg = line("server", "out", 2, "\"payload_of\":1", "text", 2000);
        noLeg.replace("\"leg\":\"server\",", "");
        QByteArray noLegIn = in;
        noLegIn.replace("\"leg\":\"client\",", "");
        QTest::newRow("not a proxied connection") << QByteArrayList { noLegIn,
            noLeg } << 3 << QStringLiteral("\"payload_of\" belongs on an \"out\" message line");
    }

    void refusesAReferenceItCannotResolve()
    {
        QFETCH(QByteArrayList, lines);
        QFETCH(int, badLine);
        QFETCH(QString, says);
        SessionLogReader reader;
        QVERIFY(!reader.read(file(lines)));
        QCOMPARE(reader.errorLine(), badLine);
        QVERIFY2(reader.errorString().startsWith(QStringLiteral("line %1: ").arg(badLine)),
            qPrintable(reader.errorString()));
        QVERIFY2(reader.errorString().contains(says), qPrintable(reader.errorString()));
        QVERIFY(reader.connections().empty());
    }
};

QTEST_GUILESS_MAIN(tst_SessionPayloadOf)
#include "tst_sessionpayloadof.moc"
