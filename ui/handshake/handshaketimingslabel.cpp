// The timings of a connection's opening: DNS, TCP, TLS, upgrade and total.
#include "handshake/handshaketimingslabel.h"

#include "connection/connection.h"

namespace wsi {

namespace {

QString ms(qint64 us)
{
    if (us < 0)
        return QStringLiteral("\u2014");
    return QStringLiteral("%1 ms").arg(double(us) / 1000.0, 0, 'f', us < 10000 ? 2 : 1);
}

} // namespace

HandshakeTimingsLabel::HandshakeTimingsLabel(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("handshakeTimings"));
    setTextFormat(Qt::RichText);
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
}

void HandshakeTimingsLabel::showConnection(const Connection *connection)
{
    if (!connection) {
        clear();
        return;
    }
    const ConnectionTimings &t = connection->timings();
    QStringList parts;
    parts << tr("DNS <b>%1</b>").arg(ms(t.dnsUs)) << tr("TCP <b>%1</b>").arg(ms(t.tcpUs));
    // Only a wss connection (or one that measured TLS anyway) has a TLS step worth listing.
    if (connection->url().scheme() == QLatin1String("wss") || t.tlsUs >= 0)
        parts << tr("TLS <b>%1</b>").arg(ms(t.tlsUs));
    parts << tr("Upgrade <b>%1</b>").arg(ms(t.upgradeUs)) << tr("Total <b>%1</b>").arg(ms(t.totalUs));
    setText(tr("Timings: ") + parts.join(QStringLiteral(" &nbsp;\u00b7&nbsp; ")));
}

} // namespace wsi
