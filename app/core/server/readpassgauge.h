// ReadPassGauge: which clients each event-loop pass reads, to write a lone client's answers at once.
#pragma once

#include <QObject>

namespace wsi {

// Which clients the local test server reads from in each event-loop pass: whether a single client is
// talking with the server to itself, or several share it.
//
// Why it matters: when one client talks alone, the server is mostly idle and the round trip is what limits
// the client, so each answer is best written the moment it exists (the client can already send its next
// message while the server decodes the rest of the read). As soon as several clients talk, the server's CPU
// is the limit and every extra write is a syscall taken from all of them: answers are gathered and written
// once per read. Measured in bench/server_load.sh (docs/architecture.md, "Local server").
class ReadPassGauge : public QObject
{
    Q_OBJECT
public:
    // This many passes in a row that read only the same client make it the one talking alone.
    static constexpr int kSteadyPasses = 4;

    explicit ReadPassGauge(QObject *parent = nullptr);

    // reader is about to be read from (any stable identity of the client).
    void noteRead(const void *reader)
    {
        if (m_countedPass != m_pass) {
            closePass();
            m_countedPass = m_pass;
        }
        if (m_readers == 0 || reader != m_reader) // a client read twice in a row is still one client
            ++m_readers;
        m_reader = reader;
    }
    // reader has been the only client read in the last kSteadyPasses passes that read anyone.
    bool talksAlone(const void *reader) const { return m_streak >= kSteadyPasses && m_streakReader == reader; }

private:
    void closePass()
    {
        if (m_readers == 1 && m_reader == m_streakReader) {
            ++m_streak;
        } else if (m_readers == 1) {
            m_streakReader = m_reader;
            m_streak = 1;
        } else {
            m_streakReader = nullptr;
            m_streak = 0;
        }
        m_readers = 0;
    }

    quint64 m_pass = 0; // event-loop passes (the dispatcher's awake signal)
    quint64 m_countedPass = 0; // the pass m_readers counts
    int m_readers = 0; // clients read in the counted pass so far (a repeat in a row counts once)
    const void *m_reader = nullptr; // the last client read in it
    const void *m_streakReader = nullptr; // the client alone in the passes before
    int m_streak = 0; // how many passes in a row
};

} // namespace wsi
