// The timings of a connection's opening: DNS, TCP, TLS, upgrade, the local tap's share and their total.
#include "handshake/handshaketimingslabel.h"

#include "connection/connection.h"
#include "store/timingbreakdown.h"

namespace wsi {

namespace {

// Every part in the same precision, so the parts shown add up to the total shown.
QString ms(qint64 us, qint64 unitUs)
{
    if (us < 0)
        return QStringLiteral("\u2014");
    return QStringLiteral("%1 ms").arg(double(us) / 1000.0, 0, 'f', unitUs < 100 ? 2 : 1);
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
        m_shown.clear();
        clear();
        return;
    }
    const ConnectionTimings &t = connection->timings();
    const qint64 unit = TimingBreakdown::unitFor(t.totalUs);
    // Only a wss connection (or one that measured TLS anyway) has a TLS step worth listing.
    const TimingBreakdown breakdown(t, connection->url().scheme() == QLatin1String("wss"), unit);
    // Our own connections go through the local tap: that is what the rest of their time is.
    const bool tapped = connection->kind() == Connection::Kind::Outgoing && !connection->isImported();
    m_shown.clear();
    for (const TimingBreakdown::Part &part : breakdown.parts()) {
        QString name;
        switch (part.step) {
        case TimingBreakdown::Step::Dns:
            name = tr("DNS");
            break;
        case TimingBreakdown::Step::Tcp:
            name = tr("TCP");
            break;
        case TimingBreakdown::Step::Tls:
            name = tr("TLS");
            break;
        case TimingBreakdown::Step::Upgrade:
            name = tr("Upgrade");
            break;
        case TimingBreakdown::Step::Rest:
            if (!tapped && part.us == 0)
                continue; // nothing unexplained to name
            name = tapped ? tr("Local tap") : tr("Other");
            break;
        }
        m_shown.append({ name, ms(part.us, unit) });
    }
    m_shown.append({ tr("Total"), ms(breakdown.totalUs(), unit) });
    QStringList parts;
    for (const auto &[name, value] : qAsConst(m_shown))
        parts << QStringLiteral("%1 <b>%2</b>").arg(name.toHtmlEscaped(), value);
    setText(tr("Timings: ") + parts.join(QStringLiteral(" &nbsp;\u00b7&nbsp; ")));
    setToolTip(tapped ? tr("The total is the sum of the parts. Local tap: the time the app's WebSocket spends with "
                           "its local tap on 127.0.0.1 (the proxy exchange that opens the tunnel, and the hand-offs "
                           "between the steps), which records the wire for you.")
                      : tr("The total is the sum of the parts."));
}

} // namespace wsi
