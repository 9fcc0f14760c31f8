// What the proxy-thread tests share (tst_proxythread, tst_proxyrulesthread, tst_forwardproxythread): a call run on a
// proxy's thread (the reverse proxy's or the forward proxy's), and which thread a proxied client's sockets live and are
// read on.
#pragma once

#include "proxy/forwardlistener.h"
#include "proxy/forwardproxy.h"
#include "proxy/proxiedclient.h"
#include "proxy/proxylistener.h"
#include "proxy/reverseproxy.h"

#include <QList>
#include <QMetaObject>
#include <QTcpSocket>
#include <QThread>

#include <atomic>
#include <memory>

// Runs call with the proxy's listener on its thread and returns what it returned.
template <typename Proxy, typename Call> auto onProxyThread(Proxy &proxy, Call call)
{
    auto *listener = proxy.listenerOnProxyThread();
    decltype(call(listener)) result {};
    QMetaObject::invokeMethod(
        listener, [&] { result = call(listener); }, Qt::BlockingQueuedConnection);
    return result;
}

// The reads of a proxied client's sockets: how many, and the thread of the last.
struct SocketReads
{
    std::atomic<QThread *> lastThread { nullptr };
    std::atomic<int> count { 0 };
};

// The threads of the proxy's client `number`, of its client socket and of its upstream socket (empty when there is no
// such client); from now on each read of those sockets is counted in `reads`, on the thread it ran on.
template <typename Proxy>
QList<QThread *> watchClientSockets(Proxy &proxy, quint64 number, const std::shared_ptr<SocketReads> &reads)
{
    return onProxyThread(proxy, [number, reads](wsi::ProxiedClientHost *listener) {
        QList<QThread *> threads;
        wsi::ProxiedClient *proxied = listener->clientForTests(number);
        if (!proxied)
            return threads;
        threads << proxied->thread();
        for (QTcpSocket *socket : proxied->findChildren<QTcpSocket *>()) {
            threads << socket->thread();
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [reads] {
                reads->lastThread = QThread::currentThread();
                ++reads->count;
            });
        }
        return threads;
    });
}
