// TrustedCertificates: certificates the user chose to always trust for a host, by SHA-256 fingerprint.
#include "tls/trustedcertificates.h"

#include <QSettings>

namespace wsi {

namespace {
const QString kGroup = QStringLiteral("trustedCertificates");

QString keyFor(const QString &host)
{
    // QSettings keys may not hold '/' or '\\'; a host name never does, but an IPv6 literal's ':' is fine.
    return host.toLower();
}
} // namespace

QStringList TrustedCertificates::fingerprintsFor(const QString &host)
{
    QSettings settings;
    settings.beginGroup(kGroup);
    return settings.value(keyFor(host)).toStringList();
}

void TrustedCertificates::add(const QString &host, const QString &fingerprint)
{
    QSettings settings;
    settings.beginGroup(kGroup);
    QStringList list = settings.value(keyFor(host)).toStringList();
    if (!list.contains(fingerprint))
        list << fingerprint;
    settings.setValue(keyFor(host), list);
}

void TrustedCertificates::remove(const QString &host, const QString &fingerprint)
{
    QSettings settings;
    settings.beginGroup(kGroup);
    QStringList list = settings.value(keyFor(host)).toStringList();
    list.removeAll(fingerprint);
    if (list.isEmpty())
        settings.remove(keyFor(host));
    else
        settings.setValue(keyFor(host), list);
}

QList<TrustedCertificates::Entry> TrustedCertificates::all()
{
    QSettings settings;
    settings.beginGroup(kGroup);
    QList<Entry> entries;
    for (const QString &host : settings.childKeys()) {
        for (const QString &fingerprint : settings.value(host).toStringList())
            entries.append({ host, fingerprint });
    }
    return entries;
}

} // namespace wsi
