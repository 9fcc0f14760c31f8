// The pairing rule's fields in ConnectionOptionsEditor: a bad path is said inline in plain words while the
// user types (and options() refuses it with the same sentence), a good rule reads back into the options, a
// saved rule is shown again, and it counts as a changed setting.
#include "connect/connectionoptionseditor.h"

#include <QLabel>
#include <QLineEdit>
#include <QtTest>

using namespace wsi;

class TestPairingRuleGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void badPathIsShownInlineAndRefused();
    void goodRuleReadsIntoTheOptions();
    void savedRuleIsShownAgain();

private:
    static QLineEdit *field(ConnectionOptionsEditor &editor, const char *name)
    {
        return editor.findChild<QLineEdit *>(QLatin1String(name));
    }
    static QLabel *errorLabel(ConnectionOptionsEditor &editor)
    {
        return editor.findChild<QLabel *>(QStringLiteral("pairRuleError"));
    }
};

void TestPairingRuleGui::badPathIsShownInlineAndRefused()
{
    ConnectionOptionsEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QLabel *error = errorLabel(editor);
    QVERIFY(error);
    QVERIFY(field(editor, "pairRequestEdit") && field(editor, "pairReplyEdit") && field(editor, "pairNameEdit"));
    QVERIFY(!field(editor, "pairRequestEdit")->placeholderText().isEmpty());
    QVERIFY(!field(editor, "pairRequestEdit")->toolTip().isEmpty());
    QVERIFY(!error->isVisible());

    QTest::keyClicks(field(editor, "pairRequestEdit"), QStringLiteral("$.reqId["));
    // Half a rule: the missing reply path is named first.
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QLatin1String("reply path is missing")), qPrintable(error->text()));

    QTest::keyClicks(field(editor, "pairReplyEdit"), QStringLiteral("$.inReplyTo"));
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().startsWith(QLatin1String("pairing rule: the request path \"$.reqId[\"")),
        qPrintable(error->text()));
    QVERIFY2(error->text().contains(QLatin1String("needs an index")), qPrintable(error->text()));

    ConnectionOptions options;
    QString why;
    QVERIFY(!editor.options(&options, &why));
    QCOMPARE(why, error->text());

    // Fixing the path clears the sentence.
    QTest::keyClick(field(editor, "pairRequestEdit"), Qt::Key_Backspace);
    QVERIFY(!error->isVisible());
    QVERIFY(editor.options(&options, &why));
}

void TestPairingRuleGui::goodRuleReadsIntoTheOptions()
{
    ConnectionOptionsEditor editor;
    QCOMPARE(editor.changedCount(), 0);
    QTest::keyClicks(field(editor, "pairRequestEdit"), QStringLiteral(" $.reqId "));
    QTest::keyClicks(field(editor, "pairReplyEdit"), QStringLiteral("$[\"in reply\"]"));
    QTest::keyClicks(field(editor, "pairNameEdit"), QStringLiteral("$.type"));
    ConnectionOptions options;
    QString why;
    QVERIFY2(editor.options(&options, &why), qPrintable(why));
    QCOMPARE(options.pairingRule.requestPath, QStringLiteral("$.reqId"));
    QCOMPARE(options.pairingRule.replyPath, QStringLiteral("$[\"in reply\"]"));
    QCOMPARE(options.pairingRule.namePath, QStringLiteral("$.type"));
    QCOMPARE(editor.changedCount(), 1);
    editor.clear();
    QCOMPARE(editor.changedCount(), 0);
    QVERIFY(field(editor, "pairRequestEdit")->text().isEmpty());
}

void TestPairingRuleGui::savedRuleIsShownAgain()
{
    ConnectionOptions saved;
    saved.url = QUrl(QStringLiteral("ws://127.0.0.1:9/"));
    saved.pairingRule.requestPath = QStringLiteral("$.id");
    saved.pairingRule.replyPath = QStringLiteral("$.re[0]");
    ConnectionOptionsEditor editor;
    editor.setOptions(saved);
    QCOMPARE(field(editor, "pairRequestEdit")->text(), QStringLiteral("$.id"));
    QCOMPARE(field(editor, "pairReplyEdit")->text(), QStringLiteral("$.re[0]"));
    QVERIFY(field(editor, "pairNameEdit")->text().isEmpty());
    ConnectionOptions read;
    QString why;
    QVERIFY(editor.options(&read, &why));
    QVERIFY(read.pairingRule == saved.pairingRule);
}

QTEST_MAIN(TestPairingRuleGui)
#include "tst_pairingrulegui.moc"
