// The timings of a connection's opening: socket start, DNS, TCP, TLS, upgrade, the local tap's share, their total.
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
    m_shown.clear();
    // What the parts that are not plain network steps stand for, said once each in the tooltip.
    QStringList explained { tr("The total is the sum of the parts.") };
    for (const TimingBreakdown::Part &part : breakdown.parts()) {
        QString name;
        switch (part.step) {
        case TimingBreakdown::Step::SocketStart:
            name = tr("Socket start");
            explained << tr("Socket start: from Connect until the local tap on 127.0.0.1 accepted the app's "
                            "WebSocket (the socket starting and connecting to its tap).");
            break;
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
        case TimingBreakdown::Step::LocalTap:
            name = tr("Local tap");
            explained << tr("Local tap: the time spent with the tap that records the wire for you: its proxy "
                            "exchange with the app's WebSocket (CONNECT, the credentials challenge, 200) and "
                            "the hand-offs through it (the upgrade request into the tunnel, the response back "
                            "to the WebSocket).");
            break;
        case TimingBreakdown::Step::Rest:
            if (part.us == 0)
                continue; // the other parts make up the total
            name = tr("Other");
            explained << tr("Other: time no step measured (a recorded session knows only some of the steps; the "
                            "upgrade of wss without interception is encrypted and cannot be timed).");
            break;
        }
        m_shown.append({ name, ms(part.us, unit) });
    }
    m_shown.append({ tr("Total"), ms(breakdown.totalUs(), unit) });
    QStringList parts;
    for (const auto &[name, value] : qAsConst(m_shown))
        // nowrap: a narrow pane breaks between parts, never between a part's name and its value
        parts << QStringLiteral("<span style=\"white-space:nowrap\">%1 <b>%2</b></span>")
                     .arg(name.toHtmlEscaped(), value);
    setText(tr("Timings: ") + parts.join(QStringLiteral(" &nbsp;\u00b7&nbsp; ")));
    setToolTip(explained.join(QLatin1Char('\n')));
}

} // namespace wsi
