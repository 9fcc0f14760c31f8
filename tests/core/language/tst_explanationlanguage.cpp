// The explanations the window shows (why a connection closed, the handshake checks, close code meanings, header
// notes) come out in Korean once the Korean translator is installed, and in English without it; the checks as
// recorded (what the log and the journals quote) stay in English either way.

#include "connection/connection.h"
#include "explain/closeexplainer.h"
#include "language/translations.h"
#include "protocol/closecodes.h"
#include "protocol/handshakecheck.h"

#include <QtTest>

#include <memory>

using namespace wsi;

namespace {

// The server closed with 1001 and this client answered 12 ms later.
std::unique_ptr<Connection> closedByServer()
{
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:9/"));
    auto c = std::make_unique<Connection>(options);
    EventRecord open;
    open.type = EventType::Open;
    open.timeUs = 1000000;
    c->appendEvent(open, {});
    EventRecord first;
    first.type = EventType::Close;
    first.dir = Direction::Incoming;
    first.timeUs = 2000000;
    first.value = 1001;
    c->appendEvent(first, "bye");
    EventRecord reply = first;
    reply.dir = Direction::Outgoing;
    reply.timeUs = 2012000;
    c->appendEvent(reply, {});
    c->restoreImported(HandshakeRecord {}, ConnectionTimings {}, Connection::State::Closed, {});
    return c;
}

// A 101 without an Upgrade header: the Upgrade check fails.
QList<HandshakeCheckItem> checksOfResponseWithoutUpgrade(TextLanguage language)
{
    HttpHead request;
    request.headers.append(HttpHeader { "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==" });
    HttpHead response;
    response.status = 101;
    response.reason = "Switching Protocols";
    response.headers.append(HttpHeader { "Connection", "Upgrade" });
    response.headers.append(HttpHeader { "Sec-WebSocket-Accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=" });
    return checkHandshake(request, response, language);
}

QString upgradeExplanation(const QList<HandshakeCheckItem> &checks)
{
    for (const HandshakeCheckItem &check : checks) {
        if (check.name == QLatin1String("Upgrade"))
            return check.explanation;
    }
    return {};
}

} // namespace

class TestExplanationLanguage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { Translations::forApplication()->apply(QStringLiteral("en")); }
    void cleanupTestCase() { Translations::forApplication()->apply(QStringLiteral("en")); }

    void closeExplanationFollowsTheLanguage();
    void handshakeChecksAreTranslatedOnlyForDisplay();
    void closeCodeMeaningsAndHeaderNotesFollowTheLanguage();
};

void TestExplanationLanguage::closeExplanationFollowsTheLanguage()
{
    const auto connection = closedByServer();
    const CloseExplanation english = connection->closeExplanation();
    QCOMPARE(english.summary,
        QStringLiteral("The server closed with 1001 Going Away \"bye\"; this client answered 12 ms "
                       "later (clean)."));
    QVERIFY2(english.details.contains(QStringLiteral("Clean close: both Close frames crossed the wire.")),
        qPrintable(english.details.join(QLatin1Char('\n'))));

    Translations::forApplication()->apply(QStringLiteral("ko"));
    const CloseExplanation korean = connection->closeExplanation();
    // Close code names are tokens, as on the wire; the sentence around them is Korean.
    QCOMPARE(korean.summary,
        QStringLiteral("서버가 1001 Going Away 코드로 닫았습니다 (사유 \"bye\"); 이 클라이언트가 12 ms "
                       "뒤에 응답했습니다(정상 종료)."));
    QVERIFY2(korean.details.contains(QStringLiteral("정상 종료: 양쪽 Close 프레임이 모두 와이어를 지나갔습니다.")),
        qPrintable(korean.details.join(QLatin1Char('\n'))));
    QVERIFY(korean.hint.contains(QStringLiteral("재연결")));

    Translations::forApplication()->apply(QStringLiteral("en"));
    QCOMPARE(connection->closeExplanation().summary, english.summary);
}

void TestExplanationLanguage::handshakeChecksAreTranslatedOnlyForDisplay()
{
    const QString englishText = QStringLiteral("The response has no Upgrade header; a server accepting a WebSocket "
                                               "must send \"Upgrade: websocket\" (RFC 6455 section 4.2.2).");
    const QString koreanText = QStringLiteral("응답에 Upgrade 헤더가 없습니다. WebSocket을 받아들이는 서버는 "
                                              "\"Upgrade: websocket\"을 보내야 합니다(RFC 6455 4.2.2절).");
    QCOMPARE(upgradeExplanation(checksOfResponseWithoutUpgrade(TextLanguage::Translated)), englishText);

    Translations::forApplication()->apply(QStringLiteral("ko"));
    QCOMPARE(upgradeExplanation(checksOfResponseWithoutUpgrade(TextLanguage::Translated)), koreanText);
    // What is recorded stays English under a Korean window.
    QCOMPARE(upgradeExplanation(checksOfResponseWithoutUpgrade(TextLanguage::English)), englishText);
    QCOMPARE(upgradeStatusExplanation(404),
        QStringLiteral("The server refused the upgrade because nothing is at this path: check the URL path."));
    QCOMPARE(upgradeStatusExplanation(404, TextLanguage::Translated),
        QStringLiteral("이 경로에 아무것도 없어서 서버가 업그레이드를 거부했습니다. URL 경로를 확인하세요."));
    // The check's name is a header name, a token: the same in both languages.
    QCOMPARE(checksOfResponseWithoutUpgrade(TextLanguage::Translated).value(1).name, QStringLiteral("Upgrade"));
}

void TestExplanationLanguage::closeCodeMeaningsAndHeaderNotesFollowTheLanguage()
{
    QCOMPARE(closeCodeMeaning(1009), QStringLiteral("The endpoint received a message too big for it to process."));
    QCOMPARE(headerExplanation("Sec-WebSocket-Version"),
        QStringLiteral("The WebSocket protocol version the client speaks; always 13 (RFC 6455)."));

    Translations::forApplication()->apply(QStringLiteral("ko"));
    QCOMPARE(closeCodeMeaning(1009), QStringLiteral("엔드포인트가 처리하기에 너무 큰 메시지를 받았습니다."));
    QCOMPARE(headerExplanation("Sec-WebSocket-Version"),
        QStringLiteral("클라이언트가 쓰는 WebSocket 프로토콜 버전입니다. 항상 13입니다(RFC 6455)."));
    QCOMPARE(closeCodeName(1009), QStringLiteral("Message Too Big")); // a token, written to the session log
}

QTEST_GUILESS_MAIN(TestExplanationLanguage)
#include "tst_explanationlanguage.moc"
