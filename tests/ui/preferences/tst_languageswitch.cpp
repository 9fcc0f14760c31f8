// Choosing a language in Preferences retranslates the open main window at once (menus, tabs, the connect bar,
// the test server's form, the composer, the log, the detail pane, the handshake view, the endpoints sidebar)
// and choosing English brings every text back, without a restart.

#include "compose/composer.h"
#include "language/translations.h"
#include "log/eventlogtable.h"
#include "preferences/preferencesdialog.h"
#include "shell/mainwindow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

using namespace wsi;

class TestLanguageSwitch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void switchesTheOpenWindowToKoreanAndBack();
    void switchesEveryPanelToKoreanAndBack();
    void theChoiceIsKeptForTheNextStart();

private:
    static QStringList menuTitles(MainWindow &window);
    static void choose(PreferencesDialog &dialog, const QString &language);
    // What the panels show, one text per panel, in a fixed order.
    static QStringList panelTexts(MainWindow &window);
};

void TestLanguageSwitch::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_languageswitch"));
    QVERIFY2(QSettings().fileName().contains(QLatin1String("qttest")), qPrintable(QSettings().fileName()));
}

void TestLanguageSwitch::init()
{
    QSettings().clear();
    Translations::forApplication()->apply(QStringLiteral("en"));
}

QStringList TestLanguageSwitch::menuTitles(MainWindow &window)
{
    QStringList titles;
    for (QAction *action : window.menuBar()->actions())
        titles << action->text();
    return titles;
}

void TestLanguageSwitch::choose(PreferencesDialog &dialog, const QString &language)
{
    auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("languageComboBox"));
    QVERIFY(combo);
    const int index = combo->findData(language);
    QVERIFY2(index >= 0, qPrintable(language));
    combo->setCurrentIndex(index);
}

void TestLanguageSwitch::switchesTheOpenWindowToKoreanAndBack()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QStringList english { QStringLiteral("&File"), QStringLiteral("&Edit"), QStringLiteral("&Connection"),
        QStringLiteral("Test &Server"), QStringLiteral("&View"), QStringLiteral("&Help") };
    QCOMPARE(menuTitles(window), english);
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("viewTabs"));
    auto *connectButton = window.findChild<QPushButton *>(QStringLiteral("connectButton"));
    auto *portLabel = window.findChild<QLabel *>(QStringLiteral("serverPortLabel"));
    auto *quit = window.findChild<QAction *>(QStringLiteral("quitAction"));
    auto *copyUrl = window.findChild<QPushButton *>(QStringLiteral("serverCopyUrlButton"));
    QVERIFY(tabs && connectButton && portLabel && quit && copyUrl);
    QCOMPARE(copyUrl->text(), QStringLiteral("Copy"));
    QCOMPARE(tabs->tabText(2), QStringLiteral("Stats"));
    QCOMPARE(connectButton->text(), QStringLiteral("Connect"));
    QCOMPARE(portLabel->text(), QStringLiteral("&Port:"));

    PreferencesDialog dialog(nullptr, &window);
    auto *languageBox = dialog.findChild<QGroupBox *>(QStringLiteral("languageBox"));
    QVERIFY(languageBox);
    QCOMPARE(languageBox->title(), QStringLiteral("Language"));

    choose(dialog, QStringLiteral("ko"));
    QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("ko"));
    const QStringList korean { QStringLiteral("파일(&F)"), QStringLiteral("편집(&E)"), QStringLiteral("연결(&C)"),
        QStringLiteral("테스트 서버(&S)"), QStringLiteral("보기(&V)"), QStringLiteral("도움말(&H)") };
    // Qt posts LanguageChange to every window; it arrives on the next turn of the event loop.
    QTRY_COMPARE(menuTitles(window), korean);
    QCOMPARE(tabs->tabText(0), QStringLiteral("메시지"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("핸드셰이크"));
    QCOMPARE(tabs->tabText(2), QStringLiteral("통계"));
    QCOMPARE(connectButton->text(), QStringLiteral("연결"));
    QCOMPARE(portLabel->text(), QStringLiteral("포트(&P):"));
    QCOMPARE(quit->text(), QStringLiteral("종료(&Q)"));
    QCOMPARE(copyUrl->text(), QStringLiteral("복사"));
    QTRY_COMPARE(languageBox->title(), QStringLiteral("언어")); // the open dialog too
    // Qt's own texts come with it when qtbase_ko is installed; ours never depend on it.

    choose(dialog, QStringLiteral("en"));
    QTRY_COMPARE(menuTitles(window), english);
    QCOMPARE(tabs->tabText(2), QStringLiteral("Stats"));
    QCOMPARE(connectButton->text(), QStringLiteral("Connect"));
    QCOMPARE(portLabel->text(), QStringLiteral("&Port:"));
    QCOMPARE(quit->text(), QStringLiteral("&Quit"));
    QCOMPARE(copyUrl->text(), QStringLiteral("Copy"));
    QTRY_COMPARE(languageBox->title(), QStringLiteral("Language"));
}

