// EndpointStore: the one store of endpoint options: named endpoints, options last used per URL, recent URLs.
#include "endpoints/endpointstore.h"

#include "endpoints/connectionoptionsjson.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

namespace wsi {

namespace {

constexpr const char *kFormat = "wsinspector-endpoints/1";

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// A parse error offset as the line and column an editor shows.
QString position(const QByteArray &json, int offset)
{
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < json.size(); ++i) {
        if (json.at(i) == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return QCoreApplication::translate("wsi::EndpointStore", "line %1, column %2").arg(line).arg(column);
}

bool parse(const QByteArray &json, QList<Endpoint> *out, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull()) {
        *error = QCoreApplication::translate("wsi::EndpointStore", "The endpoints file is not valid JSON (%1 at %2).")
                     .arg(parseError.errorString(), position(json, parseError.offset));
        return false;
    }
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String(kFormat)) {
        *error = QCoreApplication::translate(
            "wsi::EndpointStore", "This is not a WS Inspector endpoints file (\"format\": \"%1\" expected).")
                     .arg(QLatin1String(kFormat));
        return false;
    }
    const QJsonArray array = root.value(QStringLiteral("endpoints")).toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject o = array.at(i).toObject();
        Endpoint e;
        e.id = o.value(QStringLiteral("id")).toString();
        e.name = o.value(QStringLiteral("name")).toString().trimmed();
        e.folder = o.value(QStringLiteral("folder")).toString().trimmed();
        QString why;
        if (e.name.isEmpty())
            why = QCoreApplication::translate("wsi::EndpointStore", "\"name\" is missing.");
        else
            ConnectionOptionsJson::fromJson(o.value(QStringLiteral("options")).toObject(), &e.options, &why);
        if (!why.isEmpty()) {
            *error = QCoreApplication::translate("wsi::EndpointStore", "Endpoint %1 of %2 in the file is invalid: %3")
                         .arg(i + 1)
                         .arg(array.size())
                         .arg(why);
            return false;
        }
        out->append(e);
    }
    return true;
}

} // namespace

EndpointStore::EndpointStore(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_path(filePath)
{ }

EndpointStore::~EndpointStore() = default;

QString EndpointStore::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/endpoints.json");
}

bool EndpointStore::load(QString *error)
{
    m_endpoints.clear();
    QFile file(m_path);
    if (!file.exists()) {
        Q_EMIT changed();
        return true;
    }
    QString why;
    if (!file.open(QIODevice::ReadOnly))
        why = tr("Cannot read %1: %2.").arg(m_path, file.errorString());
    else if (!parse(file.readAll(), &m_endpoints, &why)) {
        m_endpoints.clear();
        // The next save rewrites the file: keep the user's broken one aside so that nothing is lost.
        const QString kept = m_path + QStringLiteral(".broken-")
            + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        if (QFile::copy(m_path, kept))
            why += QLatin1Char(' ') + tr("The file was kept as %1.").arg(kept);
    }
    Q_EMIT changed();
    if (!why.isEmpty() && error)
        *error = why;
    return why.isEmpty();
}

Endpoint EndpointStore::endpoint(const QString &id) const
{
    for (const Endpoint &e : m_endpoints) {
        if (e.id == id)
            return e;
    }
    return {};
}

QStringList EndpointStore::folders() const
{
    QStringList out;
    for (const Endpoint &e : m_endpoints) {
        if (!e.folder.isEmpty() && !out.contains(e.folder))
            out << e.folder;
    }
    out.sort(Qt::CaseInsensitive);
    return out;
}

