// What the protocol layers say about a malformed peer (decoder notes, HTTP parse errors, frame rule violations, an
// imported connection's close explanation) is recorded in English and shown in the window's language: Korean with
// the Korean translator installed, English again after a switch back, the record unchanged either way.

#include "connection/connection.h"
#include "decode/jsonrpcdecoder.h"
#include "decode/mqttdecoder.h"
#include "decode/socketiodecoder.h"
#include "decode/stompdecoder.h"
#include "files/sessionlogreader.h"
#include "files/sessionlogwriter.h"
#include "language/translations.h"
#include "languageswitch.h"
#include "models/protocollog.h"
#include "protocol/framedecoder.h"
#include "protocol/handshakeparser.h"

#include <QCryptographicHash>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <memory>

using namespace wsi;

namespace {

// One decoder's note, decoded in English and compared in both languages.
struct NoteCase
{
    DecodedMessage message;
    QString english;
    QString korean;
};

// Collects what a FrameDecoder reports.
struct ViolationRecorder : FrameSink
{
    QList<ProtocolViolation> violations;
    void onFrame(const FrameHeader &, QByteArrayView, QByteArrayView) override { }
    void onMessage(bool, QByteArrayView, int) override { }
    void onPing(QByteArrayView) override { }
    void onPong(QByteArrayView) override { }
    void onClose(int, QByteArrayView) override { }
    void onViolation(const ProtocolViolation &violation) override { violations << violation; }
};

// A peer on 127.0.0.1 that answers the first upgrade request with `answer(request)` and keeps the socket open.
class OneAnswerPeer : public QObject
{
public:
    explicit OneAnswerPeer(std::function<QByteArray(const QByteArray &)> answer)
        : m_answer(std::move(answer))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                m_held.emplace_back(s);
                connect(s, &QTcpSocket::readyRead, this, [this, s] {
                    m_request += s->readAll();
                    if (!m_answered && m_request.contains("\r\n\r\n")) {
                        m_answered = true;
                        s->write(m_answer(m_request));
                    }
                });
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(m_server.serverPort())); }

private:
    std::function<QByteArray(const QByteArray &)> m_answer;
    QTcpServer m_server;
    std::vector<std::unique_ptr<QTcpSocket>> m_held;
    QByteArray m_request;
    bool m_answered = false;
};

QByteArray switchingProtocols(const QByteArray &request)
{
    QByteArray key;
    for (const QByteArray &line : request.split('\n')) {
        if (line.toLower().startsWith("sec-websocket-key:"))
            key = line.mid(18).trimmed();
    }
    const QByteArray accept
        = QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11", QCryptographicHash::Sha1).toBase64();
    return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
        + accept + "\r\n\r\n";
}

// The first error row of the connection, once the connection recorded one.
qsizetype firstError(const Connection &c)
{
    for (qsizetype i = 0; i < c.events().size(); ++i) {
        if (c.events().at(i).type == EventType::Error)
            return i;
    }
    return -1;
}

} // namespace

class TestProtocolTextsLanguage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { useEnglish(); }
    void cleanupTestCase() { useEnglish(); }

    void decoderNotesAreEnglishInTheRecordAndKoreanInTheWindow();
    void aDecodedRowsNoteFollowsTheLanguage();
    void httpParseErrorsFollowTheLanguage();
    void aFrameSizeViolationFollowsTheLanguage();
    void anImportedCloseExplanationFollowsASwitch();
    void aSessionLogErrorFollowsTheLanguage();
};

void TestProtocolTextsLanguage::decoderNotesAreEnglishInTheRecordAndKoreanInTheWindow()
{
    SocketIoDecoder socketIo;
    StompDecoder stomp;
    MqttDecoder mqtt;
    JsonRpcDecoder jsonRpc;
    const QList<NoteCase> cases = {
        { only(socketIo.decode("7", DecodeDirection::ServerToClient, true)),
            QStringLiteral("'7' is no Engine.IO packet type (0-6)"),
            QStringLiteral("'7'은(는) Engine.IO 패킷 유형(0-6)이 아닙니다") },
        { only(stomp.decode(QByteArrayView("HELLO\n\n\0", 8), DecodeDirection::ClientToServer, true)),
            QStringLiteral("\"HELLO\" is no STOMP command"), QStringLiteral("\"HELLO\"은(는) STOMP 명령이 아닙니다") },
        { only(mqtt.decode(QByteArrayView("\x00\x00", 2), DecodeDirection::ClientToServer, false)),
            QStringLiteral("packet type 0 is reserved"), QStringLiteral("패킷 유형 0은 예약되어 있습니다") },
        // A PUBLISH whose topic announces 5 bytes and has none: the reader's own words, nested.
        { only(mqtt.decode(QByteArrayView("\x30\x02\x00\x05", 4), DecodeDirection::ClientToServer, false)),
            QStringLiteral("a string or binary field needs 5 bytes, 0 left"),
            QStringLiteral("문자열 또는 바이너리 필드에 5바이트가 필요한데 0바이트만 남았습니다") },
        { only(jsonRpc.decode(R"({"jsonrpc":"2.0","id":1})", DecodeDirection::ServerToClient, true)),
            QStringLiteral("the object has no \"method\", \"result\" or \"error\""),
            QStringLiteral("객체에 \"method\", \"result\", \"error\" 중 아무것도 없습니다") },
    };
    for (const NoteCase &c : cases) {
        QVERIFY2(c.message.isMalformed(), qPrintable(c.english));
        QCOMPARE(c.message.note, c.english);
        QCOMPARE(c.message.translatedNote(), c.english);
    }
    useKorean();
    for (const NoteCase &c : cases) {
        QCOMPARE(c.message.translatedNote(), c.korean);
        QCOMPARE(c.message.shownNote.english(), c.english);
        QCOMPARE(c.message.note, c.english); // what the CLI prints
        QCOMPARE(c.message.toJson().value(QLatin1String("note")).toString(), c.english);
    }
    // Decoded while Korean is in effect, the record is still English.
    const DecodedMessage decodedInKorean = only(socketIo.decode("7", DecodeDirection::ServerToClient, true));
    QCOMPARE(decodedInKorean.note, cases.first().english);
    useEnglish();
    QCOMPARE(cases.first().message.translatedNote(), cases.first().english);
}

