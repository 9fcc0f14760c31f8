// AutomaticMarks: which messages of the client's stream the app sent itself, told before they are written.
#pragma once

#include <QList>

#include <atomic>
#include <mutex>

namespace wsi {

// The GUI thread says "the n-th message of the client's stream is the app's own" before it hands the message to its
// QWebSocket; the tap's recorder reads the marks on the capture thread before it decodes each read. Posting the mark
// to the capture thread instead lost it whenever the tap was already reading when the message was written (the read
// took the message before the posted mark ran: tst_cli_protocolpeers' automatic pongs). Here the mark is in place
// before the bytes reach the socket, so before any read that can hold them.
class AutomaticMarks
{
public:
    void add(quint64 ordinal);
    // The marks added since the last call, ascending; nothing and no lock while there are none.
    QList<quint64> take();

private:
    std::atomic<bool> m_pending { false };
    std::mutex m_mutex;
    QList<quint64> m_marks;
};

} // namespace wsi
