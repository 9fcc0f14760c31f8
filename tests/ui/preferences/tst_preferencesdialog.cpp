// Drives the Preferences dialog's form by its object names: trusted certificates, the CA, the journal cap.

#include "language/translations.h"
#include "preferences/preferencesdialog.h"
#include "store/payloadcache.h"
#include "tls/certificateauthority.h"
#include "tls/tlsreport.h"
#include "tls/trustedcertificates.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace wsi;

class TestPreferencesDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void withoutAuthorityTheCaButtonsAreOff();
    void removeForgetsTheSelectedTrustedCertificate();
    void journalCapIsTypedAndRemembered();
    void payloadMemoryIsTypedRememberedAndApplied();
    void showsExportsAndRegeneratesTheAuthority();
    void authorityErrorsSpeakTheWindowsLanguage();

private:
    QTemporaryDir m_dir;
};

void TestPreferencesDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_preferencesdialog"));
    QVERIFY(m_dir.isValid());
}

void TestPreferencesDialog::init()
{
    QSettings().clear();
}

void TestPreferencesDialog::cleanup()
{
    PreferencesDialog::setExportPathChooser(nullptr);
    PreferencesDialog::setConfirmation(nullptr);
    Translations::forApplication()->apply(QStringLiteral("en"));
}

void TestPreferencesDialog::withoutAuthorityTheCaButtonsAreOff()
{
    PreferencesDialog dialog(nullptr);
    QCOMPARE(dialog.objectName(), QStringLiteral("preferencesDialog"));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Preferences"));
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("caDetails"))->text(),
        QStringLiteral("No certificate authority is available."));
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("regenerateCaButton"))->isEnabled());
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("exportCaButton"))->isEnabled());
    auto *list = dialog.findChild<QTreeWidget *>(QStringLiteral("trustedCertificatesList"));
    QCOMPARE(list, dialog.trustedList());
    QCOMPARE(list->headerItem()->text(0), QStringLiteral("Host"));
    QCOMPARE(list->headerItem()->text(1), QStringLiteral("SHA-256 fingerprint"));
    QCOMPARE(list->topLevelItemCount(), 1);
    QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("(none)"));
    QCOMPARE(list->topLevelItem(0)->flags(), Qt::NoItemFlags);
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("removeTrustedButton"))->isEnabled());
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("preferencesMessage"))->isVisibleTo(&dialog));

    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *buttons = dialog.findChild<QDialogButtonBox *>(QStringLiteral("preferencesButtons"));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Close), Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
}

void TestPreferencesDialog::removeForgetsTheSelectedTrustedCertificate()
{
    TrustedCertificates::add(QStringLiteral("a.example"), QStringLiteral("AA:AA"));
    TrustedCertificates::add(QStringLiteral("b.example"), QStringLiteral("BB:BB"));
    PreferencesDialog dialog(nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *list = dialog.findChild<QTreeWidget *>(QStringLiteral("trustedCertificatesList"));
    auto *remove = dialog.findChild<QPushButton *>(QStringLiteral("removeTrustedButton"));
    QCOMPARE(list->topLevelItemCount(), 2);
    QTreeWidgetItem *b = list->findItems(QStringLiteral("b.example"), Qt::MatchExactly).value(0);
    QVERIFY(b);
    QCOMPARE(b->text(1), QStringLiteral("BB:BB"));
    QVERIFY(!remove->isEnabled());
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(b).center());
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(list->topLevelItemCount(), 1);
    QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("a.example"));
    QCOMPARE(TrustedCertificates::fingerprintsFor(QStringLiteral("b.example")), QStringList());
    QCOMPARE(
        TrustedCertificates::fingerprintsFor(QStringLiteral("a.example")), QStringList { QStringLiteral("AA:AA") });
    QVERIFY(!remove->isEnabled());
}

void TestPreferencesDialog::journalCapIsTypedAndRemembered()
{
    PreferencesDialog dialog(nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *spin = dialog.findChild<QSpinBox *>(QStringLiteral("journalCapSpinBox"));
    QCOMPARE(spin->value(), 500); // the default cap
    QCOMPARE(spin->suffix(), QStringLiteral(" MiB"));
    QCOMPARE(spin->maximum(), 1024 * 1024);
    QVERIFY(spin->toolTip().startsWith(QStringLiteral("Every connection is journaled to ")));
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("64"));
    QCOMPARE(PreferencesDialog::journalCapBytes(), qint64(64) * 1024 * 1024);
    QTest::keyClick(spin, Qt::Key_Up); // one step is 100 MiB
    QCOMPARE(PreferencesDialog::journalCapBytes(), qint64(164) * 1024 * 1024);
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("0"));
    QCOMPARE(spin->specialValueText(), QStringLiteral("no limit"));
    QCOMPARE(PreferencesDialog::journalCapBytes(), qint64(0));
}

