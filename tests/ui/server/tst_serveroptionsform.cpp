// Drives the test server's options form by its object names: defaults, fields per mode and scheme, the
// options it builds and the errors it refuses, running state and settings.

#include "server/serveroptionsform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QToolButton>
#include <QtTest>

using namespace wsi;

class TestServerOptionsForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void defaultsBuildLocalEchoOptions();
    void schemeShowsTheTlsFields();
    void modeShowsItsFields();
    void typedFieldsBecomeTheOptions();
    void refusesAnAddressThatIsNoIp();
    void refusesABadRejectHeaderLine();
    void autoReplyRulesAreAddedAndRemoved();
    void runningFreezesAllButTheBehaviour();
    void settingsRoundTrip();

private:
    template <typename T> static T *child(const ServerOptionsForm &form, const char *name)
    {
        T *found = form.findChild<T *>(QLatin1String(name));
        if (!found)
            qWarning("no %s", name);
        return found;
    }
};

void TestServerOptionsForm::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_serveroptionsform"));
}

void TestServerOptionsForm::init()
{
    QSettings().clear();
}

void TestServerOptionsForm::defaultsBuildLocalEchoOptions()
{
    ServerOptionsForm form;
    QCOMPARE(form.objectName(), QStringLiteral("serverOptionsForm"));
    QCOMPARE(child<QComboBox>(form, "serverAddressCombo"), form.addressCombo());
    QCOMPARE(child<QLineEdit>(form, "serverAddressEdit")->text(), QStringLiteral("127.0.0.1"));
    QCOMPARE(child<QComboBox>(form, "serverAddressCombo")->count(), 4);
    QCOMPARE(child<QSpinBox>(form, "serverPortSpin")->text(), QStringLiteral("0 (any free port)"));
    QCOMPARE(child<QComboBox>(form, "serverSchemeCombo")->currentText(), QStringLiteral("ws:// (plain)"));
    QCOMPARE(child<QComboBox>(form, "serverModeCombo")->count(), 5);
    QCOMPARE(child<QComboBox>(form, "serverModeCombo")->currentText(), QStringLiteral("Echo: send every message back"));
    QCOMPARE(child<QSpinBox>(form, "serverRejectStatusSpin")->value(), 403);
    QCOMPARE(child<QPlainTextEdit>(form, "serverRejectBodyEdit")->toPlainText(),
        QStringLiteral("Rejected by the WS Inspector test server.\n"));
    QCOMPARE(child<QSpinBox>(form, "serverHandshakeTimeoutSpin")->text(), QStringLiteral("10000 ms"));
    QCOMPARE(child<QSpinBox>(form, "serverMaxMessageSpin")->text(), QStringLiteral("65536 KiB"));
    QCOMPARE(child<QSpinBox>(form, "serverIdleTimeoutSpin")->text(), QStringLiteral("never"));
    QCOMPARE(child<QSpinBox>(form, "serverMaxClientsSpin")->text(), QStringLiteral("no limit"));
    QVERIFY(!form.isExposed());

    ServerOptions options;
    QString error;
    QVERIFY2(form.options(&options, &error), qPrintable(error));
    QCOMPARE(options.address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(options.port, quint16(0));
    QVERIFY(!options.tls);
    QCOMPARE(options.mode, ServerMode::Echo);
    QCOMPARE(options.handshakeTimeoutMs, 10000);
    QCOMPARE(options.maxMessageSize, qint64(64) * 1024 * 1024);
    QCOMPARE(options.idleTimeoutMs, 0);
    QCOMPARE(options.maxClients, 0);
    QVERIFY(options.autoReplies.isEmpty());
    QVERIFY(!child<QCheckBox>(form, "serverDeflateCheck")->isChecked());
    QVERIFY(!options.deflate);
}

void TestServerOptionsForm::schemeShowsTheTlsFields()
{
    ServerOptionsForm form;
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    auto *cert = child<QLineEdit>(form, "serverCertEdit");
    QVERIFY(!cert->isVisible());
    QTest::keyClick(child<QComboBox>(form, "serverSchemeCombo"), Qt::Key_Down);
    QVERIFY(cert->isVisible());
    QVERIFY(child<QLineEdit>(form, "serverKeyEdit")->isVisible());
    QVERIFY(child<QToolButton>(form, "serverCertEditBrowse")->isVisible());
    QVERIFY(child<QToolButton>(form, "serverKeyEditBrowse")->isVisible());
    QCOMPARE(cert->placeholderText(), QStringLiteral("app's CA if empty"));
    ServerOptions options;
    QString error;
    QVERIFY2(form.options(&options, &error), qPrintable(error));
    QVERIFY(options.tls);
}

void TestServerOptionsForm::modeShowsItsFields()
{
    ServerOptionsForm form;
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    auto *mode = child<QComboBox>(form, "serverModeCombo");
    auto *toSender = child<QCheckBox>(form, "serverBroadcastToSenderCheck");
    auto *status = child<QSpinBox>(form, "serverRejectStatusSpin");
    QSignalSpy modeChanged(&form, &ServerOptionsForm::modeChanged);
    QVERIFY(!toSender->isVisible());
    QVERIFY(!status->isVisible());
    QTest::keyClick(mode, Qt::Key_Down);
    QCOMPARE(form.mode(), ServerMode::Broadcast);
    QVERIFY(toSender->isVisible());
    QVERIFY(!status->isVisible());
    QTest::mouseClick(toSender, Qt::LeftButton);
    QCOMPARE(modeChanged.size(), 2);
    QTest::keyClick(mode, Qt::Key_End);
    QCOMPARE(form.mode(), ServerMode::Reject);
    QVERIFY(!toSender->isVisible());
    QVERIFY(status->isVisible());
    QVERIFY(child<QPlainTextEdit>(form, "serverRejectHeadersEdit")->isVisible());
    QVERIFY(child<QPlainTextEdit>(form, "serverRejectBodyEdit")->isVisible());
    QCOMPARE(modeChanged.size(), 3);
}

void TestServerOptionsForm::typedFieldsBecomeTheOptions()
{
    ServerOptionsForm form;
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    QSignalSpy addressChanged(&form, &ServerOptionsForm::addressChanged);
    auto *address = child<QLineEdit>(form, "serverAddressEdit");
    address->selectAll();
    QTest::keyClicks(address, QStringLiteral("0.0.0.0"));
    QVERIFY(addressChanged.size() >= 1);
    QVERIFY(form.isExposed());
    auto *port = child<QSpinBox>(form, "serverPortSpin");
    port->selectAll();
    QTest::keyClicks(port, QStringLiteral("9123"));
    QTest::keyClicks(child<QLineEdit>(form, "serverSubprotocolsEdit"), QStringLiteral("chat, v2.json"));
    QTest::keyClicks(child<QLineEdit>(form, "serverOriginsEdit"), QStringLiteral("http://localhost:3000"));
    auto *clients = child<QSpinBox>(form, "serverMaxClientsSpin");
    clients->selectAll();
    QTest::keyClicks(clients, QStringLiteral("3"));
    auto *idle = child<QSpinBox>(form, "serverIdleTimeoutSpin");
    idle->selectAll();
    QTest::keyClicks(idle, QStringLiteral("30"));
    auto *maxMessage = child<QSpinBox>(form, "serverMaxMessageSpin");
    maxMessage->selectAll();
    QTest::keyClicks(maxMessage, QStringLiteral("2"));
    QTest::keyClick(child<QComboBox>(form, "serverModeCombo"), Qt::Key_End);
    auto *status = child<QSpinBox>(form, "serverRejectStatusSpin");
    status->selectAll();
    QTest::keyClicks(status, QStringLiteral("401"));
    QTest::keyClicks(child<QPlainTextEdit>(form, "serverRejectHeadersEdit"), QStringLiteral("WWW-Authenticate: Basic"));

    ServerOptions options;
    QString error;
    QVERIFY2(form.options(&options, &error), qPrintable(error));
    QCOMPARE(options.address, QHostAddress(QHostAddress::AnyIPv4));
    QCOMPARE(options.port, quint16(9123));
    QCOMPARE(options.subprotocols, (QStringList { QStringLiteral("chat"), QStringLiteral("v2.json") }));
    QCOMPARE(options.allowedOrigins, QStringList { QStringLiteral("http://localhost:3000") });
    QCOMPARE(options.maxClients, 3);
    QCOMPARE(options.idleTimeoutMs, 30000);
    QCOMPARE(options.maxMessageSize, qint64(2048));
    QCOMPARE(options.mode, ServerMode::Reject);
    QCOMPARE(options.rejectStatus, 401);
    QCOMPARE(options.rejectHeaders.size(), 1);
    QCOMPARE(options.rejectHeaders.at(0).first, QByteArray("WWW-Authenticate"));
    QCOMPARE(options.rejectHeaders.at(0).second, QByteArray("Basic"));
}

void TestServerOptionsForm::refusesAnAddressThatIsNoIp()
{
    ServerOptionsForm form;
    auto *address = child<QLineEdit>(form, "serverAddressEdit");
    address->selectAll();
    QTest::keyClicks(address, QStringLiteral("localhost"));
    ServerOptions options;
    QString error;
    QVERIFY(!form.options(&options, &error));
    QCOMPARE(error, QStringLiteral("\"localhost\" is not an IP address to listen on (e.g. 127.0.0.1, 0.0.0.0, ::1)."));
    QVERIFY(!form.isExposed());
}

void TestServerOptionsForm::refusesABadRejectHeaderLine()
{
    ServerOptionsForm form;
    QTest::keyClicks(child<QPlainTextEdit>(form, "serverRejectHeadersEdit"), QStringLiteral("X-Ok: 1"));
    QTest::keyClick(child<QPlainTextEdit>(form, "serverRejectHeadersEdit"), Qt::Key_Return);
    QTest::keyClicks(child<QPlainTextEdit>(form, "serverRejectHeadersEdit"), QStringLiteral("no colon here"));
    ServerOptions options;
    QString error;
    QVERIFY(!form.options(&options, &error));
    QVERIFY2(error.startsWith(QStringLiteral("Reject header line 2: ")), qPrintable(error));
}

void TestServerOptionsForm::autoReplyRulesAreAddedAndRemoved()
{
    ServerOptionsForm form;
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    auto *rules = child<QTableWidget>(form, "serverAutoReplyTable");
    QCOMPARE(rules->columnCount(), 3);
    QCOMPARE(rules->horizontalHeaderItem(0)->text(), QStringLiteral("Message matches"));
    QCOMPARE(rules->horizontalHeaderItem(1)->text(), QStringLiteral("Regex"));
    QCOMPARE(rules->horizontalHeaderItem(2)->text(), QStringLiteral("Reply with"));
    QSignalSpy changed(&form, &ServerOptionsForm::autoRepliesChanged);
    QTest::mouseClick(child<QPushButton>(form, "serverAddRuleButton"), Qt::LeftButton);
    QCOMPARE(rules->rowCount(), 1);
    QVERIFY(form.autoReplies().isEmpty()); // an empty rule is no rule
    rules->item(0, 0)->setText(QStringLiteral("^ping$"));
    rules->item(0, 1)->setCheckState(Qt::Checked);
    rules->item(0, 2)->setText(QStringLiteral("pong {{counter}}"));
    QVERIFY(changed.size() >= 3);
    const QList<AutoReplyRule> replies = form.autoReplies();
    QCOMPARE(replies.size(), 1);
    QCOMPARE(replies.at(0).pattern, QStringLiteral("^ping$"));
    QVERIFY(replies.at(0).isRegex);
    QCOMPARE(replies.at(0).replyTemplate, QStringLiteral("pong {{counter}}"));
    rules->setCurrentCell(0, 0);
    const qsizetype before = changed.size();
    QTest::mouseClick(child<QPushButton>(form, "serverRemoveRuleButton"), Qt::LeftButton);
    QCOMPARE(rules->rowCount(), 0);
    QCOMPARE(changed.size(), before + 1);
    QVERIFY(form.autoReplies().isEmpty());
}

void TestServerOptionsForm::runningFreezesAllButTheBehaviour()
{
    ServerOptionsForm form;
    form.setRunning(true);
    for (const char *name : { "serverAddressCombo", "serverPortSpin", "serverSchemeCombo", "serverCertEdit",
             "serverCertEditBrowse", "serverKeyEdit", "serverKeyEditBrowse", "serverSubprotocolsEdit",
             "serverOriginsEdit", "serverMaxClientsSpin", "serverHandshakeTimeoutSpin", "serverMaxMessageSpin",
             "serverIdleTimeoutSpin", "serverRejectStatusSpin", "serverRejectHeadersEdit", "serverRejectBodyEdit",
             "serverBroadcastToSenderCheck", "serverDeflateCheck" })
        QVERIFY2(!child<QWidget>(form, name)->isEnabled(), name);
    for (const char *name :
        { "serverModeCombo", "serverAutoReplyTable", "serverAddRuleButton", "serverRemoveRuleButton" })
        QVERIFY2(child<QWidget>(form, name)->isEnabled(), name);
    form.setRunning(false);
    QVERIFY(child<QWidget>(form, "serverPortSpin")->isEnabled());
}

void TestServerOptionsForm::settingsRoundTrip()
{
    {
        ServerOptionsForm form;
        form.loadSettings();
        auto *port = child<QSpinBox>(form, "serverPortSpin");
        port->selectAll();
        QTest::keyClicks(port, QStringLiteral("8088"));
        QTest::keyClick(child<QComboBox>(form, "serverModeCombo"), Qt::Key_Down);
        QTest::keyClicks(child<QLineEdit>(form, "serverSubprotocolsEdit"), QStringLiteral("mqtt"));
        child<QCheckBox>(form, "serverDeflateCheck")->click();
        QTest::mouseClick(child<QPushButton>(form, "serverAddRuleButton"), Qt::LeftButton);
        child<QTableWidget>(form, "serverAutoReplyTable")->item(0, 0)->setText(QStringLiteral("hi"));
        child<QTableWidget>(form, "serverAutoReplyTable")->item(0, 2)->setText(QStringLiteral("hello"));
        form.saveSettings();
    }
    ServerOptionsForm again;
    again.loadSettings();
    QCOMPARE(child<QSpinBox>(again, "serverPortSpin")->value(), 8088);
    QCOMPARE(again.mode(), ServerMode::Broadcast);
    QCOMPARE(child<QLineEdit>(again, "serverSubprotocolsEdit")->text(), QStringLiteral("mqtt"));
    QVERIFY(child<QCheckBox>(again, "serverDeflateCheck")->isChecked());
    ServerOptions options;
    QString error;
    QVERIFY2(again.options(&options, &error), qPrintable(error));
    QVERIFY(options.deflate); // the checkbox is the server's flag
    QCOMPARE(again.autoReplies().size(), 1);
    QCOMPARE(again.autoReplies().at(0).pattern, QStringLiteral("hi"));
    QCOMPARE(again.autoReplies().at(0).replyTemplate, QStringLiteral("hello"));
    QCOMPARE(child<QLineEdit>(again, "serverAddressEdit")->text(), QStringLiteral("127.0.0.1"));
}

QTEST_MAIN(TestServerOptionsForm)
#include "tst_serveroptionsform.moc"
