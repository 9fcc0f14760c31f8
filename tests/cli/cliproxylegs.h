#pragma once

// What the tst_cli_proxy* tests share: the events of a proxy run that were recorded on one leg.

#include "clirun.h"

#include <QJsonObject>
#include <QList>
#include <QString>

inline QList<QJsonObject> onLeg(const QList<QJsonObject> &events, const QString &leg)
{
    QList<QJsonObject> found;
    for (const QJsonObject &o : events) {
        if (o.value(QLatin1String("leg")).toString() == leg)
            found << o;
    }
    return found;
}

// The `message` lines of one direction ("in", "out") on one leg ("client", "server"), in the order printed.
inline QList<QJsonObject> messagesOnLeg(const CliRun &run, const char *dir, const char *leg)
{
    return onLeg(run.events(QStringLiteral("message"), QString::fromLatin1(dir)), QString::fromLatin1(leg));
}
