// ProxiedClients (proxy/proxiedclients.h) applies the proxy thread's batches one per pass of the event loop, in the
// order they came, with other events in between (issue 12: the window answers the window manager during a proxied
// flood); as the listener retires, what waits is applied before its last words.
#include "connection/connection.h"
#include "connection/workspace.h"
#include "proxy/proxiedclients.h"

#include <QtTest>

using namespace wsi;

namespace {

// A client's batch as the listener posts it: its first makes the client's Connection, its last removes it.
std::shared_ptr<const ProxiedBatch> batchOf(quint64 client, bool first, bool last)
{
    auto batch = std::make_shared<ProxiedBatch>();
    batch->client = client;
    batch->first = first;
    batch->last = last;
    batch->peer = QStringLiteral("127.0.0.1:%1").arg(40000 + client);
    return batch;
}

// Posted as the listener's sink posts a batch.
void post(ProxiedClients &clients, std::shared_ptr<const ProxiedBatch> batch)
{
    QMetaObject::invokeMethod(
        &clients, [&clients, batch] { clients.receive(batch); }, Qt::QueuedConnection);
}

ProxiedClients::Post noPost()
{
    return [](std::function<void(ProxiedClientHost *)>) {};
}

} // namespace

class tst_ProxiedClientsPacing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Three clients' first batches posted before the loop ran: three passes, the event posted after them in the first.
    void batchesQueuedUpTakeOnePassEach()
    {
        Workspace workspace;
        ProxiedClients clients(&workspace, ConnectionOptions {}, noPost());
        QStringList log;
        connect(&clients, &ProxiedClients::countChanged, this, [&log](int count) { log << QString::number(count); });
        for (quint64 client = 1; client <= 3; ++client)
            post(clients, batchOf(client, true, false));
        QMetaObject::invokeMethod(
            this, [&log] { log << QStringLiteral("ping"); }, Qt::QueuedConnection);
        QCoreApplication::sendPostedEvents();
        QCOMPARE(log, QStringList({ "1", "ping" }));
        QCoreApplication::sendPostedEvents();
        QCOMPARE(log, QStringList({ "1", "ping", "2" }));
        QCoreApplication::sendPostedEvents();
        QCOMPARE(log, QStringList({ "1", "ping", "2", "3" }));
        QCOMPARE(workspace.connections().size(), 3);
    }

    // A client's first batch waiting behind another, then the listener's last word for it (applyNow, as it retires):
    // the first comes first, so the Connection is made and then let go; the other way round it would stay.
    void lastWordsComeAfterWhatWaits()
    {
        Workspace workspace;
        ProxiedClients clients(&workspace, ConnectionOptions {}, noPost());
        QList<int> counts;
        connect(&clients, &ProxiedClients::countChanged, this, [&counts](int count) { counts << count; });
        post(clients, batchOf(1, true, false));
        post(clients, batchOf(2, true, false));
        QCoreApplication::sendPostedEvents(); // client 1 applied, client 2 waits for the next pass
        QCOMPARE(counts, QList<int>({ 1 }));
        clients.applyNow(*batchOf(2, false, true));
        QCOMPARE(counts, QList<int>({ 1, 2, 1 }));
        QCOMPARE(clients.count(), 1);
        clients.drain(); // nothing waits: nothing changes
        QCOMPARE(clients.count(), 1);
    }

    // drain() applies everything that waits at once, in order.
    void drainAppliesWhatWaits()
    {
        Workspace workspace;
        ProxiedClients clients(&workspace, ConnectionOptions {}, noPost());
        for (quint64 client = 1; client <= 4; ++client)
            post(clients, batchOf(client, true, false));
        QCoreApplication::sendPostedEvents();
        QCOMPARE(clients.count(), 1);
        clients.drain();
        QCOMPARE(clients.count(), 4);
        QCOMPARE(workspace.connections().size(), 4);
        QVERIFY(workspace.connections().constLast()->proxied());
    }
};

QTEST_MAIN(tst_ProxiedClientsPacing)
#include "tst_proxiedclientspacing.moc"
