#include "handshake/handshakeview.h"

#include "common/hexview.h"
#include "common/theme.h"
#include "common/viewstate.h"
#include "connection/connection.h"
#include "explain/secretmasker.h"
#include "handshake/headertablemodel.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedLayout>
#include <QStringDecoder>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace wsi {

namespace {

QTableView *makeHeaderTable(HeaderTableModel *model, const QString &objectName, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setShowGrid(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->resizeSection(HeaderTableModel::NameColumn, 190);
    return view;
}

QPlainTextEdit *makeRawView(const QString &objectName, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setReadOnly(true);
    edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFont(theme::monospaceFont());
    return edit;
}

QList<HeaderTableModel::Header> toPairs(const QList<HttpHeader> &headers)
{
    QList<HeaderTableModel::Header> pairs;
    pairs.reserve(headers.size());
    for (const HttpHeader &h : headers)
        pairs.append({ h.name, h.value });
    return pairs;
}

// Raw head bytes as readable text: CRLF shown as line breaks, other control bytes as escapes.
QString rawHeadText(const QByteArray &raw)
{
    QString text;
    text.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const auto c = static_cast<unsigned char>(raw.at(i));
        if (c == '\r' && i + 1 < raw.size() && raw.at(i + 1) == '\n') {
            text += QStringLiteral("\n");
            ++i;
        } else if (c == '\t' || (c >= 0x20 && c < 0x7f)) {
            text += QLatin1Char(char(c));
        } else {
            text += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
        }
    }
    return text;
}

// The head with its secrets masked; the mask (UTF-8 bullets) is shown as bullets, not as byte escapes.
QString maskedHeadText(const QByteArray &raw)
{
    static const QString escapedMask = rawHeadText(QByteArray(SecretMasker::kMask));
    return rawHeadText(SecretMasker::maskHttpHead(raw)).replace(escapedMask, QString::fromUtf8(SecretMasker::kMask));
}

bool looksLikeText(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return false;
    for (QChar c : text) {
        if (c.unicode() < 0x20 && c != QLatin1Char('\n') && c != QLatin1Char('\r') && c != QLatin1Char('\t'))
            return false;
    }
    return true;
}

QString ms(qint64 us)
{
    if (us < 0)
        return QStringLiteral("\u2014");
    return QStringLiteral("%1 ms").arg(double(us) / 1000.0, 0, 'f', us < 10000 ? 2 : 1);
}

} // namespace

