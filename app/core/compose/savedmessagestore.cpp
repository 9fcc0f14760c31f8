// SavedMessageStore: named messages the user keeps, global or per endpoint, in one JSON file.
#include "compose/savedmessagestore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QUuid>

namespace wsi {

namespace {

constexpr const char *kFormat = "wsinspector-saved-messages/1";

QString tr(const char *text)
{
    return QCoreApplication::translate("wsi::SavedMessageStore", text);
}

QJsonObject toJson(const SavedMessage &m)
{
    return {
        { QStringLiteral("id"), m.id },
        { QStringLiteral("name"), m.name },
        { QStringLiteral("format"), QString::fromLatin1(payloadFormatId(m.format)) },
        { QStringLiteral("body"), m.body },
        { QStringLiteral("endpoint"), m.endpoint },
        { QStringLiteral("saved_at"), m.savedAt.toUTC().toString(Qt::ISODateWithMs) },
    };
}

bool fromJson(const QJsonObject &o, SavedMessage *m)
{
    m->id = o.value(QStringLiteral("id")).toString();
    m->name = o.value(QStringLiteral("name")).toString();
    m->body = o.value(QStringLiteral("body")).toString();
    m->endpoint = o.value(QStringLiteral("endpoint")).toString();
    m->savedAt = QDateTime::fromString(o.value(QStringLiteral("saved_at")).toString(), Qt::ISODateWithMs);
    const QString format = o.value(QStringLiteral("format")).toString(QStringLiteral("text"));
    bool known = false;
    for (PayloadFormat f : { PayloadFormat::Text, PayloadFormat::Json, PayloadFormat::Hex, PayloadFormat::Base64 }) {
        if (format == QLatin1String(payloadFormatId(f))) {
            m->format = f;
            known = true;
        }
    }
    return known && !m->name.isEmpty();
}

QList<SavedMessage> parse(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull()) {
        if (error)
            *error = QCoreApplication::translate(
                "wsi::SavedMessageStore", "The saved messages file is not valid JSON: %1.")
                         .arg(parseError.errorString());
        return {};
    }
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String(kFormat)) {
        if (error)
            *error = QCoreApplication::translate(
                "wsi::SavedMessageStore", "This is not a WS Inspector saved messages file (format %1 expected).")
                         .arg(QLatin1String(kFormat));
        return {};
    }
    QList<SavedMessage> out;
    for (const QJsonValue &v : root.value(QStringLiteral("messages")).toArray()) {
        SavedMessage m;
        if (fromJson(v.toObject(), &m))
            out << m;
    }
    if (error)
        error->clear();
    return out;
}

} // namespace

SavedMessageStore::SavedMessageStore(const QString &filePath)
    : m_path(filePath)
{ }

bool SavedMessageStore::load(QString *error)
{
    m_messages.clear();
    QFile file(m_path);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read %1: %2.").arg(m_path, file.errorString());
        return false;
    }
    QString why;
    m_messages = parse(file.readAll(), &why);
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return false;
    }
    return true;
}

QByteArray SavedMessageStore::exportJson(const QList<SavedMessage> &messages) const
{
    QJsonArray array;
    for (const SavedMessage &m : messages)
        array.append(toJson(m));
    const QJsonObject root { { QStringLiteral("format"), QLatin1String(kFormat) },
        { QStringLiteral("messages"), array } };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool SavedMessageStore::write(QString *error)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(exportJson(m_messages)) < 0 || !file.commit()) {
        if (error)
            *error = tr("Cannot save %1: %2.").arg(m_path, file.errorString());
        return false;
    }
    return true;
}

QString SavedMessageStore::save(SavedMessage message, QString *error)
{
    if (message.name.trimmed().isEmpty()) {
        if (error)
            *error = tr("Give the message a name.");
        return {};
    }
    if (message.id.isEmpty())
        message.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    message.savedAt = QDateTime::currentDateTimeUtc();
    const QList<SavedMessage> before = m_messages;
    bool replaced = false;
    for (SavedMessage &m : m_messages) {
        if (m.id == message.id) {
            m = message;
            replaced = true;
        }
    }
    if (!replaced)
        m_messages << message;
    if (!write(error)) {
        m_messages = before;
        return {};
    }
    return message.id;
}

bool SavedMessageStore::remove(const QString &id, QString *error)
{
    const QList<SavedMessage> before = m_messages;
    m_messages.removeIf([&](const SavedMessage &m) { return m.id == id; });
    if (m_messages.size() == before.size())
        return false;
    if (!write(error)) {
        m_messages = before;
        return false;
    }
    return true;
}

QList<SavedMessage> SavedMessageStore::search(const QString &text, const QString &endpoint) const
{
    QList<SavedMessage> out;
    for (const SavedMessage &m : m_messages) {
        if (!m.endpoint.isEmpty() && m.endpoint != endpoint)
            continue;
        if (text.isEmpty() || m.name.contains(text, Qt::CaseInsensitive) || m.body.contains(text, Qt::CaseInsensitive))
            out << m;
    }
    return out;
}

int SavedMessageStore::importJson(const QByteArray &json, QString *error)
{
    QString why;
    QList<SavedMessage> incoming = parse(json, &why);
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return -1;
    }
    const QList<SavedMessage> before = m_messages;
    for (SavedMessage &m : incoming) {
        m.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_messages << m;
    }
    if (!write(error)) {
        m_messages = before;
        return -1;
    }
    return int(incoming.size());
}

} // namespace wsi
