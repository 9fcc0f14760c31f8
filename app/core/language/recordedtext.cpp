// RecordedText: English for the record, the user's language for the window, from one source and its arguments.
#include "language/recordedtext.h"

#include "language/englishscope.h"
#include "language/translations.h"

#include <QCoreApplication>

#include <cstring>

namespace wsi {

// One sentence: a translatable source with its arguments, or plain words. Shared and immutable, so copying a
// RecordedText (into the side table of a leg, a signal) copies pointers.
struct RecordedText::Piece
{
    const char *context = nullptr;
    const char *source = nullptr; // null: `plain` is the text
    int n = -1;
    QString plain; // captured: the English
    QString shown; // captured: the same words in `language`
    QString language; // empty unless captured
    std::vector<RecordedText> args;
};

namespace {

// %1..%99 replaced by args[0..98] in one pass; a placeholder without an argument stays as written.
QString fill(const QString &text, const QStringList &args)
{
    if (args.isEmpty())
        return text;
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('%') && i + 1 < text.size() && text.at(i + 1).isDigit()) {
            qsizetype end = i + 1;
            int number = 0;
            while (end < text.size() && end < i + 3 && text.at(end).isDigit())
                number = number * 10 + text.at(end++).digitValue();
            if (number >= 1 && number <= args.size()) {
                out += args.at(number - 1);
                i = end - 1;
                continue;
            }
        }
        out += c;
    }
    return out;
}

// Little helpers for packed(): fixed-size values copied as bytes, strings as a length and their UTF-8.
template <typename T> void put(QByteArray &out, T value)
{
    out.append(reinterpret_cast<const char *>(&value), sizeof value);
}

void putString(QByteArray &out, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    put(out, quint32(utf8.size()));
    out.append(utf8);
}

template <typename T> bool take(QByteArrayView &bytes, T &value)
{
    if (bytes.size() < qsizetype(sizeof value))
        return false;
    std::memcpy(&value, bytes.data(), sizeof value);
    bytes = bytes.sliced(sizeof value);
    return true;
}

bool takeString(QByteArrayView &bytes, QString &text)
{
    quint32 size = 0;
    if (!take(bytes, size) || bytes.size() < qsizetype(size))
        return false;
    text = QString::fromUtf8(bytes.first(size));
    bytes = bytes.sliced(size);
    return true;
}

enum PieceTag : quint8 { Plain, Source, Captured };
constexpr int kMaxPackDepth = 8; // arguments of arguments: far more than any caller nests

} // namespace

RecordedText::RecordedText(const char *context, const char *source, int n)
{
    auto piece = std::make_shared<Piece>();
    piece->context = context;
    piece->source = source;
    piece->n = n;
    m_pieces.push_back(std::move(piece));
}

RecordedText RecordedText::plain(const QString &text)
{
    RecordedText t;
    auto piece = std::make_shared<Piece>();
    piece->plain = text;
    t.m_pieces.push_back(std::move(piece));
    return t;
}

RecordedText RecordedText::captured(const std::function<QString()> &say)
{
    RecordedText t;
    auto piece = std::make_shared<Piece>();
    {
        const EnglishScope english;
        piece->plain = say();
    }
    piece->language = Translations::effectiveLanguageNow();
    if (piece->language != QLatin1String("en"))
        piece->shown = say();
    t.m_pieces.push_back(std::move(piece));
    return t;
}

RecordedText RecordedText::withArg(const RecordedText &value) const
{
    if (m_pieces.empty())
        return *this;
    // Arguments belong to the last sentence: "A %1." + "B %1." fills each with its own.
    RecordedText t = *this;
    auto last = std::make_shared<Piece>(*t.m_pieces.back());
    last->args.push_back(value);
    t.m_pieces.back() = std::move(last);
    return t;
}

RecordedText RecordedText::arg(const QString &value) const
{
    return withArg(plain(value));
}

RecordedText RecordedText::arg(qint64 value) const
{
    return withArg(plain(QString::number(value)));
}