HandshakeView::HandshakeView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("handshakeView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("handshakeBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::RichText);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->hide();
    layout->addWidget(m_banner);

    // Shown while a wss connection waits for the user to accept or refuse a certificate that failed verification.
    m_tlsDecision = new QWidget(this);
    m_tlsDecision->setObjectName(QStringLiteral("tlsDecision"));
    auto *decisionLayout = new QHBoxLayout(m_tlsDecision);
    decisionLayout->setContentsMargins(0, 0, 0, 0);
    decisionLayout->addStretch(1);
    auto *proceed = new QPushButton(tr("Proceed Once"), m_tlsDecision);
    proceed->setObjectName(QStringLiteral("tlsProceedButton"));
    proceed->setToolTip(tr("Connect this time despite the certificate errors"));
    auto *trust = new QPushButton(tr("Always Trust This Certificate"), m_tlsDecision);
    trust->setObjectName(QStringLiteral("tlsTrustButton"));
    trust->setToolTip(tr("Remember this certificate (by its SHA-256 fingerprint) for this host and connect"));
    auto *cancel = new QPushButton(tr("Cancel"), m_tlsDecision);
    cancel->setObjectName(QStringLiteral("tlsCancelButton"));
    cancel->setToolTip(tr("Do not connect"));
    decisionLayout->addWidget(proceed);
    decisionLayout->addWidget(trust);
    decisionLayout->addWidget(cancel);
    m_tlsDecision->hide();
    layout->addWidget(m_tlsDecision);
    connect(proceed, &QPushButton::clicked, this, [this] { decideTls(0); });
    connect(trust, &QPushButton::clicked, this, [this] { decideTls(1); });
    connect(cancel, &QPushButton::clicked, this, [this] { decideTls(2); });

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("handshakeSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *summaryRow = new QHBoxLayout;
    summaryRow->addWidget(m_summary, 1);
    m_revealButton = new QToolButton(this);
    m_revealButton->setObjectName(QStringLiteral("revealSecretsButton"));
    m_revealButton->setIcon(theme::icon("eye"));
    m_revealButton->setText(tr("Reveal Secrets"));
    m_revealButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_revealButton->setAutoRaise(true);
    m_revealButton->setCheckable(true);
    m_revealButton->setToolTip(tr("Show Authorization, cookie and token values instead of ••••••. "
                                  "The recorded bytes never change; copying copies what is shown."));
    summaryRow->addWidget(m_revealButton);
    layout->addLayout(summaryRow);
    connect(m_revealButton, &QToolButton::toggled, this, [this](bool on) {
        setRevealSecrets(on);
        Q_EMIT revealSecretsToggled(on);
    });

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("handshakeSplitter"));
    m_splitter->setChildrenCollapsible(false);
    layout->addWidget(m_splitter, 1);

    m_headsSplitter = new QSplitter(Qt::Horizontal, m_splitter);
    m_headsSplitter->setObjectName(QStringLiteral("handshakeHeadsSplitter"));
    m_headsSplitter->setChildrenCollapsible(false);

    auto *requestBox = new QGroupBox(tr("Request (client \u2192 server)"), m_headsSplitter);
    auto *requestLayout = new QVBoxLayout(requestBox);
    requestLayout->setContentsMargins(4, 4, 4, 4);
    m_requestTabs = new QTabWidget(requestBox);
    m_requestTabs->setObjectName(QStringLiteral("requestTabs"));
    m_requestTabs->setDocumentMode(true);
    m_requestModel = new HeaderTableModel(this);
    m_requestTable = makeHeaderTable(m_requestModel, QStringLiteral("requestHeadersTable"), m_requestTabs);
    m_requestRaw = makeRawView(QStringLiteral("requestRawText"), m_requestTabs);
    // Copying the raw text copies what is shown: with secrets masked, the masked form.
    m_requestRaw->setToolTip(
        tr("The request head as sent. Secrets are masked unless revealed; copying copies what is shown."));
    m_requestTabs->addTab(m_requestTable, tr("Headers"));
    m_requestTabs->addTab(m_requestRaw, tr("Raw"));
    requestLayout->addWidget(m_requestTabs);

    auto *responseBox = new QGroupBox(tr("Response (server \u2192 client)"), m_headsSplitter);
    auto *responseLayout = new QVBoxLayout(responseBox);
    responseLayout->setContentsMargins(4, 4, 4, 4);
    m_responseTabs = new QTabWidget(responseBox);
    m_responseTabs->setObjectName(QStringLiteral("responseTabs"));
    m_responseTabs->setDocumentMode(true);
    m_responseModel = new HeaderTableModel(this);
    m_responseTable = makeHeaderTable(m_responseModel, QStringLiteral("responseHeadersTable"), m_responseTabs);
    m_responseRaw = makeRawView(QStringLiteral("responseRawText"), m_responseTabs);
    m_bodyPage = new QWidget(m_responseTabs);
    auto *bodyLayout = new QStackedLayout(m_bodyPage);
    m_bodyText = makeRawView(QStringLiteral("responseBodyText"), m_bodyPage);
    m_bodyText->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_bodyHex = new HexView(m_bodyPage);
    m_bodyHex->setObjectName(QStringLiteral("responseBodyHex"));
    bodyLayout->addWidget(m_bodyText);
    bodyLayout->addWidget(m_bodyHex);
    m_responseRaw->setToolTip(
        tr("The response head as received. Secrets are masked unless revealed; copying copies what is shown."));
    m_responseTabs->addTab(m_responseTable, tr("Headers"));
    m_responseTabs->addTab(m_responseRaw, tr("Raw"));
    m_responseTabs->addTab(m_bodyPage, tr("Body"));
    responseLayout->addWidget(m_responseTabs);

    m_checksSplitter = new QSplitter(Qt::Horizontal, m_splitter);
    m_checksSplitter->setObjectName(QStringLiteral("handshakeChecksSplitter"));
    m_checksSplitter->setChildrenCollapsible(false);

    auto *checksBox = new QGroupBox(tr("Checks (RFC 6455 section 4.1)"), m_checksSplitter);
    auto *checksLayout = new QVBoxLayout(checksBox);
    checksLayout->setContentsMargins(4, 4, 4, 4);
    m_checks = new QTreeWidget(checksBox);
    m_checks->setObjectName(QStringLiteral("handshakeChecks"));
    m_checks->setRootIsDecorated(false);
    m_checks->setUniformRowHeights(true);
    m_checks->setAlternatingRowColors(true);
    m_checks->setHeaderLabels({ tr("Check"), tr("Expected"), tr("Actual") });
    // Six rows at most: sizing to contents costs nothing here and keeps every value readable.
    m_checks->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_checks->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_checks->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_checks->header()->setStretchLastSection(false);
    checksLayout->addWidget(m_checks);

    auto *acceptBox = new QGroupBox(tr("Sec-WebSocket-Accept and timings"), m_checksSplitter);
    auto *acceptLayout = new QVBoxLayout(acceptBox);
    acceptLayout->setContentsMargins(8, 6, 8, 6);
    m_accept = new QLabel;
    m_accept->setObjectName(QStringLiteral("acceptComputation"));
    m_accept->setTextFormat(Qt::RichText);
    m_accept->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_accept->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_accept->setWordWrap(true);
    auto *acceptScroll = new QScrollArea(acceptBox);
    acceptScroll->setFrameShape(QFrame::NoFrame);
    acceptScroll->setWidgetResizable(true);
    acceptScroll->setWidget(m_accept);
    acceptLayout->addWidget(acceptScroll, 1);
    m_timings = new QLabel(acceptBox);
    m_timings->setObjectName(QStringLiteral("handshakeTimings"));
    m_timings->setTextFormat(Qt::RichText);
    m_timings->setWordWrap(true);
    m_timings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    acceptLayout->addWidget(m_timings);

    auto *tlsBox = new QGroupBox(tr("TLS (the real server)"), m_checksSplitter);
    m_tlsBox = tlsBox;
    auto *tlsLayout = new QVBoxLayout(tlsBox);
    tlsLayout->setContentsMargins(8, 6, 8, 6);
    // Fingerprints and cipher names do not wrap: scroll them rather than widen the window.
    auto *tlsScroll = new QScrollArea(tlsBox);
    tlsScroll->setFrameShape(QFrame::NoFrame);
    tlsScroll->setWidgetResizable(true);
    m_tls = new QLabel(tlsScroll);
    m_tls->setObjectName(QStringLiteral("tlsReport"));
    m_tls->setTextFormat(Qt::RichText);
    m_tls->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tls->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_tls->setWordWrap(true);
    tlsScroll->setWidget(m_tls);
    tlsLayout->addWidget(tlsScroll);
    tlsBox->hide();

    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({ 330, 270 });
    m_checksSplitter->setStretchFactor(0, 3);
    m_checksSplitter->setStretchFactor(1, 2);
    m_checksSplitter->setSizes({ 560, 420 });
    refresh();
}

