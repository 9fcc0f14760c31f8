// The EndpointStore's memory of the connect bar (LastUsedOptions): the options last used per URL, the recent
// URLs, the defaults they fall back to, and the one-time move of the per-field keys older versions wrote.
#include "endpoints/endpointstore.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace wsi;

class TestLastUsedOptions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();

    void rememberedOptionsComeBackForTheirUrlOnly();
    void secretsAndPerAttemptFieldsAreNeverRemembered();
    void tlsPartIsRememberedForWssOnly();
    void namedEndpointsAndLastOptionsLiveInOneStore();
    void recentUrlsAreMostRecentFirstAndCapped();
    void oldKeysAreMigratedOnceAndRemoved();
    void oldKeysMissingValuesTakeTheDefaults();
    void oldKeysWrittenLaterGoOverTheEntry();

private:
    static QString oldGroup(const QString &url)
    {
        return QStringLiteral("endpoints/") + QString::fromLatin1(QUrl::toPercentEncoding(url));
    }
    QTemporaryDir m_dir;
};

void TestLastUsedOptions::initTestCase()
{
    // Never touch the user's settings: QSettings goes to the test location.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_lastusedoptions"));
    QVERIFY2(QSettings().fileName().contains(QLatin1String("qttest")), qPrintable(QSettings().fileName()));
    QVERIFY(m_dir.isValid());
}

void TestLastUsedOptions::init()
{
    QSettings().clear();
}

void TestLastUsedOptions::rememberedOptionsComeBackForTheirUrlOnly()
{
    const QUrl url(QStringLiteral("wss://api.example.com:8443/live"));
    {
        EndpointStore store(m_dir.filePath(QStringLiteral("a.json")));
        ConnectionOptions used;
        used.url = url;
        used.caFile = QStringLiteral("/etc/extra-ca.pem");
        used.interceptTls = false;
        used.clientCertificateFile = QStringLiteral("/home/u/client.pem");
        used.clientKeyFile = QStringLiteral("/home/u/client.key");
        used.minimumTlsVersion = 13;
        used.timeoutMs = 4321;
        used.keepalive.intervalMs = 5000;
        used.keepalive.timeoutMs = 2000;
        used.keepalive.closeOnMissedPong = true;
        used.reconnect.enabled = true;
        used.reconnect.initialDelayMs = 30000;
        used.reconnect.maxDelayMs = 60000;
        used.reconnect.multiplier = 1.5;
        used.reconnect.jitter = 0.1;
        used.reconnect.maxAttempts = 5;
        used.reconnect.reconnectAfterCleanClose = true;
        store.rememberOptions(used);
    }
    // A new store (a restart) has them.
    EndpointStore store(m_dir.filePath(QStringLiteral("a.json")));
    ConnectionOptions typed;
    typed.url = url;
    typed.headers = { { "X-Typed", "kept" } };
    QVERIFY(store.recallOptions(&typed));
    QCOMPARE(typed.caFile, QStringLiteral("/etc/extra-ca.pem"));
    QVERIFY(!typed.interceptTls);
    QCOMPARE(typed.clientCertificateFile, QStringLiteral("/home/u/client.pem"));
    QCOMPARE(typed.clientKeyFile, QStringLiteral("/home/u/client.key"));
    QCOMPARE(typed.minimumTlsVersion, 13);
    QCOMPARE(typed.timeoutMs, 4321);
    QCOMPARE(typed.keepalive.intervalMs, 5000);
    QCOMPARE(typed.keepalive.timeoutMs, 2000);
    QVERIFY(typed.keepalive.closeOnMissedPong);
    QVERIFY(typed.reconnect.enabled);
    QCOMPARE(typed.reconnect.initialDelayMs, 30000);
    QCOMPARE(typed.reconnect.maxDelayMs, 60000);
    QCOMPARE(typed.reconnect.multiplier, 1.5);
    QCOMPARE(typed.reconnect.jitter, 0.1);
    QCOMPARE(typed.reconnect.maxAttempts, 5);
    QVERIFY(typed.reconnect.reconnectAfterCleanClose);
    // What the user typed and is not remembered stays.
    QCOMPARE(typed.headers.size(), 1);
    QCOMPARE(typed.headers.first().second, QByteArray("kept"));

    // Another URL (another path, another port) was never used: nothing changes.
    for (const QString &other :
        { QStringLiteral("wss://api.example.com:8443/other"), QStringLiteral("wss://api.example.com/live") }) {
        ConnectionOptions fresh;
        fresh.url = QUrl(other);
        fresh.caFile = QStringLiteral("/typed.pem");
        QVERIFY(!store.recallOptions(&fresh));
        QCOMPARE(fresh.caFile, QStringLiteral("/typed.pem"));
        QVERIFY(!fresh.reconnect.enabled);
    }
}

