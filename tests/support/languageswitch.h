// What the language tests share: switching the application's translator and picking a decoder's one message.
#pragma once

#include "decode/decodedmessage.h"
#include "language/translations.h"

#include <QJsonObject>
#include <QList>
#include <QTest>

// The window's language: Korean and English, as Preferences applies them.
inline void useKorean()
{
    wsi::Translations::forApplication()->apply(QStringLiteral("ko"));
}

inline void useEnglish()
{
    wsi::Translations::forApplication()->apply(QStringLiteral("en"));
}

// The message a decoder read from one WebSocket message, or an empty one when it read none or several.
inline wsi::DecodedMessage only(const QList<wsi::DecodedMessage> &messages)
{
    return messages.size() == 1 ? messages.first() : wsi::DecodedMessage();
}

// SignalR's JSON protocol: a message is its JSON followed by the record separator.
inline QByteArray signalRRecord(const QByteArray &json)
{
    return json + '\x1e';
}

// One decoded message's summary, and what it reads in each language.
struct SummaryCase
{
    wsi::DecodedMessage message;
    QString english;
    QString korean;
};

// Each summary is English with the English translator, the Korean text once Korean is applied (it stays so),
// and what the CLI prints and the session files keep (`summary`) stays English. The caller checks
// QTest::currentTestFailed() after it.
inline void verifySummariesInBothLanguages(const QList<SummaryCase> &cases)
{
    for (const SummaryCase &c : cases) {
        QCOMPARE(c.message.summary, c.english);
        QCOMPARE(c.message.translatedSummary(), c.english);
    }
    useKorean();
    for (const SummaryCase &c : cases) {
        QCOMPARE(c.message.translatedSummary(), c.korean);
        QCOMPARE(c.message.summary, c.english);
        QCOMPARE(c.message.toJson().value(QLatin1String("summary")).toString(), c.english);
    }
}