void TestProtocolTextsLanguage::aDecodedRowsNoteFollowsTheLanguage()
{
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:9/rpc"));
    options.protocol = QStringLiteral("jsonrpc");
    Connection c(options);
    EventRecord open;
    open.type = EventType::Open;
    c.appendEvent(open, {});
    const QByteArray payload = R"({"jsonrpc":"2.0","id":1})";
    EventRecord message;
    message.type = EventType::Message;
    message.dir = Direction::Incoming;
    message.flags = FlagText;
    message.sub = 1;
    message.value = quint64(payload.size());
    c.appendEvent(message, payload);

    ProtocolLog *log = ProtocolLog::of(&c);
    log->catchUp();
    const QString english = QStringLiteral("the object has no \"method\", \"result\" or \"error\"");
    QCOMPARE(log->row(1)->note, english);
    useKorean();
    QCOMPARE(log->row(1)->note, QStringLiteral("객체에 \"method\", \"result\", \"error\" 중 아무것도 없습니다"));
    useEnglish();
    QCOMPARE(log->row(1)->note, english);
}

void TestProtocolTextsLanguage::httpParseErrorsFollowTheLanguage()
{
    HandshakeParser parser(HandshakeParser::Kind::Response);
    parser.feed("HTTP/1.1 101 Switching Protocols\r\nUpgrade : websocket\r\n\r\n");
    QCOMPARE(parser.state(), HandshakeParser::State::Failed);
    const QString english
        = QStringLiteral("Header \"Upgrade\" on line 2 has whitespace before the colon, which HTTP/1.1 forbids.");
    QCOMPARE(parser.error(), english);
    useKorean();
    QCOMPARE(parser.errorText().translated(),
        QStringLiteral("2번째 줄의 헤더 \"Upgrade\"에서 콜론 앞에 공백이 있습니다. HTTP/1.1에서는 허용하지 않습니다."));
    QCOMPARE(parser.error(), english);

    // The same through a connection: a server that answers the upgrade with no HTTP at all. The row is English in
    // the record and Korean as shown.
    OneAnswerPeer peer([](const QByteArray &) { return QByteArray("garbage\r\n\r\n"); });
    QVERIFY(peer.listen());
    ConnectionOptions options;
    options.url = peer.url();
    Connection c(options);
    c.open();
    QTRY_VERIFY_WITH_TIMEOUT(firstError(c) >= 0, 10000);
    const qsizetype row = firstError(c);
    QCOMPARE(c.events().payloadText(row),
        QStringLiteral("The server's answer to the upgrade is not valid HTTP: The status line \"garbage\" does not "
                       "start with an HTTP version such as HTTP/1.1."));
    QCOMPARE(c.rowText(row),
        QStringLiteral(
            "업그레이드에 대한 서버 응답이 올바른 HTTP가 아닙니다: 상태 줄 \"garbage\"이(가) HTTP/1.1 같은 HTTP "
            "버전으로 시작하지 않습니다."));
    useEnglish();
    QCOMPARE(c.rowText(row), c.events().payloadText(row));
}