void TestLastUsedOptions::secretsAndPerAttemptFieldsAreNeverRemembered()
{
    EndpointStore store(m_dir.filePath(QStringLiteral("b.json")));
    ConnectionOptions used;
    used.url = QUrl(QStringLiteral("wss://127.0.0.1:9443/?room=1"));
    used.headers = { { "Authorization", "Bearer sekrit" } };
    used.subprotocols = { QStringLiteral("chat") };
    used.origin = QStringLiteral("https://app.test");
    used.clientCertificateFile = QStringLiteral("/home/u/client.p12");
    used.clientCertificatePassword = QStringLiteral("hunter2");
    used.insecure = true;
    store.rememberOptions(used);

    QSettings settings;
    QString everything;
    for (const QString &key : settings.allKeys())
        everything += key + QLatin1Char('=') + settings.value(key).toString() + QLatin1Char('\n');
    QVERIFY2(everything.contains(QLatin1String("client.p12")), qPrintable(everything));
    QVERIFY2(!everything.contains(QLatin1String("sekrit")), qPrintable(everything));
    QVERIFY(!everything.contains(QLatin1String("hunter2")));
    QVERIFY(!everything.contains(QLatin1String("app.test")));

    ConnectionOptions recalled;
    recalled.url = used.url;
    QVERIFY(store.recallOptions(&recalled));
    QCOMPARE(recalled.clientCertificateFile, QStringLiteral("/home/u/client.p12"));
    QVERIFY(recalled.headers.isEmpty());
    QVERIFY(recalled.subprotocols.isEmpty());
    QVERIFY(recalled.origin.isEmpty());
    QVERIFY(recalled.clientCertificatePassword.isEmpty());
    QVERIFY(!recalled.insecure);
}

void TestLastUsedOptions::tlsPartIsRememberedForWssOnly()
{
    EndpointStore store(m_dir.filePath(QStringLiteral("c.json")));
    ConnectionOptions used;
    used.url = QUrl(QStringLiteral("ws://127.0.0.1:9000/chat"));
    used.caFile = QStringLiteral("/etc/ca.pem");
    used.reconnect.enabled = true;
    store.rememberOptions(used);

    ConnectionOptions typed;
    typed.url = used.url;
    typed.caFile = QStringLiteral("/typed.pem");
    QVERIFY(store.recallOptions(&typed));
    QVERIFY(typed.reconnect.enabled);
    QCOMPARE(typed.caFile, QStringLiteral("/typed.pem")); // ws:// has no TLS: what was typed stays
}

void TestLastUsedOptions::namedEndpointsAndLastOptionsLiveInOneStore()
{
    const QString path = m_dir.filePath(QStringLiteral("d.json"));
    {
        EndpointStore store(path);
        QVERIFY(store.load());
        Endpoint e;
        e.name = QStringLiteral("Chat");
        e.options.url = QUrl(QStringLiteral("ws://127.0.0.1:9000/chat"));
        e.options.keepalive.intervalMs = 1500;
        QVERIFY(!store.save(e).isEmpty());
        ConnectionOptions used;
        used.url = e.options.url;
        used.keepalive.intervalMs = 7000;
        store.rememberOptions(used);
        store.addRecentUrl(used.url.toString());
    }
    EndpointStore store(path);
    QVERIFY(store.load());
    QCOMPARE(store.endpoints().size(), 1);
    QCOMPARE(store.endpoints().first().options.keepalive.intervalMs, 1500); // the endpoint keeps its own
    ConnectionOptions recalled;
    recalled.url = QUrl(QStringLiteral("ws://127.0.0.1:9000/chat"));
    QVERIFY(store.recallOptions(&recalled));
    QCOMPARE(recalled.keepalive.intervalMs, 7000);
    QCOMPARE(store.recentUrls(), QStringList { QStringLiteral("ws://127.0.0.1:9000/chat") });
}

