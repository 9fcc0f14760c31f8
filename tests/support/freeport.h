// freePort(): a loopback port nothing listens on right now, for tests that must name a port before listening.
#pragma once

#include <QHostAddress>
#include <QTcpServer>

// The kernel's choice, released at once (0 when none could be had); a test listens there next.
inline quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}
