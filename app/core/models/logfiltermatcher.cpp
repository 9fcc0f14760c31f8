// LogFilterMatcher: whether one row of the log matches the filter's or find's text or regular expression.
#include "models/logfiltermatcher.h"

#include "models/eventlogmodel.h"
#include "store/eventstore.h"
#include "store/eventtypetext.h"

#include <QCoreApplication>
#include <QStringDecoder>

#include <algorithm>
#include <cstring>

namespace wsi {

namespace {

// The type labels as UTF-8, one per type and per frame opcode, built once (eventTypeText makes a
// QString every call). A pattern is tested against each label once, when it is set, not once per row.
const std::vector<QByteArray> &typeLabels()
{
    static const std::vector<QByteArray> labels = [] {
        std::vector<QByteArray> list;
        EventRecord probe;
        for (int t = 0; t <= int(EventType::Tls); ++t) {
            probe.type = EventType(t);
            list.push_back(eventTypeText(probe).toUtf8());
        }
        probe.type = EventType::Message;
        probe.flags = FlagText;
        list.push_back(eventTypeText(probe).toUtf8());
        probe.type = EventType::Frame;
        for (int opcode = 0; opcode < 16; ++opcode) {
            probe.sub = quint8(opcode);
            list.push_back(eventTypeText(probe).toUtf8());
        }
        return list;
    }();
    return labels;
}

size_t typeLabelIndex(const EventRecord &r)
{
    constexpr size_t kText = size_t(EventType::Tls) + 1;
    if (r.type == EventType::Message && r.hasFlag(FlagText))
        return kText;
    if (r.type == EventType::Frame)
        return kText + 1 + (r.sub & 0xf);
    return size_t(r.type);
}

// UTF-8 to UTF-16 into a buffer kept per thread: a filter pass over a million rows must not allocate a
// QString per row.
const QString &decodeReusing(QByteArrayView bytes)
{
    thread_local QString buffer;
    thread_local QStringDecoder decoder(QStringDecoder::Utf8);
    buffer.resize(bytes.size());
    QChar *end = decoder.appendToBuffer(buffer.data(), bytes);
    buffer.truncate(end - buffer.constData());
    decoder.resetState();
    return buffer;
}

inline char lowerAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
}

// ASCII case-insensitive search; the needle is already lower case. memchr for both cases of the first byte
// keeps it near memchr speed on long payloads.
bool containsAsciiNoCase(QByteArrayView hay, QByteArrayView needle)
{
    const qsizetype n = needle.size();
    if (n == 0)
        return true;
    if (hay.size() < n)
        return false;
    const char first = needle[0];
    const char firstUpper = (first >= 'a' && first <= 'z') ? char(first - 32) : first;
    const char *p = hay.data();
    const char *const last = hay.data() + hay.size() - n;
    while (p <= last) {
        const char *a = static_cast<const char *>(std::memchr(p, first, size_t(last - p + 1)));
        const char *b = firstUpper != first
            ? static_cast<const char *>(std::memchr(p, firstUpper, size_t(last - p + 1)))
            : nullptr;
        const char *hit = !a ? b : !b ? a : std::min(a, b);
        if (!hit)
            return false;
        qsizetype k = 1;
        while (k < n && lowerAscii(hit[k]) == needle[k])
            ++k;
        if (k == n)
            return true;
        p = hit + 1;
    }
    return false;
}

// What free text is matched against, beyond the type label: the payload, except for frames (their payload is
// the binary header) and closes (the code and its name count too).
QByteArrayView searchablePayload(const EventStore &store, qsizetype eventIndex, const EventRecord &r)
{
    if (r.type == EventType::Frame)
        return {};
    return store.payload(eventIndex);
}

} // namespace

LogFilterMatcher LogFilterMatcher::make(const QString &pattern, bool regex, QString *error)
{
    LogFilterMatcher m;
    if (error)
        error->clear();
    if (pattern.isEmpty())
        return m;
    m.active = true;
    m.regex = regex;
    m.pattern = pattern;
    if (regex) {
        m.expression = QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption);
        if (!m.expression.isValid()) {
            m.invalid = true;
            if (error)
                *error = QCoreApplication::translate(
                    "wsi::LogFilterModel", "Invalid regular expression \"%1\" at offset %2: %3")
                             .arg(pattern)
                             .arg(m.expression.patternErrorOffset())
                             .arg(m.expression.errorString());
            return m;
        }
        m.expression.optimize();
    } else {
        bool ascii = true;
        for (QChar c : pattern)
            ascii = ascii && c.unicode() < 0x80;
        if (ascii)
            m.asciiLower = pattern.toLatin1().toLower();
        else
            m.text = pattern;
    }
    for (const QByteArray &label : typeLabels()) {
        const QString text = QString::fromUtf8(label);
        m.labelHits.push_back(
            regex ? m.expression.match(text).hasMatch() : text.contains(pattern, Qt::CaseInsensitive));
    }
    return m;
}

bool LogFilterMatcher::matches(const EventStore &store, qsizetype eventIndex, QByteArrayView decoded) const
{
    if (!active)
        return true;
    if (invalid)
        return false;
    const EventRecord &r = store.at(eventIndex);
    if (labelHits[typeLabelIndex(r)])
        return true;
    const QByteArrayView payload = searchablePayload(store, eventIndex, r);
    if (regex) {
        if (r.type == EventType::Close && expression.match(EventLogModel::previewText(store, eventIndex)).hasMatch())
            return true;
        if (!decoded.isEmpty() && expression.match(decodeReusing(decoded)).hasMatch())
            return true;
        return !payload.isEmpty() && expression.match(decodeReusing(payload)).hasMatch();
    }
    if (!asciiLower.isEmpty()) {
        if (containsAsciiNoCase(payload, asciiLower) || containsAsciiNoCase(decoded, asciiLower))
            return true;
        return r.type == EventType::Close
            && containsAsciiNoCase(EventLogModel::previewText(store, eventIndex).toUtf8(), asciiLower);
    }
    if (decodeReusing(payload).contains(text, Qt::CaseInsensitive))
        return true;
    if (!decoded.isEmpty() && decodeReusing(decoded).contains(text, Qt::CaseInsensitive))
        return true;
    return r.type == EventType::Close
        && EventLogModel::previewText(store, eventIndex).contains(text, Qt::CaseInsensitive);
}

bool LogFilterMatcher::matchesText(const QString &shown) const
{
    if (!active)
        return true;
    if (invalid)
        return false;
    return regex ? expression.match(shown).hasMatch() : shown.contains(pattern, Qt::CaseInsensitive);
}

} // namespace wsi
