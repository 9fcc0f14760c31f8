// Drives the Close dialog's form by its object names: the code and reason it returns, and what it refuses.

#include "compose/closedialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QtTest>

using namespace wsi;

class TestCloseDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formHasItsNamedWidgets();
    void returnsTheChosenStandardCodeAndTypedReason();
    void otherCodeShowsTheSpinBoxAndReturnsItsValue();
    void typingStopsAt123BytesOfUtf8();
    void reasonOver123BytesDisablesSend();
    void escapeCancels();

private:
    template <typename T> static T *child(const CloseDialog &dialog, const char *name)
    {
        return dialog.findChild<T *>(QLatin1String(name));
    }
};

void TestCloseDialog::formHasItsNamedWidgets()
{
    CloseDialog dialog;
    QCOMPARE(dialog.objectName(), QStringLiteral("closeDialog"));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Close Connection"));
    auto *codes = child<QComboBox>(dialog, "closeCodeCombo");
    QVERIFY(codes);
    QCOMPARE(codes->count(), 13); // twelve standard codes and "Other code"
    QCOMPARE(codes->itemText(0), QStringLiteral("1000 \u2014 Normal Closure"));
    QCOMPARE(codes->itemText(12), QStringLiteral("Other code (3000-4999)\u2026"));
    QVERIFY(child<QSpinBox>(dialog, "closeCustomCodeSpin"));
    QVERIFY(child<QLineEdit>(dialog, "closeReasonEdit"));
    QVERIFY(child<QLabel>(dialog, "closeCodeMeaning"));
    QVERIFY(child<QLabel>(dialog, "closeReasonBytes"));
    QCOMPARE(child<QPushButton>(dialog, "closeSendButton")->text(), QStringLiteral("Send Close"));
    // The labels' mnemonics reach their fields.
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    QStringList buddies;
    for (const QLabel *label : labels)
        if (label->buddy())
            buddies << label->text() + QLatin1Char('>') + label->buddy()->objectName();
    buddies.sort();
    QCOMPARE(
        buddies, (QStringList { QStringLiteral("&Code:>closeCodeCombo"), QStringLiteral("&Reason:>closeReasonEdit") }));
}

void TestCloseDialog::returnsTheChosenStandardCodeAndTypedReason()
{
    CloseDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *codes = child<QComboBox>(dialog, "closeCodeCombo");
    QCOMPARE(dialog.code(), 1000);
    QVERIFY(!child<QSpinBox>(dialog, "closeCustomCodeSpin")->isVisible());
    QTest::keyClick(codes, Qt::Key_Down);
    QCOMPARE(codes->currentIndex(), 1);
    QCOMPARE(child<QLabel>(dialog, "closeCodeMeaning")->text(),
        QStringLiteral("Going Away: The endpoint is going away, for example a server shutting down or a browser "
                       "leaving the page."));
    QTest::keyClicks(child<QLineEdit>(dialog, "closeReasonEdit"), QStringLiteral("bye now"));
    QCOMPARE(child<QLabel>(dialog, "closeReasonBytes")->text(), QStringLiteral("7 of 123 bytes"));
    QTest::mouseClick(child<QPushButton>(dialog, "closeSendButton"), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.code(), 1001);
    QCOMPARE(dialog.reason(), QStringLiteral("bye now"));
}

void TestCloseDialog::otherCodeShowsTheSpinBoxAndReturnsItsValue()
{
    CloseDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *codes = child<QComboBox>(dialog, "closeCodeCombo");
    auto *custom = child<QSpinBox>(dialog, "closeCustomCodeSpin");
    QTest::keyClick(codes, Qt::Key_End);
    QVERIFY(custom->isVisible());
    QCOMPARE(custom->value(), 4000); // the form's default
    QCOMPARE(dialog.code(), 4000);
    custom->selectAll();
    QTest::keyClicks(custom, QStringLiteral("3123"));
    QCOMPARE(dialog.code(), 3123);
    QVERIFY(child<QLabel>(dialog, "closeCodeMeaning")->text().startsWith(QStringLiteral("Registered: ")));
    // The spin box keeps to 3000-4999: a 1005 typed over it is not taken.
    custom->selectAll();
    QTest::keyClicks(custom, QStringLiteral("1005"));
    QVERIFY(dialog.code() >= 3000 && dialog.code() <= 4999);
    QVERIFY(child<QPushButton>(dialog, "closeSendButton")->isEnabled());
    // Back to a standard code hides the spin box again.
    QTest::keyClick(codes, Qt::Key_Home);
    QVERIFY(!custom->isVisible());
    QCOMPARE(dialog.code(), 1000);
}

void TestCloseDialog::typingStopsAt123BytesOfUtf8()
{
    CloseDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *reason = child<QLineEdit>(dialog, "closeReasonEdit");
    // 3 bytes of UTF-8 each, 135 in all (keyClicks takes Latin-1 only).
    for (int i = 0; i < 45; ++i)
        QTest::sendKeyEvent(QTest::Click, reason, Qt::Key_unknown, QString(QChar(0x20ac)), Qt::NoModifier);
    QCOMPARE(reason->text(), QString(41, QChar(0x20ac)));
    QCOMPARE(child<QLabel>(dialog, "closeReasonBytes")->text(), QStringLiteral("123 of 123 bytes"));
    QVERIFY(child<QPushButton>(dialog, "closeSendButton")->isEnabled());
}

void TestCloseDialog::reasonOver123BytesDisablesSend()
{
    CloseDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *reason = child<QLineEdit>(dialog, "closeReasonEdit");
    auto *send = child<QPushButton>(dialog, "closeSendButton");
    reason->setText(QString(124, QLatin1Char('x'))); // pasted past the limit without an edit
    QCOMPARE(child<QLabel>(dialog, "closeReasonBytes")->text(), QStringLiteral("124 of 123 bytes"));
    QVERIFY(!send->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QTest::keyClick(reason, Qt::Key_Backspace);
    QVERIFY(send->isEnabled());
}

void TestCloseDialog::escapeCancels()
{
    CloseDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.setResult(QDialog::Accepted);
    QTest::keyClick(child<QLineEdit>(dialog, "closeReasonEdit"), Qt::Key_Escape);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

QTEST_MAIN(TestCloseDialog)
#include "tst_closedialog.moc"
