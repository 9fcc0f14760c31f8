#include "compose/messagehistory.h"
#include "compose/savedmessagestore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace wsi;

class tst_SavedMessageStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void survivesARestart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("nested/saved-messages.json"));
        QString id;
        {
            SavedMessageStore store(path);
            QVERIFY(store.load());
            QString error;
            id = store.save(
                { {}, QStringLiteral("login"), PayloadFormat::Json, QStringLiteral("{\"op\":\"login\"}"), {}, {} },
                &error);
            QVERIFY2(!id.isEmpty(), qPrintable(error));
            QVERIFY(!store
                         .save({ {}, QStringLiteral("bytes"), PayloadFormat::Hex, QStringLiteral("de ad"),
                             QStringLiteral("ws://127.0.0.1:9000/chat"), {} })
                         .isEmpty());
        }
        SavedMessageStore reopened(path); // a new store, from disk only
        QVERIFY(reopened.load());
        QCOMPARE(reopened.messages().size(), 2);
        QCOMPARE(reopened.messages().first().id, id);
        QCOMPARE(reopened.messages().first().format, PayloadFormat::Json);
        QCOMPARE(reopened.messages().at(1).body, QStringLiteral("de ad"));
    }

    void searchRespectsEndpoints()
    {
        QTemporaryDir dir;
        SavedMessageStore store(dir.filePath(QStringLiteral("s.json")));
        store.save({ {}, QStringLiteral("Global hello"), PayloadFormat::Text, QStringLiteral("hi"), {}, {} });
        store.save({ {}, QStringLiteral("Chat only"), PayloadFormat::Text, QStringLiteral("hello chat"),
            QStringLiteral("ws://a/chat"), {} });
        QCOMPARE(store.search(QStringLiteral("hello"), QStringLiteral("ws://a/chat")).size(), 2);
        QCOMPARE(store.search(QStringLiteral("hello"), QStringLiteral("ws://b/")).size(), 1);
        QCOMPARE(store.search(QStringLiteral("CHAT"), QStringLiteral("ws://a/chat")).size(), 1);
    }

    void renameRemoveAndImportExport()
    {
        QTemporaryDir dir;
        SavedMessageStore store(dir.filePath(QStringLiteral("s.json")));
        const QString id = store.save({ {}, QStringLiteral("a"), PayloadFormat::Text, QStringLiteral("1"), {}, {} });
        SavedMessage renamed = store.messages().first();
        renamed.name = QStringLiteral("b");
        QCOMPARE(store.save(renamed), id);
        QCOMPARE(store.messages().size(), 1);
        QCOMPARE(store.messages().first().name, QStringLiteral("b"));
        const QByteArray exported = store.exportJson(store.messages());
        QVERIFY(store.remove(id));
        QVERIFY(store.messages().isEmpty());
        QCOMPARE(store.importJson(exported), 1);
        QCOMPARE(store.messages().first().name, QStringLiteral("b"));
        QString error;
        QCOMPARE(store.importJson("{\"format\":\"other\"}", &error), -1);
        QVERIFY(error.contains(QStringLiteral("not a WS Inspector")));
        QVERIFY(store.save({ {}, QStringLiteral("  "), PayloadFormat::Text, {}, {}, {} }, &error).isEmpty());
    }

    void corruptFileIsReportedNotLost()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ not json");
        file.close();
        SavedMessageStore store(path);
        QString error;
        QVERIFY(!store.load(&error));
        QVERIFY(error.contains(QStringLiteral("not valid JSON")));
    }

    void historyWalksBothWays()
    {
        MessageHistory history;
        history.add({ PayloadFormat::Text, QStringLiteral("one") });
        history.add({ PayloadFormat::Text, QStringLiteral("two") });
        history.add({ PayloadFormat::Text, QStringLiteral("two") }); // consecutive duplicate kept once
        history.add({ PayloadFormat::Hex, QStringLiteral("ff") });
        QCOMPARE(history.entries().size(), 3);
        MessageHistory::Entry e;
        QVERIFY(history.previous(&e));
        QCOMPARE(e.body, QStringLiteral("ff"));
        QVERIFY(history.previous(&e));
        QCOMPARE(e.body, QStringLiteral("two"));
        QVERIFY(history.previous(&e));
        QCOMPARE(e.body, QStringLiteral("one"));
        QVERIFY(!history.previous(&e));
        QVERIFY(history.next(&e));
        QCOMPARE(e.body, QStringLiteral("two"));
        QVERIFY(history.next(&e));
        QVERIFY(!history.next(&e));
    }
};

QTEST_GUILESS_MAIN(tst_SavedMessageStore)
#include "tst_savedmessagestore.moc"
