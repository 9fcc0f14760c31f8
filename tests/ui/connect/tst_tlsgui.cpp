// Drives the real MainWindow against a python3-websockets wss:// server with a self-signed certificate:
// the certificate decision (proceed once, cancel, always trust), the TLS pane, the TLS options and preferences.

#include "connect/connectbar.h"
#include "connect/connectionoptionseditor.h"
#include "connection/connection.h"
#include "connection/workspace.h"
#include "handshake/handshakeview.h"
#include "handshake/headertablemodel.h"
#include "peerprocess.h"
#include "preferences/preferencesdialog.h"
#include "shell/mainwindow.h"
#include "tls/certificateauthority.h"
#include "tls/tlsreport.h"
#include "tls/trustedcertificates.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

using namespace wsi;

class TestTlsGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void proceedOnceOpensAndShowsTheChain();
    void cancelFailsWithTheTlsErrorInTheStatus();
    void alwaysTrustIsListedInPreferencesAndRemovable();
    void preferencesExportTheCaCertificate();
    void tlsOptionsAreValidatedAndRememberedPerEndpoint();

private:
    // Types the URL, clicks Connect and waits for the certificate decision banner.
    Connection *connectAndWaitForDecision(MainWindow *window, const QString &url);
    QString wssUrl() const { return QStringLiteral("wss://127.0.0.1:%1/tls").arg(m_peer.port()); }

    QTemporaryDir m_certs;
    PeerProcess m_peer;
};

void TestTlsGui::initTestCase()
{
    // Never touch the user's settings or the real CA: QSettings and AppDataLocation go to test locations.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_tlsgui"));
    QVERIFY2(QSettings().fileName().contains(QLatin1String("qttest")), qPrintable(QSettings().fileName()));
    QVERIFY(m_certs.isValid());
    QProcess make;
    make.start(
        QStringLiteral(WSI_SYSTEM_PYTHON), { QStringLiteral(WSI_TEST_PEERS_DIR "/make_certs.py"), m_certs.path() });
    QVERIFY(make.waitForFinished(60000));
    QCOMPARE(make.exitCode(), 0);
    QVERIFY(m_peer.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("wss_server.py"),
        { m_certs.filePath(QStringLiteral("selfsigned.pem")), m_certs.filePath(QStringLiteral("selfsigned.key")) }));
}

void TestTlsGui::init()
{
    QSettings().clear();
}

void TestTlsGui::cleanup()
{
    PreferencesDialog::setExportPathChooser(nullptr);
    PreferencesDialog::setConfirmation(nullptr);
    ConnectionOptionsEditor::setFileChooser(nullptr);
}

Connection *TestTlsGui::connectAndWaitForDecision(MainWindow *window, const QString &url)
{
    auto *urlEdit = window->findChild<QLineEdit *>(QStringLiteral("urlEdit"));
    auto *connectButton = window->findChild<QPushButton *>(QStringLiteral("connectButton"));
    if (!urlEdit || !connectButton)
        return nullptr;
    urlEdit->clear();
    QTest::keyClicks(urlEdit, url);
    const int before = int(window->workspace()->connections().size());
    QTest::mouseClick(connectButton, Qt::LeftButton);
    if (window->workspace()->connections().size() != before + 1)
        return nullptr;
    Connection *connection = window->workspace()->connections().constLast();
    if (!QTest::qWaitFor([&] { return window->handshakeView()->isTlsDecisionShown(); }, 15000))
        return nullptr;
    return connection;
}

