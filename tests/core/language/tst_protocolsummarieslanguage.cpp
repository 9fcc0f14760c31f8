// The rest of what the protocol layers say in the app's own words (issue 15): decoded messages' summaries (a
// partial MQTT packet, a SignalR handshake, Socket.IO attachments), the protocol detector's reasons, a session
// log's notes and a journal that cannot be reopened. Each is Korean with the Korean translator installed,
// English again after a switch back, and what the CLI and the files carry stays English either way.
// Decoder notes, HTTP errors and violations are tst_protocoltextslanguage.

#include "connection/connection.h"
#include "decode/mqttdecoder.h"
#include "decode/protocoldetector.h"
#include "decode/signalrdecoder.h"
#include "decode/socketiodecoder.h"
#include "files/sessionjournal.h"
#include "files/sessionlogreader.h"
#include "files/sessionlogwriter.h"
#include "language/translations.h"
#include "languageswitch.h"
#include "models/protocollog.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace wsi;

namespace {

// MQTT 3.1.1 CONNECT with an empty client id, clean session, keep-alive 60.
const QByteArray kConnectWithoutClientId("\x10\x0c\x00\x04MQTT\x04\x02\x00\x3c\x00\x00", 14);

} // namespace

class TestProtocolSummariesLanguage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { useEnglish(); }
    void cleanupTestCase() { useEnglish(); }

    void decoderSummariesAreEnglishInTheRecordAndKoreanInTheWindow();
    void aDecodedRowsSummaryFollowsTheLanguage();
    void detectorReasonsFollowTheLanguage();
    void sessionLogNotesFollowTheLanguage();
    void aJournalThatCannotBeReopenedSaysSoInKorean();
};

void TestProtocolSummariesLanguage::decoderSummariesAreEnglishInTheRecordAndKoreanInTheWindow()
{
    MqttDecoder partial;
    MqttDecoder connect;
    SignalRDecoder handshake;
    SignalRDecoder refused;
    SocketIoDecoder socketIo;
    const DecodedMessage request = only(
        handshake.decode(signalRRecord(R"({"protocol":"json","version":1})"), DecodeDirection::ClientToServer, true));
    const DecodedMessage accepted = only(handshake.decode(signalRRecord("{}"), DecodeDirection::ServerToClient, true));
    refused.decode(signalRRecord(R"({"protocol":"json","version":1})"), DecodeDirection::ClientToServer, true);
    const DecodedMessage refusal
        = only(refused.decode(signalRRecord(R"({"error":"nope"})"), DecodeDirection::ServerToClient, true));
    socketIo.decode(R"(452-["hello",{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}])",
        DecodeDirection::ClientToServer, true);
    const DecodedMessage attachment
        = only(socketIo.decode(QByteArray::fromHex("010203"), DecodeDirection::ClientToServer, false));
    const DecodedMessage joined
        = only(socketIo.decode(QByteArray::fromHex("ff00"), DecodeDirection::ClientToServer, false));
    const QList<SummaryCase> cases = {
        { only(partial.decode(QByteArrayView("\x30\x0a\x00", 3), DecodeDirection::ClientToServer, false)),
            QStringLiteral("part of a packet, 3 bytes buffered"), QStringLiteral("패킷의 일부, 3바이트 버퍼링됨") },
        { only(connect.decode(kConnectWithoutClientId, DecodeDirection::ClientToServer, false)),
            QStringLiteral("CONNECT (no client id) v4 keep-alive 60s"),
            QStringLiteral("CONNECT (클라이언트 ID 없음) v4 킵얼라이브 60초") },
        { request, QStringLiteral("handshake json v1"), QStringLiteral("핸드셰이크 json v1") },
        { accepted, QStringLiteral("handshake accepted"), QStringLiteral("핸드셰이크 수락됨") },
        { refusal, QStringLiteral("handshake error: nope"), QStringLiteral("핸드셰이크 오류: nope") },
        { attachment, QStringLiteral("ATTACHMENT 1/2 (3 bytes)"), QStringLiteral("ATTACHMENT 1/2 (3바이트)") },
        { joined,
            QStringLiteral("BINARY_EVENT hello [{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,"
                           "\"num\":1}] (2 attachment(s) joined)"),
            QStringLiteral("BINARY_EVENT hello [{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,"
                           "\"num\":1}] (첨부 2개 합침)") },
    };
    verifySummariesInBothLanguages(cases);
    if (QTest::currentTestFailed())
        return;
    // Decoded while Korean is in effect, the record is still English.
    MqttDecoder inKorean;
    QCOMPARE(only(inKorean.decode(kConnectWithoutClientId, DecodeDirection::ClientToServer, false)).summary,
        cases.at(1).english);
}

