// DecodedMessage: one application-protocol message read from a WebSocket message.
#include "decode/decodedmessage.h"

#include <QCoreApplication>

namespace {
const char kAnonymous[] = QT_TRANSLATE_NOOP("wsi::DecodedMessage", "(anonymous)");
} // namespace

namespace wsi {

QJsonObject DecodedMessage::toJson() const
{
    QJsonObject out = fields;
    out.insert(QStringLiteral("protocol"), protocol);
    out.insert(QStringLiteral("kind"), kind);
    out.insert(QStringLiteral("summary"), summary);
    if (isMalformed()) {
        out.insert(QStringLiteral("note"), note);
        out.insert(QStringLiteral("note_id"), noteId);
    }
    return out;
}

void DecodedMessage::setNote(const QString &id, const RecordedText &text)
{
    noteId = id;
    note = text.english();
    shownNote = text;
}

void DecodedMessage::setSummary(const RecordedText &words)
{
    summary = words.english();
    shownSummary = words;
}

DecodedMessage DecodedMessage::malformed(
    const QString &protocol, const QString &noteId, const RecordedText &note, const QString &kind)
{
    DecodedMessage m;
    m.protocol = protocol;
    m.kind = kind;
    m.setNote(noteId, note);
    const RecordedText kindWords = kind == QLatin1String("malformed")
        ? noteText(QT_TRANSLATE_NOOP("wsi::DecodedMessage", "malformed"))
        : RecordedText::plain(kind); // a packet type or the protocol's own word ("batch"): a token
    m.setSummary(kindWords + RecordedText::plain(QStringLiteral(" (") + noteId + QLatin1Char(')')));
    return m;
}

QString DecodedMessage::anonymousPairLabel()
{
    return QString::fromLatin1(kAnonymous);
}

QString DecodedMessage::shownPairLabel(const QString &label)
{
    return label == QLatin1String(kAnonymous) ? QCoreApplication::translate("wsi::DecodedMessage", kAnonymous) : label;
}

} // namespace wsi