void TestTlsGui::proceedOnceOpensAndShowsTheChain()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Connection *connection = connectAndWaitForDecision(&window, wssUrl());
    QVERIFY2(connection, "no certificate decision was asked for");
    QCOMPARE(window.viewTabs()->currentWidget(), window.handshakeView());
    QVERIFY2(window.handshakeView()->bannerText().contains(QLatin1String("self-signed")),
        qPrintable(window.handshakeView()->bannerText()));
    QCOMPARE(connection->state(), Connection::State::Connecting);

    auto *proceed = window.findChild<QPushButton *>(QStringLiteral("tlsProceedButton"));
    QVERIFY(proceed && proceed->isVisible());
    QTest::mouseClick(proceed, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(connection->state(), Connection::State::Open, 15000);
    QVERIFY(!window.handshakeView()->isTlsDecisionShown());

    // The plaintext handshake inside TLS: the 101 and the server's own header.
    HandshakeView *handshake = window.handshakeView();
    QTRY_VERIFY_WITH_TIMEOUT(handshake->responseStatusLine().contains(QLatin1String("101")), 5000);
    const QAbstractItemModel *response = handshake->responseHeadersModel();
    bool sawPeerHeader = false;
    for (int row = 0; row < response->rowCount(); ++row)
        sawPeerHeader
            |= response->index(row, HeaderTableModel::NameColumn).data().toString() == QLatin1String("X-Test-Peer");
    QVERIFY(sawPeerHeader);

    // The TLS pane: verdict in plain words, protocol, cipher and every field of the chain.
    auto *tls = window.findChild<QLabel *>(QStringLiteral("tlsReport"));
    QVERIFY(tls && tls->isVisible());
    const QString text = tls->text();
    for (const char *expected : { "NOT verified (you chose to proceed)", "self-signed", "Protocol", "TLS 1.", "Cipher",
             "Subject", "Issuer", "Names (SAN)", "127.0.0.1", "Valid from", "Valid until", "SHA-256", "Key" })
        QVERIFY2(
            text.contains(QLatin1String(expected)), qPrintable(QStringLiteral("missing %1 in %2").arg(expected, text)));
    QVERIFY(text.contains(connection->handshake().tls.fingerprint()));
    QVERIFY(TrustedCertificates::all().isEmpty());
}

void TestTlsGui::cancelFailsWithTheTlsErrorInTheStatus()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Connection *connection = connectAndWaitForDecision(&window, wssUrl());
    QVERIFY(connection);
    auto *cancel = window.findChild<QPushButton *>(QStringLiteral("tlsCancelButton"));
    QVERIFY(cancel && cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(connection->state(), Connection::State::Failed, 15000);
    QVERIFY(!window.handshakeView()->isTlsDecisionShown());
    QTRY_VERIFY(!connection->statusText().isEmpty());
    const QString status = window.statusText();
    QVERIFY2(status.contains(QLatin1String("failed")), qPrintable(status));
    QVERIFY2(status.contains(QLatin1String("certificate"), Qt::CaseInsensitive), qPrintable(status));
}

void TestTlsGui::alwaysTrustIsListedInPreferencesAndRemovable()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Connection *connection = connectAndWaitForDecision(&window, wssUrl());
    QVERIFY(connection);
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("tlsTrustButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(connection->state(), Connection::State::Open, 15000);
    const QString fingerprint = connection->handshake().tls.fingerprint();
    QVERIFY(!fingerprint.isEmpty());

    // A second connection to the same server is trusted without asking.
    window.connectTo(wssUrl());
    Connection *second = window.workspace()->connections().constLast();
    QVERIFY(second != connection);
    QTRY_COMPARE_WITH_TIMEOUT(second->state(), Connection::State::Open, 15000);

    QAction *preferences = window.findChild<QAction *>(QStringLiteral("preferencesAction"));
    QVERIFY(preferences && preferences->isEnabled());
    QCOMPARE(preferences->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
    bool checked = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<PreferencesDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        QTreeWidget *list = dialog->trustedList();
        QTreeWidgetItem *found = nullptr;
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = list->topLevelItem(i);
            if (item->text(0) == QLatin1String("127.0.0.1") && item->text(1) == fingerprint)
                found = item;
        }
        if (found) {
            list->setCurrentItem(found);
            auto *remove = dialog->findChild<QPushButton *>(QStringLiteral("removeTrustedButton"));
            if (remove && remove->isEnabled()) {
                QTest::mouseClick(remove, Qt::LeftButton);
                checked = true;
            }
        }
        dialog->reject();
    });
    preferences->trigger();
    QVERIFY2(checked, "the trusted certificate was not listed, or Remove was not available");
    QVERIFY(TrustedCertificates::fingerprintsFor(QStringLiteral("127.0.0.1")).isEmpty());

    // Forgotten: the next connection asks again.
    QVERIFY(connectAndWaitForDecision(&window, wssUrl()));
}

