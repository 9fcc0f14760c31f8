// TrustedCertificates: certificates the user chose to always trust for a host, by SHA-256 fingerprint.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace wsi {

// Certificates the user chose to "always trust" for a host despite verification errors, remembered by the
// leaf's SHA-256 fingerprint in the app's settings; listed and removable in preferences.
class TrustedCertificates
{
public:
    struct Entry
    {
        QString host;
        QString fingerprint;
    };

    static QStringList fingerprintsFor(const QString &host);
    static void add(const QString &host, const QString &fingerprint);
    static void remove(const QString &host, const QString &fingerprint);
    static QList<Entry> all();
};

} // namespace wsi