void TestPreferencesDialog::payloadMemoryIsTypedRememberedAndApplied()
{
    PreferencesDialog dialog(nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *spin = dialog.findChild<QSpinBox *>(QStringLiteral("payloadMemorySpinBox"));
    QVERIFY(spin);
    // The window's default: with it the window stays under 300 MB after a 10 M message flood (issue 12; the window
    // holds ~100 MiB besides the budget), where PayloadCache's own default (the CLI's) is 256 MiB.
    QCOMPARE(spin->value(), 176);
    QCOMPARE(PreferencesDialog::payloadMemoryBytes(), qint64(176) * 1024 * 1024);
    QVERIFY(spin->toolTip().contains(QLatin1String("176 MiB")));
    QVERIFY(spin->toolTip().contains(QLatin1String("300 MB")));
    QVERIFY(spin->toolTip().contains(QLatin1String("spill file")));
    QVERIFY(spin->toolTip().contains(QLatin1String("event records"))); // the budget holds records too (issue 12)
    // Set WSI_SCREENSHOT_DIR=DIR to save the dialog (a developer looking at the memory settings' words).
    if (const QString dir = qEnvironmentVariable("WSI_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/preferences-memory.png")));
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("96"));
    QCOMPARE(PreferencesDialog::payloadMemoryBytes(), qint64(96) * 1024 * 1024);
    QCOMPARE(PayloadCache::instance().budget(), qint64(96) * 1024 * 1024); // applied at once
    QTest::keyClick(spin, Qt::Key_Up); // one step is 64 MiB
    QCOMPARE(PayloadCache::instance().budget(), qint64(160) * 1024 * 1024);
    QSettings().setValue(QStringLiteral("memory/payloadMiB"), 1); // a hand-edited file cannot starve it
    QCOMPARE(PreferencesDialog::payloadMemoryBytes(), qint64(16) * 1024 * 1024);

    auto *session = dialog.findChild<QSpinBox *>(QStringLiteral("sessionBudgetSpinBox"));
    QVERIFY(session);
    QCOMPARE(session->value(), 4096); // the default session budget
    QCOMPARE(PayloadCache::instance().sessionBudget(), PayloadCache::kDefaultSessionBudget);
    session->selectAll();
    QTest::keyClicks(session, QStringLiteral("512"));
    QCOMPARE(PreferencesDialog::sessionBudgetBytes(), qint64(512) * 1024 * 1024);
    QCOMPARE(PayloadCache::instance().sessionBudget(), qint64(512) * 1024 * 1024);
    session->selectAll();
    QTest::keyClicks(session, QStringLiteral("0"));
    QCOMPARE(session->specialValueText(), QStringLiteral("no limit"));
    QCOMPARE(PayloadCache::instance().sessionBudget(), qint64(0));
    PayloadCache::instance().setBudget(PayloadCache::kDefaultBudget);
    PayloadCache::instance().setSessionBudget(PayloadCache::kDefaultSessionBudget);
}

void TestPreferencesDialog::showsExportsAndRegeneratesTheAuthority()
{
    CertificateAuthority authority(m_dir.filePath(QStringLiteral("ca")));
    QVERIFY2(authority.load(), qPrintable(authority.lastError()));
    const QString fingerprint = CertificateSummary::from(authority.certificate()).sha256;
    PreferencesDialog dialog(&authority);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("caDetails"))->text().contains(fingerprint));

    const QString pem = m_dir.filePath(QStringLiteral("exported.pem"));
    PreferencesDialog::setExportPathChooser([pem](QWidget *) { return pem; });
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("exportCaButton")), Qt::LeftButton);
    QFile file(pem);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QSslCertificate(file.readAll(), QSsl::Pem), authority.certificate());
    auto *message = dialog.findChild<QLabel *>(QStringLiteral("preferencesMessage"));
    QVERIFY(message->isVisible());
    QCOMPARE(
        message->text(), QStringLiteral("The CA certificate was written to %1.").arg(QDir::toNativeSeparators(pem)));

    PreferencesDialog::setConfirmation([](QWidget *, const QString &) { return false; });
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("regenerateCaButton")), Qt::LeftButton);
    QCOMPARE(CertificateSummary::from(authority.certificate()).sha256, fingerprint);
    PreferencesDialog::setConfirmation([](QWidget *, const QString &) { return true; });
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("regenerateCaButton")), Qt::LeftButton);
    const QString renewed = CertificateSummary::from(authority.certificate()).sha256;
    QVERIFY(renewed != fingerprint);
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("caDetails"))->text().contains(renewed));
    QCOMPARE(message->text(), QStringLiteral("A new certificate authority was generated."));
}

void TestPreferencesDialog::authorityErrorsSpeakTheWindowsLanguage()
{
    // A CA whose folder cannot be made (a file is in the way): the dialog says why, in Korean.
    QFile blocker(m_dir.filePath(QStringLiteral("blocker")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QString folder = m_dir.filePath(QStringLiteral("blocker/ca"));
    CertificateAuthority broken(folder);
    QVERIFY(!broken.load());
    QCOMPARE(
        broken.lastError(), QStringLiteral("Could not create the CA folder %1").arg(QDir::toNativeSeparators(folder)));
    Translations::forApplication()->apply(QStringLiteral("ko"));
    {
        PreferencesDialog dialog(&broken);
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("caDetails"))->text(),
            QStringLiteral("아직 만들지 않음: CA 폴더 %1을(를) 만들 수 없습니다")
                .arg(QDir::toNativeSeparators(folder)));
    }

    // Exporting where no file can be written: the CA's own words in Korean, the system's reason as it says it.
    CertificateAuthority authority(m_dir.filePath(QStringLiteral("ca-ko")));
    QVERIFY2(authority.load(), qPrintable(authority.lastError()));
    PreferencesDialog dialog(&authority);
    const QString target = m_dir.filePath(QStringLiteral("missing/dir/ca.pem"));
    PreferencesDialog::setExportPathChooser([target](QWidget *) { return target; });
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("exportCaButton")), Qt::LeftButton);
    const QString shown = dialog.findChild<QLabel *>(QStringLiteral("preferencesMessage"))->text();
    const QString expected
        = QStringLiteral("CA 인증서를 쓸 수 없습니다: %1에 쓸 수 없습니다: ").arg(QDir::toNativeSeparators(target));
    QVERIFY2(shown.startsWith(expected), qPrintable(shown));
    QVERIFY2(!shown.contains(QLatin1String("Could not")), qPrintable(shown));
}

QTEST_MAIN(TestPreferencesDialog)
#include "tst_preferencesdialog.moc"
