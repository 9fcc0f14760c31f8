// The composer's Protocol tab: a JSON-RPC call built from fields and sent (Ctrl+Enter and the button) gets its
// decoded reply from python3-websockets, the MQTT preview shows the exact packet, and CONNECT, SUBSCRIBE and
// PUBLISH built from fields get CONNACK, SUBACK and the delivered PUBLISH from Debian's mosquitto.
#include "compose/composer.h"
#include "compose/protocolcomposerpanel.h"
#include "connect/connectbar.h"
#include "connect/connectionoptionseditor.h"
#include "connection/connection.h"
#include "log/eventlogtable.h"
#include "log/eventlogview.h"
#include "models/eventlogmodel.h"
#include "peerprocess.h"
#include "shell/mainwindow.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace wsi;

class TestProtocolComposer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void jsonRpcCallFromFieldsGetsItsDecodedReply();
    void mqttPreviewShowsThePacketInHex();
    void mqttPacketsFromFieldsReachMosquitto();

private:
    Connection *connect(const QString &url, const QString &subprotocols = {});
    template <typename T> T *field(const char *name) const { return m_panel->findChild<T *>(QLatin1String(name)); }
    void choose(const QString &protocolId);
    // With WSI_SCREENSHOT_DIR set (a developer looking at the layout), saves the window there.
    void screenshot(const QString &name) const;
    void choosePacket(const QString &packet);
    // The Decoded texts of the rows of one direction, in order.
    QStringList decoded(Direction dir) const;

    std::unique_ptr<MainWindow> m_window;
    ProtocolComposerPanel *m_panel = nullptr;
};

void TestProtocolComposer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_protocolcomposer"));
}

void TestProtocolComposer::init()
{
    QSettings().clear();
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_panel = m_window->composer()->protocolPanel();
}

void TestProtocolComposer::cleanup()
{
    m_window.reset();
}

Connection *TestProtocolComposer::connect(const QString &url, const QString &subprotocols)
{
    auto *edit = m_window->connectBar()->optionsEditor()->findChild<QLineEdit *>(QStringLiteral("subprotocolsEdit"));
    if (!edit)
        return nullptr;
    edit->setText(subprotocols);
    m_window->connectTo(url);
    Connection *c = m_window->currentConnection();
    if (c && !QTest::qWaitFor([c] { return c->state() == Connection::State::Open; }, 10000))
        return nullptr;
    m_window->composer()->tabs()->setCurrentIndex(Composer::ProtocolTab);
    return c;
}

void TestProtocolComposer::choose(const QString &protocolId)
{
    auto *combo = field<QComboBox>("protocolComposerCombo");
    QVERIFY(combo);
    combo->setCurrentIndex(combo->findData(protocolId));
    QCOMPARE(m_panel->protocol(), protocolId);
}

void TestProtocolComposer::screenshot(const QString &name) const
{
    const QString dir = qEnvironmentVariable("WSI_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        m_window->grab().save(dir + QStringLiteral("/protocompose-") + name + QStringLiteral(".png"));
}

void TestProtocolComposer::choosePacket(const QString &packet)
{
    auto *combo = field<QComboBox>("mqttPacket");
    QVERIFY(combo);
    combo->setCurrentIndex(combo->findText(packet));
    QCOMPARE(combo->currentText(), packet);
}

QStringList TestProtocolComposer::decoded(Direction dir) const
{
    EventLogView *log = m_window->eventLogView();
    log->model()->flush();
    const QAbstractItemModel *model = log->tableView()->model();
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(EventLogModel::DirectionRole).toInt() == int(dir))
            out << model->index(row, EventLogModel::DecodedColumn).data().toString();
    }
    return out;
}