QString EndpointStore::uniqueName(const QString &name, const QString &folder) const
{
    auto used = [&](const QString &candidate) {
        for (const Endpoint &e : m_endpoints) {
            if (e.folder == folder && e.name.compare(candidate, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    };
    if (!used(name))
        return name;
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1 (%2)").arg(name).arg(n);
        if (!used(candidate))
            return candidate;
    }
}

QByteArray EndpointStore::exportJson(const QList<Endpoint> &endpoints, bool includeSecrets, bool *secretsRemoved) const
{
    bool removed = false;
    QJsonArray array;
    for (const Endpoint &e : endpoints) {
        bool masked = false;
        array.append(QJsonObject {
            { QStringLiteral("id"), e.id },
            { QStringLiteral("name"), e.name },
            { QStringLiteral("folder"), e.folder },
            { QStringLiteral("options"), ConnectionOptionsJson::toJson(e.options, includeSecrets, &masked) },
        });
        removed |= masked;
    }
    QJsonObject root { { QStringLiteral("format"), QLatin1String(kFormat) }, { QStringLiteral("endpoints"), array } };
    if (removed)
        root.insert(QStringLiteral("secrets_removed"), true);
    if (secretsRemoved)
        *secretsRemoved = removed;
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool EndpointStore::write(QString *error)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(exportJson(m_endpoints, true)) < 0 || !file.commit()) {
        if (error)
            *error = tr("Cannot save %1: %2.").arg(m_path, file.errorString());
        return false;
    }
    // Headers may hold tokens the user saved: the file is theirs alone.
    QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

QString EndpointStore::save(Endpoint endpoint, QString *error)
{
    endpoint.name = endpoint.name.trimmed();
    endpoint.folder = endpoint.folder.trimmed();
    if (endpoint.name.isEmpty()) {
        if (error)
            *error = tr("Give the endpoint a name.");
        return {};
    }
    if (endpoint.options.url.isEmpty()) {
        if (error)
            *error = tr("Give the endpoint a URL.");
        return {};
    }
    if (endpoint.id.isEmpty())
        endpoint.id = newId();
    const QList<Endpoint> before = m_endpoints;
    bool replaced = false;
    for (Endpoint &e : m_endpoints) {
        if (e.id == endpoint.id) {
            e = endpoint;
            replaced = true;
        }
    }
    if (!replaced)
        m_endpoints << endpoint;
    if (!write(error)) {
        m_endpoints = before;
        return {};
    }
    Q_EMIT changed();
    return endpoint.id;
}

bool EndpointStore::remove(const QString &id, QString *error)
{
    const QList<Endpoint> before = m_endpoints;
    m_endpoints.removeIf([&](const Endpoint &e) { return e.id == id; });
    if (m_endpoints.size() == before.size())
        return false;
    if (!write(error)) {
        m_endpoints = before;
        return false;
    }
    Q_EMIT changed();
    return true;
}

QString EndpointStore::duplicate(const QString &id, QString *error)
{
    Endpoint copy = endpoint(id);
    if (copy.id.isEmpty()) {
        if (error)
            *error = tr("That endpoint no longer exists.");
        return {};
    }
    copy.id.clear();
    copy.name = uniqueName(tr("%1 (copy)").arg(copy.name), copy.folder);
    return save(copy, error);
}

bool EndpointStore::recallOptions(ConnectionOptions *options) const
{
    return m_lastUsed.recall(options);
}

void EndpointStore::rememberOptions(const ConnectionOptions &options)
{
    m_lastUsed.remember(options);
}

QStringList EndpointStore::recentUrls() const
{
    return m_lastUsed.recentUrls();
}

void EndpointStore::addRecentUrl(const QString &url)
{
    m_lastUsed.addRecentUrl(url);
    Q_EMIT recentUrlsChanged();
}

int EndpointStore::importJson(const QByteArray &json, QString *error)
{
    QList<Endpoint> incoming;
    QString why;
    if (!parse(json, &incoming, &why)) {
        if (error)
            *error = why;
        return -1;
    }
    const QList<Endpoint> before = m_endpoints;
    for (Endpoint &e : incoming) {
        e.id = newId();
        e.name = uniqueName(e.name, e.folder);
        m_endpoints << e;
    }
    if (!write(error)) {
        m_endpoints = before;
        return -1;
    }
    Q_EMIT changed();
    return int(incoming.size());
}

} // namespace wsi
