// DirectSocketWrite: writes what the kernel takes at once straight to a plain TCP socket, the rest through Qt.
#include "server/directsocketwrite.h"

#include <QTcpSocket>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <sys/socket.h>
#endif

namespace wsi {

void DirectSocketWrite::write(QTcpSocket *socket, bool plainTcp, const char *data, qsizetype size)
{
#ifdef Q_OS_LINUX
    if (plainTcp && socket->bytesToWrite() == 0) {
        ssize_t sent = -1;
        do {
            sent = ::send(int(socket->socketDescriptor()), data, size_t(size), MSG_NOSIGNAL | MSG_DONTWAIT);
        } while (sent < 0 && errno == EINTR);
        if (sent == size)
            return;
        if (sent > 0) {
            socket->write(data + sent, size - sent);
            return;
        }
        // A full send buffer or an error: Qt's own path writes later, or reports the error as it always did.
    }
#else
    Q_UNUSED(plainTcp);
#endif
    socket->write(data, size);
}

} // namespace wsi
