// RecordedText: a sentence the app records in a session (an error or info row), kept as its English source and
// its arguments, so that files always hold English while the window shows it in the user's language.
#pragma once

#include <QString>

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

private:
    struct Piece;
    QString render(bool translate) const;
    RecordedText withArg(const RecordedText &value) const;

    std::vector<std::shared_ptr<const Piece>> m_pieces;
};

} // namespace wsi