HandshakeView::~HandshakeView() = default;

Connection *HandshakeView::connection() const
{
    return m_connection;
}

void HandshakeView::setConnection(Connection *connection)
{
    if (m_connection == connection)
        return;
    if (m_connection)
        disconnect(m_connection, nullptr, this, nullptr);
    m_connection = connection;
    m_lastFailedStatus = 0;
    if (connection) {
        connect(connection, &Connection::handshakeUpdated, this, &HandshakeView::refresh);
        connect(connection, &Connection::stateChanged, this, &HandshakeView::refresh);
        connect(connection, &Connection::finished, this, &HandshakeView::refresh);
        connect(connection, &Connection::tlsDecisionNeeded, this, &HandshakeView::refresh);
    }
    m_requestTabs->setCurrentIndex(0);
    m_responseTabs->setCurrentIndex(0);
    refresh();
}

QString HandshakeView::responseStatusLine() const
{
    if (!m_connection || m_connection->handshake().response.status == 0)
        return {};
    const HttpHead &r = m_connection->handshake().response;
    return QStringLiteral("%1 %2 %3")
        .arg(QString::fromLatin1(r.version))
        .arg(r.status)
        .arg(QString::fromLatin1(r.reason));
}

QString HandshakeView::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

QString HandshakeView::shownUrl() const
{
    const QString url = m_connection ? m_connection->url().toString() : QString();
    return m_revealSecrets ? url : SecretMasker::maskUrl(url);
}

