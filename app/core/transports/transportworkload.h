// TransportWorkload: what every transport carries in the comparison: when the server pushes, when the client sends.
#pragma once

#include <QByteArray>
#include <QList>

namespace wsi {

// The one workload every transport carries: the server pushes `messages` at irregular times within the duration
// while the client sends `clientMessages`. The times come from a seeded generator, so that a run can be
// repeated and all four transports see exactly the same schedule.
struct TransportWorkload
{
    int messages = 20;
    int clientMessages = 5;
    int durationMs = 3000;
    int pollIntervalMs = 500; // polling only: how often the client asks
    quint32 seed = 15;

    // Sorted offsets from the start, in milliseconds, within [0, durationMs).
    QList<int> serverTimesMs() const;
    QList<int> clientTimesMs() const;
    // The server's message number seq (from 1): a small JSON event, numbered so that the client can tell
    // which one arrived.
    QByteArray serverMessage(int seq) const;
    QByteArray clientMessage(int index) const;
    // The number in a server message, or 0.
    static int sequenceOf(QByteArrayView message);
};

} // namespace wsi
