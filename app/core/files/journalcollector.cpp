// JournalCollector: copies a connection's rows not journaled yet into the journal writer's batches.
#include "files/journalcollector.h"

#include "connection/connection.h"
#include "files/journalbatchbytes.h"
#include "files/journalwriter.h"
#include "files/sessionlogwriter.h"
#include "store/payloadcache.h"

namespace wsi {

namespace {

constexpr qsizetype kBatchEvents = 2048; // rows in one batch for the writer (at most)
// Messages above this travel alone: their payload is copied once, not appended into a batch's bytes.
constexpr quint32 kLargeMessage = 1024 * 1024;
// Payloads from this size on are lent to the writer (EventStore::lendPayload) rather than copied: copying the
// window's test server's 64 KiB echoes was a third of its GUI thread (issue 12). Below it, a copy costs less than
// the shared owner's bookkeeping.
constexpr quint32 kLentPayload = 4096;

// The row's payload lent to the batch (see kLentPayload); false when it cannot be (copy it).
bool lend(const EventStore &store, qsizetype row, JournalWriter::Item &item, JournalWriter::Batch &batch)
{
    std::shared_ptr<const void> owner;
    const QByteArrayView payload = store.lendPayload(row, &owner);
    if (!owner)
        return false;
    if (batch.owners.empty() || batch.owners.back() != owner)
        batch.owners.push_back(std::move(owner));
    item.lent = payload.data();
    item.record.payloadOffset = 0;
    item.record.payloadSize = quint32(payload.size());
    batch.lentBytes += payload.size();
    return true;
}

} // namespace

JournalCollector::Outcome JournalCollector::collect(const Connection &c, int file, const QString &path,
    LegCursor::Position &taken, const QDeadlineTimer &slice, bool bounded,
    const std::shared_ptr<ForwardedPayloads> &forwarded, SpilledRows spilled)
{
    LegCursor rows(c, taken);
    if (rows.atEnd())
        return Outcome::AllTaken;
    if (bounded && m_writer.queuedBytes() > kMaxQueuedBytes)
        return Outcome::WriterBehind;
    // Copied once: a proxied connection's lines name their leg, which the writer thread learns from these (a
    // connection with one wire has no "leg", whichever peer its wire faces).
    const SessionLogWriter::LineContext ownContext = SessionLogWriter::lineContext(c, ConnectionLeg::Facing::Server);
    const SessionLogWriter::LineContext clientLegContext
        = SessionLogWriter::lineContext(c, ConnectionLeg::Facing::Client);
    const ConnectionLeg *clientLeg = c.hasTwoLegs() ? c.leg(ConnectionLeg::Facing::Client) : nullptr;
    const qsizetype left = LegCursor::end(c).lines() - taken.lines();
    // Asked once, not per row: a proxy's marks are few and most connections have none, yet looking each row up in an
    // empty QHash was a part of the collection's CPU in a flood of small messages (issue 12).
    bool anyMarks = false;
    for (const auto facing : { ConnectionLeg::Facing::Server, ConnectionLeg::Facing::Client }) {
        const ConnectionLeg *leg = c.leg(facing);
        anyMarks = anyMarks || (leg && !leg->proxyMarks.isEmpty());
    }
    // Nothing in the spill file: every record and payload is in RAM and stays there for this turn (eviction runs in
    // the event loop), so no row needs the spill reader and none is asked for (a look per row, issue 12).
    const bool prefetchEachRow = spilled == SpilledRows::ReadElsewhere && PayloadCache::instance().spilledBytes() > 0;
    JournalWriter::Batch batch;
    JournalBatchBytes bytes; // batch.bytes until it is posted
    auto startBatch = [&] {
        batch = JournalWriter::Batch();
        batch.file = file;
        batch.path = path;
        batch.context = ownContext;
        batch.clientLegContext = clientLegContext;
        batch.forwarded = forwarded;
        batch.items.reserve(size_t(qMin(left, kBatchEvents)));
    };
    auto post = [&] {
        if (!bytes.isEmpty())
            batch.bytes = bytes.take();
        if (!batch.items.empty()) {
            batch.eventCount = taken.lines();
            m_postedBytes += batch.cost();
            m_lentBytes += batch.lentBytes;
            m_writer.post(std::move(batch));
        }
        startBatch();
    };
    startBatch();
    for (qsizetype done = 0; !rows.atEnd(); ++done) {
        if (qsizetype(batch.items.size()) >= kBatchEvents || bytes.size() + batch.lentBytes >= kBatchBytes) {
            post();
            const bool behind = bounded && m_writer.queuedBytes() > kMaxQueuedBytes;
            if (behind)
                return Outcome::WriterBehind;
            if (slice.hasExpired())
                return Outcome::Sliced;
        }
        if (done % kSliceCheckEvents == kSliceCheckEvents - 1 && slice.hasExpired()) {
            post();
            return Outcome::Sliced;
        }
        if (prefetchEachRow && !rows.prefetchNext()) {
            post();
            return Outcome::WaitingForSpill;
        }
        const LegCursor::Row row = rows.next();
        const EventStore &store = row.leg->events;
        JournalWriter::Item item;
        item.record = store.at(row.index);
        item.clientLeg = row.leg == clientLeg;
        if (SessionLogWriter::needsConnection(item.record.type)
            || (anyMarks && row.leg->proxyMarks.contains(row.index))) {
            const QByteArray line = SessionLogWriter::eventLine(c, row.leg->facing, row.index);
            item.formatted = true;
            item.record.payloadOffset = quint64(bytes.size());
            item.record.payloadSize = quint32(line.size());
            bytes.append(line);
        } else if (item.record.payloadSize >= kLentPayload && lend(store, row.index, item, batch)) {
            // shared, not copied
        } else if (item.record.payloadSize > kLargeMessage) {
            post();
            batch.bytes = store.payloadCopy(row.index); // the store's view is valid only until the event loop runs
            item.record.payloadOffset = 0;
            batch.items.push_back(item);
            taken = rows.position();
            post();
            if (slice.hasExpired())
                return Outcome::Sliced;
            continue;
        } else {
            // Copied when the batch is posted, all at once into bytes allocated at their final size: grown by doubling
            // from nothing, a megabyte of 64 KiB echoes was copied about twice over (issue 12).
            const QByteArrayView payload = store.payload(row.index);
            item.record.payloadOffset = quint64(bytes.size());
            item.record.payloadSize = quint32(payload.size());
            bytes.note(payload);
        }
        batch.items.push_back(item);
        taken = rows.position();
    }
    post();
    return Outcome::AllTaken;
}

} // namespace wsi
