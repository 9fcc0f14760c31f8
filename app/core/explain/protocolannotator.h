// ProtocolAnnotator: reads a connection's recorded rows in order and says what each message holds in the
// protocol that rides on it (Socket.IO, STOMP, GraphQL, JSON-RPC, MQTT, SignalR), pairing replies.
#pragma once

#include "decode/decodedmessage.h"
#include "decode/pairingrule.h"
#include "decode/pairmatcher.h"
#include "decode/protocoldetector.h"
#include "store/eventrecord.h"

#include <QByteArrayView>
#include <QList>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <optional>

namespace wsi {

class ProtocolDecoder;
class RulePairer;

// Sans-IO over recorded rows, so a live connection and an imported session decode the same way: the Open
// row gives the negotiated subprotocol, the first messages what detection needs, and every message row
// (from detection on) its decoded messages. Replies are paired with their requests by the decoders'
// pairing keys, and by the user's PairingRule when there is one (alongside any protocol, or with "none");
// latencies come from the rows' own times.
class ProtocolAnnotator
{
public:
    // A request waits this long for its reply before it no longer pairs.
    static constexpr qint64 kPairTimeoutUs = qint64(60) * 1000 * 1000;
    // How often (in recorded time) requests past the timeout are dropped; a request may pair up to this late.
    static constexpr qint64 kExpiryStepUs = qint64(1000) * 1000;

    struct Annotation
    {
        QList<DecodedMessage> messages; // empty: not a message, or nothing decoded (yet)
        std::optional<qint64> requestTimeUs; // this row answers the request recorded at that time
        double latencyMs = 0;
        // For views that list pairs (PairsModel): the labels (method, event...) of the requests this row
        // opened, in order, and every request it answers: its row (as given to next()) and its place among
        // the requests that row opened (a JSON-RPC batch opens several in one row).
        struct Answered
        {
            qint64 row = -1;
            int request = 0;
        };
        QStringList openedLabels;
        QList<Answered> answered;
    };

    // protocolOrAuto: "auto", "none" or a ProtocolDecoder id. clientDirection: the direction the client's
    // messages have in the rows (Outgoing for our own connections, Incoming for the test server's clients).
    // rule: the user's own pairing rule; an unset or invalid one pairs nothing.
    explicit ProtocolAnnotator(const QString &protocolOrAuto, Direction clientDirection = Direction::Outgoing,
        const PairingRule &rule = PairingRule());
    ~ProtocolAnnotator();

    void setUrl(const QUrl &url);
    // The next row, in recording order; row (its index in the store, when known) is what answered
    // reports for a request.
    Annotation next(const EventRecord &record, QByteArrayView payload, qint64 row = -1);

    // Whether next() says nothing of any row from now on: detection gave up (or the protocol is "none") and no
    // rule pairs. Readers may skip the rest without fetching a payload.
    bool readsNoMore() const { return m_off && !m_rule; }

    QString protocol() const; // the decoder in use, or empty
    QString reason() const { return m_detector.reason(); }
    QString variant() const { return m_detector.variant(); } // what detection learned: "EIO=3", "v12.stomp"...

private:
    // What the detected protocol's decoder says of the row, and the pairs by its keys.
    Annotation decode(const EventRecord &record, QByteArrayView payload, qint64 row);
    // Adds the pairs of the user's rule to what the decoder said.
    void pairByRule(Annotation *annotation, const EventRecord &record, QByteArrayView payload, qint64 row);
    // The matcher's sequence number for the next request the row opens (see kRequestBits).
    static qint64 requestSeq(qint64 row, const Annotation &annotation);
    static void notePair(Annotation *annotation, const PairMatcher::Pair &pair);

    ProtocolDetector m_detector;
    std::unique_ptr<ProtocolDecoder> m_decoder;
    PairMatcher m_pairs;
    std::unique_ptr<RulePairer> m_rule; // null: no rule
    Direction m_clientDirection;
    bool m_off = false;
    int m_messagesSeen = 0; // before a protocol was found
    qint64 m_lastExpiryUs = 0;
    // The matcher's sequence number of a request: its row and its place among the row's requests.
    static constexpr int kRequestBits = 16;
};

} // namespace wsi
