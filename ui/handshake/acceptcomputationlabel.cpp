// The Sec-WebSocket-Accept computation of a handshake, step by step, with its verdict.
#include "handshake/acceptcomputationlabel.h"

#include "common/theme.h"
#include "connection/connection.h"

namespace wsi {

AcceptComputationLabel::AcceptComputationLabel(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("acceptComputation"));
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setWordWrap(true);
}

void AcceptComputationLabel::showConnection(const Connection *connection)
{
    if (!connection) {
        clear();
        return;
    }
    const HandshakeRecord &h = connection->handshake();
    const AcceptComputation &a = h.accept;
    if (a.key.isEmpty()) {
        const Connection::State state = connection->state();
        if (h.encrypted)
            setText(tr("The key and the server's answer travelled inside TLS, which is not intercepted "
                       "for this connection; turn on Intercept TLS in the options to see the check."));
        else if (state == Connection::State::Failed || state == Connection::State::Closed)
            setText(tr("No upgrade request was sent, so there is nothing to check."));
        else
            setText(tr("The computation appears once the request is sent."));
        return;
    }
    const QString mono = theme::monospaceFont().family().toHtmlEscaped();
    auto row = [&](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td style='padding-right:10px; white-space:nowrap'>%1</td><td><span "
                              "style='font-family:\"%2\"'>%3</span></td></tr>")
            .arg(label, mono, value.toHtmlEscaped());
    };
    QString html = QStringLiteral("<table cellspacing='2'>");
    html += row(tr("Sec-WebSocket-Key"), QString::fromLatin1(a.key));
    html += row(tr("+ GUID"), QStringLiteral("258EAFA5-E914-47DA-95CA-C5AB0DC85B11"));
    html += row(tr("\u2192 SHA-1 (hex)"), QString::fromLatin1(a.sha1Hex));
    html += row(tr("\u2192 base64 = expected"), QString::fromLatin1(a.expected));
    const bool haveResponse = h.responseComplete || h.response.status != 0;
    html += row(tr("received"),
        a.received.isEmpty() ? (haveResponse ? tr("(absent)") : tr("(waiting)")) : QString::fromLatin1(a.received));
    const int status = h.response.status;
    if (haveResponse && status != 0 && status != 101) {
        html += QStringLiteral("<tr><td></td><td><b>%1</b></td></tr>")
                    .arg(tr("not applicable: the server refused the upgrade (%1)").arg(status));
    } else if (haveResponse) {
        const theme::Tone tone = a.valid ? theme::Tone::Success : theme::Tone::Error;
        html += QStringLiteral("<tr><td></td><td><b style='color:%1'>%2</b></td></tr>")
                    .arg(theme::toneForeground(tone, palette()).name(), a.valid ? tr("PASS") : tr("FAIL"));
    }
    html += QStringLiteral("</table>");
    setText(html);
}

} // namespace wsi
