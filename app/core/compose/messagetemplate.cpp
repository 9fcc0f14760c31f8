// MessageTemplate: resolves {{timestamp}}, {{uuid}}, {{counter}}, {{random:N}} and user variables at send time.
#include "compose/messagetemplate.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

namespace wsi {

namespace {

const QRegularExpression &variablePattern()
{
    static const QRegularExpression re(QStringLiteral(R"(\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)(?::(\d+))?\s*\}\})"));
    return re;
}

QString randomAlphanumeric(int length)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString out;
    out.reserve(length);
    for (int i = 0; i < length; ++i)
        out += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(int(sizeof alphabet - 1))]);
    return out;
}

} // namespace

QString MessageTemplate::resolve(const QString &text, QStringList *unknown)
{
    const bool usesCounter = text.contains(QLatin1String("counter"));
    const quint64 next = usesCounter ? m_counter + 1 : m_counter;
    const QString out = substitute(text, next, unknown);
    m_counter = next;
    return out;
}

QString MessageTemplate::preview(const QString &text, QStringList *unknown) const
{
    return substitute(text, m_counter + 1, unknown);
}

QString MessageTemplate::substitute(const QString &text, quint64 counter, QStringList *unknown) const
{
    if (!text.contains(QLatin1String("{{")))
        return text;
    QString out;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = variablePattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        last = m.capturedEnd();
        const QString name = m.captured(1);
        const QString argument = m.captured(2);
        if (name == QLatin1String("timestamp") && argument.isEmpty())
            out += QString::number(QDateTime::currentMSecsSinceEpoch());
        else if (name == QLatin1String("iso8601") && argument.isEmpty())
            out += QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        else if (name == QLatin1String("uuid") && argument.isEmpty())
            out += QUuid::createUuid().toString(QUuid::WithoutBraces);
        else if (name == QLatin1String("counter") && argument.isEmpty())
            out += QString::number(counter);
        else if (name == QLatin1String("random") && !argument.isEmpty() && argument.toInt() <= 4096)
            out += randomAlphanumeric(argument.toInt());
        else if (argument.isEmpty() && m_user.contains(name))
            out += m_user.value(name);
        else {
            out += m.captured(0);
            if (unknown)
                unknown->append(m.captured(0));
        }
    }
    out += QStringView(text).mid(last);
    return out;
}

} // namespace wsi
