// Drives the composer variables dialog's form by its object names: add, edit, remove, OK.

#include "compose/variablesdialog.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QtTest>

using namespace wsi;

class TestVariablesDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsTheVariablesSortedByName();
    void addedRowIsTypedIntoAndReturned();
    void removeDropsTheSelectedRows();
    void blankNamesAreLeftOutAndNamesTrimmed();
    void settingsRoundTrip();
};

void TestVariablesDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_variablesdialog"));
    QSettings().clear();
}

void TestVariablesDialog::showsTheVariablesSortedByName()
{
    VariablesDialog dialog({ { QStringLiteral("user"), QStringLiteral("ann") },
        { QStringLiteral("host"), QStringLiteral("example.org") } });
    QCOMPARE(dialog.objectName(), QStringLiteral("variablesDialog"));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Composer Variables"));
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("variablesTable"));
    QVERIFY(table);
    QCOMPARE(table->columnCount(), 2);
    QCOMPARE(table->horizontalHeaderItem(0)->text(), QStringLiteral("Name"));
    QCOMPARE(table->horizontalHeaderItem(1)->text(), QStringLiteral("Value"));
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("host"));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("example.org"));
    QCOMPARE(table->item(1, 0)->text(), QStringLiteral("user"));
    QCOMPARE(dialog.findChild<QPushButton *>(QStringLiteral("addVariableButton"))->toolTip(),
        QStringLiteral("Add a variable"));
    QCOMPARE(dialog.findChild<QPushButton *>(QStringLiteral("removeVariableButton"))->toolTip(),
        QStringLiteral("Remove the selected variables"));
}

void TestVariablesDialog::addedRowIsTypedIntoAndReturned()
{
    VariablesDialog dialog({});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("variablesTable"));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("addVariableButton")), Qt::LeftButton);
    QCOMPARE(table->rowCount(), 1);
    // Add opens the new name cell for editing.
    auto *editor = table->viewport()->findChild<QLineEdit *>();
    QVERIFY(editor);
    QTest::keyClicks(editor, QStringLiteral("token"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(table->item(0, 0)->text(), QStringLiteral("token")); // the delegate commits on a queued call
    QTRY_VERIFY(!table->viewport()->findChild<QLineEdit *>()); // the closed editor is gone
    table->editItem(table->item(0, 1));
    editor = table->viewport()->findChild<QLineEdit *>();
    QVERIFY(editor);
    QTest::keyClicks(editor, QStringLiteral("s3cret"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(table->item(0, 1)->text(), QStringLiteral("s3cret"));
    QCOMPARE(dialog.variables(), (QHash<QString, QString> { { QStringLiteral("token"), QStringLiteral("s3cret") } }));

    auto *buttons = dialog.findChild<QDialogButtonBox *>(QStringLiteral("variablesButtons"));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestVariablesDialog::removeDropsTheSelectedRows()
{
    VariablesDialog dialog({ { QStringLiteral("a"), QStringLiteral("1") }, { QStringLiteral("b"), QStringLiteral("2") },
        { QStringLiteral("c"), QStringLiteral("3") } });
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("variablesTable"));
    table->selectRow(0);
    table->setRangeSelected(QTableWidgetSelectionRange(2, 0, 2, 1), true);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("removeVariableButton")), Qt::LeftButton);
    QCOMPARE(dialog.variables(), (QHash<QString, QString> { { QStringLiteral("b"), QStringLiteral("2") } }));
}

void TestVariablesDialog::blankNamesAreLeftOutAndNamesTrimmed()
{
    VariablesDialog dialog({ { QStringLiteral("x"), QStringLiteral("1") } });
    dialog.show(); // Add opens an editor, which needs a shown view
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("variablesTable"));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("addVariableButton")), Qt::LeftButton);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("addVariableButton")), Qt::LeftButton);
    table->item(1, 0)->setText(QStringLiteral("  y  "));
    table->item(1, 1)->setText(QStringLiteral(" 2 "));
    table->item(2, 1)->setText(QStringLiteral("no name"));
    QCOMPARE(dialog.variables(),
        (QHash<QString, QString> {
            { QStringLiteral("x"), QStringLiteral("1") }, { QStringLiteral("y"), QStringLiteral(" 2 ") } }));
}

void TestVariablesDialog::settingsRoundTrip()
{
    const QHash<QString, QString> vars { { QStringLiteral("k"), QStringLiteral("v") },
        { QStringLiteral("n"), QString() } };
    VariablesDialog::saveToSettings(vars);
    QCOMPARE(VariablesDialog::loadFromSettings(), vars);
}

QTEST_MAIN(TestVariablesDialog)
#include "tst_variablesdialog.moc"