RecordedText RecordedText::arg(const RecordedText &value) const
{
    return withArg(value);
}

RecordedText RecordedText::operator+(const RecordedText &tail) const
{
    RecordedText t = *this;
    t.m_pieces.insert(t.m_pieces.end(), tail.m_pieces.begin(), tail.m_pieces.end());
    return t;
}

bool RecordedText::isEmpty() const
{
    for (const auto &piece : m_pieces) {
        if (piece->source ? *piece->source != '\0' : !piece->plain.isEmpty())
            return false;
    }
    return true;
}

QString RecordedText::render(bool translate) const
{
    QString out;
    for (const auto &piece : m_pieces) {
        QString text;
        if (!piece->source) {
            const bool shownFits
                = translate && !piece->shown.isEmpty() && piece->language == Translations::effectiveLanguageNow();
            text = shownFits ? piece->shown : piece->plain;
        } else if (translate) {
            text = QCoreApplication::translate(piece->context, piece->source, nullptr, piece->n);
        } else {
            text = QString::fromUtf8(piece->source);
            if (piece->n >= 0)
                text.replace(QLatin1String("%n"), QString::number(piece->n));
        }
        QStringList args;
        args.reserve(qsizetype(piece->args.size()));
        for (const RecordedText &a : piece->args)
            args.append(a.render(translate));
        out += fill(text, args);
    }
    return out;
}

void RecordedText::packInto(QByteArray &out) const
{
    put(out, quint16(m_pieces.size()));
    for (const auto &piece : m_pieces) {
        if (piece->source) {
            put(out, Source);
            put(out, quintptr(piece->context));
            put(out, quintptr(piece->source));
            put(out, qint32(piece->n));
        } else if (!piece->language.isEmpty()) {
            put(out, Captured);
            putString(out, piece->plain);
            putString(out, piece->shown);
            putString(out, piece->language);
        } else {
            put(out, Plain);
            putString(out, piece->plain);
        }
        put(out, quint16(piece->args.size()));
        for (const RecordedText &a : piece->args)
            a.packInto(out);
    }
}

QByteArray RecordedText::packed() const
{
    QByteArray out;
    packInto(out);
    return out;
}

bool RecordedText::unpackFrom(QByteArrayView &bytes, RecordedText &text, int depth)
{
    quint16 pieces = 0;
    if (depth > kMaxPackDepth || !take(bytes, pieces))
        return false;
    for (quint16 i = 0; i < pieces; ++i) {
        auto piece = std::make_shared<Piece>();
        quint8 tag = 0;
        if (!take(bytes, tag))
            return false;
        if (tag == Source) {
            quintptr context = 0;
            quintptr source = 0;
            qint32 n = -1;
            if (!take(bytes, context) || !take(bytes, source) || !take(bytes, n))
                return false;
            piece->context = reinterpret_cast<const char *>(context);
            piece->source = reinterpret_cast<const char *>(source);
            piece->n = n;
        } else if (tag == Captured) {
            if (!takeString(bytes, piece->plain) || !takeString(bytes, piece->shown)
                || !takeString(bytes, piece->language))
                return false;
        } else if (tag != Plain || !takeString(bytes, piece->plain)) {
            return false;
        }
        quint16 args = 0;
        if (!take(bytes, args))
            return false;
        for (quint16 a = 0; a < args; ++a) {
            RecordedText arg;
            if (!unpackFrom(bytes, arg, depth + 1))
                return false;
            piece->args.push_back(std::move(arg));
        }
        text.m_pieces.push_back(std::move(piece));
    }
    return true;
}

RecordedText RecordedText::unpacked(QByteArrayView bytes)
{
    RecordedText text;
    if (!unpackFrom(bytes, text, 0) || !bytes.isEmpty())
        return {};
    return text;
}

QString RecordedText::english() const
{
    return render(false);
}

QString RecordedText::translated() const
{
    // Inside an EnglishScope (what a file gets) the translation is the English.
    return render(!EnglishScope::active());
}

} // namespace wsi