void TestTlsGui::preferencesExportTheCaCertificate()
{
    QTemporaryDir out;
    const QString path = out.filePath(QStringLiteral("exported-ca.pem"));
    PreferencesDialog::setExportPathChooser([path](QWidget *) { return path; });
    CertificateAuthority *authority = Connection::defaultCertificateAuthority();
    QVERIFY(authority);
    // The test-mode data folder, never the user's CA.
    QVERIFY2(authority->certificatePath().contains(QLatin1String("qttest")), qPrintable(authority->certificatePath()));

    PreferencesDialog dialog(authority);
    dialog.show();
    const QString fingerprint = CertificateSummary::from(authority->certificate()).sha256;
    QVERIFY(dialog.caText().contains(fingerprint));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("exportCaButton")), Qt::LeftButton);
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(dialog.lastMessage()));
    const QByteArray pem = file.readAll();
    QVERIFY(pem.contains("BEGIN CERTIFICATE"));
    QVERIFY(!pem.contains("PRIVATE KEY"));
    QCOMPARE(QSslCertificate(pem, QSsl::Pem), authority->certificate());

    // Regenerate asks first; "no" keeps the CA, "yes" replaces it.
    PreferencesDialog::setConfirmation([](QWidget *, const QString &) { return false; });
    auto *regenerate = dialog.findChild<QPushButton *>(QStringLiteral("regenerateCaButton"));
    QTest::mouseClick(regenerate, Qt::LeftButton);
    QCOMPARE(CertificateSummary::from(authority->certificate()).sha256, fingerprint);
    PreferencesDialog::setConfirmation([](QWidget *, const QString &) { return true; });
    QTest::mouseClick(regenerate, Qt::LeftButton);
    const QString renewed = CertificateSummary::from(authority->certificate()).sha256;
    QVERIFY(renewed != fingerprint);
    QVERIFY(dialog.caText().contains(renewed));
}

void TestTlsGui::tlsOptionsAreValidatedAndRememberedPerEndpoint()
{
    const QString caFile = m_certs.filePath(QStringLiteral("ca.pem"));
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.connectBar()->setOptionsVisible(true);
        auto *ca = window.findChild<QLineEdit *>(QStringLiteral("caFileEdit"));
        auto *intercept = window.findChild<QCheckBox *>(QStringLiteral("interceptTlsCheck"));
        auto *minVersion = window.findChild<QComboBox *>(QStringLiteral("minTlsVersionCombo"));
        QVERIFY(ca && intercept && minVersion);
        QVERIFY(intercept->isChecked());

        // A CA file that does not exist is refused inline, and no connection is made.
        QTest::keyClicks(ca, m_certs.filePath(QStringLiteral("missing.pem")));
        window.connectTo(wssUrl());
        QVERIFY(window.connectBar()->isErrorVisible());
        QVERIFY2(window.connectBar()->errorText().contains(QLatin1String("missing.pem")),
            qPrintable(window.connectBar()->errorText()));
        QCOMPARE(window.workspace()->connections().size(), 0);

        // Picked with the file chooser; interception off: the view says the bytes are encrypted.
        ConnectionOptionsEditor::setFileChooser(
            [caFile](QWidget *, const QString &, const QString &) { return caFile; });
        QTest::mouseClick(window.findChild<QToolButton *>(QStringLiteral("caFileBrowse")), Qt::LeftButton);
        QCOMPARE(ca->text(), caFile);
        intercept->setChecked(false);
        minVersion->setCurrentIndex(minVersion->findData(13));
        window.connectTo(wssUrl());
        QVERIFY2(!window.connectBar()->isErrorVisible(), qPrintable(window.connectBar()->errorText()));
        QCOMPARE(window.workspace()->connections().size(), 1);
        Connection *connection = window.workspace()->connections().constFirst();
        QVERIFY(!connection->options().interceptTls);
        QCOMPARE(connection->options().caFile, caFile);
        QCOMPARE(connection->options().minimumTlsVersion, 13);
        QVERIFY(connection->handshake().encrypted);
        auto *accept = window.findChild<QLabel *>(QStringLiteral("acceptComputation"));
        QVERIFY(accept);
        QTRY_VERIFY2(accept->text().contains(QLatin1String("not intercepted")), qPrintable(accept->text()));
        window.workspace()->removeConnection(connection);
    }
    // A new window (a new run) gets the endpoint's TLS options back when the URL is picked.
    MainWindow window;
    window.connectBar()->setUrlText(wssUrl());
    Q_EMIT window.connectBar()->urlCombo()->lineEdit()->editingFinished();
    QCOMPARE(window.findChild<QLineEdit *>(QStringLiteral("caFileEdit"))->text(), caFile);
    QVERIFY(!window.findChild<QCheckBox *>(QStringLiteral("interceptTlsCheck"))->isChecked());
    QCOMPARE(window.findChild<QComboBox *>(QStringLiteral("minTlsVersionCombo"))->currentData().toInt(), 13);
}

QTEST_MAIN(TestTlsGui)
#include "tst_tlsgui.moc"
