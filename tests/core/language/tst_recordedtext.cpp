// What the app records about a connection (error and info rows) is English whatever the window's language, so
// session files do not depend on it; the window shows the same rows in its current language, and follows a switch.

#include "connection/connection.h"
#include "files/harexporter.h"
#include "language/englishscope.h"
#include "language/qterrortext.h"
#include "language/recordedtext.h"
#include "language/translations.h"
#include "protocol/protocolviolation.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QtTest>

using namespace wsi;

namespace {

bool hasHangul(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3)
            return true;
    }
    return false;
}

// A connection to a port nothing listens on, opened in the language in effect; returns when it failed.
void failRefused(Connection &c)
{
    c.open();
    QTRY_VERIFY_WITH_TIMEOUT(c.state() == Connection::State::Failed, 10000);
}

quint16 closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return 0;
    return probe.serverPort(); // closed when probe goes: nothing accepts on the port then
}

// The first error row of the connection.
qsizetype firstError(const Connection &c)
{
    for (qsizetype i = 0; i < c.events().size(); ++i) {
        if (c.events().at(i).type == EventType::Error)
            return i;
    }
    return -1;
}

} // namespace

class TestRecordedText : public QObject
{
    Q_OBJECT

private slots:
    void init() { Translations::forApplication()->apply(QStringLiteral("en")); }
    void cleanupTestCase() { Translations::forApplication()->apply(QStringLiteral("en")); }

    void englishFillsArgumentsInOnePass()
    {
        const RecordedText t = RecordedText("wsi::Test", "Timed out after %1 ms connecting to %2.")
                                   .arg(300)
                                   .arg(QStringLiteral("host:%1"));
        // A value that itself holds "%1" is never substituted into again.
        QCOMPARE(t.english(), QStringLiteral("Timed out after 300 ms connecting to host:%1."));
        QCOMPARE(t.translated(), t.english()); // no translator for this context: the source
    }

    void pluralNestedAndConcatenated()
    {
        const RecordedText body = RecordedText("wsi::Test", " The response has a %n-byte body.", 42);
        const RecordedText who = RecordedText::plain(QStringLiteral("the server"));
        const RecordedText t = RecordedText("wsi::Test", "%1 said no.").arg(who) + body;
        QCOMPARE(t.english(), QStringLiteral("the server said no. The response has a 42-byte body."));
        QVERIFY(!t.isEmpty());
        QVERIFY(RecordedText::plain({}).isEmpty());
        QVERIFY(RecordedText().isEmpty());
        // Arguments belong to their own sentence.
        const RecordedText two = RecordedText("wsi::Test", "A %1.").arg(1) + RecordedText("wsi::Test", " B %1.").arg(2);
        QCOMPARE(two.english(), QStringLiteral("A 1. B 2."));
    }

    void translatedFollowsTheLanguageEnglishDoesNot()
    {
        const RecordedText t = RecordedText("OutgoingFailureText",
            QT_TRANSLATE_NOOP("OutgoingFailureText", "Timed out after %1 ms: the WebSocket did not open."))
                                   .arg(250);
        Translations::forApplication()->apply(QStringLiteral("ko"));
        QCOMPARE(t.english(), QStringLiteral("Timed out after 250 ms: the WebSocket did not open."));
        QVERIFY2(hasHangul(t.translated()), qPrintable(t.translated()));
        QVERIFY(t.translated().contains(QLatin1String("250")));
        Translations::forApplication()->apply(QStringLiteral("en"));
        QCOMPARE(t.translated(), t.english());
    }

