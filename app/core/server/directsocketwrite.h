// DirectSocketWrite: writes what the kernel takes at once straight to a plain TCP socket, the rest through Qt.
#pragma once

#include <QtGlobal>

class QTcpSocket;

namespace wsi {

// A buffered QTcpSocket write always waits for a write notifier, and with the GLib event dispatcher enabling and
// disabling one walks a list of every socket: with 10,000 clients, each 101 cost two such walks on the GUI thread.
// So what the kernel takes at once is sent directly and only the rest is left to Qt. Not for TLS (the bytes must be
// encrypted) and not while Qt still holds unsent bytes (order).
class DirectSocketWrite
{
public:
    // plainTcp: the socket is not a QSslSocket.
    static void write(QTcpSocket *socket, bool plainTcp, const char *data, qsizetype size);
};

} // namespace wsi
