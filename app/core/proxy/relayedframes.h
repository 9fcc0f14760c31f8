// RelayedFrames: one direction of a reverse proxy client's frames, from whole frames through the hook, held or not.
#pragma once

#include "protocol/frameheader.h"
#include "proxy/framehook.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QVarLengthArray>

class QTcpSocket;

namespace wsi {

class Connection;

// The bytes a sender sent wait here until they make whole frames; each whole frame goes through the FrameHook
// (or on unchanged without one). While the hook holds a message of this direction its later data frames and its
// Close stay here, and a sender that closed meanwhile is remembered so that its close follows the held message;
// its pings and pongs go on at once, so that neither peer's keepalive times out while the user decides (issue 13).
// Without a hook the relay copies as little as it can (issue 13: copying every read into a scanner and every
// frame into an outgoing block cost a tenth of the proxy at 10 x 64 KiB): a read's whole frames go on in the
// read's own (implicitly shared) QByteArray, which the receiving socket keeps by reference too. Only the bytes
// of a frame split between two reads are copied.
class RelayedFrames
{
public:
    // Stop reading the sender while its receiver holds more unsent bytes than this; resume below half.
    static constexpr qint64 kMaxUnsentBytes = 4 * 1024 * 1024;
    // Stop reading a held sender once this much of what it sent waits behind its held message: past it, the rest
    // (its pings too) waits in the kernel.
    static constexpr qint64 kMaxWaitingBytes = 4 * 1024 * 1024;

    explicit RelayedFrames(FrameHook::Toward toward)
        : m_toward(toward)
    { }

    FrameHook::Toward toward() const { return m_toward; }
    // A read of the sender's: kept by reference until take() cuts it (its unfinished end is copied). Handing it
    // over (std::move) lets take() cut the frames out of the read's own buffer without copying them.
    void append(QByteArray bytes);
    bool isEmpty() const { return bufferedSize() == 0; }
    qsizetype bufferedSize() const { return m_waiting.size() + m_partial.size() + (m_read.size() - m_readStart); }

    // Appends to out, in order, the blocks to write: the whole frames as the hook rewrote them, or unchanged
    // without a hook (a read of whole frames only is appended itself, not a copy). Stops after a message the
    // hook holds; while one is held, appends only the pings and pongs behind it.
    void take(FrameHook *hook, Connection *connection, QByteArrayList &out);
    // The bytes of the sender's frames take() has cut so far: where the next frame starts in the sender's frame
    // stream. Without a hook the blocks of a take() are that stream from here on, unchanged (the recorder of the
    // receiving leg finds the messages the sending leg decoded by it: ProxiedTransport::recordForwarded).
    quint64 takenBytes() const { return m_taken; }
    // More than a whole frame of maxFrameBytes (and its longest header) waits while nothing is held: too large.
    bool overflows(qint64 maxFrameBytes) const { return !m_held && bufferedSize() > maxFrameBytes + 14; }

    // A piece of the sender's bytes: buffer[from, from + size).
    struct Piece
    {
        QByteArray buffer;
        qsizetype from;
        qsizetype size;
    };
    using Pieces = QVarLengthArray<Piece, 4>;
    // Without a hook, after take(): where the last append()'s bytes are now, in order, as pieces of the blocks that
    // take() appended to out (which start at outFrom, takenBytes() before it) and of what waits here. Issue 12:
    // the proxy thread records a read by these pieces after the cut, as a step that shared the read itself would
    // make the cut copy it (a buffer shared is copied to be cut) and keep the whole read alive until applied.
    Pieces lastRead(const QByteArrayList &out, quint64 outFrom) const;

    bool isHeld() const { return m_held; }
    // The sender is not read while the receiver is full, or while a message is held and more than kMaxWaitingBytes
    // wait behind it (resumed by release()).
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
    // m_partial starts with a frame: moves as many of the read's bytes behind it as that frame needs. Its length
    // once it is whole, else 0.
    qsizetype completeFirstPartialFrame(FrameHeader *header);
    // The whole frames at the front of the read's bytes not cut yet, each through the hook if there is one.
    void takeFromRead(FrameHook *hook, Connection *connection, QByteArray &hookOut, QByteArrayList &out);
    // What is left of the read joins m_partial (a copy), so that the next read can be kept by reference.
    void keepRestOfRead();
    // While held: the whole frames behind the held message move to m_waiting, except pings and pongs, which go on
    // (as one block appended to out) unless a Close waits ahead of them.
    void passControlFramesWhileHeld(QByteArrayList &out);

    FrameHook::Toward m_toward;
    // The bytes not relayed yet are m_partial, then m_read from m_readStart. m_partial holds copies: the start
    // of a frame an earlier read did not finish, or frames that wait behind a held message.
    QByteArray m_partial;
    // While held: the whole data frames (and Close) behind the held message, in order; they go first on release.
    QByteArray m_waiting;
    bool m_closeWaits = false; // a Close is in m_waiting: nothing passes it
    QByteArray m_read; // the last read, shared with whoever read it
    qsizetype m_readStart = 0;
    quint64 m_taken = 0;
    quint64 m_appended = 0; // the sender's stream offset after the last append()
    quint64 m_lastReadFrom = 0; // ... and before it
    bool m_held = false;
    bool m_senderLeft = false;
};

} // namespace wsi
