// ClientFrameBoundary: where the tap's client stream is between two frames, so that an injected frame splits none.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace wsi {

// Follows the bytes the tap's own QWebSocket sends (the HTTP upgrade request, then frames) by their headers alone,
// keeping nothing but the start of an unfinished header. The tap injects a frame only where this says the stream is
// at a boundary; the recorder said so before, but it is on the GUI thread now, behind the tap (issue 12).
class ClientFrameBoundary
{
public:
    void append(QByteArrayView bytes);
    // Past the request head, and neither a header nor a payload is unfinished.
    bool atBoundary() const { return m_headDone && m_frameLeft == 0 && m_header.isEmpty(); }

private:
    bool m_headDone = false;
    int m_headMatched = 0; // how much of "\r\n\r\n" the last bytes matched
    quint64 m_frameLeft = 0; // payload bytes of the current frame still to come
    QByteArray m_header; // a frame header that has not fully arrived
};

} // namespace wsi
