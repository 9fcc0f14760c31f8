// ConnectionOptions to and from JSON, secrets masked unless asked (endpoint files, the store).
#include "endpoints/connectionoptionsjson.h"

#include "decode/protocoldecoder.h"
#include "explain/secretmasker.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace wsi {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("wsi::ConnectionOptionsJson", text);
}

QJsonObject reconnectToJson(const ReconnectPolicy::Settings &s)
{
    return {
        { QStringLiteral("enabled"), s.enabled },
        { QStringLiteral("initial_delay_ms"), s.initialDelayMs },
        { QStringLiteral("max_delay_ms"), s.maxDelayMs },
        { QStringLiteral("multiplier"), s.multiplier },
        { QStringLiteral("jitter"), s.jitter },
        { QStringLiteral("max_attempts"), s.maxAttempts },
        { QStringLiteral("after_clean_close"), s.reconnectAfterCleanClose },
    };
}

QJsonObject keepaliveToJson(const KeepaliveSettings &s)
{
    return {
        { QStringLiteral("interval_ms"), s.intervalMs },
        { QStringLiteral("timeout_ms"), s.timeoutMs },
        { QStringLiteral("close_on_missed_pong"), s.closeOnMissedPong },
    };
}

// Reads one typed key: a missing key keeps *out; a present key of the wrong type is an error.
class Reader
{
public:
    explicit Reader(const QJsonObject &object, const QString &prefix = {})
        : m_object(object)
        , m_prefix(prefix)
    { }
    void string(const char *key, QString *out)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return;
        if (!v.isString())
            return fail(key, QCoreApplication::translate("wsi::ConnectionOptionsJson", "a string"));
        *out = v.toString();
    }
    void boolean(const char *key, bool *out)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined())
            return;
        if (!v.isBool())
            return fail(key, QCoreApplication::translate("wsi::ConnectionOptionsJson", "true or false"));
        *out = v.toBool();
    }
    void integer(const char *key, int *out)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined())
            return;
        if (!v.isDouble())
            return fail(key, QCoreApplication::translate("wsi::ConnectionOptionsJson", "a number"));
        *out = v.toInt();
    }
    void number(const char *key, double *out)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined())
            return;
        if (!v.isDouble())
            return fail(key, QCoreApplication::translate("wsi::ConnectionOptionsJson", "a number"));
        *out = v.toDouble();
    }
    QString error() const { return m_error; }

private:
    void fail(const char *key, const QString &expected)
    {
        if (m_error.isEmpty())
            m_error = QCoreApplication::translate("wsi::ConnectionOptionsJson", "\"%1%2\" must be %3.")
                          .arg(m_prefix, QLatin1String(key), expected);
    }
    QJsonObject m_object;
    QString m_prefix;
    QString m_error;
};

} // namespace

QJsonObject ConnectionOptionsJson::toJson(const ConnectionOptions &o, bool includeSecrets, bool *secretsRemoved)
{
    bool removed = false;
    QString url = o.url.toString(QUrl::FullyEncoded);
    if (!includeSecrets) {
        const QString masked = SecretMasker::maskUrl(url);
        removed |= masked != url;
        url = masked;
    }
    QJsonArray headers;
    for (const auto &h : o.headers) {
        QByteArray value = h.second;
        if (!includeSecrets && SecretMasker::isSecretHeader(h.first)) {
            value = SecretMasker::maskHeaderValue(h.first, h.second);
            removed |= value != h.second;
        }
        headers.append(QJsonArray { QString::fromUtf8(h.first), QString::fromUtf8(value) });
    }
    QString password = o.clientCertificatePassword;
    if (!includeSecrets && !password.isEmpty()) {
        password.clear();
        removed = true;
    }
    if (secretsRemoved)
        *secretsRemoved = removed;
    QJsonObject json {
        { QStringLiteral("url"), url },
        { QStringLiteral("headers"), headers },
        { QStringLiteral("subprotocols"), QJsonArray::fromStringList(o.subprotocols) },
        { QStringLiteral("origin"), o.origin },
        { QStringLiteral("timeout_ms"), o.timeoutMs },
        { QStringLiteral("close_grace_ms"), o.closeGraceMs },
        { QStringLiteral("tls"),
            QJsonObject {
                { QStringLiteral("ca_file"), o.caFile },
                { QStringLiteral("intercept"), o.interceptTls },
                { QStringLiteral("client_certificate_file"), o.clientCertificateFile },
                { QStringLiteral("client_key_file"), o.clientKeyFile },
                { QStringLiteral("client_certificate_password"), password },
                { QStringLiteral("minimum_version"),
                    o.minimumTlsVersion == 13 ? QStringLiteral("1.3") : QStringLiteral("1.2") },
                { QStringLiteral("insecure"), o.insecure },
            } },
        { QStringLiteral("reconnect"), reconnectToJson(o.reconnect) },
        { QStringLiteral("keepalive"), keepaliveToJson(o.keepalive) },
    };
    // Written only when chosen: files and their consumers from before decoding stay byte for byte the same.
    if (o.protocol != QLatin1String("auto"))
        json.insert(QStringLiteral("protocol"), o.protocol);
    if (!o.protocolDuties)
        json.insert(QStringLiteral("protocol_duties"), false);
    if (o.pairingRule.isSet()) {
        QJsonObject rule { { QStringLiteral("request"), o.pairingRule.requestPath },
            { QStringLiteral("reply"), o.pairingRule.replyPath } };
        if (!o.pairingRule.namePath.isEmpty())
            rule.insert(QStringLiteral("name"), o.pairingRule.namePath);
        json.insert(QStringLiteral("pairing"), rule);
    }
    return json;
}

