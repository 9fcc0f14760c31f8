// Drives the export dialog's form by its object names: file, format following the extension, secrets, Export.

#include "common/filedialogs.h"
#include "sessions/exportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace wsi;

class TestExportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void startsInTheRememberedFolderAsSessionLogWithSecretsMasked();
    void typedHarExtensionChoosesHar();
    void choosingAFormatRewritesTheExtension();
    void emptyPathDisablesExport();
    void exportAddsTheFormatsExtensionAndRemembersTheFolder();
    void browseTakesThePickedFile();
    void revealSecretsChangesTheNote();

private:
    QTemporaryDir m_dir;
};

void TestExportDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_exportdialog"));
    QVERIFY(m_dir.isValid());
}

void TestExportDialog::init()
{
    QSettings().clear();
    QSettings().setValue(QStringLiteral("export/lastFolder"), m_dir.path());
}

void TestExportDialog::cleanup()
{
    FileDialogs::setHandler(nullptr);
}

void TestExportDialog::startsInTheRememberedFolderAsSessionLogWithSecretsMasked()
{
    ExportDialog dialog(QStringLiteral("Connection #3: ws://127.0.0.1:9000/ (12 events)"), QStringLiteral("conn-3"));
    QCOMPARE(dialog.objectName(), QStringLiteral("exportDialog"));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Export"));
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("exportWhatLabel"))->text(),
        QStringLiteral("Connection #3: ws://127.0.0.1:9000/ (12 events)"));
    auto *path = dialog.findChild<QLineEdit *>(QStringLiteral("exportPathEdit"));
    QCOMPARE(path, dialog.pathEdit());
    QCOMPARE(path->text(), m_dir.filePath(QStringLiteral("conn-3.jsonl")));
    auto *format = dialog.findChild<QComboBox *>(QStringLiteral("exportFormatCombo"));
    QCOMPARE(format, dialog.formatCombo());
    QCOMPARE(format->count(), 2);
    QCOMPARE(format->currentText(), QStringLiteral("Session log (.jsonl): every event, frame and byte"));
    QCOMPARE(dialog.format(), SessionExporter::Format::SessionLog);
    auto *reveal = dialog.findChild<QCheckBox *>(QStringLiteral("revealSecretsCheckBox"));
    QCOMPARE(reveal, dialog.revealSecretsCheckBox());
    QVERIFY(!reveal->isChecked());
    QVERIFY(!dialog.revealSecrets());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("exportNote"))
                ->text()
                .startsWith(QStringLiteral("Authorization, Cookie and Set-Cookie headers")));
    auto *exportButton = dialog.findChild<QPushButton *>(QStringLiteral("exportButton"));
    QCOMPARE(exportButton, dialog.exportButton());
    QVERIFY(exportButton->isEnabled());
    QVERIFY(exportButton->isDefault());
}

void TestExportDialog::typedHarExtensionChoosesHar()
{
    ExportDialog dialog(QStringLiteral("x"), QStringLiteral("conn"));
    auto *path = dialog.findChild<QLineEdit *>(QStringLiteral("exportPathEdit"));
    path->selectAll();
    QTest::keyClicks(path, m_dir.filePath(QStringLiteral("out.har")));
    QCOMPARE(dialog.format(), SessionExporter::Format::Har);
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("exportNote"))
                ->text()
                .contains(QStringLiteral("HAR holds the handshake and data messages only")));
    // An unknown extension keeps the format.
    path->selectAll();
    QTest::keyClicks(path, m_dir.filePath(QStringLiteral("out.txt")));
    QCOMPARE(dialog.format(), SessionExporter::Format::Har);
}

void TestExportDialog::choosingAFormatRewritesTheExtension()
{
    ExportDialog dialog(QStringLiteral("x"), QStringLiteral("conn"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *format = dialog.findChild<QComboBox *>(QStringLiteral("exportFormatCombo"));
    QTest::keyClick(format, Qt::Key_Down);
    QCOMPARE(dialog.format(), SessionExporter::Format::Har);
    QCOMPARE(dialog.path(), m_dir.filePath(QStringLiteral("conn.har")));
    QTest::keyClick(format, Qt::Key_Up);
    QCOMPARE(dialog.path(), m_dir.filePath(QStringLiteral("conn.jsonl")));
}

void TestExportDialog::emptyPathDisablesExport()
{
    ExportDialog dialog(QStringLiteral("x"), QStringLiteral("conn"));
    auto *path = dialog.findChild<QLineEdit *>(QStringLiteral("exportPathEdit"));
    auto *exportButton = dialog.findChild<QPushButton *>(QStringLiteral("exportButton"));
    path->selectAll();
    QTest::keyClicks(path, QStringLiteral("   "));
    QVERIFY(!exportButton->isEnabled());
    QTest::keyClicks(path, QStringLiteral("a"));
    QVERIFY(exportButton->isEnabled());
}

void TestExportDialog::exportAddsTheFormatsExtensionAndRemembersTheFolder()
{
    QTemporaryDir other;
    QVERIFY(other.isValid());
    ExportDialog dialog(QStringLiteral("x"), QStringLiteral("conn"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *path = dialog.findChild<QLineEdit *>(QStringLiteral("exportPathEdit"));
    path->selectAll();
    QTest::keyClicks(path, other.filePath(QStringLiteral("capture")));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("exportButton")), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.path(), other.filePath(QStringLiteral("capture.jsonl")));
    QCOMPARE(QSettings().value(QStringLiteral("export/lastFolder")).toString(), other.path());

    ExportDialog next(QStringLiteral("x"), QStringLiteral("again"));
    QCOMPARE(next.path(), other.filePath(QStringLiteral("again.jsonl")));
}

void TestExportDialog::browseTakesThePickedFile()
{
    QString askedFilter;
    FileDialogs::setHandler([&](FileDialogs::Mode mode, const QString &, const QString &filter) {
        askedFilter = filter;
        return mode == FileDialogs::Mode::Save ? m_dir.filePath(QStringLiteral("picked.har")) : QString();
    });
    ExportDialog dialog(QStringLiteral("x"), QStringLiteral("conn"));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("exportBrowseButton")), Qt::LeftButton);
    QCOMPARE(askedFilter, QStringLiteral("Session log (*.jsonl);;HAR 1.2 (*.har)"));
    QCOMPARE(dialog.path(), m_dir.filePath(QStringLiteral("picked.har")));
    QCOMPARE(dialog.format(), SessionExporter::Format::Har);
}

void TestExportDialog::revealSecretsChangesTheNote()
{
    ExportDialog dialog(QStringLiteral("x"), QStringLiteral("conn"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *reveal = dialog.findChild<QCheckBox *>(QStringLiteral("revealSecretsCheckBox"));
    // The box spans the dialog: click its indicator, not its middle.
    QTest::mouseClick(reveal, Qt::LeftButton, {}, QPoint(reveal->height() / 2, reveal->height() / 2));
    QVERIFY(dialog.revealSecrets());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("exportNote"))
                ->text()
                .startsWith(QStringLiteral("<b>Secrets are written as they are</b>")));
    auto *buttons = dialog.findChild<QDialogButtonBox *>(QStringLiteral("exportButtons"));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
