// JsonRpcBuilder: JSON-RPC 2.0 calls (ids numbered per connection), notifications and batches.
#pragma once

#include "compose/idcounter.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace wsi {

// Sans-IO. params is an array or an object, or undefined to leave "params" out (the spec allows it).
class JsonRpcBuilder
{
public:
    static QJsonObject callObject(const QString &method, const QJsonValue &params, int id);
    static QJsonObject notificationObject(const QString &method, const QJsonValue &params);
    static QByteArray call(const QString &method, const QJsonValue &params, int id);
    static QByteArray notification(const QString &method, const QJsonValue &params);
    static QByteArray batch(const QJsonArray &objects);

    IdCounter &ids() { return m_ids; }

private:
    IdCounter m_ids;
};

} // namespace wsi
