// The TLS session with the real server of a wss connection: verdict, cipher and the certificate chain.
#include "handshake/tlsreportlabel.h"

#include "common/theme.h"
#include "connection/connection.h"

namespace wsi {

TlsReportLabel::TlsReportLabel(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("tlsReport"));
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setWordWrap(true);
}

void TlsReportLabel::showConnection(const Connection &connection)
{
    const HandshakeRecord &h = connection.handshake();
    if (!h.tlsKnown) {
        setText(h.encrypted ? tr("This connection is not intercepted: Qt's own TLS session with the server "
                                 "is not visible to the inspector.")
                            : tr("Waiting for the TLS handshake with the server\u2026"));
        return;
    }
    const TlsReport &t = h.tls;
    auto row = [](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td style='padding-right:10px; white-space:nowrap'>%1</td><td>%2</td></tr>")
            .arg(label, value.toHtmlEscaped());
    };
    QString verdict;
    if (t.verified)
        verdict = QStringLiteral("<b style='color:%1'>%2</b>")
                      .arg(theme::toneForeground(theme::Tone::Success, palette()).name(), tr("verified"));
    else
        verdict = QStringLiteral("<b style='color:%1'>%2</b>")
                      .arg(theme::toneForeground(theme::Tone::Error, palette()).name(),
                          t.proceededDespiteErrors ? tr("NOT verified (you chose to proceed)") : tr("NOT verified"));
    QString html = QStringLiteral("<table cellspacing='2'>");
    html
        += QStringLiteral("<tr><td style='padding-right:10px'>%1</td><td>%2</td></tr>").arg(tr("Certificate"), verdict);
    html += row(tr("Host"), t.host);
    if (!t.protocol.isEmpty())
        html += row(tr("Protocol"), t.protocol);
    if (!t.cipher.isEmpty())
        html += row(tr("Cipher"), t.cipher);
    if (!t.alpn.isEmpty())
        html += row(tr("ALPN"), t.alpn);
    if (t.verified) {
        html += row(tr("Verification"), tr("The certificate chain is valid for %1.").arg(t.host));
    } else if (t.errorTexts.isEmpty()) {
        html += row(tr("Verification"), tr("Not verified."));
    }
    // Every certificate of the chain, leaf first, with all the fields a user checks.
    for (int i = 0; i < t.chain.size(); ++i) {
        const CertificateSummary &cert = t.chain.at(i);
        const QString heading = i == 0                               ? tr("Server certificate")
            : i == t.chain.size() - 1 && cert.subject == cert.issuer ? tr("Root certificate %1").arg(i + 1)
                                                                     : tr("Intermediate certificate %1").arg(i + 1);
        html += QStringLiteral("<tr><td colspan='2' style='padding-top:6px'><b>%1</b></td></tr>").arg(heading);
        html += row(tr("Subject"), cert.subject);
        html += row(tr("Issuer"), cert.issuer);
        if (!cert.subjectAltNames.isEmpty())
            html += row(tr("Names (SAN)"), cert.subjectAltNames.join(QStringLiteral(", ")));
        html += row(tr("Valid from"), cert.notBefore.toString(Qt::ISODate));
        html += row(tr("Valid until"), cert.notAfter.toString(Qt::ISODate));
        html += row(tr("Key"), tr("%1, %2 bits").arg(cert.keyType).arg(cert.keyBits));
        html += row(tr("SHA-256"), cert.sha256);
    }
    html += QStringLiteral("</table>");
    if (!t.errorTexts.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b></p><ul style='margin-left:-20px'>").arg(tr("Verification problems:"));
        for (const QString &error : t.errorTexts)
            html += QStringLiteral("<li>%1</li>").arg(error.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    if (h.intercepted)
        html += tr("<p>The inspector terminates TLS between the app and the server, so the handshake and frames "
                   "shown are the plaintext inside TLS.</p>");
    setText(html);
}

} // namespace wsi