void TestLastUsedOptions::recentUrlsAreMostRecentFirstAndCapped()
{
    {
        EndpointStore store(m_dir.filePath(QStringLiteral("e.json")));
        QSignalSpy changed(&store, &EndpointStore::recentUrlsChanged);
        for (int i = 1; i <= 25; ++i)
            store.addRecentUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(9000 + i));
        QCOMPARE(changed.size(), 25);
        store.addRecentUrl(QStringLiteral("ws://127.0.0.1:9010/")); // used again: first, listed once
    }
    const QStringList urls = EndpointStore(m_dir.filePath(QStringLiteral("e.json"))).recentUrls();
    QCOMPARE(urls.size(), 20);
    QCOMPARE(urls.at(0), QStringLiteral("ws://127.0.0.1:9010/"));
    QCOMPARE(urls.at(1), QStringLiteral("ws://127.0.0.1:9025/"));
    QCOMPARE(urls.count(QStringLiteral("ws://127.0.0.1:9010/")), 1);
    QVERIFY(!urls.contains(QStringLiteral("ws://127.0.0.1:9005/")));
    QCOMPARE(urls.last(), QStringLiteral("ws://127.0.0.1:9006/"));
    // Kept where older versions kept them, so they are not lost either way.
    QCOMPARE(QSettings().value(QStringLiteral("connect/recentUrls")).toStringList(), urls);
}

void TestLastUsedOptions::oldKeysAreMigratedOnceAndRemoved()
{
    const QString wss = QStringLiteral("wss://secure.example.com/feed");
    const QString ws = QStringLiteral("ws://127.0.0.1:9000/chat");
    {
        // What TlsOptionsWidget::save and LiveOptionsWidget::save wrote.
        QSettings settings;
        settings.beginGroup(oldGroup(wss));
        settings.setValue(QStringLiteral("interceptTls"), false);
        settings.setValue(QStringLiteral("caFile"), QStringLiteral("/etc/old-ca.pem"));
        settings.setValue(QStringLiteral("clientCertificateFile"), QStringLiteral("/home/u/old.pem"));
        settings.setValue(QStringLiteral("clientKeyFile"), QStringLiteral("/home/u/old.key"));
        settings.setValue(QStringLiteral("minimumTlsVersion"), 13);
        settings.setValue(QStringLiteral("keepalive"), true);
        settings.setValue(QStringLiteral("keepaliveIntervalMs"), 5000);
        settings.setValue(QStringLiteral("keepaliveTimeoutMs"), 2500);
        settings.setValue(QStringLiteral("keepaliveClose"), true);
        settings.setValue(QStringLiteral("reconnect"), true);
        settings.setValue(QStringLiteral("reconnectInitialMs"), 30000);
        settings.setValue(QStringLiteral("reconnectMaxMs"), 45000);
        settings.setValue(QStringLiteral("reconnectMaxAttempts"), 5);
        settings.setValue(QStringLiteral("reconnectAfterCleanClose"), true);
        settings.endGroup();
        settings.beginGroup(oldGroup(ws));
        settings.setValue(QStringLiteral("keepalive"), false);
        settings.setValue(QStringLiteral("keepaliveIntervalMs"), 5000);
        settings.setValue(QStringLiteral("keepaliveTimeoutMs"), 10000);
        settings.setValue(QStringLiteral("keepaliveClose"), false);
        settings.setValue(QStringLiteral("reconnect"), true);
        settings.setValue(QStringLiteral("reconnectInitialMs"), 2000);
        settings.setValue(QStringLiteral("reconnectMaxMs"), 1000); // shorter: the old bar used the first delay
        settings.setValue(QStringLiteral("reconnectMaxAttempts"), 0);
        settings.setValue(QStringLiteral("reconnectAfterCleanClose"), false);
    }
    {
        EndpointStore store(m_dir.filePath(QStringLiteral("f.json")));
        ConnectionOptions secure;
        secure.url = QUrl(wss);
        QVERIFY(store.recallOptions(&secure));
        QVERIFY(!secure.interceptTls);
        QCOMPARE(secure.caFile, QStringLiteral("/etc/old-ca.pem"));
        QCOMPARE(secure.clientCertificateFile, QStringLiteral("/home/u/old.pem"));
        QCOMPARE(secure.clientKeyFile, QStringLiteral("/home/u/old.key"));
        QCOMPARE(secure.minimumTlsVersion, 13);
        QCOMPARE(secure.keepalive.intervalMs, 5000);
        QCOMPARE(secure.keepalive.timeoutMs, 2500);
        QVERIFY(secure.keepalive.closeOnMissedPong);
        QVERIFY(secure.reconnect.enabled);
        QCOMPARE(secure.reconnect.initialDelayMs, 30000);
        QCOMPARE(secure.reconnect.maxDelayMs, 45000);
        QCOMPARE(secure.reconnect.maxAttempts, 5);
        QVERIFY(secure.reconnect.reconnectAfterCleanClose);

        ConnectionOptions plain;
        plain.url = QUrl(ws);
        QVERIFY(store.recallOptions(&plain));
        QCOMPARE(plain.keepalive.intervalMs, 0); // keepalive was off
        QVERIFY(plain.reconnect.enabled);
        QCOMPARE(plain.reconnect.initialDelayMs, 2000);
        QCOMPARE(plain.reconnect.maxDelayMs, 2000);
        QCOMPARE(plain.reconnect.maxAttempts, 0);

        // The old keys are gone; the options are under the new ones.
        QSettings settings;
        QVERIFY(!settings.childGroups().contains(QStringLiteral("endpoints")));
        settings.beginGroup(QStringLiteral("lastOptions"));
        QCOMPARE(settings.childKeys().size(), 2);
        settings.endGroup();

        // A later change is what a restart sees: the migration does not run again over it.
        plain.reconnect.maxAttempts = 9;
        store.rememberOptions(plain);
    }
    EndpointStore again(m_dir.filePath(QStringLiteral("f.json")));
    ConnectionOptions plain;
    plain.url = QUrl(ws);
    QVERIFY(again.recallOptions(&plain));
    QCOMPARE(plain.reconnect.maxAttempts, 9);
}

