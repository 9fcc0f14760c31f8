#pragma once

// What the tst_cli_proxy* tests share: the events of a proxy run that were recorded on one leg.

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
