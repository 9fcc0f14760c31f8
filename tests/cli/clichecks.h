#pragma once

// What every tst_cli_* checks in wsinspector-cli's output: the session log rules every stream follows
// (docs/session-format.md), handshake header lists, the expected Sec-WebSocket-Accept, a one-line stderr reason.

#include "clirun.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

// Checks what every stream must have; returns the first problem, or an empty string. `serve` streams
// have a listening line (no conn) second, and interleave connections (t_us ordered per connection).
inline QString checkSessionLog(const CliRun &run)
{
    static const QRegularExpression isoTime(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$"));
    if (!run.problems.isEmpty())
        return run.problems.first();
    if (run.lines.isEmpty())
        return QStringLiteral("no output");
    const QJsonObject header = run.lines.first();
    if (header.value(QLatin1String("format")).toString() != QLatin1String("wsinspector-session/4"))
        return QStringLiteral("the first line has no format wsinspector-session/4");
    if (header.value(QLatin1String("event")).toString() != QLatin1String("session"))
        return QStringLiteral("the first line is not the session event");
    QHash<int, double> lastUs;
    for (qsizetype i = 0; i < run.lines.size(); ++i) {
        const QJsonObject &o = run.lines[i];
        const QString where = QStringLiteral("line %1 (%2): ")
                                  .arg(i + 1)
                                  .arg(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
        if (!o.value(QLatin1String("event")).isString() || o.value(QLatin1String("event")).toString().isEmpty())
            return where + QStringLiteral("no event");
        if (!isoTime.match(o.value(QLatin1String("t")).toString()).hasMatch())
            return where + QStringLiteral("t is not ISO-8601 UTC with milliseconds");
        if (i == 0)
            continue;
        if (i == 1 && o.value(QLatin1String("event")).toString() == QLatin1String("listening")) {
            if (!o.value(QLatin1String("url")).toString().contains(QLatin1String("://127.0.0.1:")))
                return where + QStringLiteral("the listening line has no loopback URL");
            if (!o.value(QLatin1String("t_us")).isDouble())
                return where + QStringLiteral("no t_us");
            continue;
        }
        if (!o.value(QLatin1String("conn")).isDouble())
            return where + QStringLiteral("no conn number");
        const int conn = o.value(QLatin1String("conn")).toInt();
        const double us = o.value(QLatin1String("t_us")).toDouble();
        if (us < lastUs.value(conn))
            return where + QStringLiteral("t_us goes backwards");
        lastUs[conn] = us;
        if (o.contains(QLatin1String("dir"))) {
            const QString dir = o.value(QLatin1String("dir")).toString();
            if (dir != QLatin1String("in") && dir != QLatin1String("out"))
                return where + QStringLiteral("dir is neither in nor out");
        }
    }
    return {};
}

inline QStringList headerValues(const QJsonArray &headers, const QString &name)
{
    QStringList values;
    for (const QJsonValue &h : headers) {
        const QJsonArray pair = h.toArray();
        if (pair.at(0).toString().compare(name, Qt::CaseInsensitive) == 0)
            values << pair.at(1).toString();
    }
    return values;
}

// The header lines of a raw HTTP head, as [name, value] pairs in order.
inline QList<QPair<QString, QString>> headersOfRaw(const QString &raw)
{
    QList<QPair<QString, QString>> headers;
    const QStringList lines = raw.split(QStringLiteral("\r\n"));
    for (qsizetype i = 1; i < lines.size() && !lines[i].isEmpty(); ++i) {
        const qsizetype colon = lines[i].indexOf(QLatin1Char(':'));
        headers.append({ lines[i].left(colon), lines[i].mid(colon + 1).trimmed() });
    }
    return headers;
}

inline QList<QPair<QString, QString>> headersOfJson(const QJsonArray &headers)
{
    QList<QPair<QString, QString>> pairs;
    for (const QJsonValue &h : headers)
        pairs.append({ h.toArray().at(0).toString(), h.toArray().at(1).toString() });
    return pairs;
}

inline QString expectedAccept(const QString &key)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(key.toLatin1() + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11", QCryptographicHash::Sha1)
            .toBase64());
}

inline bool isOneLineReason(const QByteArray &err)
{
    return err.startsWith("wsinspector-cli: ") && err.endsWith('\n') && err.count('\n') == 1 && err.size() > 20;
}

// A serve or proxy stopped with finish(): it ended by itself with exit 0, its session log follows the rules,
// and its second line is the listening line (into *listening). Returns the first problem, or an empty string.
inline QString checkStoppedServer(const CliRun &run, QJsonObject *listening)
{
    if (!run.exited || run.exitCode != 0)
        return QStringLiteral("not a clean stop: ") + run.describe();
    const QString problem = checkSessionLog(run);
    if (!problem.isEmpty())
        return problem;
    *listening = run.lines.value(1);
    if (listening->value(QLatin1String("event")).toString() != QLatin1String("listening"))
        return QStringLiteral("the second line is not the listening line");
    return {};
}

// Refused usage: the CLI ended by itself with exit 2, printed nothing, and said why on one stderr line that
// mentions `mentions`. Returns the first problem, or an empty string.
inline QString checkUsageRefusal(const CliRun &run, const QString &mentions)
{
    if (!run.exited || run.exitCode != kUsage)
        return QStringLiteral("not refused as usage: ") + run.describe();
    if (!isOneLineReason(run.err) || !QString::fromUtf8(run.err).contains(mentions))
        return QStringLiteral("no one-line reason mentioning %1: %2").arg(mentions, QString::fromUtf8(run.err));
    if (!run.out.isEmpty())
        return QStringLiteral("printed something: ") + QString::fromUtf8(run.out.left(300));
    return {};
}