    // A Korean window times out on a server that accepts TCP and never answers the upgrade: the recorded row
    // (what journals and exports write) is English, the row as shown is Korean, and it turns English again
    // after a switch without being recorded again.
    void aKoreanWindowRecordsEnglish()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> held;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *s = silent.nextPendingConnection())
                held << s; // read nothing, answer nothing
        });
        Translations::forApplication()->apply(QStringLiteral("ko"));
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(silent.serverPort()));
        options.timeoutMs = 400;
        Connection c(options);
        c.open();
        QTRY_VERIFY_WITH_TIMEOUT(c.state() == Connection::State::Failed, 10000);
        const qsizetype row = firstError(c);
        QVERIFY(row >= 0);
        const QString recorded = c.events().payloadText(row);
        QVERIFY2(recorded.startsWith(QLatin1String("Timed out after 400 ms")), qPrintable(recorded));
        QVERIFY2(!hasHangul(recorded), qPrintable(recorded));
        const QString shown = c.rowText(row);
        QVERIFY2(hasHangul(shown), qPrintable(shown));
        QVERIFY(shown.contains(QLatin1String("400")));
        Translations::forApplication()->apply(QStringLiteral("en"));
        QCOMPARE(c.rowText(row), recorded);
        qDeleteAll(held);
    }

    // The tap's own failure (nothing listens on the port) is recorded in English too.
    void aRefusedConnectionIsRecordedInEnglish()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        } // closed: nothing accepts on the port now
        Translations::forApplication()->apply(QStringLiteral("ko"));
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(port));
        Connection c(options);
        c.open();
        QTRY_VERIFY_WITH_TIMEOUT(c.state() == Connection::State::Failed, 10000);
        const qsizetype row = firstError(c);
        QVERIFY(row >= 0);
        const QString recorded = c.events().payloadText(row);
        QVERIFY2(recorded.startsWith(QLatin1String("Connection refused by 127.0.0.1:")), qPrintable(recorded));
        QVERIFY2(hasHangul(c.rowText(row)), qPrintable(c.rowText(row)));
    }

    // Texts made by code that translates as it goes come out in English inside an EnglishScope, and only there.
    void anEnglishScopeGivesTheSourceTexts()
    {
        Translations::forApplication()->apply(QStringLiteral("ko"));
        const char *source = "Timed out after %1 ms: the WebSocket did not open.";
        QVERIFY(hasHangul(QCoreApplication::translate("OutgoingFailureText", source)));
        {
            const EnglishScope english;
            QCOMPARE(QCoreApplication::translate("OutgoingFailureText", source), QString::fromUtf8(source));
        }
        QVERIFY(hasHangul(QCoreApplication::translate("OutgoingFailureText", source)));
        const RecordedText captured
            = RecordedText::captured([source] { return QCoreApplication::translate("OutgoingFailureText", source); });
        QCOMPARE(captured.english(), QString::fromUtf8(source));
        QVERIFY2(hasHangul(captured.translated()), qPrintable(captured.translated()));
        {
            const EnglishScope english; // what a file gets
            QCOMPARE(captured.translated(), QString::fromUtf8(source));
        }
        Translations::forApplication()->apply(QStringLiteral("en"));
        QCOMPARE(captured.translated(), QString::fromUtf8(source)); // follows a switch to English
    }

    // The capture thread decodes an outgoing connection's rows (issue 12), so its texts are captured there: in the
    // language Preferences applied on the GUI thread, read without looking the application's objects up.
    void aTextCapturedOnAWorkerThreadIsInTheAppliedLanguage()
    {
        const char *source = "Timed out after %1 ms: the WebSocket did not open.";
        const auto captureElsewhere = [source] {
            RecordedText text;
            QThread *worker = QThread::create([&text, source] {
                text = RecordedText::captured(
                    [source] { return QCoreApplication::translate("OutgoingFailureText", source); });
            });
            worker->start();
            worker->wait();
            delete worker;
            return text;
        };
        Translations::forApplication()->apply(QStringLiteral("ko"));
        QCOMPARE(Translations::effectiveLanguageNow(), QStringLiteral("ko"));
        const RecordedText korean = captureElsewhere();
        QCOMPARE(korean.english(), QString::fromUtf8(source));
        QVERIFY2(hasHangul(korean.translated()), qPrintable(korean.translated()));
        Translations::forApplication()->apply(QStringLiteral("en"));
        QCOMPARE(Translations::effectiveLanguageNow(), QStringLiteral("en"));
        QCOMPARE(korean.translated(), QString::fromUtf8(source)); // follows the switch back
        const RecordedText english = captureElsewhere();
        QCOMPARE(english.translated(), QString::fromUtf8(source));
        Translations::forApplication()->apply(QStringLiteral("ko"));
        QCOMPARE(english.translated(), QString::fromUtf8(source)); // captured in English: nothing else to show
        Translations::forApplication()->apply(QStringLiteral("en"));
    }

    // Qt's own words for a socket error come in the window's language; they are recorded as Qt's English.
    void qtErrorTextsAreRecordedInEnglish()
    {
        Translations::forApplication()->apply(QStringLiteral("ko"));
        const QString refused = QCoreApplication::translate("QNativeSocketEngine", "Connection refused");
        QVERIFY2(hasHangul(refused), "qtbase's Korean translation is installed (qt6-translations-l10n)");
        const RecordedText plain = QtErrorText::recorded(refused);
        QCOMPARE(plain.english(), QStringLiteral("Connection refused"));
        QVERIFY2(hasHangul(plain.translated()), qPrintable(plain.translated()));
        const QString openssl = QStringLiteral("error:0A000086:SSL routines::certificate verify failed");
        const RecordedText filled = QtErrorText::recorded(
            QCoreApplication::translate("QSslSocket", "Error during SSL handshake: %1").arg(openssl));
        QCOMPARE(filled.english(), QStringLiteral("Error during SSL handshake: ") + openssl);
        QVERIFY2(filled.translated().contains(QStringLiteral("핸드셰이크")), qPrintable(filled.translated()));
        QVERIFY(filled.translated().endsWith(openssl));
        QCOMPARE(QtErrorText::recorded(QStringLiteral("a text Qt never says")).english(),
            QStringLiteral("a text Qt never says"));
        Translations::forApplication()->apply(QStringLiteral("en"));
        QCOMPARE(plain.translated(), QStringLiteral("Connection refused"));
        QCOMPARE(QtErrorText::recorded(QStringLiteral("Connection refused")).english(),
            QStringLiteral("Connection refused"));
    }

    // A peer's protocol violation is worded in the window's language, English inside an EnglishScope (the test
    // server's Close reason on the wire, a recorded row).
    void aViolationIsWordedInTheLanguageOfTheMoment()
    {
        ProtocolViolation violation;
        violation.kind = ViolationKind::InvalidUtf8Text;
        const QString english = QStringLiteral("Text message is not valid UTF-8 (RFC 6455 sections 5.6 and 8.1)");
        QCOMPARE(violation.describe(), english);
        Translations::forApplication()->apply(QStringLiteral("ko"));
        QVERIFY2(hasHangul(violation.describe()), qPrintable(violation.describe()));
        const RecordedText row = RecordedText::captured([violation] { return violation.describe(); });
        QCOMPARE(row.english(), english);
        QVERIFY(hasHangul(row.translated()));
        const EnglishScope scope;
        QCOMPARE(violation.describe(), english);
    }

    // Options that fail validation are recorded in English in a Korean window, and shown in Korean.
    void invalidOptionsAreRecordedInEnglish()
    {
        Translations::forApplication()->apply(QStringLiteral("ko"));
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("http://127.0.0.1:9/"));
        Connection c(options);
        c.open();
        QCOMPARE(c.state(), Connection::State::Failed);
        const qsizetype row = firstError(c);
        QVERIFY(row >= 0);
        const QString recorded = c.events().payloadText(row);
        QVERIFY2(recorded.startsWith(QLatin1String("The URL starts with http://")), qPrintable(recorded));
        QVERIFY2(hasHangul(c.rowText(row)), qPrintable(c.rowText(row)));
        Translations::forApplication()->apply(QStringLiteral("en"));
        QCOMPARE(c.rowText(row), recorded);
    }

    // The status line follows the window's language; the HAR comment (a file) is English.
    void theStatusLineFollowsTheLanguageTheHarCommentIsEnglish()
    {
        const quint16 port = closedPort();
        QVERIFY(port != 0);
        Translations::forApplication()->apply(QStringLiteral("ko"));
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(port));
        Connection c(options);
        failRefused(c);
        QVERIFY2(hasHangul(c.statusText()), qPrintable(c.statusText()));
        const QString comment = HarExporter::entry(c).value(QLatin1String("comment")).toString();
        QVERIFY2(comment.startsWith(QLatin1String("Connection refused by 127.0.0.1:")), qPrintable(comment));
        QVERIFY2(!hasHangul(comment), qPrintable(comment));
        QCOMPARE(c.recordedStatusText(), comment);
        QVERIFY(hasHangul(c.statusText())); // the scope for the comment did not stick
        Translations::forApplication()->apply(QStringLiteral("en"));
        QCOMPARE(c.statusText(), comment);
    }

    // Rows the app did not word itself (read from a file) show as recorded.
    void importedRowsShowAsRecorded()
    {
        Connection c(ConnectionOptions {});
        EventRecord r;
        r.type = EventType::Error;
        c.appendEvent(r, "a peer's own words");
        QCOMPARE(c.rowText(0), QStringLiteral("a peer's own words"));
    }
};

QTEST_GUILESS_MAIN(TestRecordedText)
#include "tst_recordedtext.moc"