void TestProtocolTextsLanguage::aFrameSizeViolationFollowsTheLanguage()
{
    // A binary frame announcing 4096 bytes to a decoder that keeps 1024.
    FrameDecoder decoder(FrameDecoder::Role::ServerToClient, 1024);
    ViolationRecorder recorder;
    decoder.feed(QByteArrayView("\x82\x7e\x10\x00", 4), recorder);
    QCOMPARE(recorder.violations.size(), 1);
    const ProtocolViolation &v = recorder.violations.first();
    QCOMPARE(v.detail, QStringLiteral("message would reach 4096 bytes; the limit is 1024 bytes"));
    const QString english = QStringLiteral("Message is larger than the inspector's size limit, so decoding stopped: "
                                           "message would reach 4096 bytes; the limit is 1024 bytes");
    QCOMPARE(v.describe(), english);
    useKorean();
    const QString korean = QStringLiteral("메시지가 검사 도구의 크기 한도보다 커서 디코딩을 멈췄습니다: 메시지가 "
                                          "4096바이트에 이릅니다. 한도는 1024바이트입니다");
    QCOMPARE(v.text().translated(), korean);
    QCOMPARE(v.describe(), korean);
    QCOMPARE(v.text().english(), english);

    // Recorded by a connection whose server announces a message past the 256 MiB limit: English in the record,
    // Korean as shown, and English again after a switch back.
    OneAnswerPeer peer([](const QByteArray &request) {
        return switchingProtocols(request) + QByteArray("\x82\x7f\x00\x00\x00\x00\x40\x00\x00\x00", 10);
    });
    QVERIFY(peer.listen());
    ConnectionOptions options;
    options.url = peer.url();
    Connection c(options);
    c.open();
    QTRY_VERIFY_WITH_TIMEOUT(firstError(c) >= 0, 10000);
    const qsizetype row = firstError(c);
    QCOMPARE(c.events().payloadText(row),
        QStringLiteral("The server broke the WebSocket protocol: Message is larger than the inspector's size limit, so "
                       "decoding stopped: message would reach 1073741824 bytes; the limit is 268435456 bytes"));
    QCOMPARE(c.rowText(row),
        QStringLiteral("서버가 WebSocket 프로토콜을 어겼습니다: 메시지가 검사 도구의 크기 한도보다 커서 디코딩을 "
                       "멈췄습니다: 메시지가 1073741824바이트에 이릅니다. 한도는 268435456바이트입니다"));
    useEnglish();
    QCOMPARE(c.rowText(row), c.events().payloadText(row));
}

void TestProtocolTextsLanguage::anImportedCloseExplanationFollowsASwitch()
{
    // The server closed with 1001 and this client answered 12 ms later; written as a session and read back in
    // English, then shown after a switch to Korean (a captured text would stay English here) and back.
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:9/"));
    Connection recorded(options);
    EventRecord open;
    open.type = EventType::Open;
    open.timeUs = 1000000;
    recorded.appendEvent(open, {});
    EventRecord first;
    first.type = EventType::Close;
    first.dir = Direction::Incoming;
    first.timeUs = 2000000;
    first.value = 1001;
    recorded.appendEvent(first, "bye");
    EventRecord reply = first;
    reply.dir = Direction::Outgoing;
    reply.timeUs = 2012000;
    recorded.appendEvent(reply, {});
    QByteArray session = SessionLogWriter::header(QStringLiteral("tst_protocoltextslanguage"));
    for (qsizetype i = 0; i < recorded.events().size(); ++i)
        session += SessionLogWriter::eventLine(recorded, i);

    SessionLogReader reader;
    QVERIFY2(reader.read(session), qPrintable(reader.errorString()));
    std::vector<std::unique_ptr<Connection>> connections = reader.takeConnections();
    QCOMPARE(connections.size(), size_t(1));
    Connection &imported = *connections.front();
    const QString english
        = QStringLiteral("The server closed with 1001 Going Away \"bye\"; this client answered 12 ms later (clean).");
    QCOMPARE(imported.statusText(), english);
    useKorean();
    QCOMPARE(imported.statusText(),
        QStringLiteral("서버가 1001 Going Away 코드로 닫았습니다 (사유 \"bye\"); 이 클라이언트가 12 ms 뒤에 "
                       "응답했습니다(정상 종료)."));
    QCOMPARE(imported.recordedStatusText(), english);
    useEnglish();
    QCOMPARE(imported.statusText(), english);
}

void TestProtocolTextsLanguage::aSessionLogErrorFollowsTheLanguage()
{
    useKorean();
    SessionLogReader reader;
    QVERIFY(!reader.read(QByteArray("{\"format\":\"foo\"}\n")));
    // The CLI and the journal read the English; an import's error in the window reads the words.
    QCOMPARE(reader.errorString(),
        QStringLiteral("line 1: unknown format \"foo\": this is not a WS Inspector session log (expected "
                       "\"%1\").")
            .arg(QLatin1String(SessionLogWriter::kFormat)));
    QCOMPARE(reader.errorText().translated(),
        QStringLiteral("1번째 줄: 알 수 없는 형식 \"foo\"입니다. WS Inspector 세션 로그가 아닙니다"
                       "(\"%1\"이어야 합니다).")
            .arg(QLatin1String(SessionLogWriter::kFormat)));
    useEnglish();
    QCOMPARE(reader.errorText().translated(), reader.errorString());
}

QTEST_GUILESS_MAIN(TestProtocolTextsLanguage)
#include "tst_protocoltextslanguage.moc"