void HandshakeView::setRevealSecrets(bool reveal)
{
    if (m_revealButton->isChecked() != reveal) {
        const QSignalBlocker block(m_revealButton);
        m_revealButton->setChecked(reveal);
    }
    if (m_revealSecrets == reveal)
        return;
    m_revealSecrets = reveal;
    m_requestModel->setRevealSecrets(reveal);
    m_responseModel->setRevealSecrets(reveal);
    refresh();
}

QString HandshakeView::requestRawText() const
{
    return m_requestRaw->toPlainText();
}

void HandshakeView::showBanner(int tone, const QString &html)
{
    if (html.isEmpty()) {
        m_banner->hide();
        m_banner->clear();
        return;
    }
    m_banner->setStyleSheet(theme::bannerStyleSheet(static_cast<theme::Tone>(tone), palette()));
    m_banner->setText(html);
    m_banner->show();
}

void HandshakeView::setTextIfChanged(QPlainTextEdit *edit, const QString &text)
{
    if (edit->toPlainText() != text)
        edit->setPlainText(text);
}

void HandshakeView::refresh()
{
    Connection *c = m_connection;
    if (!c) {
        showBanner(int(theme::Tone::Info), tr("Enter a ws:// or wss:// URL above and press Connect."));
        m_summary->clear();
        m_requestModel->setHeaders({});
        m_responseModel->setHeaders({});
        m_requestRaw->clear();
        m_responseRaw->clear();
        m_bodyText->clear();
        m_bodyHex->clear();
        updateChecks();
        updateAccept();
        updateTimings();
        return;
    }

    const HandshakeRecord &h = c->handshake();
    const HttpHead &request = h.request;
    const HttpHead &response = h.response;

    // Request: the wire bytes, or for encrypted wss what QWebSocket reports.
    if (!request.raw.isEmpty() || !request.headers.isEmpty()) {
        m_requestModel->setHeaders(toPairs(request.headers));
        setTextIfChanged(m_requestRaw, m_revealSecrets ? rawHeadText(request.raw) : maskedHeadText(request.raw));
    } else {
        m_requestModel->setHeaders(h.socketRequestHeaders);
        setTextIfChanged(m_requestRaw,
            h.encrypted ? tr("(The request went out inside TLS; only the headers the app set are known.)") : QString());
    }
    m_responseModel->setHeaders(toPairs(response.headers));
    setTextIfChanged(m_responseRaw, m_revealSecrets ? rawHeadText(response.raw) : maskedHeadText(response.raw));

    // Body of a non-101 response: text when it is text, otherwise a hex dump.
    auto *bodyStack = static_cast<QStackedLayout *>(m_bodyPage->layout());
    if (h.responseBody.isEmpty()) {
        bodyStack->setCurrentWidget(m_bodyText);
        setTextIfChanged(m_bodyText,
            response.status == 101 || response.status == 0 ? tr("(No body: a 101 response ends with its head.)")
                                                           : tr("(The response had no body.)"));
        m_bodyHex->clear();
    } else if (looksLikeText(h.responseBody)) {
        bodyStack->setCurrentWidget(m_bodyText);
        QString text = QString::fromUtf8(h.responseBody);
        if (h.responseBodyTruncated)
            text += tr("\n\n(Body truncated: only the first %1 bytes were kept.)").arg(h.responseBody.size());
        setTextIfChanged(m_bodyText, text);
    } else {
        bodyStack->setCurrentWidget(m_bodyHex);
        if (m_bodyHex->data() != h.responseBody)
            m_bodyHex->setData(h.responseBody);
    }
    const int bodyTab = m_responseTabs->indexOf(m_bodyPage);
    m_responseTabs->setTabText(
        bodyTab, h.responseBody.isEmpty() ? tr("Body") : tr("Body (%1 bytes)").arg(h.responseBody.size()));

    // Summary line: request line and status line.
    QStringList summary;
    if (!request.method.isEmpty()) {
        summary << QStringLiteral("<b>%1</b> %2")
                       .arg(QString::fromLatin1(request.method).toHtmlEscaped(),
                           (m_revealSecrets ? QString::fromLatin1(request.target)
                                            : SecretMasker::maskUrl(QString::fromLatin1(request.target)))
                               .toHtmlEscaped());
    } else {
        summary << QStringLiteral("<b>GET</b> %1").arg(shownUrl().toHtmlEscaped());
    }
    if (response.status != 0) {
        const bool ok = response.status == 101;
        const QColor color = theme::toneForeground(ok ? theme::Tone::Success : theme::Tone::Error, palette());
        summary << QStringLiteral("<span style='color:%1'><b>%2 %3</b></span>")
                       .arg(color.name())
                       .arg(response.status)
                       .arg(QString::fromLatin1(response.reason).toHtmlEscaped());
    } else if (c->state() == Connection::State::Connecting) {
        summary << tr("waiting for the response\u2026");
    } else if (h.encrypted) {
        summary << tr("response inside TLS");
    } else {
        summary << tr("no response");
    }
    m_summary->setText(summary.join(QStringLiteral(" &nbsp;\u2192&nbsp; ")));

    // Banner: a certificate decision first, a refused upgrade, a failure before any response, then encryption.
    m_tlsDecision->setVisible(c->awaitingTlsDecision());
    if (c->awaitingTlsDecision()) {
        QString html = tr("<b>The certificate of %1 failed verification.</b> The connection is paused until you "
                          "decide.")
                           .arg(h.tls.host.toHtmlEscaped());
        for (const QString &error : h.tls.errorTexts)
            html += QStringLiteral("<br/>\u2022 ") + error.toHtmlEscaped();
        showBanner(int(theme::Tone::Warning), html);
    } else if (response.status != 0 && response.status != 101) {
        QString html = QStringLiteral("<b>HTTP %1 %2</b> \u2014 the server did not upgrade to WebSocket.<br/>%3")
                           .arg(response.status)
                           .arg(QString::fromLatin1(response.reason).toHtmlEscaped(),
                               upgradeStatusExplanation(response.status).toHtmlEscaped());
        if (!h.responseBody.isEmpty())
            html += tr("<br/>The response body (%1 bytes) is in the Response \u2192 Body tab.")
                        .arg(h.responseBody.size());
        showBanner(int(theme::Tone::Error), html);
        if (m_lastFailedStatus != response.status) {
            m_lastFailedStatus = response.status;
            m_responseTabs->setCurrentWidget(
                h.responseBody.isEmpty() ? static_cast<QWidget *>(m_responseTable) : m_bodyPage);
        }
    } else if (c->state() == Connection::State::Failed && response.status == 0) {
        const QString why
            = c->statusText().isEmpty() ? tr("The connection failed before any response arrived.") : c->statusText();
        showBanner(int(theme::Tone::Error),
            QStringLiteral("<b>%1</b><br/>%2").arg(tr("No handshake response."), why.toHtmlEscaped()));
    } else if (h.encrypted) {
        showBanner(int(theme::Tone::Info),
            tr("<b>Encrypted (wss://), not intercepted.</b> The bytes on the wire are TLS records, so the handshake "
               "and frames cannot be shown exactly as sent. The request table lists the headers the app set; "
               "messages are recorded as the socket delivered them."));
    } else if (c->state() == Connection::State::Connecting && request.raw.isEmpty()) {
        showBanner(int(theme::Tone::Info), tr("Connecting to %1\u2026").arg(shownUrl().toHtmlEscaped()));
    } else {
        showBanner(0, {});
    }

    updateChecks();
    updateAccept();
    updateTimings();
    updateTls();
}