QStringList TestLanguageSwitch::panelTexts(MainWindow &window)
{
    const auto child = [&window](auto *type, const char *name) {
        auto *found = window.findChild<std::remove_pointer_t<decltype(type)> *>(QLatin1String(name));
        if (!found)
            qWarning("no %s", name);
        return found;
    };
    auto *send = child(static_cast<QPushButton *>(nullptr), "sendButton");
    auto *ping = child(static_cast<QPushButton *>(nullptr), "pingButton");
    auto *composerTabs = child(static_cast<QTabWidget *>(nullptr), "composerTabs");
    auto *log = child(static_cast<EventLogTable *>(nullptr), "eventLogTable");
    auto *filter = child(static_cast<QLineEdit *>(nullptr), "filterEdit");
    auto *messagesFilter = child(static_cast<QToolButton *>(nullptr), "filterMessagesButton");
    auto *showFrames = child(static_cast<QCheckBox *>(nullptr), "showFramesCheckBox");
    auto *detailTabs = child(static_cast<QTabWidget *>(nullptr), "detailTabs");
    auto *checksBox = child(static_cast<QGroupBox *>(nullptr), "handshakeChecksBox");
    auto *checks = child(static_cast<QTreeWidget *>(nullptr), "handshakeChecks");
    auto *reveal = child(static_cast<QToolButton *>(nullptr), "revealSecretsButton");
    auto *endpointSearch = child(static_cast<QLineEdit *>(nullptr), "endpointSearch");
    if (!send || !ping || !composerTabs || !log || !filter || !messagesFilter || !showFrames || !detailTabs
        || !checksBox || !checks || !reveal || !endpointSearch)
        return {};
    // The header shows what the model says: the view asks it again on a language change.
    const QString timeColumn = log->model()->headerData(0, Qt::Horizontal).toString();
    return { send->text(), ping->text(), composerTabs->tabText(Composer::SavedTab), timeColumn,
        filter->placeholderText(), messagesFilter->text(), showFrames->text(), detailTabs->tabText(0),
        checksBox->title(), checks->headerItem()->text(0), reveal->text(), endpointSearch->placeholderText() };
}

void TestLanguageSwitch::switchesEveryPanelToKoreanAndBack()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QStringList english { QStringLiteral("Send"), QStringLiteral("Ping"), QStringLiteral("Saved"),
        QStringLiteral("Time"), QStringLiteral("Filter events (Ctrl+F)"), QStringLiteral("Messages"),
        QStringLiteral("Show frames"), QStringLiteral("Text"), QStringLiteral("Checks (RFC 6455 section 4.1)"),
        QStringLiteral("Check"), QStringLiteral("Reveal Secrets"), QStringLiteral("Search endpoints") };
    QCOMPARE(panelTexts(window), english);

    PreferencesDialog dialog(nullptr, &window);
    choose(dialog, QStringLiteral("ko"));
    const QStringList korean { QStringLiteral("보내기"), QStringLiteral("핑"), QStringLiteral("저장됨"),
        QStringLiteral("시각"), QStringLiteral("이벤트 거르기 (Ctrl+F)"), QStringLiteral("메시지"),
        QStringLiteral("프레임 표시"), QStringLiteral("텍스트"), QStringLiteral("검사 (RFC 6455 4.1절)"),
        QStringLiteral("검사"), QStringLiteral("비밀 값 표시"), QStringLiteral("엔드포인트 검색") };
    QTRY_COMPARE(panelTexts(window), korean);
    // The Preferences dialog itself, open while it switches.
    auto *languageBox = dialog.findChild<QGroupBox *>(QStringLiteral("languageBox"));
    QVERIFY(languageBox);
    QTRY_COMPARE(languageBox->title(), QStringLiteral("언어"));

    choose(dialog, QStringLiteral("en"));
    QTRY_COMPARE(panelTexts(window), english);
    QTRY_COMPARE(languageBox->title(), QStringLiteral("Language"));
}

void TestLanguageSwitch::theChoiceIsKeptForTheNextStart()
{
    {
        PreferencesDialog dialog(nullptr);
        choose(dialog, QStringLiteral("ko"));
    }
    QCOMPARE(PreferencesDialog::language(), QStringLiteral("ko"));
    Translations::forApplication()->apply(QStringLiteral("en"));
    // What app/main.cpp does before the first window.
    PreferencesDialog::applyLanguage();
    MainWindow window;
    QCOMPARE(menuTitles(window).value(0), QStringLiteral("파일(&F)"));
    // "System" is stored as an empty choice, and the dialog shows it selected again.
    {
        PreferencesDialog dialog(nullptr);
        auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("languageComboBox"));
        QCOMPARE(combo->currentData().toString(), QStringLiteral("ko"));
        QCOMPARE(combo->itemText(0), QStringLiteral("시스템"));
        choose(dialog, QString());
    }
    QCOMPARE(PreferencesDialog::language(), QString());
    QCOMPARE(Translations::forApplication()->effectiveLanguage(), Translations::systemLanguage());
    Translations::forApplication()->apply(QStringLiteral("en"));
}

QTEST_MAIN(TestLanguageSwitch)
#include "tst_languageswitch.moc"
