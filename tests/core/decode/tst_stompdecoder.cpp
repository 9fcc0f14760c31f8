// Tests for StompDecoder: the STOMP 1.2 specification's frames, header escaping per version, content-length,
// heart-beats, several frames in one message, receipts paired, and malformed frames turned into notes.
#include "decode/stompdecoder.h"

#include <QJsonArray>
#include <QtTest>

using namespace wsi;

namespace {
constexpr auto C2S = DecodeDirection::ClientToServer;
constexpr auto S2C = DecodeDirection::ServerToClient;

QByteArray frame(const char *text)
{
    return QByteArray(text) + '\0';
}

QString header(const DecodedMessage &m, int index, int part)
{
    return m.fields.value("headers").toArray().at(index).toArray().at(part).toString();
}
} // namespace

class tst_StompDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesSpecificationFrames_data();
    void decodesSpecificationFrames();
    void readsBodyByContentLength();
    void unescapesHeadersPerVersion();
    void firstRepeatedHeaderCounts();
    void heartBeatsAndSeveralFrames();
    void pairsReceiptsAndConnect();
    void namesMalformedFrames_data();
    void namesMalformedFrames();
};

void tst_StompDecoder::decodesSpecificationFrames_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("destination");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("summary");
    // STOMP 1.2 specification, "Connecting", "SEND", "SUBSCRIBE", "MESSAGE", "RECEIPT".
    QTest::newRow("CONNECT") << frame("CONNECT\naccept-version:1.2\nhost:stomp.github.org\n\n") << "CONNECT"
                             << ""
                             << ""
                             << "CONNECT";
    QTest::newRow("STOMP") << frame("STOMP\r\naccept-version:1.2\r\nhost:stomp.github.org\r\n\r\n") << "STOMP"
                           << ""
                           << ""
                           << "STOMP";
    QTest::newRow("CONNECTED") << frame("CONNECTED\nversion:1.2\n\n") << "CONNECTED"
                               << ""
                               << ""
                               << "CONNECTED";
    QTest::newRow("SEND") << frame("SEND\ndestination:/queue/a\ncontent-type:text/plain\n\nhello queue a") << "SEND"
                          << "/queue/a"
                          << "hello queue a"
                          << "SEND /queue/a (13 bytes) hello queue a";
    QTest::newRow("SUBSCRIBE") << frame("SUBSCRIBE\nid:0\ndestination:/queue/foo\nack:client\n\n") << "SUBSCRIBE"
                               << "/queue/foo"
                               << ""
                               << "SUBSCRIBE /queue/foo";
    QTest::newRow("MESSAGE") << frame("MESSAGE\nsubscription:0\nmessage-id:007\ndestination:/queue/a\ncontent-type:"
                                      "text/plain\n\nhello queue a")
                             << "MESSAGE"
                             << "/queue/a"
                             << "hello queue a"
                             << "MESSAGE /queue/a (13 bytes) hello queue a";
    QTest::newRow("RECEIPT") << frame("RECEIPT\nreceipt-id:message-12345\n\n") << "RECEIPT"
                             << ""
                             << ""
                             << "RECEIPT";
    QTest::newRow("ERROR") << frame("ERROR\nmessage:malformed frame received\n\n") << "ERROR"
                           << ""
                           << ""
                           << "ERROR malformed frame received";
    QTest::newRow("DISCONNECT") << frame("DISCONNECT\nreceipt:77\n\n") << "DISCONNECT"
                                << ""
                                << ""
                                << "DISCONNECT";
}

void tst_StompDecoder::decodesSpecificationFrames()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, kind);
    QFETCH(QString, destination);
    QFETCH(QString, body);
    QFETCH(QString, summary);
    StompDecoder d;
    const QList<DecodedMessage> out = d.decode(bytes, C2S, true);
    QCOMPARE(out.size(), 1);
    const DecodedMessage &m = out.first();
    QVERIFY2(!m.isMalformed(), qPrintable(m.note));
    QCOMPARE(m.protocol, QStringLiteral("stomp"));
    QCOMPARE(m.kind, kind);
    QCOMPARE(m.fields.value("command").toString(), kind);
    QCOMPARE(m.fields.value("destination").toString(), destination);
    QCOMPARE(m.fields.value("body").toString(), body);
    QCOMPARE(m.summary, summary);
}

void tst_StompDecoder::readsBodyByContentLength()
{
    StompDecoder d;
    // A body with NULs inside: content-length says where it ends.
    QByteArray bytes("SEND\ndestination:/queue/bin\ncontent-length:5\n\n");
    bytes.append(QByteArray::fromHex("0001000203"));
    bytes.append('\0');
    const QList<DecodedMessage> out = d.decode(bytes, C2S, false);
    QCOMPARE(out.size(), 1);
    QVERIFY2(!out[0].isMalformed(), qPrintable(out[0].note));
    QCOMPARE(out[0].fields.value("body_size").toInt(), 5);
    QCOMPARE(out[0].fields.value("body").toString(), QString::fromLatin1("\0\1\0\2\3", 5));
}

