// ConnectionOptionsEditor: the connect bar and the endpoint dialog read the same input into the same
// ConnectionOptions (one editor, one subprotocol parser), and an edit keeps what the user did not touch.
#include "connect/connectbar.h"
#include "connect/connectionoptionseditor.h"
#include "connect/secretheadersedit.h"
#include "endpoints/connectionoptionsjson.h"
#include "endpoints/endpointdialog.h"
#include "endpoints/endpointstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace wsi;

class TestConnectionOptionsEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void connectBarAndEndpointDialogReadTheSameOptions_data();
    void connectBarAndEndpointDialogReadTheSameOptions();
    void bothRefuseTheSameMalformedHeader();
    void untouchedFieldsKeepTheirExactValues();
    void changedCountStartsAtZeroWithTheDefaults();

private:
    // Types the same input into the editor under `root`, the way a user would.
    static void type(QWidget *root, const QString &headers, const QString &subprotocols, const QString &origin,
        bool keepalive, bool reconnect);
    QTemporaryDir m_dir;
};

void TestConnectionOptionsEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_connectionoptionseditor"));
    QVERIFY2(QSettings().fileName().contains(QLatin1String("qttest")), qPrintable(QSettings().fileName()));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
}

void TestConnectionOptionsEditor::type(QWidget *root, const QString &headers, const QString &subprotocols,
    const QString &origin, bool keepalive, bool reconnect)
{
    auto *editor = root->findChild<ConnectionOptionsEditor *>();
    QVERIFY(editor);
    editor->headersEdit()->setText(headers); // several lines: typed as a paste would put them
    QTest::keyClicks(editor->findChild<QLineEdit *>(QStringLiteral("subprotocolsEdit")), subprotocols);
    QTest::keyClicks(editor->findChild<QLineEdit *>(QStringLiteral("originEdit")), origin);
    editor->findChild<QCheckBox *>(QStringLiteral("keepaliveCheck"))->setChecked(keepalive);
    editor->findChild<QCheckBox *>(QStringLiteral("reconnectCheck"))->setChecked(reconnect);
    if (reconnect)
        editor->findChild<QSpinBox *>(QStringLiteral("reconnectAttemptsSpin"))->setValue(3);
}

void TestConnectionOptionsEditor::connectBarAndEndpointDialogReadTheSameOptions_data()
{
    QTest::addColumn<QString>("headers");
    QTest::addColumn<QString>("subprotocols");
    QTest::addColumn<QString>("origin");
    QTest::addColumn<bool>("keepalive");
    QTest::addColumn<bool>("reconnect");
    QTest::addColumn<QStringList>("expectedSubprotocols");
    const QStringList three { QStringLiteral("chat"), QStringLiteral("superchat"), QStringLiteral("v2") };
    QTest::newRow("commas and spaces") << QString() << QStringLiteral("chat, superchat v2") << QString() << false
                                       << false << three;
    QTest::newRow("spaces only, with headers and origin")
        << QStringLiteral("X-Team: blue\nAuthorization: Bearer abc") << QStringLiteral("chat superchat  v2")
        << QStringLiteral("https://app.test") << false << false << three;
    QTest::newRow("commas only, keepalive and reconnect")
        << QString() << QStringLiteral("chat,superchat,v2") << QString() << true << true << three;
    QTest::newRow("no subprotocols") << QString() << QStringLiteral(" , ") << QString() << false << false
                                     << QStringList();
}

void TestConnectionOptionsEditor::connectBarAndEndpointDialogReadTheSameOptions()
{
    QFETCH(QString, headers);
    QFETCH(QString, subprotocols);
    QFETCH(QString, origin);
    QFETCH(bool, keepalive);
    QFETCH(bool, reconnect);
    QFETCH(QStringList, expectedSubprotocols);
    const QString url = QStringLiteral("ws://127.0.0.1:9000/chat");

    EndpointStore store(m_dir.filePath(QStringLiteral("endpoints.json")));
    ConnectBar bar(&store);
    bar.setUrlText(url);
    type(&bar, headers, subprotocols, origin, keepalive, reconnect);
    ConnectionOptions fromBar;
    QVERIFY2(bar.buildOptions(&fromBar), qPrintable(bar.errorText()));

    EndpointDialog dialog({});
    dialog.findChild<QLineEdit *>(QStringLiteral("endpointName"))->setText(QStringLiteral("Chat"));
    dialog.findChild<QLineEdit *>(QStringLiteral("endpointUrl"))->setText(url);
    type(&dialog, headers, subprotocols, origin, keepalive, reconnect);
    dialog.accept();
    QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
    const ConnectionOptions fromDialog = dialog.endpoint().options;

    QCOMPARE(fromBar.subprotocols, expectedSubprotocols);
    QCOMPARE(fromDialog.subprotocols, expectedSubprotocols);
    QCOMPARE(fromBar.origin, origin);
    QCOMPARE(fromBar.headers.size(), headers.isEmpty() ? 0 : int(headers.count(QLatin1Char('\n')) + 1));
    QCOMPARE(fromBar.keepalive.intervalMs, keepalive ? 30000 : 0);
    QCOMPARE(fromBar.reconnect.enabled, reconnect);
    QCOMPARE(fromBar.reconnect.maxAttempts, reconnect ? 3 : 10);
    // Every field, secrets included, is the same.
    QCOMPARE(QJsonDocument(ConnectionOptionsJson::toJson(fromDialog)).toJson(),
        QJsonDocument(ConnectionOptionsJson::toJson(fromBar)).toJson());
}

