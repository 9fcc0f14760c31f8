// EndpointStore and the ConnectionOptions JSON codec: endpoints survive a restart, every option round-trips,
// imports merge with renamed duplicates, bad files are named with a position, and exports keep secrets
// out unless asked.
#include "endpoints/connectionoptionsjson.h"
#include "endpoints/endpointstore.h"
#include "explain/secretmasker.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace wsi;

class TestEndpointStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void codecRoundTripsEveryField();
    void codecKeepsDefaultsForMissingKeys();
    void codecNamesWrongTypes_data();
    void codecNamesWrongTypes();
    void endpointsSurviveRecreate();
    void editReplacesAndRemoveDeletes();
    void duplicateGetsAFreshIdAndName();
    void importMergesAndRenamesDuplicates();
    void importOfInvalidJsonNamesLineAndColumn();
    void importOfBadEntryNamesItsPosition();
    void exportWithoutSecretsMasksThem();
    void exportWithSecretsKeepsThem();
    void savedFileIsPrivate();

private:
    static ConnectionOptions everyField();
};

ConnectionOptions TestEndpointStore::everyField()
{
    ConnectionOptions o;
    o.url = QUrl(QStringLiteral("wss://api.example.com:8443/live?room=7&token=s3cret"));
    o.headers = { { "Authorization", "Bearer abc.def" }, { "X-Trace", "1" }, { "X-Trace", "2" } };
    o.subprotocols = { QStringLiteral("graphql-ws"), QStringLiteral("v2.chat") };
    o.origin = QStringLiteral("https://app.example.com");
    o.timeoutMs = 4321;
    o.closeGraceMs = 777;
    o.caFile = QStringLiteral("/etc/ca.pem");
    o.interceptTls = false;
    o.clientCertificateFile = QStringLiteral("/home/u/client.p12");
    o.clientKeyFile = QStringLiteral("/home/u/client.key");
    o.clientCertificatePassword = QStringLiteral("hunter2");
    o.minimumTlsVersion = 13;
    o.insecure = true;
    o.reconnect.enabled = true;
    o.reconnect.initialDelayMs = 250;
    o.reconnect.maxDelayMs = 9000;
    o.reconnect.multiplier = 1.5;
    o.reconnect.jitter = 0.1;
    o.reconnect.maxAttempts = 7;
    o.reconnect.reconnectAfterCleanClose = true;
    o.keepalive.intervalMs = 5000;
    o.keepalive.timeoutMs = 2500;
    o.keepalive.closeOnMissedPong = true;
    return o;
}

static void compareOptions(const ConnectionOptions &a, const ConnectionOptions &b)
{
    QCOMPARE(a.url, b.url);
    QCOMPARE(a.headers, b.headers);
    QCOMPARE(a.subprotocols, b.subprotocols);
    QCOMPARE(a.origin, b.origin);
    QCOMPARE(a.timeoutMs, b.timeoutMs);
    QCOMPARE(a.closeGraceMs, b.closeGraceMs);
    QCOMPARE(a.caFile, b.caFile);
    QCOMPARE(a.interceptTls, b.interceptTls);
    QCOMPARE(a.clientCertificateFile, b.clientCertificateFile);
    QCOMPARE(a.clientKeyFile, b.clientKeyFile);
    QCOMPARE(a.clientCertificatePassword, b.clientCertificatePassword);
    QCOMPARE(a.minimumTlsVersion, b.minimumTlsVersion);
    QCOMPARE(a.insecure, b.insecure);
    QCOMPARE(a.reconnect.enabled, b.reconnect.enabled);
    QCOMPARE(a.reconnect.initialDelayMs, b.reconnect.initialDelayMs);
    QCOMPARE(a.reconnect.maxDelayMs, b.reconnect.maxDelayMs);
    QCOMPARE(a.reconnect.multiplier, b.reconnect.multiplier);
    QCOMPARE(a.reconnect.jitter, b.reconnect.jitter);
    QCOMPARE(a.reconnect.maxAttempts, b.reconnect.maxAttempts);
    QCOMPARE(a.reconnect.reconnectAfterCleanClose, b.reconnect.reconnectAfterCleanClose);
    QCOMPARE(a.keepalive.intervalMs, b.keepalive.intervalMs);
    QCOMPARE(a.keepalive.timeoutMs, b.keepalive.timeoutMs);
    QCOMPARE(a.keepalive.closeOnMissedPong, b.keepalive.closeOnMissedPong);
}

