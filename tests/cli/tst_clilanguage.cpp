// wsinspector-cli speaks the language of LANG/LC_ALL on stderr and in --help; its exit codes and the JSON
// Lines on stdout are the same in every language.

#include "clirun.h"
#include "peerprocess.h"

#include <QProcess>
#include <QtTest>

namespace {

struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
};

Result runIn(const QString &lang, const QStringList &args)
{
    QProcessEnvironment env = cliEnvironment();
    // LANGUAGE and LC_ALL outrank LANG; LC_MESSAGES too: only LANG decides here.
    env.remove(QStringLiteral("LANGUAGE"));
    env.remove(QStringLiteral("LC_ALL"));
    env.remove(QStringLiteral("LC_MESSAGES"));
    env.insert(QStringLiteral("LANG"), lang);
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(WSI_CLI_PATH), args);
    Result result;
    if (!process.waitForFinished(20000)) {
        process.kill();
        process.waitForFinished(5000);
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

const QString korean = QStringLiteral("ko_KR.UTF-8");
const QString english = QStringLiteral("C.UTF-8");

} // namespace

class TestCliLanguage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badUrlIsExplainedInKorean_data();
    void badUrlIsExplainedInKorean();
    void helpIsInKorean();
    void sessionLogStaysTheSameInKorean();
    void handshakeCheckStaysEnglishInKorean();
};

void TestCliLanguage::badUrlIsExplainedInKorean_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("englishText");
    QTest::addColumn<QString>("koreanText");
    QTest::newRow("no scheme") << QStringLiteral("notaurl")
                               << QStringLiteral("The URL must start with ws:// or wss://.")
                               << QStringLiteral("URL은 ws:// 또는 wss://로 시작해야 합니다.");
    QTest::newRow("http scheme") << QStringLiteral("http://127.0.0.1:9/")
                                 << QStringLiteral("The URL starts with http://; WebSocket URLs start with ws:// or "
                                                   "wss:// (use ws://).")
                                 << QStringLiteral("URL이 http://로 시작합니다. WebSocket URL은 ws:// 또는 wss://로 "
                                                   "시작합니다 (ws://를 쓰세요).");
}

void TestCliLanguage::badUrlIsExplainedInKorean()
{
    QFETCH(QString, url);
    QFETCH(QString, englishText);
    QFETCH(QString, koreanText);
    const Result en = runIn(english, { QStringLiteral("connect"), url });
    const Result ko = runIn(korean, { QStringLiteral("connect"), url });
    QCOMPARE(en.exitCode, kUsage);
    QCOMPARE(ko.exitCode, en.exitCode);
    QVERIFY2(en.err.contains(englishText), qPrintable(en.err));
    QVERIFY2(ko.err.contains(koreanText), qPrintable(ko.err));
    QVERIFY2(!ko.err.contains(englishText), qPrintable(ko.err));
    QCOMPARE(ko.out, en.out);
}

void TestCliLanguage::helpIsInKorean()
{
    const Result ko = runIn(korean, { QStringLiteral("connect"), QStringLiteral("--help") });
    QCOMPARE(ko.exitCode, 0);
    // Our description and option texts, and the options themselves exactly as typed.
    QVERIFY2(ko.out.contains(QStringLiteral("보낼 텍스트 메시지")), qPrintable(ko.out));
    QVERIFY2(ko.out.contains(QStringLiteral("--send <text>")), qPrintable(ko.out));
    const Result en = runIn(english, { QStringLiteral("connect"), QStringLiteral("--help") });
    QVERIFY2(en.out.contains(QStringLiteral("Text message to send")), qPrintable(en.out));
}

// A refused connection: the session log's lines (keys, events, messages) are those of English, and so is the
// failure line that repeats the error event's message.
void TestCliLanguage::sessionLogStaysTheSameInKorean()
{
    const QStringList args { QStringLiteral("connect"), QStringLiteral("ws://127.0.0.1:1/"),
        QStringLiteral("--timeout-ms"), QStringLiteral("3000") };
    const Result en = runIn(english, args);
    const Result ko = runIn(korean, args);
    QCOMPARE(ko.exitCode, en.exitCode);
    QCOMPARE(en.exitCode, kFailed);
    const auto withoutTimes = [](QString text) {
        static const QRegularExpression times(QStringLiteral("\"t(_us)?\":(\"[^\"]*\"|[0-9]+)"));
        return text.replace(times, QStringLiteral("\"t\":0"));
    };
    QVERIFY(!en.out.isEmpty());
    QCOMPARE(withoutTimes(ko.out), withoutTimes(en.out));
    QCOMPARE(ko.err, en.err);
}

// A 101 with a wrong Sec-WebSocket-Accept: the error line quotes the handshake check, whose words the window
// shows in Korean; on stdout (and in the failure line on stderr) they stay those of English.
void TestCliLanguage::handshakeCheckStaysEnglishInKorean()
{
    PeerProcess raw;
    QVERIFY2(raw.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("raw_server.py")), "raw server did not start");
    const QStringList args { QStringLiteral("connect"), QStringLiteral("ws://127.0.0.1:%1/bad-accept").arg(raw.port()),
        QStringLiteral("--timeout-ms"), QStringLiteral("5000") };
    const Result en = runIn(english, args);
    const Result ko = runIn(korean, args);
    QCOMPARE(en.exitCode, kFailed);
    QCOMPARE(ko.exitCode, en.exitCode);
    const QString checkText = QStringLiteral("Sec-WebSocket-Accept must be base64(SHA-1(key");
    QVERIFY2(en.out.contains(checkText), qPrintable(en.out));
    QVERIFY2(ko.out.contains(checkText), qPrintable(ko.out));
    QVERIFY2(!ko.out.contains(QStringLiteral("일치하지 않으므로")), qPrintable(ko.out));
    static const QRegularExpression times(QStringLiteral("\"t(_us)?\":(\"[^\"]*\"|[0-9]+)"));
    static const QRegularExpression keys(QStringLiteral("Sec-WebSocket-(Key|Accept)[^,\"]*"));
    const auto stable = [](QString text) {
        return text.replace(times, QStringLiteral("\"t\":0")).replace(keys, QStringLiteral("KEY"));
    };
    QCOMPARE(stable(ko.out).count(QLatin1Char('\n')), stable(en.out).count(QLatin1Char('\n')));
    QCOMPARE(ko.err, en.err);
}

QTEST_GUILESS_MAIN(TestCliLanguage)
#include "tst_clilanguage.moc"
