// Help > About lists every shortcut of the window, Learn's Ctrl+Shift+L among them, in the window's language,
// and follows a language switch while it is open.

#include "language/translations.h"
#include "shell/aboutbox.h"

#include <QtTest>

using namespace wsi;

class TestAboutBox : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { Translations::forApplication()->apply(QStringLiteral("en")); }

    void listsTheShortcutsAndFollowsTheLanguage()
    {
        Translations::forApplication()->apply(QStringLiteral("en"));
        AboutBox box;
        QCOMPARE(box.windowTitle(), QStringLiteral("About WS Inspector"));
        for (const char *keys : { "Ctrl+Shift+L", "Ctrl+L", "Ctrl+Enter", "Ctrl+Shift+H", "Ctrl+E", "F1" })
            QVERIFY2(box.text().contains(QLatin1String(keys)), keys);
        QVERIFY(box.text().contains(QLatin1String("Learn: lessons on this window")));
        QVERIFY(box.text().contains(QLatin1String("Keyboard shortcuts")));

        Translations::forApplication()->apply(QStringLiteral("ko")); // while the box is open
        QCoreApplication::processEvents();
        QCOMPARE(box.windowTitle(), QStringLiteral("WS Inspector 정보"));
        QVERIFY2(box.text().contains(QStringLiteral("단축키")), qPrintable(box.text()));
        QVERIFY(box.text().contains(QStringLiteral("배우기")));
        QVERIFY(box.text().contains(QLatin1String("Ctrl+Shift+L")));
        QVERIFY(!box.text().contains(QLatin1String("Keyboard shortcuts")));
    }
};

QTEST_MAIN(TestAboutBox)
#include "tst_aboutbox.moc"