void TestConnectionOptionsEditor::bothRefuseTheSameMalformedHeader()
{
    EndpointStore store(m_dir.filePath(QStringLiteral("endpoints.json")));
    ConnectBar bar(&store);
    bar.setUrlText(QStringLiteral("ws://127.0.0.1:9000/"));
    type(&bar, QStringLiteral("X-Ok: 1\nno colon here"), QString(), QString(), false, false);
    ConnectionOptions options;
    QVERIFY(!bar.buildOptions(&options));

    EndpointDialog dialog({});
    dialog.findChild<QLineEdit *>(QStringLiteral("endpointName"))->setText(QStringLiteral("Bad"));
    dialog.findChild<QLineEdit *>(QStringLiteral("endpointUrl"))->setText(QStringLiteral("ws://127.0.0.1:9000/"));
    type(&dialog, QStringLiteral("X-Ok: 1\nno colon here"), QString(), QString(), false, false);
    dialog.accept();
    QVERIFY2(bar.errorText().startsWith(QLatin1String("Header line 2:")), qPrintable(bar.errorText()));
    QCOMPARE(dialog.errorText(), bar.errorText());
}

void TestConnectionOptionsEditor::untouchedFieldsKeepTheirExactValues()
{
    ConnectionOptions set;
    set.url = QUrl(QStringLiteral("wss://example.com/"));
    set.timeoutMs = 4321; // shown as 4.3 s
    set.closeGraceMs = 777; // not shown at all
    set.keepalive.intervalMs = 1234;
    set.reconnect.enabled = true;
    set.reconnect.initialDelayMs = 250;
    set.reconnect.maxDelayMs = 9050;
    set.reconnect.multiplier = 1.25;
    set.reconnect.jitter = 0.125;
    set.subprotocols = { QStringLiteral("a"), QStringLiteral("b") };
    ConnectionOptionsEditor editor;
    editor.setOptions(set);
    ConnectionOptions read;
    QString error;
    QVERIFY2(editor.options(&read, &error), qPrintable(error));
    QCOMPARE(read.timeoutMs, 4321);
    QCOMPARE(read.closeGraceMs, 777);
    QCOMPARE(read.keepalive.intervalMs, 1234);
    QCOMPARE(read.reconnect.initialDelayMs, 250);
    QCOMPARE(read.reconnect.maxDelayMs, 9050);
    QCOMPARE(read.reconnect.multiplier, 1.25);
    QCOMPARE(read.reconnect.jitter, 0.125);
    QCOMPARE(read.subprotocols, set.subprotocols);
    QCOMPARE(read.url, set.url);

    // A value the user changes is read from the screen.
    editor.findChild<QDoubleSpinBox *>(QStringLiteral("timeoutSpin"))->setValue(20);
    QVERIFY(editor.options(&read, &error));
    QCOMPARE(read.timeoutMs, 20000);
    // A longest delay shorter than the first is refused, not silently raised.
    editor.findChild<QDoubleSpinBox *>(QStringLiteral("reconnectMaxSpin"))->setValue(0.1);
    QVERIFY(!editor.options(&read, &error));
    QVERIFY2(error.contains(QLatin1String("longest reconnect delay")), qPrintable(error));
}

void TestConnectionOptionsEditor::changedCountStartsAtZeroWithTheDefaults()
{
    ConnectionOptionsEditor editor;
    QCOMPARE(editor.changedCount(), 0);
    ConnectionOptions read;
    QString error;
    QVERIFY(editor.options(&read, &error));
    const ConnectionOptions defaults;
    QCOMPARE(QJsonDocument(ConnectionOptionsJson::toJson(read)).toJson(),
        QJsonDocument(ConnectionOptionsJson::toJson(defaults)).toJson());
    editor.findChild<QCheckBox *>(QStringLiteral("keepaliveCheck"))->setChecked(true);
    editor.findChild<QLineEdit *>(QStringLiteral("subprotocolsEdit"))->setText(QStringLiteral("chat"));
    QCOMPARE(editor.changedCount(), 2);
    editor.clear();
    QCOMPARE(editor.changedCount(), 0);
}

QTEST_MAIN(TestConnectionOptionsEditor)
#include "tst_connectionoptionseditor.moc"
