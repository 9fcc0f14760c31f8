// JournalBatchBytes: a journal batch's bytes, small payloads copied in at once when the batch is posted.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace wsi {

// Where JournalCollector puts the payloads it copies into a batch (JournalWriter::Batch::bytes). Appending each
// 32-byte payload on its own (QByteArray::operator+=, the array grown by doubling from a guess) was half of the
// collection's CPU in a flood of small messages (issue 12): here a payload is only noted where it is (a view of the
// store, valid until control returns to the event loop), and take() copies every noted payload in one pass into an
// array allocated once at its final size. Offsets are those of the final bytes from the start.
class JournalBatchBytes
{
public:
    JournalBatchBytes() { m_pending.reserve(kPendingReserve); }

    // Bytes so far, noted ones included: the offset of the next payload.
    qsizetype size() const { return m_copied.size() + m_pendingBytes; }
    bool isEmpty() const { return size() == 0; }
    // Notes a view to be copied by take(); it must stay valid until then.
    void note(QByteArrayView payload)
    {
        if (payload.isEmpty())
            return;
        m_pending.push_back(payload);
        m_pendingBytes += payload.size();
    }
    // Copies bytes now (a line formatted here, which is gone after the call).
    void append(QByteArrayView bytes);
    // The bytes, noted payloads copied in; leaves this empty for the next batch.
    QByteArray take();

private:
    static constexpr size_t kPendingReserve = 2048; // JournalCollector's rows per batch at most
    void copyPending();

    QByteArray m_copied;
    std::vector<QByteArrayView> m_pending;
    qsizetype m_pendingBytes = 0;
};

} // namespace wsi