void HandshakeView::updateChecks()
{
    m_checks->clear();
    if (!m_connection)
        return;
    const QIcon passIcon = theme::icon("pass");
    const QIcon failIcon = theme::icon("fail");
    QList<QTreeWidgetItem *> items;
    for (const HandshakeCheckItem &check : m_connection->handshake().checks) {
        auto *item = new QTreeWidgetItem({ check.name, check.expected, check.actual });
        item->setIcon(0, check.passed ? passIcon : failIcon);
        QString tip = check.passed ? tr("Passed") : check.explanation;
        item->setToolTip(0, tip);
        item->setToolTip(1, check.expected);
        item->setToolTip(2, check.actual.isEmpty() ? tr("(absent)") : check.actual);
        if (!check.passed) {
            for (int col = 0; col < 3; ++col)
                item->setBackground(col, theme::toneTint(theme::Tone::Error, palette()));
        }
        items << item;
    }
    m_checks->addTopLevelItems(items);
}

void HandshakeView::updateAccept()
{
    if (!m_connection) {
        m_accept->clear();
        return;
    }
    const HandshakeRecord &h = m_connection->handshake();
    const AcceptComputation &a = h.accept;
    if (a.key.isEmpty()) {
        const Connection::State state = m_connection->state();
        if (h.encrypted)
            m_accept->setText(tr("The key and the server's answer travelled inside TLS, which is not intercepted "
                                 "for this connection; turn on Intercept TLS in the options to see the check."));
        else if (state == Connection::State::Failed || state == Connection::State::Closed)
            m_accept->setText(tr("No upgrade request was sent, so there is nothing to check."));
        else
            m_accept->setText(tr("The computation appears once the request is sent."));
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
    m_accept->setText(html);
}

void HandshakeView::updateTimings()
{
    if (!m_connection) {
        m_timings->clear();
        return;
    }
    const ConnectionTimings &t = m_connection->timings();
    QStringList parts;
    parts << tr("DNS <b>%1</b>").arg(ms(t.dnsUs)) << tr("TCP <b>%1</b>").arg(ms(t.tcpUs));
    if (m_connection->url().scheme() == QLatin1String("wss") || t.tlsUs >= 0)
        parts << tr("TLS <b>%1</b>").arg(ms(t.tlsUs));
    parts << tr("Upgrade <b>%1</b>").arg(ms(t.upgradeUs)) << tr("Total <b>%1</b>").arg(ms(t.totalUs));
    m_timings->setText(tr("Timings: ") + parts.join(QStringLiteral(" &nbsp;\u00b7&nbsp; ")));
}

bool HandshakeView::isTlsDecisionShown() const
{
    return !m_tlsDecision->isHidden();
}

void HandshakeView::decideTls(int choice)
{
    QPointer<Connection> c = m_connection;
    if (!c || !c->awaitingTlsDecision())
        return;
    if (choice == 2)
        c->cancelTls();
    else
        c->proceedTls(choice == 1);
    if (c == m_connection)
        refresh();
}

void HandshakeView::updateTls()
{
    const Connection *c = m_connection;
    const bool secure = c && c->url().scheme() == QLatin1String("wss");
    if (m_tlsBox->isHidden() == secure) {
        m_tlsBox->setVisible(secure);
        // Share the width when the TLS pane appears; later the user's own splitter drags are kept.
        const int w = qMax(600, m_checksSplitter->width());
        m_checksSplitter->setSizes(secure ? QList<int> { w * 30 / 100, w * 30 / 100, w * 40 / 100 }
                                          : QList<int> { w * 57 / 100, w * 43 / 100, 0 });
    }
    if (!secure)
        return;
    const HandshakeRecord &h = c->handshake();
    if (!h.tlsKnown) {
        m_tls->setText(h.encrypted ? tr("This connection is not intercepted: Qt's own TLS session with the server "
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
    m_tls->setText(html);
}

void HandshakeView::observe(ViewState *state)
{
    connect(state, &ViewState::currentConnectionChanged, this, &HandshakeView::setConnection);
    connect(state, &ViewState::revealSecretsChanged, this, &HandshakeView::setRevealSecrets);
    connect(this, &HandshakeView::revealSecretsToggled, state, &ViewState::setRevealSecrets);
    setConnection(state->currentConnection());
    setRevealSecrets(state->revealSecrets());
}

} // namespace wsi