void TestLastUsedOptions::oldKeysMissingValuesTakeTheDefaults()
{
    const QString url = QStringLiteral("wss://defaults.example.com/");
    {
        QSettings settings;
        settings.beginGroup(oldGroup(url));
        settings.setValue(QStringLiteral("interceptTls"), true);
        settings.setValue(QStringLiteral("reconnect"), true);
        settings.setValue(QStringLiteral("keepalive"), true);
    }
    EndpointStore store(m_dir.filePath(QStringLiteral("g.json")));
    ConnectionOptions recalled;
    recalled.url = QUrl(url);
    QVERIFY(store.recallOptions(&recalled));
    // ConnectionOptions' own defaults, written out.
    QVERIFY(recalled.interceptTls);
    QCOMPARE(recalled.caFile, QString());
    QCOMPARE(recalled.minimumTlsVersion, 12);
    QCOMPARE(recalled.timeoutMs, 15000);
    QCOMPARE(recalled.keepalive.intervalMs, 30000); // the suggested interval, as the old bar showed it
    QCOMPARE(recalled.keepalive.timeoutMs, 10000);
    QVERIFY(!recalled.keepalive.closeOnMissedPong);
    QVERIFY(recalled.reconnect.enabled);
    QCOMPARE(recalled.reconnect.initialDelayMs, 1000);
    QCOMPARE(recalled.reconnect.maxDelayMs, 30000);
    QCOMPARE(recalled.reconnect.multiplier, 2.0);
    QCOMPARE(recalled.reconnect.jitter, 0.2);
    QCOMPARE(recalled.reconnect.maxAttempts, 10);
    QVERIFY(!recalled.reconnect.reconnectAfterCleanClose);
}

void TestLastUsedOptions::oldKeysWrittenLaterGoOverTheEntry()
{
    // An older version run after this one writes the old keys again; they are the newer choice.
    const QString url = QStringLiteral("ws://127.0.0.1:9100/");
    {
        EndpointStore store(m_dir.filePath(QStringLiteral("h.json")));
        ConnectionOptions used;
        used.url = QUrl(url);
        used.timeoutMs = 5000;
        used.reconnect.enabled = true;
        store.rememberOptions(used);
    }
    {
        QSettings settings;
        settings.beginGroup(oldGroup(url));
        settings.setValue(QStringLiteral("reconnect"), false);
    }
    EndpointStore store(m_dir.filePath(QStringLiteral("h.json")));
    ConnectionOptions recalled;
    recalled.url = QUrl(url);
    QVERIFY(store.recallOptions(&recalled));
    QVERIFY(!recalled.reconnect.enabled);
    QCOMPARE(recalled.timeoutMs, 5000); // not in the old keys: the entry's
}

QTEST_GUILESS_MAIN(TestLastUsedOptions)
#include "tst_lastusedoptions.moc"
