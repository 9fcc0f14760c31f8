// LastUsedOptions: the options last used per URL and the recent URLs, in QSettings.
#include "endpoints/lastusedoptions.h"

#include "endpoints/connectionoptionsjson.h"

#include <QJsonDocument>
#include <QSettings>

namespace wsi {

namespace {

constexpr const char *kGroup = "lastOptions";
constexpr const char *kOldGroup = "endpoints"; // written per field by versions before LastUsedOptions
constexpr const char *kRecentUrlsKey = "connect/recentUrls";

// One key per URL; percent-encoded so that the '/' of the URL does not nest groups (the old keys did the same).
QString keyOf(const QUrl &url)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(url.toString(QUrl::RemoveFragment)));
}

bool isWss(const QUrl &url)
{
    return url.scheme().compare(QLatin1String("wss"), Qt::CaseInsensitive) == 0;
}

bool readEntry(QSettings &settings, const QString &key, ConnectionOptions *options)
{
    const QByteArray json = settings.value(key).toString().toUtf8();
    if (json.isEmpty())
        return false;
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    return doc.isObject() && ConnectionOptionsJson::fromJson(doc.object(), options);
}

void writeEntry(QSettings &settings, const QString &key, const ConnectionOptions &options)
{
    ConnectionOptions kept; // everything not remembered stays at its default, out of the settings file
    kept.url = options.url;
    LastUsedOptions::copyRememberedPart(options, &kept);
    settings.setValue(
        key, QString::fromUtf8(QJsonDocument(ConnectionOptionsJson::toJson(kept)).toJson(QJsonDocument::Compact)));
}

// The old keys of one URL over *o; a key that is missing keeps what *o has (the defaults, or a newer entry).
void readOldKeys(const QSettings &old, ConnectionOptions *o)
{
    auto has = [&old](const char *key) { return old.contains(QLatin1String(key)); };
    auto integer = [&old](const char *key, int fallback) { return old.value(QLatin1String(key), fallback).toInt(); };
    auto boolean = [&old](const char *key, bool fallback) { return old.value(QLatin1String(key), fallback).toBool(); };
    auto string = [&old](const char *key, const QString &fallback) {
        return old.value(QLatin1String(key), fallback).toString();
    };
    if (has("interceptTls")) { // written for wss:// URLs only
        o->interceptTls = boolean("interceptTls", o->interceptTls);
        o->caFile = string("caFile", o->caFile);
        o->clientCertificateFile = string("clientCertificateFile", o->clientCertificateFile);
        o->clientKeyFile = string("clientKeyFile", o->clientKeyFile);
        o->minimumTlsVersion = integer("minimumTlsVersion", o->minimumTlsVersion) == 13 ? 13 : 12;
    }
    if (has("reconnect")) {
        // The old keys kept the interval while keepalive was off; here an interval of 0 is "off".
        const bool keepalive = boolean("keepalive", o->keepalive.enabled());
        const int interval = integer("keepaliveIntervalMs",
            o->keepalive.enabled() ? o->keepalive.intervalMs : KeepaliveSettings::kSuggestedIntervalMs);
        o->keepalive.intervalMs = keepalive ? interval : 0;
        o->keepalive.timeoutMs = integer("keepaliveTimeoutMs", o->keepalive.timeoutMs);
        o->keepalive.closeOnMissedPong = boolean("keepaliveClose", o->keepalive.closeOnMissedPong);
        o->reconnect.enabled = boolean("reconnect", o->reconnect.enabled);
        o->reconnect.initialDelayMs = integer("reconnectInitialMs", o->reconnect.initialDelayMs);
        // The old connect bar raised a shorter longest delay to the first one when it connected.
        o->reconnect.maxDelayMs = qMax(integer("reconnectMaxMs", o->reconnect.maxDelayMs), o->reconnect.initialDelayMs);
        o->reconnect.maxAttempts = integer("reconnectMaxAttempts", o->reconnect.maxAttempts);
        o->reconnect.reconnectAfterCleanClose
            = boolean("reconnectAfterCleanClose", o->reconnect.reconnectAfterCleanClose);
    }
}

} // namespace

void LastUsedOptions::copyRememberedPart(const ConnectionOptions &from, ConnectionOptions *to)
{
    if (isWss(from.url)) {
        to->interceptTls = from.interceptTls;
        to->caFile = from.caFile;
        to->clientCertificateFile = from.clientCertificateFile;
        to->clientKeyFile = from.clientKeyFile;
        to->minimumTlsVersion = from.minimumTlsVersion;
    }
    to->timeoutMs = from.timeoutMs;
    to->keepalive = from.keepalive;
    to->reconnect = from.reconnect;
    to->protocol = from.protocol; // the decoding chosen for this URL, like its keepalive
}

void LastUsedOptions::migrateOldKeys() const
{
    if (m_migrated)
        return;
    m_migrated = true;
    QSettings settings;
    settings.beginGroup(QLatin1String(kOldGroup));
    const QStringList urls = settings.childGroups();
    settings.endGroup();
    // An old version run after this one writes old keys again: they are newer, so they go over the entry.
    for (const QString &key : urls) {
        ConnectionOptions o;
        const QString newKey = QLatin1String(kGroup) + QLatin1Char('/') + key;
        readEntry(settings, newKey, &o);
        o.url = QUrl(QUrl::fromPercentEncoding(key.toLatin1()));
        settings.beginGroup(QLatin1String(kOldGroup) + QLatin1Char('/') + key);
        readOldKeys(settings, &o);
        settings.endGroup();
        if (o.url.isValid())
            writeEntry(settings, newKey, o);
    }
    settings.remove(QLatin1String(kOldGroup));
}

bool LastUsedOptions::recall(ConnectionOptions *options) const
{
    migrateOldKeys();
    QSettings settings;
    ConnectionOptions stored;
    if (!readEntry(settings, QLatin1String(kGroup) + QLatin1Char('/') + keyOf(options->url), &stored))
        return false;
    stored.url = options->url; // the same URL; its scheme decides whether the TLS part applies
    copyRememberedPart(stored, options);
    return true;
}

void LastUsedOptions::remember(const ConnectionOptions &options)
{
    migrateOldKeys();
    QSettings settings;
    writeEntry(settings, QLatin1String(kGroup) + QLatin1Char('/') + keyOf(options.url), options);
}

QStringList LastUsedOptions::recentUrls() const
{
    return QSettings().value(QLatin1String(kRecentUrlsKey)).toStringList().mid(0, kMaxRecentUrls);
}

void LastUsedOptions::addRecentUrl(const QString &url)
{
    QStringList urls = recentUrls();
    urls.removeAll(url);
    urls.prepend(url);
    while (urls.size() > kMaxRecentUrls)
        urls.removeLast();
    QSettings().setValue(QLatin1String(kRecentUrlsKey), urls);
}

} // namespace wsi
