// What the language tests share: switching the application's translator and picking a decoder's one message.
#pragma once

#include "decode/decodedmessage.h"
#include "language/translations.h"

#include <QList>

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
