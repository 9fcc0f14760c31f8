// ViewState: change signals fire only on a real change, a deleted selection is reported, and a panel that
// observes it starts from the state as it is and follows it from then on.
#include "common/viewstate.h"
#include "connection/connection.h"
#include "handshake/handshakeview.h"
#include "log/eventlogview.h"
#include "models/eventlogmodel.h"

#include <QToolButton>
#include <QtTest>

using namespace wsi;

class TestViewState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void currentConnectionSignalsOnlyRealChanges();
    void deletedCurrentConnectionIsReportedAsNone();
    void revealSecretsSignalsOnlyRealChanges();
    void colorSchemeSignalsOnlyRealChanges();
    void observingPanelStartsFromTheStateAndFollowsIt();

private:
    static ConnectionOptions optionsFor(const QString &url);
};

ConnectionOptions TestViewState::optionsFor(const QString &url)
{
    ConnectionOptions options;
    options.url = QUrl(url);
    return options;
}

void TestViewState::currentConnectionSignalsOnlyRealChanges()
{
    Connection first(optionsFor(QStringLiteral("ws://127.0.0.1:9/first")));
    Connection second(optionsFor(QStringLiteral("ws://127.0.0.1:9/second")));
    ViewState state;
    QCOMPARE(state.currentConnection(), nullptr);
    QSignalSpy changed(&state, &ViewState::currentConnectionChanged);

    state.setCurrentConnection(&first);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<Connection *>(), &first);
    QCOMPARE(changed.at(0).at(1).value<Connection *>(), nullptr);
    QCOMPARE(state.currentConnection(), &first);

    state.setCurrentConnection(&first); // the same one again: nothing to tell
    QCOMPARE(changed.size(), 1);

    state.setCurrentConnection(&second);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(1).at(0).value<Connection *>(), &second);
    QCOMPARE(changed.at(1).at(1).value<Connection *>(), &first);

    state.setCurrentConnection(nullptr);
    QCOMPARE(changed.size(), 3);
    QCOMPARE(changed.at(2).at(0).value<Connection *>(), nullptr);
    QCOMPARE(changed.at(2).at(1).value<Connection *>(), &second);
    state.setCurrentConnection(nullptr);
    QCOMPARE(changed.size(), 3);
}

void TestViewState::deletedCurrentConnectionIsReportedAsNone()
{
    auto *doomed = new Connection(optionsFor(QStringLiteral("ws://127.0.0.1:9/doomed")));
    Connection kept(optionsFor(QStringLiteral("ws://127.0.0.1:9/kept")));
    ViewState state;
    state.setCurrentConnection(doomed);
    QSignalSpy changed(&state, &ViewState::currentConnectionChanged);
    delete doomed;
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<Connection *>(), nullptr);
    QCOMPARE(changed.at(0).at(1).value<Connection *>(), nullptr); // not a dangling pointer
    QCOMPARE(state.currentConnection(), nullptr);

    // A connection no longer selected may go without a word.
    auto *former = new Connection(optionsFor(QStringLiteral("ws://127.0.0.1:9/former")));
    state.setCurrentConnection(former);
    state.setCurrentConnection(&kept);
    changed.clear();
    delete former;
    QCOMPARE(changed.size(), 0);
    QCOMPARE(state.currentConnection(), &kept);
}

void TestViewState::revealSecretsSignalsOnlyRealChanges()
{
    ViewState state;
    QCOMPARE(state.revealSecrets(), false); // masked unless asked
    QSignalSpy changed(&state, &ViewState::revealSecretsChanged);
    state.setRevealSecrets(false);
    QCOMPARE(changed.size(), 0);
    state.setRevealSecrets(true);
    state.setRevealSecrets(true);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toBool(), true);
    QVERIFY(state.revealSecrets());
    state.setRevealSecrets(false);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(1).at(0).toBool(), false);
}

void TestViewState::colorSchemeSignalsOnlyRealChanges()
{
    ViewState state;
    QCOMPARE(state.colorScheme(), ColorScheme::current()); // what the application shows when it is made
    QSignalSpy changed(&state, &ViewState::colorSchemeChanged);
    state.setColorScheme(ColorScheme::current());
    QCOMPARE(changed.size(), 0);
    state.setColorScheme(ColorScheme::Dark);
    state.setColorScheme(ColorScheme::Dark);
    state.setColorScheme(ColorScheme::Light);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(0).at(0).value<ColorScheme::Scheme>(), ColorScheme::Dark);
    QCOMPARE(changed.at(1).at(0).value<ColorScheme::Scheme>(), ColorScheme::Light);
    QCOMPARE(state.colorScheme(), ColorScheme::Light);
    // The state records the choice; applying it to the application is the window's business.
    QCOMPARE(ColorScheme::current(), ColorScheme::System);
}

void TestViewState::observingPanelStartsFromTheStateAndFollowsIt()
{
    Connection first(optionsFor(QStringLiteral("ws://127.0.0.1:9/first")));
    Connection second(optionsFor(QStringLiteral("ws://127.0.0.1:9/second")));
    ViewState state;
    state.setCurrentConnection(&first);
    state.setRevealSecrets(true);

    HandshakeView handshake;
    EventLogView log;
    handshake.observe(&state);
    log.observe(&state);
    QCOMPARE(handshake.connection(), &first);
    QVERIFY(handshake.revealSecrets());
    QCOMPARE(log.connection(), &first);

    state.setCurrentConnection(&second);
    QCOMPARE(handshake.connection(), &second);
    QCOMPARE(log.connection(), &second);
    QCOMPARE(log.model()->connection(), &second);
    state.setRevealSecrets(false);
    QVERIFY(!handshake.revealSecrets());

    // The view's own eye button sets the shared state, which every other observer then follows.
    QSignalSpy changed(&state, &ViewState::revealSecretsChanged);
    handshake.revealSecretsButton()->click();
    QCOMPARE(changed.size(), 1);
    QVERIFY(state.revealSecrets());
    QVERIFY(handshake.revealSecrets());
}

QTEST_MAIN(TestViewState)
#include "tst_viewstate.moc"
