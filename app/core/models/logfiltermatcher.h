// LogFilterMatcher: whether one row of the log matches the filter's or find's text or regular expression.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QRegularExpression>
#include <QString>

#include <vector>

namespace wsi {

class EventStore;

// The matching rule of the log filter, shared with tests and the benchmark: made once per pattern, then asked
// per row. matches() reads what was recorded (type label, payload, decoded summary and terms, all in English);
// matchesText() reads what the window shows in its language, which LogFilterModel asks for only for the rows
// whose shown words can differ from the record (see ShownPreview::isWorded and ProtocolLog::searchText).
struct LogFilterMatcher
{
    bool active = false; // a non-empty, valid pattern
    bool invalid = false; // an invalid regex: nothing matches
    bool regex = false;
    QString pattern;
    QByteArray asciiLower; // plain text, all ASCII: searched in the bytes without decoding
    QString text; // plain text with non-ASCII characters
    QRegularExpression expression;
    std::vector<bool> labelHits; // per type label (see typeLabels() in the .cpp): matched once, up front

    static LogFilterMatcher make(const QString &pattern, bool regex, QString *error);
    // decoded: the row's decoded protocol text (ProtocolLog::searchText), matched like the payload.
    bool matches(const EventStore &store, qsizetype eventIndex, QByteArrayView decoded = {}) const;
    // A text the window shows for the row (a translated summary, note or preview).
    bool matchesText(const QString &shown) const;
};

} // namespace wsi
