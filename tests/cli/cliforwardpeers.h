#pragma once

// What the tst_cli_forwardproxy* tests share: tests/peers/browser_pages.py (a page over http and https, echo
// servers over ws and wss, certificates from a CA the test made) and the texts a proxied connection carried on
// one leg in one direction.

#include "clipeers.h"
#include "clirun.h"
#include "peerprocess.h"

#include <QElapsedTimer>
#include <QTest>

class ForwardPeers
{
public:
    enum Port { Http, Https, Ws, Wss };

    // For initTestCase: certificates (CliPeers), then the pages and echo servers; fails the test if either fails.
    // deflate: the echo servers accept permessage-deflate (as browsers offer it, and most servers accept it).
    void start(bool deflate = false)
    {
        m_peers.start(CliPeers::Certificates);
        QStringList arguments { m_peers.cert(QStringLiteral("good.pem")), m_peers.cert(QStringLiteral("good.key")) };
        if (deflate)
            arguments << QStringLiteral("--deflate");
        QVERIFY2(m_pages.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("browser_pages.py"), arguments),
            "browser_pages.py did not start");
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 10000 && !m_pages.readOutput().contains('\n'))
            QTest::qWait(20);
        const QList<QByteArray> words = m_pages.readOutput().split('\n').value(0).trimmed().split(' ');
        QCOMPARE(words.value(0), QByteArray("PORTS"));
        for (int i = 0; i < 4; ++i)
            m_ports[i] = quint16(words.value(i + 1).toUInt());
        m_pages.clearOutput();
    }
    void stop()
    {
        m_pages.stop();
        m_peers.stop();
    }

    quint16 port(Port which) const { return m_ports[which]; }
    QString caFile() const { return m_peers.cert(QStringLiteral("ca.pem")); }
    // Waits (bounded) until an echo server printed "RECV text"; what it printed.
    QByteArray waitForReceived(const QByteArray &text, int timeoutMs)
    {
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < timeoutMs && !m_pages.readOutput().contains("RECV " + text))
            QTest::qWait(50);
        return m_pages.readOutput();
    }
    void clearOutput() { m_pages.clearOutput(); }

private:
    CliPeers m_peers;
    PeerProcess m_pages;
    quint16 m_ports[4] = {};
};

// The texts of the messages recorded on one leg, in one direction, of one connection.
inline QStringList legTexts(const CliRun &run, int conn, const QString &leg, const QString &dir)
{
    QStringList texts;
    for (const QJsonObject &o : run.events(QStringLiteral("message"), dir, conn)) {
        if (o.value(QLatin1String("leg")).toString() == leg)
            texts << o.value(QLatin1String("text")).toString();
    }
    return texts;
}