void TestEndpointStore::codecRoundTripsEveryField()
{
    const ConnectionOptions original = everyField();
    // Through text, as on disk.
    const QByteArray text = QJsonDocument(ConnectionOptionsJson::toJson(original)).toJson();
    ConnectionOptions back;
    QString error;
    QVERIFY2(ConnectionOptionsJson::fromJson(QJsonDocument::fromJson(text).object(), &back, &error), qPrintable(error));
    compareOptions(back, original);
    // The defaults too (a TLS 1.2 minimum, reconnect off), so "unset" is not confused with "set".
    ConnectionOptions defaults;
    defaults.url = QUrl(QStringLiteral("ws://127.0.0.1:9000/"));
    ConnectionOptions backDefaults;
    QVERIFY(ConnectionOptionsJson::fromJson(ConnectionOptionsJson::toJson(defaults), &backDefaults));
    compareOptions(backDefaults, defaults);
}

void TestEndpointStore::codecKeepsDefaultsForMissingKeys()
{
    ConnectionOptions o;
    QVERIFY(
        ConnectionOptionsJson::fromJson(QJsonObject { { QStringLiteral("url"), QStringLiteral("ws://h:1/") } }, &o));
    QCOMPARE(o.url, QUrl(QStringLiteral("ws://h:1/")));
    QCOMPARE(o.timeoutMs, ConnectionOptions().timeoutMs);
    QCOMPARE(o.interceptTls, true);
    QCOMPARE(o.reconnect.maxAttempts, ReconnectPolicy::Settings().maxAttempts);
    QCOMPARE(o.keepalive.intervalMs, 0);
}

