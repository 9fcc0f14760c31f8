// DefaultCertificateAuthority: the process's own CA, in the app's data folder, loaded once.
#include "connection/defaultcertificateauthority.h"

#include "language/recordedtext.h"
#include "tls/certificateauthority.h"

#include <QDir>
#include <QStandardPaths>

#include <memory>

namespace wsi {

CertificateAuthority *DefaultCertificateAuthority::instance(RecordedText *warning)
{
    static std::unique_ptr<CertificateAuthority> authority;
    if (!authority) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        authority = std::make_unique<CertificateAuthority>(QDir(dir).filePath(QStringLiteral("ca")));
        if (!authority->load(warning)) {
            if (warning)
                *warning = authority->lastErrorText();
        }
    }
    return authority.get();
}

} // namespace wsi
