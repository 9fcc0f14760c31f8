// TapBatcher: gathers a tap's recorded chunks into batches for the GUI thread and counts what it has not taken.
#pragma once

#include "capture/tapbatch.h"

#include <QElapsedTimer>
#include <QObject>

#include <functional>

class QTimer;

namespace wsi {

class TapDecoder;

// Lives on the capture thread beside its WireTap. Under a flood a queued signal per read would cost the GUI thread
// an event per read (issue 12: one model update per 16 ms frame); so chunks gather and go as one batch per 16 ms, or
// at once when a batch reaches kMaxBatchBytes. A chunk after a quiet spell (16 ms since the last batch) goes at once,
// and so does every chunk while the opening is urgent: the handshake, a message, a close never wait for a timer.
// The bytes handed over and not yet taken back are counted: the tap stops reading its server past kMaxHeldBytes, so a
// GUI thread slower than the wire holds the sender back through TCP instead of growing memory.
class TapBatcher : public QObject
{
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 16;
    // What the GUI thread may be handed at once is what it decodes in one turn of its event loop (the batches queued
    // when that turn began): 8 MiB of 32-byte messages held it for up to 200 ms, and the window answered 22 of 150
    // _NET_WM_PINGs late in a 5 M flood. 512 KiB is some 15,000 such messages, under 16 ms.
    static constexpr qint64 kMaxBatchBytes = qint64(128) << 10;
    static constexpr qint64 kMaxHeldBytes = qint64(512) << 10;

    // upstreamBacklog: read as each batch leaves.
    explicit TapBatcher(std::function<qint64()> upstreamBacklog, QObject *parent = nullptr);

    void add(Direction direction, bool injected, qint64 timeUs, const QByteArray &bytes);
    // From now on every chunk goes to `decoder` (owned by the tap) as it is added, and batches carry what it made of
    // them instead of the chunks; the bounds still count the chunks' bytes.
    void setDecoder(TapDecoder *decoder) { m_decoder = decoder; }
    // The server side ended: the decoder completes what waited for it (a body read until close), in this batch.
    void upstreamEnded(qint64 timeUs);
    // Injected frame bytes that were written (they are also added as chunks) or dropped.
    void noteInjectionSettled(qint64 bytes);
    // Something the GUI side reads changed without a chunk (the upstream backlog shrank): a batch goes soon.
    void noteStateChanged();
    // Sends what is gathered now (before a signal that must come after these bytes); nothing when nothing changed.
    void flush();
    // Every chunk goes at once while urgent (the opening: the GUI times its handshake from the recorded bytes).
    void setUrgent(bool urgent) { m_urgent = urgent; }

    // The GUI side took a batch of this many bytes.
    void taken(qint64 bytes) { m_held -= bytes; }
    bool holdingTooMuch() const { return m_held >= kMaxHeldBytes; }
    qint64 heldBytes() const { return m_held; }
    qint64 peakHeldBytes() const { return m_peakHeld; }
    quint64 batchesSent() const { return m_batches; }

Q_SIGNALS:
    void ready(const wsi::TapBatch &batch);

private:
    void schedule();

    std::function<qint64()> m_upstreamBacklog;
    TapDecoder *m_decoder = nullptr;
    TapBatch m_batch;
    QTimer *m_timer;
    QElapsedTimer m_sinceLast; // since the last batch left
    qint64 m_held = 0; // gathered + handed over and not taken
    qint64 m_peakHeld = 0;
    quint64 m_batches = 0;
    bool m_stateChanged = false;
    bool m_urgent = true;
};

} // namespace wsi
