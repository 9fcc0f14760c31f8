// ListenAddress: where the test server listens, as a command line gives it ("[host:]port").
#include "server/listenaddress.h"

#include <QCoreApplication>

namespace wsi {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("wsi::ListenAddress", text);
}

bool parsePort(const QString &text, quint16 *port)
{
    bool ok = false;
    const uint value = text.toUInt(&ok);
    if (!ok || value > 65535 || text.startsWith(QLatin1Char('+')))
        return false;
    *port = quint16(value);
    return true;
}

} // namespace

bool ListenAddress::parse(const QString &text, ListenAddress *out, QString *error)
{
    const QString value = text.trimmed();
    QString host;
    QString port = value;
    if (value.startsWith(QLatin1Char('['))) {
        const qsizetype close = value.indexOf(QLatin1String("]:"));
        if (close < 0) {
            *error = tr("\"%1\" is not [host:]port: an IPv6 address in brackets needs a port after it, "
                        "as in [::1]:9000.")
                         .arg(value);
            return false;
        }
        host = value.mid(1, close - 1);
        port = value.mid(close + 2);
    } else if (value.count(QLatin1Char(':')) > 1) {
        *error = tr("\"%1\" is not [host:]port: write an IPv6 address in brackets, as in [::1]:9000.").arg(value);
        return false;
    } else if (const qsizetype colon = value.indexOf(QLatin1Char(':')); colon >= 0) {
        host = value.left(colon);
        port = value.mid(colon + 1);
    }
    ListenAddress parsed;
    if (!parsePort(port, &parsed.port)) {
        *error = tr("\"%1\" is not [host:]port: the port must be a number from 0 to 65535 (0: a free one).").arg(value);
        return false;
    }
    if (!host.isEmpty()) {
        parsed.address = QHostAddress(host);
        // A name would be resolved to whichever address comes first; the panel takes addresses only, too.
        if (parsed.address.isNull()) {
            *error = tr("\"%1\" is not an IP address to listen on (e.g. 127.0.0.1, 0.0.0.0, [::1]).").arg(host);
            return false;
        }
    }
    *out = parsed;
    return true;
}

} // namespace wsi
