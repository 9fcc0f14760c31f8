// HeadText: recorded HTTP head bytes as text a person can read, with or without its secrets masked.
#include "handshake/headtext.h"

#include "explain/secretmasker.h"

namespace wsi {

QString HeadText::raw(const QByteArray &head)
{
    QString text;
    text.reserve(head.size());
    for (qsizetype i = 0; i < head.size(); ++i) {
        const auto c = static_cast<unsigned char>(head.at(i));
        if (c == '\r' && i + 1 < head.size() && head.at(i + 1) == '\n') {
            text += QStringLiteral("\n");
            ++i;
        } else if (c == '\t' || (c >= 0x20 && c < 0x7f)) {
            text += QLatin1Char(char(c));
        } else {
            text += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
        }
    }
    return text;
}

QString HeadText::masked(const QByteArray &head)
{
    static const QString escapedMask = raw(QByteArray(SecretMasker::kMask));
    return raw(SecretMasker::maskHttpHead(head)).replace(escapedMask, QString::fromUtf8(SecretMasker::kMask));
}

} // namespace wsi