bool ConnectionOptionsJson::fromJson(const QJsonObject &object, ConnectionOptions *options, QString *error)
{
    auto failed = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    ConnectionOptions o;
    const QJsonValue url = object.value(QStringLiteral("url"));
    if (!url.isString() || url.toString().isEmpty())
        return failed(tr("\"url\" is missing."));
    o.url = QUrl(url.toString(), QUrl::StrictMode);
    if (!o.url.isValid())
        return failed(tr("\"url\" is not a valid URL: %1.").arg(o.url.errorString()));

    for (const QJsonValue &h : object.value(QStringLiteral("headers")).toArray()) {
        const QJsonArray pair = h.toArray();
        if (pair.size() != 2 || !pair.at(0).isString() || !pair.at(1).isString())
            return failed(tr("Each entry of \"headers\" must be [\"Name\", \"value\"]."));
        o.headers.append({ pair.at(0).toString().toUtf8(), pair.at(1).toString().toUtf8() });
    }
    for (const QJsonValue &p : object.value(QStringLiteral("subprotocols")).toArray()) {
        if (!p.isString())
            return failed(tr("Each entry of \"subprotocols\" must be a string."));
        o.subprotocols << p.toString();
    }

    Reader top(object);
    top.string("origin", &o.origin);
    top.string("protocol", &o.protocol); // absent in files from before decoding: "auto"
    top.integer("timeout_ms", &o.timeoutMs);
    top.integer("close_grace_ms", &o.closeGraceMs);
    top.boolean("protocol_duties", &o.protocolDuties); // absent in files older than it: on
    if (!top.error().isEmpty())
        return failed(top.error());
    const QJsonValue pairing = object.value(QStringLiteral("pairing"));
    if (!pairing.isUndefined()) { // absent in files older than it, and whenever no rule is set
        if (!pairing.isObject())
            return failed(tr("\"pairing\" must be an object with \"request\", \"reply\" and \"name\"."));
        Reader rule(pairing.toObject(), QStringLiteral("pairing."));
        rule.string("request", &o.pairingRule.requestPath);
        rule.string("reply", &o.pairingRule.replyPath);
        rule.string("name", &o.pairingRule.namePath);
        if (!rule.error().isEmpty())
            return failed(rule.error());
        if (const QString problem = o.pairingRule.validate(); !problem.isEmpty())
            return failed(problem);
    }

    if (o.protocol != QLatin1String("auto") && o.protocol != QLatin1String("none")
        && !ProtocolDecoder::protocolIds().contains(o.protocol))
        return failed(tr("\"protocol\" must be \"auto\", \"none\" or one of %1.")
                          .arg(ProtocolDecoder::protocolIds().join(QStringLiteral(", "))));

    const QJsonObject tls = object.value(QStringLiteral("tls")).toObject();
    Reader t(tls, QStringLiteral("tls."));
    t.string("ca_file", &o.caFile);
    t.boolean("intercept", &o.interceptTls);
    t.string("client_certificate_file", &o.clientCertificateFile);
    t.string("client_key_file", &o.clientKeyFile);
    t.string("client_certificate_password", &o.clientCertificatePassword);
    t.boolean("insecure", &o.insecure);
    QString version = QStringLiteral("1.2");
    t.string("minimum_version", &version);
    if (!t.error().isEmpty())
        return failed(t.error());
    if (version != QLatin1String("1.2") && version != QLatin1String("1.3"))
        return failed(tr("\"tls.minimum_version\" must be \"1.2\" or \"1.3\"."));
    o.minimumTlsVersion = version == QLatin1String("1.3") ? 13 : 12;

    Reader r(object.value(QStringLiteral("reconnect")).toObject(), QStringLiteral("reconnect."));
    r.boolean("enabled", &o.reconnect.enabled);
    r.integer("initial_delay_ms", &o.reconnect.initialDelayMs);
    r.integer("max_delay_ms", &o.reconnect.maxDelayMs);
    r.number("multiplier", &o.reconnect.multiplier);
    r.number("jitter", &o.reconnect.jitter);
    r.integer("max_attempts", &o.reconnect.maxAttempts);
    r.boolean("after_clean_close", &o.reconnect.reconnectAfterCleanClose);
    if (!r.error().isEmpty())
        return failed(r.error());

    Reader k(object.value(QStringLiteral("keepalive")).toObject(), QStringLiteral("keepalive."));
    k.integer("interval_ms", &o.keepalive.intervalMs);
    k.integer("timeout_ms", &o.keepalive.timeoutMs);
    k.boolean("close_on_missed_pong", &o.keepalive.closeOnMissedPong);
    if (!k.error().isEmpty())
        return failed(k.error());

    *options = o;
    return true;
}

} // namespace wsi