void TestProtocolSummariesLanguage::aDecodedRowsSummaryFollowsTheLanguage()
{
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:9/mqtt"));
    options.protocol = QStringLiteral("mqtt");
    Connection c(options);
    EventRecord open;
    open.type = EventType::Open;
    c.appendEvent(open, {});
    const QByteArray payload("\x30\x0a\x00", 3);
    EventRecord message;
    message.type = EventType::Message;
    message.dir = Direction::Outgoing;
    message.sub = 2;
    message.value = quint64(payload.size());
    c.appendEvent(message, payload);

    ProtocolLog *log = ProtocolLog::of(&c);
    log->catchUp();
    const QString english = QStringLiteral("part of a packet, 3 bytes buffered");
    QCOMPARE(log->row(1)->summary, english);
    QCOMPARE(log->searchText(1).toByteArray(), english.toUtf8()); // the filter reads what was recorded
    useKorean();
    QCOMPARE(log->row(1)->summary, QStringLiteral("패킷의 일부, 3바이트 버퍼링됨"));
    QCOMPARE(log->messages(1).value(0).summary, english);
    useEnglish();
    QCOMPARE(log->row(1)->summary, english);
}

void TestProtocolSummariesLanguage::detectorReasonsFollowTheLanguage()
{
    ProtocolDetector bySubprotocol;
    bySubprotocol.setSubprotocol(QStringLiteral("v12.stomp"));
    ProtocolDetector byUrl;
    byUrl.setUrl(QUrl(QStringLiteral("ws://127.0.0.1:9/socket.io/?EIO=4&transport=websocket")));
    ProtocolDetector byFrames;
    byFrames.observe(R"({"jsonrpc":"2.0","method":"ping","id":1})", DecodeDirection::ClientToServer, true);
    ProtocolDetector byUser;
    byUser.setOverride(QStringLiteral("mqtt"));
    QCOMPARE(bySubprotocol.reason(), QStringLiteral("subprotocol v12.stomp"));
    QCOMPARE(byUrl.reason(), QStringLiteral("URL /socket.io/?EIO=4"));
    QCOMPARE(byFrames.protocol(), QStringLiteral("jsonrpc"));
    QCOMPARE(byFrames.reason(), QStringLiteral("first frames"));
    QCOMPARE(byUser.reason(), QStringLiteral("chosen by the user"));
    useKorean();
    QCOMPARE(bySubprotocol.reason(), QStringLiteral("서브프로토콜 v12.stomp"));
    QCOMPARE(byUrl.reason(), QStringLiteral("URL /socket.io/?EIO=4"));
    QCOMPARE(byFrames.reason(), QStringLiteral("처음 몇 프레임"));
    QCOMPARE(byUser.reason(), QStringLiteral("사용자가 선택함"));
    useEnglish();
    QCOMPARE(byUser.reason(), QStringLiteral("chosen by the user"));
}

void TestProtocolSummariesLanguage::sessionLogNotesFollowTheLanguage()
{
    const QByteArray lines = SessionLogWriter::header(QStringLiteral("tst_protocolsummarieslanguage"))
        + R"({"conn":1,"event":"telepathy","t_us":1,"thought":"hi"})" + "\n"
        + R"({"conn":1,"event":"info","message":"ok","t_us":2})" + "\n" + R"({"conn":1,"event":"info","mess)";
    useKorean();
    SessionLogReader reader;
    QVERIFY2(reader.read(lines), qPrintable(reader.errorString()));
    // The CLI and tests read the English, whatever the window's language.
    const QStringList english = reader.notes();
    QCOMPARE(english.size(), 2);
    QCOMPARE(english.at(0),
        QStringLiteral("events of type \"telepathy\" are not known to this version; kept as info rows."));
    QVERIFY2(english.at(1).startsWith(QStringLiteral("line 4: ignored a torn last line (")), qPrintable(english.at(1)));
    const QStringList korean = reader.translatedNotes();
    QCOMPARE(
        korean.at(0), QStringLiteral("\"telepathy\" 유형의 이벤트는 이 버전에서 알 수 없어 정보 행으로 남겼습니다."));
    QVERIFY2(korean.at(1).startsWith(QStringLiteral("4번째 줄: 잘린 마지막 줄(")), qPrintable(korean.at(1)));
    QVERIFY2(korean.at(1).endsWith(
                 QStringLiteral("을 무시했습니다. 세션을 기록하던 프로세스가 쓰는 도중에 멈춘 것으로 보입니다.")),
        qPrintable(korean.at(1)));
    useEnglish();
    QCOMPARE(reader.translatedNotes(), english);
}

void TestProtocolSummariesLanguage::aJournalThatCannotBeReopenedSaysSoInKorean()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("foreign.jsonl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\":\"foo\"}\n");
    file.close();
    useKorean();
    QString error;
    QVERIFY(SessionJournal::reopen(path, &error).empty());
    QCOMPARE(error,
        QStringLiteral("1번째 줄: 알 수 없는 형식 \"foo\"입니다. WS Inspector 세션 로그가 아닙니다"
                       "(\"%1\"이어야 합니다).")
            .arg(QLatin1String(SessionLogWriter::kFormat)));
    useEnglish();
    QVERIFY(SessionJournal::reopen(path, &error).empty());
    QVERIFY2(error.startsWith(QStringLiteral("line 1: unknown format \"foo\"")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestProtocolSummariesLanguage)
#include "tst_protocolsummarieslanguage.moc"
