// RelayedFrames: one direction of a reverse proxy client's frames, from whole frames through the hook, held or not.
#pragma once

#include "protocol/frameboundaryscanner.h"
#include "proxy/framehook.h"

#include <QByteArray>

class QTcpSocket;

namespace wsi {

class Connection;

// The bytes a sender sent wait here until they make whole frames; each whole frame goes through the FrameHook
// (or on unchanged without one). While the hook holds a message of this direction the later frames stay here,
// and a sender that closed meanwhile is remembered so that its close follows the held message.
class RelayedFrames
{
public:
    // Stop reading the sender while its receiver holds more unsent bytes than this; resume below half.
    static constexpr qint64 kMaxUnsentBytes = 4 * 1024 * 1024;

    explicit RelayedFrames(FrameHook::Toward toward)
        : m_toward(toward)
    { }

    FrameHook::Toward toward() const { return m_toward; }
    void append(QByteArrayView bytes) { m_scanner.append(bytes); }
    bool isEmpty() const { return m_scanner.isEmpty(); }
    qsizetype bufferedSize() const { return m_scanner.bufferedSize(); }

    // Appends the whole frames (as the hook rewrote them) to out, stopping after a message the hook holds.
    void take(FrameHook *hook, Connection *connection, QByteArray &out);
    // More than a whole frame of maxFrameBytes (and its longest header) waits while nothing is held: too large.
    bool overflows(qint64 maxFrameBytes) const { return !m_held && bufferedSize() > maxFrameBytes + 14; }

    bool isHeld() const { return m_held; }
    // The sender is not read while a message is held (resumed by release()) or the receiver is full.
    bool readPaused(const QTcpSocket *receiver) const;
    // The receiver drained to half the bound: a paused sender may be read again.
    static bool drained(const QTcpSocket *receiver);
    // The hook let its held message go; false when nothing was held.
    bool release();
    // The sender closed while a message was held: its close waits for the release.
    void senderLeftWhileHeld() { m_senderLeft = true; }
    // Whether the sender left while held, once (the caller closes for it now).
    bool takeSenderLeft();

private:
    FrameHook::Toward m_toward;
    FrameBoundaryScanner m_scanner;
    bool m_held = false;
    bool m_senderLeft = false;
};

} // namespace wsi
