// EnglishScope: while one lives, QCoreApplication::translate answers this thread in English (the source texts).
#pragma once

class QTranslator;

namespace wsi {

// What goes into a file must be English whatever the window's language, but some texts are made by code that
// translates as it goes (the close explanation, a validation message). Making them inside an EnglishScope gives
// their English without a second, English-only copy of that code. It works through a translator that
// Translations installs in front of the language's own ones: it passes the source text through while a scope
// lives on the calling thread and stays silent otherwise, so no LanguageChange is sent when a scope opens.
class EnglishScope
{
public:
    EnglishScope();
    ~EnglishScope();
    EnglishScope(const EnglishScope &) = delete;
    EnglishScope &operator=(const EnglishScope &) = delete;

    static bool active();
    // The pass-through translator (one per process), for Translations to install last.
    static QTranslator *translator();
};

} // namespace wsi
