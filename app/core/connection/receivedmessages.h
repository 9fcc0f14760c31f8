// ReceivedMessages: a proxied direction's messages as the receiving leg decoded them, for the forwarding leg.
#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <array>
#include <deque>

namespace wsi {

class EventStore;
class LegWriter;

// A message the proxy forwards unchanged crosses two wires with the same bytes: the leg that received it decodes it
// (unmasks, checks its UTF-8) and the leg that forwards it would do it all again (issue 13: a tenth of the proxy at
// 10 x 64 KiB). The receiving leg's recorder lists here each single-frame, uncompressed data message it decoded
// cleanly, by where its frame starts in the direction's frame stream (the bytes after the upgrade's head); the
// forwarding leg's recorder, given bytes the relay says went on unchanged from a known stream offset, finds the
// same frame here and records it from the receiving leg's row instead of decoding it. Anything else (a message in
// fragments, compressed, broken, edited by a rule, a frame this list has not got) is decoded on each leg as before.
class ReceivedMessages
{
public:
    // Messages smaller than this are decoded on both legs: the bookkeeping would cost what it saves.
    static constexpr qsizetype kMinShared = 1024;
    // The forwarding leg normally takes each message within the same read; a relay that cannot write (its socket
    // gone) leaves them here, so the list forgets its oldest past this many.
    static constexpr qsizetype kMaxListed = 256;

    // received: the receiving leg's events, where the listed rows are.
    explicit ReceivedMessages(const EventStore *received)
        : m_received(received)
    { }
    // received: the receiving leg's writer on the proxy thread (issue 12), whose rows are keys into the batch it is
    // gathering (BatchLegWriter::keyRows): a message whose batch was handed over already is decoded again.
    explicit ReceivedMessages(const LegWriter *received)
        : m_receivedBatch(received)
    { }

    // The receiving leg recorded a message at `row`: its one frame started at streamOffset with headerBytes.
    void add(quint64 streamOffset, QByteArrayView headerBytes, quint64 payloadLength, qsizetype row);
    // The payload of the message whose frame starts at streamOffset with exactly these header bytes (mask key and
    // length included), as the receiving leg recorded it; null when it is not listed or its row no longer holds all
    // of it (released, or cut by the session budget; on the proxy thread: handed over). Forgets the messages listed
    // before that offset.
    QByteArrayView take(quint64 streamOffset, QByteArrayView headerBytes, quint64 payloadLength);
    qsizetype size() const { return qsizetype(m_listed.size()); }

private:
    struct Listed
    {
        quint64 streamOffset;
        quint64 payloadLength;
        qsizetype row;
        std::array<char, 14> header; // a frame header is at most 14 bytes
        quint8 headerSize;
    };
    const EventStore *m_received = nullptr;
    const LegWriter *m_receivedBatch = nullptr;
    std::deque<Listed> m_listed;
};

} // namespace wsi