void tst_StompDecoder::unescapesHeadersPerVersion()
{
    const QByteArray bytes = frame("MESSAGE\nkey\\c1:line\\nbreak\\\\\\r\n\n");
    StompDecoder v12(QStringLiteral("v12.stomp"));
    const DecodedMessage m12 = v12.decode(bytes, S2C, true).first();
    QVERIFY2(!m12.isMalformed(), qPrintable(m12.note));
    QCOMPARE(header(m12, 0, 0), QStringLiteral("key:1"));
    QCOMPARE(header(m12, 0, 1), QStringLiteral("line\nbreak\\\r"));

    // \r is no 1.1 escape: a fatal error by the 1.1 specification.
    StompDecoder v11(QStringLiteral("v11.stomp"));
    QCOMPARE(v11.version(), QStringLiteral("1.1"));
    QCOMPARE(v11.decode(bytes, S2C, true).first().noteId, QStringLiteral("bad-header"));

    // STOMP 1.0 escapes nothing.
    StompDecoder v10(QStringLiteral("v10.stomp"));
    const DecodedMessage m10 = v10.decode(bytes, S2C, true).first();
    QCOMPARE(header(m10, 0, 0), QStringLiteral("key\\c1"));

    // CONNECTED is never escaped and sets the version.
    StompDecoder d;
    d.decode(frame("CONNECTED\nversion:1.1\nheart-beat:10000,5000\n\n"), S2C, true);
    QCOMPARE(d.version(), QStringLiteral("1.1"));
    const DecodedMessage beat
        = StompDecoder().decode(frame("CONNECTED\nversion:1.2\nheart-beat:10000,5000\n\n"), S2C, true).first();
    QCOMPARE(beat.fields.value("heart_beat").toObject().value("send_ms").toInt(), 10000);
    QCOMPARE(beat.fields.value("heart_beat").toObject().value("receive_ms").toInt(), 5000);
}

void tst_StompDecoder::firstRepeatedHeaderCounts()
{
    StompDecoder d;
    const DecodedMessage m
        = d.decode(frame("MESSAGE\ndestination:/queue/a\ndestination:/queue/b\n\n"), S2C, true).first();
    QCOMPARE(m.fields.value("destination").toString(), QStringLiteral("/queue/a"));
    QCOMPARE(m.fields.value("headers").toArray().size(), 2);
}

void tst_StompDecoder::heartBeatsAndSeveralFrames()
{
    StompDecoder d;
    const QList<DecodedMessage> beat = d.decode("\n", S2C, true);
    QCOMPARE(beat.size(), 1);
    QCOMPARE(beat[0].kind, QStringLiteral("HEARTBEAT"));
    QCOMPARE(d.decode("\r\n", C2S, true).first().kind, QStringLiteral("HEARTBEAT"));

    const QByteArray two = frame("SEND\ndestination:/a\n\nx") + "\n" + frame("SEND\ndestination:/b\n\ny") + "\r\n";
    const QList<DecodedMessage> out = d.decode(two, C2S, true);
    QCOMPARE(out.size(), 2);
    QCOMPARE(out[0].fields.value("destination").toString(), QStringLiteral("/a"));
    QCOMPARE(out[1].fields.value("destination").toString(), QStringLiteral("/b"));
    QVERIFY(!out[1].isMalformed());
}

void tst_StompDecoder::pairsReceiptsAndConnect()
{
    StompDecoder d;
    const DecodedMessage send = d.decode(frame("SEND\ndestination:/queue/a\nreceipt:r-1\n\nhi"), C2S, true).first();
    const DecodedMessage receipt = d.decode(frame("RECEIPT\nreceipt-id:r-1\n\n"), S2C, true).first();
    QCOMPARE(send.pairRole, PairRole::Request);
    QCOMPARE(receipt.pairRole, PairRole::Reply);
    QCOMPARE(send.pairKey, QStringLiteral("stomp:receipt:r-1"));
    QCOMPARE(receipt.pairKey, send.pairKey);
    QCOMPARE(send.pairLabel, QStringLiteral("SEND"));
    QCOMPARE(
        d.decode(frame("CONNECT\naccept-version:1.2\n\n"), C2S, true).first().pairKey, QStringLiteral("stomp:connect"));
    QCOMPARE(d.decode(frame("CONNECTED\nversion:1.2\n\n"), S2C, true).first().pairRole, PairRole::Reply);
}

void tst_StompDecoder::namesMalformedFrames_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("noteId");
    QTest::newRow("missing NUL") << QByteArray("SEND\ndestination:/a\n\nhello") << "missing-nul";
    QTest::newRow("unknown command") << frame("SHOUT\n\n") << "unknown-command";
    QTest::newRow("no end of command line") << QByteArray("SEND") << "truncated-frame";
    QTest::newRow("headers not ended") << QByteArray("SEND\ndestination:/a\n") << "truncated-frame";
    QTest::newRow("header without colon") << frame("SEND\ndestination\n\n") << "bad-header";
    QTest::newRow("undefined escape") << frame("SEND\ndestination:/a\\t\n\n") << "bad-header";
    QTest::newRow("escape at end") << frame("SEND\ndestination:/a\\\n\n") << "bad-header";
    QTest::newRow("huge content-length") << frame("SEND\ncontent-length:99999999999\n\nabc")
                                         << "content-length-exceeds-frame";
    QTest::newRow("negative content-length") << frame("SEND\ncontent-length:-1\n\nabc") << "bad-content-length";
    QTest::newRow("content-length not a number") << frame("SEND\ncontent-length:x\n\nabc") << "bad-content-length";
    QTest::newRow("content-length without NUL after") << QByteArray("SEND\ncontent-length:2\n\nabc") << "missing-nul";
    QTest::newRow("empty message") << QByteArray() << "empty-message";
}

void tst_StompDecoder::namesMalformedFrames()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, noteId);
    StompDecoder d;
    const QList<DecodedMessage> out = d.decode(bytes, C2S, true);
    QCOMPARE(out.size(), 1);
    QCOMPARE(out[0].noteId, noteId);
    QVERIFY(!out[0].note.isEmpty());
}

QTEST_GUILESS_MAIN(tst_StompDecoder)
#include "tst_stompdecoder.moc"
