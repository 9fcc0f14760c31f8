// RecordedText: a sentence the app records in a session (an error or info row), kept as its English source and
// its arguments, so that files always hold English while the window shows it in the user's language.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <functional>

#include <memory>
#include <vector>

namespace wsi {

// A session file must not depend on the language of the window that recorded it (a Korean window used to write
// Korean `message` fields): rows are recorded with english() and shown with translated(), which looks the same
// source up again in the current language, so a row recorded before a language switch follows the switch.
// Spell each source with QT_TRANSLATE_NOOP(context, "...") at the call site so lupdate sees it.
class RecordedText
{
public:
    RecordedText() = default;
    // context and source as QCoreApplication::translate takes them; n: the count of a "%n" plural, or -1.
    RecordedText(const char *context, const char *source, int n = -1);
    // Words that are not the app's own (Qt's error text, a peer's reason, a URL): the same in every language.
    static RecordedText plain(const QString &text);
    // Words made by code that translates as it goes (a validation, a list of TLS reasons): say() runs now, once
    // in English (an EnglishScope) and once in the window's language. The window shows the latter while that
    // language is in effect and the English otherwise, so a switch to English is followed, a switch from
    // English to Korean is not (say() is not run again: it may read files or be gone).
    static RecordedText captured(const std::function<QString()> &say);

    // Fill the next %1, %2... in order, all at once when the text is rendered: a value containing "%1" is
    // never substituted into again (unlike chained QString::arg).
    RecordedText arg(const QString &value) const;
    RecordedText arg(qint64 value) const;
    RecordedText arg(const RecordedText &value) const;
    // This text followed by another (a sentence added to a message).
    RecordedText operator+(const RecordedText &tail) const;

    bool isEmpty() const;
    QString english() const; // what is recorded: session files, journals, the CLI
    QString translated() const; // what the window shows, in the language in effect now

    // For a log of millions of rows (ProtocolLog): the text as bytes in an arena instead of shared objects, and
    // back. The bytes hold the sources' addresses (QT_TRANSLATE_NOOP literals live as long as the program), so
    // they mean something in this process only and are never written to a file. unpacked() of bytes that
    // packed() did not make is an empty text.
    QByteArray packed() const;
    static RecordedText unpacked(QByteArrayView bytes);

private:
    struct Piece;
    QString render(bool translate) const;
    RecordedText withArg(const RecordedText &value) const;
    void packInto(QByteArray &out) const;
    static bool unpackFrom(QByteArrayView &bytes, RecordedText &text, int depth);

    std::vector<std::shared_ptr<const Piece>> m_pieces;
};

} // namespace wsi
