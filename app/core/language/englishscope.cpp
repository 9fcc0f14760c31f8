// EnglishScope: while one lives, QCoreApplication::translate answers this thread in English (the source texts).
#include "language/englishscope.h"

#include <QTranslator>

namespace wsi {

namespace {

thread_local int scopes = 0;

// Answers with the source text inside a scope, and with nothing (so the next translator answers) outside.
// QCoreApplication::translate fills %n into what it gets, as it does for a real translation.
class SourceTextTranslator : public QTranslator
{
public:
    QString translate(const char *, const char *sourceText, const char *, int) const override
    {
        return scopes > 0 && sourceText ? QString::fromUtf8(sourceText) : QString();
    }
    bool isEmpty() const override { return false; }
};

} // namespace

EnglishScope::EnglishScope()
{
    ++scopes;
}

EnglishScope::~EnglishScope()
{
    --scopes;
}

bool EnglishScope::active()
{
    return scopes > 0;
}

QTranslator *EnglishScope::translator()
{
    static SourceTextTranslator instance;
    return &instance;
}

} // namespace wsi
