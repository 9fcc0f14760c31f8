// RecentInMessages: where a leg's last `in` message lines are, so that a "payload_of" line can be resolved.
#include "files/recentinmessages.h"

#include "files/sessioneventdecoder.h"
#include "language/recordedtext.h"
#include "store/eventstore.h"

namespace wsi {

namespace {

// The reader's words (its translation context): an import's error names the file's problem the same way.
RecordedText said(const char *source)
{
    return RecordedText("wsi::SessionLogReader", source);
}

} // namespace

void RecentInMessages::add(qsizetype row)
{
    ++m_count;
    m_rows[m_count % kKept] = row;
}

bool RecentInMessages::resolve(
    SessionEventDecoder &decoder, const EventStore *events, const char *leg, RecordedText *error) const
{
    const quint64 number = decoder.payloadOf();
    if (number == 0 || number > m_count || !events) {
        *error
            = said(QT_TRANSLATE_NOOP("wsi::SessionLogReader",
                       "\"payload_of\":%1 names no \"in\" message of the %2 leg before it (that leg has %3 so far)."))
                  .arg(qint64(number))
                  .arg(QString::fromLatin1(leg))
                  .arg(qint64(m_count));
        return false;
    }
    if (number + kKept <= m_count) {
        *error = said(QT_TRANSLATE_NOOP("wsi::SessionLogReader",
                          "\"payload_of\":%1 names an \"in\" message of the %2 leg older than its last %3 (it has %4 "
                          "so far): a writer names only recent ones, so that a reader need not keep every payload."))
                     .arg(qint64(number))
                     .arg(QString::fromLatin1(leg))
                     .arg(qint64(kKept))
                     .arg(qint64(m_count));
        return false;
    }
    const qsizetype row = m_rows[number % kKept];
    const EventRecord named = events->at(row);
    if (named.hasFlag(FlagText) != decoder.record().hasFlag(FlagText)) {
        *error = said(QT_TRANSLATE_NOOP("wsi::SessionLogReader",
                          "\"payload_of\":%1 names a message of the %2 leg that is not of this message's type (text "
                          "or binary)."))
                     .arg(qint64(number))
                     .arg(QString::fromLatin1(leg));
        return false;
    }
    decoder.resolvePayload(events->payloadCopy(row));
    return true;
}

} // namespace wsi
