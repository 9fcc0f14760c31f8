// RelayedWrites: what a ProxiedClient writes to its two sockets, recorded on their legs and flushed once per read.
#pragma once

#include <QByteArray>
#include <QPointer>
#include <QTcpSocket>

namespace wsi {

class ProxiedRecording;

// Every byte the proxy writes is recorded on the leg of the socket it crosses (the client leg for the client's
// socket, the server leg for the upstream's), at the moment it is queued; a read's writes reach the kernel at its end
// (flush()), before its rows are announced or handed over, not a write notification later.
class RelayedWrites
{
public:
    void setRecording(ProxiedRecording *recording) { m_recording = recording; }
    void setClient(QTcpSocket *socket) { m_client = socket; }
    void setUpstream(QTcpSocket *socket) { m_upstream = socket; }

    // Writes to the client's socket or the upstream's (if still connected) and records it on that socket's leg;
    // forwardedFrom >= 0: the bytes are the other socket's frames from that offset of its stream, unchanged.
    void write(QTcpSocket *socket, const QByteArray &bytes, qint64 forwardedFrom = -1);
    // Hands what write() queued since the last flush to the kernel at once.
    void flush();

private:
    ProxiedRecording *m_recording = nullptr;
    QPointer<QTcpSocket> m_client;
    QPointer<QTcpSocket> m_upstream;
    // write() queued bytes on that socket that flush() has not pushed yet.
    bool m_clientUnflushed = false;
    bool m_upstreamUnflushed = false;
};

} // namespace wsi