void TestEndpointStore::codecNamesWrongTypes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no url") << QByteArray(R"({"origin":"x"})") << QStringLiteral("\"url\"");
    QTest::newRow("timeout string") << QByteArray(R"({"url":"ws://h:1/","timeout_ms":"5"})")
                                    << QStringLiteral("\"timeout_ms\" must be a number");
    QTest::newRow("reconnect enabled number") << QByteArray(R"({"url":"ws://h:1/","reconnect":{"enabled":1}})")
                                              << QStringLiteral("\"reconnect.enabled\" must be true or false");
    QTest::newRow("tls version") << QByteArray(R"({"url":"ws://h:1/","tls":{"minimum_version":"1.0"}})")
                                 << QStringLiteral("tls.minimum_version");
    QTest::newRow("header shape") << QByteArray(R"({"url":"ws://h:1/","headers":[["A"]]})")
                                  << QStringLiteral("\"headers\"");
}

void TestEndpointStore::codecNamesWrongTypes()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    ConnectionOptions o;
    QString error;
    QVERIFY(!ConnectionOptionsJson::fromJson(QJsonDocument::fromJson(json).object(), &o, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

void TestEndpointStore::endpointsSurviveRecreate()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/endpoints.json"));
    QString id;
    {
        EndpointStore store(path);
        QVERIFY(store.load());
        QVERIFY(store.endpoints().isEmpty());
        QSignalSpy changed(&store, &EndpointStore::changed);
        Endpoint e;
        e.name = QStringLiteral("Production");
        e.folder = QStringLiteral("Acme");
        e.options = everyField();
        QString error;
        id = store.save(e, &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
        QCOMPARE(changed.count(), 1);
    }
    EndpointStore again(path);
    QString error;
    QVERIFY2(again.load(&error), qPrintable(error));
    QCOMPARE(again.endpoints().size(), 1);
    const Endpoint back = again.endpoint(id);
    QCOMPARE(back.name, QStringLiteral("Production"));
    QCOMPARE(back.folder, QStringLiteral("Acme"));
    // The user saved the token: the store keeps it (only exports leave it out).
    compareOptions(back.options, everyField());
    QCOMPARE(again.folders(), QStringList { QStringLiteral("Acme") });
}

void TestEndpointStore::editReplacesAndRemoveDeletes()
{
    QTemporaryDir dir;
    EndpointStore store(dir.filePath(QStringLiteral("e.json")));
    Endpoint e;
    e.name = QStringLiteral("A");
    e.options.url = QUrl(QStringLiteral("ws://127.0.0.1:1/"));
    e.id = store.save(e);
    e.name = QStringLiteral("B");
    QCOMPARE(store.save(e), e.id);
    QCOMPARE(store.endpoints().size(), 1);
    QCOMPARE(store.endpoints().first().name, QStringLiteral("B"));
    QString error;
    Endpoint unnamed = e;
    unnamed.id.clear();
    unnamed.name = QStringLiteral("  ");
    QVERIFY(store.save(unnamed, &error).isEmpty());
    QVERIFY(error.contains(QLatin1String("name")));
    QVERIFY(store.remove(e.id));
    QVERIFY(store.endpoints().isEmpty());
    EndpointStore reread(store.filePath());
    QVERIFY(reread.load());
    QVERIFY(reread.endpoints().isEmpty());
}

void TestEndpointStore::duplicateGetsAFreshIdAndName()
{
    QTemporaryDir dir;
    EndpointStore store(dir.filePath(QStringLiteral("e.json")));
    Endpoint e;
    e.name = QStringLiteral("Chat");
    e.folder = QStringLiteral("Dev");
    e.options = everyField();
    e.id = store.save(e);
    const QString copyId = store.duplicate(e.id);
    QVERIFY(!copyId.isEmpty());
    QVERIFY(copyId != e.id);
    const Endpoint copy = store.endpoint(copyId);
    QCOMPARE(copy.name, QStringLiteral("Chat (copy)"));
    QCOMPARE(copy.folder, QStringLiteral("Dev"));
    compareOptions(copy.options, e.options);
    QCOMPARE(store.endpoint(store.duplicate(e.id)).name, QStringLiteral("Chat (copy) (2)"));
}

void TestEndpointStore::importMergesAndRenamesDuplicates()
{
    QTemporaryDir dir;
    EndpointStore source(dir.filePath(QStringLiteral("a.json")));
    Endpoint e;
    e.name = QStringLiteral("Echo");
    e.options.url = QUrl(QStringLiteral("ws://127.0.0.1:9000/echo"));
    source.save(e);
    e.name = QStringLiteral("Other");
    e.folder = QStringLiteral("F");
    source.save(e);
    const QByteArray exported = source.exportJson(source.endpoints(), true);

    EndpointStore target(dir.filePath(QStringLiteral("b.json")));
    Endpoint existing;
    existing.name = QStringLiteral("Echo");
    existing.options.url = QUrl(QStringLiteral("ws://127.0.0.1:1/"));
    target.save(existing);
    QString error;
    QCOMPARE(target.importJson(exported, &error), 2);
    QCOMPARE(target.endpoints().size(), 3);
    QStringList names;
    for (const Endpoint &x : target.endpoints())
        names << x.folder + QLatin1Char('/') + x.name;
    QCOMPARE(names, (QStringList { QStringLiteral("/Echo"), QStringLiteral("/Echo (2)"), QStringLiteral("F/Other") }));
    // Imported endpoints get their own ids (importing twice must not alias).
    QSet<QString> ids;
    for (const Endpoint &x : target.endpoints())
        ids.insert(x.id);
    QCOMPARE(ids.size(), 3);
    // And they are on disk.
    EndpointStore reread(target.filePath());
    QVERIFY(reread.load());
    QCOMPARE(reread.endpoints().size(), 3);
}

void TestEndpointStore::importOfInvalidJsonNamesLineAndColumn()
{
    QTemporaryDir dir;
    EndpointStore store(dir.filePath(QStringLiteral("e.json")));
    QString error;
    QCOMPARE(store.importJson("{\n  \"format\": \"wsinspector-endpoints/1\",\n  \"endpoints\": [,]\n}", &error), -1);
    QVERIFY2(error.contains(QLatin1String("line 3")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("column")), qPrintable(error));
    QVERIFY(store.endpoints().isEmpty());
    QCOMPARE(store.importJson(R"({"format":"something-else"})", &error), -1);
    QVERIFY2(error.contains(QLatin1String("not a WS Inspector endpoints file")), qPrintable(error));
}

void TestEndpointStore::importOfBadEntryNamesItsPosition()
{
    QTemporaryDir dir;
    EndpointStore store(dir.filePath(QStringLiteral("e.json")));
    QString error;
    const QByteArray json = R"({"format":"wsinspector-endpoints/1","endpoints":[
        {"name":"ok","options":{"url":"ws://h:1/"}},
        {"name":"bad","options":{"url":"ws://h:1/","keepalive":{"interval_ms":"often"}}}]})";
    QCOMPARE(store.importJson(json, &error), -1);
    QVERIFY2(error.contains(QLatin1String("Endpoint 2 of 2")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("keepalive.interval_ms")), qPrintable(error));
    // All or nothing: the good first entry was not half-imported.
    QVERIFY(store.endpoints().isEmpty());
    // A broken store file is reported, not silently emptied on disk.
    QFile broken(dir.filePath(QStringLiteral("broken.json")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{ not json");
    broken.close();
    EndpointStore fromBroken(broken.fileName());
    QVERIFY(!fromBroken.load(&error));
    QVERIFY2(error.contains(QLatin1String("line 1")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("broken.json.broken-")), qPrintable(error));
    const QStringList kept = QDir(dir.path()).entryList({ QStringLiteral("broken.json.broken-*") });
    QCOMPARE(kept.size(), 1);
    QFile keptFile(dir.filePath(kept.first()));
    QVERIFY(keptFile.open(QIODevice::ReadOnly));
    QCOMPARE(keptFile.readAll(), QByteArray("{ not json"));
}

void TestEndpointStore::exportWithoutSecretsMasksThem()
{
    QTemporaryDir dir;
    EndpointStore store(dir.filePath(QStringLiteral("e.json")));
    Endpoint e;
    e.name = QStringLiteral("Prod");
    e.options = everyField();
    store.save(e);
    bool removed = false;
    const QByteArray json = store.exportJson(store.endpoints(), false, &removed);
    QVERIFY(removed);
    QVERIFY(!json.contains("abc.def"));
    QVERIFY(!json.contains("s3cret"));
    QVERIFY(!json.contains("hunter2"));
    QVERIFY(json.contains("\"secrets_removed\": true"));
    QVERIFY(json.contains("Bearer " + QByteArray(SecretMasker::kMask)));
    QVERIFY(json.contains("X-Trace")); // everything else verbatim
    QVERIFY(json.contains("room=7"));

    Endpoint plain;
    plain.name = QStringLiteral("Plain");
    plain.options.url = QUrl(QStringLiteral("ws://127.0.0.1:9/"));
    store.exportJson({ plain }, false, &removed);
    QVERIFY(!removed);
}

void TestEndpointStore::exportWithSecretsKeepsThem()
{
    QTemporaryDir dir;
    EndpointStore store(dir.filePath(QStringLiteral("e.json")));
    Endpoint e;
    e.name = QStringLiteral("Prod");
    e.options = everyField();
    store.save(e);
    bool removed = true;
    const QByteArray json = store.exportJson(store.endpoints(), true, &removed);
    QVERIFY(!removed);
    QVERIFY(json.contains("Bearer abc.def"));
    QVERIFY(json.contains("hunter2"));
    QVERIFY(!json.contains("secrets_removed"));
}

void TestEndpointStore::savedFileIsPrivate()
{
    QTemporaryDir dir;
    EndpointStore store(dir.filePath(QStringLiteral("e.json")));
    Endpoint e;
    e.name = QStringLiteral("P");
    e.options.url = QUrl(QStringLiteral("ws://127.0.0.1:9/"));
    store.save(e);
    const QFileDevice::Permissions p = QFile::permissions(store.filePath());
    QVERIFY(p.testFlag(QFileDevice::ReadOwner));
    QVERIFY(!p.testFlag(QFileDevice::ReadGroup));
    QVERIFY(!p.testFlag(QFileDevice::ReadOther));
}

QTEST_GUILESS_MAIN(TestEndpointStore)
#include "tst_endpointstore.moc"