void TestProtocolComposer::jsonRpcCallFromFieldsGetsItsDecodedReply()
{
    PeerProcess peer;
    QVERIFY(peer.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")));
    QVERIFY(connect(peer.url(QStringLiteral("/jsonrpc"))));
    choose(QStringLiteral("jsonrpc"));
    auto *method = field<QLineEdit>("jsonRpcMethod");
    auto *params = field<QPlainTextEdit>("jsonRpcParams");
    QVERIFY(method && params);
    method->setText(QStringLiteral("sum"));
    params->setPlainText(QStringLiteral("[2, 3]"));
    QCOMPARE(m_panel->previewText(), QStringLiteral(R"({"id":1,"jsonrpc":"2.0","method":"sum","params":[2,3]})"));

    // Ctrl+Enter sends as in the Message tab.
    method->setFocus();
    QTest::keyClick(method, Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(
        decoded(Direction::Incoming).join(QLatin1Char('\n')).contains(QLatin1String("result #1 5")), 10000);
    QVERIFY(decoded(Direction::Outgoing).contains(QStringLiteral("request sum #1 [2,3]")));
    // The id moved on; the button sends the next call.
    QVERIFY(m_panel->previewText().startsWith(QLatin1String(R"({"id":2,)")));
    params->setPlainText(QStringLiteral("[10, 20]"));
    auto *send = field<QPushButton>("protocolSendButton");
    QVERIFY(send && send->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        decoded(Direction::Incoming).join(QLatin1Char('\n')).contains(QLatin1String("result #2 30")), 10000);
    screenshot(QStringLiteral("jsonrpc"));

    // Bad params: no preview, no send, the reason shown.
    params->setPlainText(QStringLiteral("[1,"));
    QVERIFY(m_panel->previewText().isEmpty());
    QVERIFY(!send->isEnabled());
    QVERIFY(!field<QLabel>("protocolStatus")->text().isEmpty());
    // The fields are remembered for the next window.
    QCOMPARE(
        QSettings().value(QStringLiteral("composer/protocol/jsonrpc/jsonRpcMethod")).toString(), QStringLiteral("sum"));
}

void TestProtocolComposer::mqttPreviewShowsThePacketInHex()
{
    choose(QStringLiteral("mqtt"));
    field<QComboBox>("mqttVersion")->setCurrentIndex(0);
    choosePacket(QStringLiteral("CONNECT"));
    field<QLineEdit>("mqttClientId")->setText(QStringLiteral("test"));
    // MQTT 3.1.1 section 3.1: CONNECT, client id "test", keep alive 60, clean session.
    QCOMPARE(m_panel->previewText(), QStringLiteral("10 10 00 04 4d 51 54 54 04 02 00 3c 00 04 74 65 73 74"));
    field<QComboBox>("mqttVersion")->setCurrentIndex(1);
    QCOMPARE(m_panel->previewText(), QStringLiteral("10 11 00 04 4d 51 54 54 05 02 00 3c 00 00 04 74 65 73 74"));
    field<QComboBox>("mqttVersion")->setCurrentIndex(0);
    choosePacket(QStringLiteral("PUBLISH"));
    field<QLineEdit>("mqttTopic")->setText(QStringLiteral("a/b"));
    field<QComboBox>("mqttQos")->setCurrentIndex(1);
    field<QPlainTextEdit>("mqttPayload")->setPlainText(QStringLiteral("hi"));
    QCOMPARE(m_panel->previewText(), QStringLiteral("32 09 00 03 61 2f 62 00 01 68 69"));
    QVERIFY(!field<QLineEdit>("mqttClientId")->isVisible()); // a PUBLISH has no client id row
}

void TestProtocolComposer::mqttPacketsFromFieldsReachMosquitto()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    PeerProcess broker;
    QVERIFY2(broker.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("mosquitto_broker.py"), { dir.path() }),
        "mosquitto did not start: Debian's mosquitto is installed by scripts/test");
    Connection *c = connect(broker.url(), QStringLiteral("mqtt"));
    QVERIFY(c);
    QCOMPARE(c->negotiatedSubprotocol(), QStringLiteral("mqtt"));
    // Detected from the subprotocol once the log has read the Open row: the tab follows it.
    QTRY_VERIFY((m_window->eventLogView()->model()->flush(), m_panel->protocol() == QLatin1String("mqtt")));
    field<QComboBox>("mqttVersion")->setCurrentIndex(0);
    choosePacket(QStringLiteral("CONNECT"));
    field<QLineEdit>("mqttClientId")->setText(QStringLiteral("wsi-gui"));
    QVERIFY(m_window->composer()->send());
    QTRY_VERIFY_WITH_TIMEOUT(
        decoded(Direction::Incoming).join(QLatin1Char('\n')).contains(QLatin1String("CONNACK")), 10000);

    choosePacket(QStringLiteral("SUBSCRIBE"));
    field<QLineEdit>("mqttTopic")->setText(QStringLiteral("gui/t"));
    field<QComboBox>("mqttQos")->setCurrentIndex(1);
    QVERIFY(m_panel->previewText().startsWith(QLatin1String("82 0a 00 01"))); // the first packet id
    QVERIFY(m_window->composer()->send());
    QTRY_VERIFY_WITH_TIMEOUT(
        decoded(Direction::Incoming).join(QLatin1Char('\n')).contains(QLatin1String("SUBACK")), 10000);

    choosePacket(QStringLiteral("PUBLISH"));
    field<QPlainTextEdit>("mqttPayload")->setPlainText(QStringLiteral("hello broker"));
    QVERIFY(m_panel->previewText().startsWith(QLatin1String("32 15 00 05"))); // QoS 1, 21 bytes follow
    QVERIFY(m_window->composer()->send());
    QTRY_VERIFY_WITH_TIMEOUT(decoded(Direction::Incoming)
                                 .filter(QLatin1String("PUBLISH"))
                                 .join(QLatin1Char('\n'))
                                 .contains(QLatin1String("gui/t")),
        10000);
    QVERIFY2(decoded(Direction::Incoming).join(QLatin1Char('\n')).contains(QLatin1String("PUBACK")),
        qPrintable(decoded(Direction::Incoming).join(QLatin1Char('\n'))));
    screenshot(QStringLiteral("mqtt"));
}

QTEST_MAIN(TestProtocolComposer)
#include "tst_protocolcomposer.moc"
