// ProxiedRecording: what a ProxiedClient records, straight into its Connection or gathered for the GUI thread.
#pragma once

#include "connection/connectionleg.h"
#include "language/recordedtext.h"
#include "proxy/proxiedbatch.h"
#include "proxy/relayedframes.h"
#include "store/eventrecord.h"

#include <QPointer>

#include <memory>

namespace wsi {

class Connection;
class ProxiedDecoder;
struct TlsReport;

// The ProxiedClient's side of ProxiedTransport (the calls mean what they mean there). Two ways:
// - direct: the client and its Connection are on one thread (a proxy with a FrameHook, whose rules mark rows as they
//   decide; the forward proxy): each call goes to the transport at once;
// - batched (issue 12): the client runs on the ProxyThread and the Connection on the GUI thread. Both legs' bytes are
//   decoded here (ProxiedDecoder) and each other call becomes a step of the ProxiedBatch being gathered, between
//   steps that say how far each leg's rows go, which handOver (the ProxyListener) takes: at once while the WebSocket is
//   not open yet (the request, the 101 or the refusal) and for an error, a note or the end, at once past
//   kBatchBytes read, else on the listener's 16 ms tick. Within beginBatch()/endBatch() (one read, relayed and flushed)
//   the hand-over waits for the end, so the relayed bytes have left before their rows are handed over.
class ProxiedRecording
{
public:
    using Facing = ConnectionLeg::Facing;
    // A batch is handed over once it carries this many bytes read from the sockets (the tap's and the server's
    // figure). Read, not recorded: a relayed read is recorded twice (in, and written on), and counting both handed
    // over and acknowledged twice as many batches, each a wake-up of the other thread (issue 12's CPU per echo).
    static constexpr qint64 kBatchBytes = 128 * 1024;
    // A client is not read while this many of its recorded bytes wait unacknowledged by the GUI thread.
    static constexpr qint64 kMaxHeldBytes = 512 * 1024;

    explicit ProxiedRecording(Connection *connection);
    ProxiedRecording(quint64 client, const QString &peer, qint64 acceptedUs, std::function<void()> handOver);
    ~ProxiedRecording();

    void recordLeg(Facing facing, Direction direction, qint64 timeUs, const QByteArray &bytes);
    // recordLeg of bytes[from, from + size), shared with the step (batched) rather than copied.
    void recordLeg(
        Facing facing, Direction direction, qint64 timeUs, const QByteArray &bytes, qsizetype from, qsizetype size);
    // A read recorded after the relay cut its frames (RelayedFrames::lastRead): the pieces are shared, not copied.
    void recordRead(Facing facing, qint64 timeUs, const RelayedFrames::Pieces &pieces);
    // A read from the socket facing `facing`: recorded now (returns -1) or, batched while relayed without a hook
    // (cut: the relay cuts its frames out of it), its time is returned for recordRead once the frames were cut.
    qint64 recordRead(Facing facing, const QByteArray &bytes, bool cut);
    void recordForwarded(Facing facing, qint64 timeUs, const QByteArray &bytes, quint64 streamOffset);
    void decodeForwardedOnce();
    void upstreamConnected(qint64 dnsUs, qint64 tcpUs, qint64 tlsUs);
    void upstreamTls(const TlsReport &report);
    void upstreamFailed(ErrorLayer layer, const RecordedText &message);
    void clientFailed(ErrorLayer layer, const RecordedText &message);
    void note(Facing facing, const RecordedText &message);
    void opened();
    void wireClosed();
    // The rules' calls (ProxyRuleLink): marks and unsettled messages go to the transport like the rest; forRules
    // goes to the rules' side on the GUI thread (a ProxiedStep::forRules), at once.
    void markMessage(Facing facing, Direction direction, quint64 ordinal, const ProxyMark &mark);
    void keepUnsettledMessages();
    void settleMessages(Facing facing, quint64 count);
    void forRules(std::function<void(Connection *)> call);
    // The user's decision or injection was carried out: what it recorded (its marks, the held message written) goes
    // now, not on the next tick, so the rows agree with the peers as soon as they can.
    void handOverNow();
    void beginBatch();
    void endBatch();

    bool isBatched() const { return m_batched; }
    // Batched: the GUI thread is behind (kMaxHeldBytes unacknowledged) or the spill file's disk is
    // (store/DiskBacklog): the client leaves its sockets unread (TCP holds the peers back) until readOn. Held back
    // by the GUI thread, it says it waits (AcknowledgedBytes), so that the next acknowledgement wakes it.
    bool heldBack() const;
    // Recorded bytes handed over (or waiting) that the GUI thread has not acknowledged yet.
    qint64 unacknowledged() const { return m_recorded - m_acknowledged->bytes.load(); }
    // Steps, or bytes read without a row yet (a large message under way): their acknowledgement lets the client read
    // on.
    bool hasSteps() const { return !m_batch.steps.empty() || m_batch.wireBytes > 0; }
    // The steps so far (batched); last: the client finished.
    ProxiedBatch take(bool last);

private:
    // A call: made at once (direct) or a step made now (batched).
    void run(std::function<void(ProxiedTransport &)> call, bool urgent);
    // Batched: appends the step and hands the batch over when it should go.
    void add(ProxiedStep &&step, bool urgent);
    // Batched: bytes the decoder took on the leg facing `facing`: a Rows step for what it decoded from them (the last
    // step grows when it is that leg's Rows step already), then counted as add() counts.
    void addDecoded(Facing facing, Direction direction, qint64 wireBytes);
    void handOverIfDue(bool urgent);

    bool m_batched = false;
    QPointer<Connection> m_connection; // direct
    std::function<void()> m_handOver; // batched
    std::unique_ptr<ProxiedDecoder> m_decoder; // batched
    ProxiedBatch m_batch;
    bool m_firstTaken = false;
    bool m_open = false; // the 101 went through: rows may wait for the tick
    bool m_urgent = false;
    int m_depth = 0;
    qint64 m_recorded = 0; // batched: every byte recorded so far
    std::shared_ptr<AcknowledgedBytes> m_acknowledged = std::make_shared<AcknowledgedBytes>();
    qint64 m_readBytes = 0; // of the batch being gathered
};

} // namespace wsi
