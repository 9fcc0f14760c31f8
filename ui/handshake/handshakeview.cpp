#include "handshake/handshakeview.h"

#include "handshake/handshakelegpicker.h"

#include "common/theme.h"
#include "common/viewstate.h"
#include "connection/connection.h"
#include "explain/secretmasker.h"
#include "handshake/acceptcomputationlabel.h"
#include "handshake/handshakebanner.h"
#include "handshake/handshakebodyview.h"
#include "handshake/handshakecheckslist.h"
#include "handshake/handshakepanes.h"
#include "handshake/handshaketimingslabel.h"
#include "handshake/headertablemodel.h"
#include "handshake/headtext.h"
#include "handshake/tlsdecisionbar.h"
#include "handshake/tlsreportlabel.h"

#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace wsi {

namespace {

QList<HeaderTableModel::Header> toPairs(const QList<HttpHeader> &headers)
{
    QList<HeaderTableModel::Header> pairs;
    pairs.reserve(headers.size());
    for (const HttpHeader &h : headers)
        pairs.append({ h.name, h.value });
    return pairs;
}

} // namespace

HandshakeView::HandshakeView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("handshakeView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);

    m_banner = new HandshakeBanner(this);
    layout->addWidget(m_banner);

    // Shown while a wss connection waits for the user to accept or refuse a certificate that failed verification.
    m_tlsDecision = new TlsDecisionBar(this);
    m_tlsDecision->hide();
    layout->addWidget(m_tlsDecision);
    connect(m_tlsDecision, &TlsDecisionBar::decided, this, &HandshakeView::decideTls);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("handshakeSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *summaryRow = new QHBoxLayout;
    summaryRow->addWidget(m_summary, 1);
    m_legPicker = new HandshakeLegPicker(this);
    summaryRow->addWidget(m_legPicker);
    connect(m_legPicker, &QComboBox::currentIndexChanged, this, &HandshakeView::refresh);
    m_revealButton = new QToolButton(this);
    m_revealButton->setObjectName(QStringLiteral("revealSecretsButton"));
    m_revealButton->setIcon(theme::icon("eye"));
    m_revealButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_revealButton->setAutoRaise(true);
    m_revealButton->setCheckable(true);
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

    auto *requestBox = new QGroupBox(m_headsSplitter);
    m_requestBox = requestBox;
    auto *requestLayout = new QVBoxLayout(requestBox);
    requestLayout->setContentsMargins(4, 4, 4, 4);
    m_requestTabs = new QTabWidget(requestBox);
    m_requestTabs->setObjectName(QStringLiteral("requestTabs"));
    m_requestTabs->setDocumentMode(true);
    m_requestModel = new HeaderTableModel(this);
    m_requestTable = HandshakePanes::headerTable(m_requestModel, QStringLiteral("requestHeadersTable"), m_requestTabs);
    m_requestRaw = HandshakePanes::rawView(QStringLiteral("requestRawText"), m_requestTabs);
    // Copying the raw text copies what is shown: with secrets masked, the masked form.
    m_requestTabs->addTab(m_requestTable, QString());
    m_requestTabs->addTab(m_requestRaw, QString());
    requestLayout->addWidget(m_requestTabs);

    auto *responseBox = new QGroupBox(m_headsSplitter);
    m_responseBox = responseBox;
    auto *responseLayout = new QVBoxLayout(responseBox);
    responseLayout->setContentsMargins(4, 4, 4, 4);
    m_responseTabs = new QTabWidget(responseBox);
    m_responseTabs->setObjectName(QStringLiteral("responseTabs"));
    m_responseTabs->setDocumentMode(true);
    m_responseModel = new HeaderTableModel(this);
    m_responseTable
        = HandshakePanes::headerTable(m_responseModel, QStringLiteral("responseHeadersTable"), m_responseTabs);
    m_responseRaw = HandshakePanes::rawView(QStringLiteral("responseRawText"), m_responseTabs);
    m_bodyPage = new HandshakeBodyView(m_responseTabs);
    m_responseTabs->addTab(m_responseTable, QString());
    m_responseTabs->addTab(m_responseRaw, QString());
    m_responseTabs->addTab(m_bodyPage, QString());
    responseLayout->addWidget(m_responseTabs);

    m_checksSplitter = new QSplitter(Qt::Horizontal, m_splitter);
    m_checksSplitter->setObjectName(QStringLiteral("handshakeChecksSplitter"));
    m_checksSplitter->setChildrenCollapsible(false);

    auto *checksBox = new QGroupBox(m_checksSplitter);
    m_checksBox = checksBox;
    checksBox->setObjectName(QStringLiteral("handshakeChecksBox"));
    auto *checksLayout = new QVBoxLayout(checksBox);
    checksLayout->setContentsMargins(4, 4, 4, 4);
    m_checks = new HandshakeChecksList(checksBox);
    checksLayout->addWidget(m_checks);

    auto *acceptBox = new QGroupBox(m_checksSplitter);
    m_acceptBox = acceptBox;
    auto *acceptLayout = new QVBoxLayout(acceptBox);
    acceptLayout->setContentsMargins(8, 6, 8, 6);
    m_accept = new AcceptComputationLabel;
    auto *acceptScroll = new QScrollArea(acceptBox);
    acceptScroll->setFrameShape(QFrame::NoFrame);
    acceptScroll->setWidgetResizable(true);
    acceptScroll->setWidget(m_accept);
    acceptLayout->addWidget(acceptScroll, 1);
    m_timings = new HandshakeTimingsLabel(acceptBox);
    acceptLayout->addWidget(m_timings);

    auto *tlsBox = new QGroupBox(m_checksSplitter);
    m_tlsBox = tlsBox;
    auto *tlsLayout = new QVBoxLayout(tlsBox);
    tlsLayout->setContentsMargins(8, 6, 8, 6);
    // Fingerprints and cipher names do not wrap: scroll them rather than widen the window.
    auto *tlsScroll = new QScrollArea(tlsBox);
    tlsScroll->setFrameShape(QFrame::NoFrame);
    tlsScroll->setWidgetResizable(true);
    m_tls = new TlsReportLabel(tlsScroll);
    tlsScroll->setWidget(m_tls);
    tlsLayout->addWidget(tlsScroll);
    tlsBox->hide();

    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({ 330, 270 });
    m_checksSplitter->setStretchFactor(0, 3);
    m_checksSplitter->setStretchFactor(1, 2);
    m_checksSplitter->setSizes({ 560, 420 });
    retranslateUi();
    refresh();
}

HandshakeView::~HandshakeView() = default;

void HandshakeView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        // The summary, banner, checks, Accept computation and timings are written from the connection.
        m_requestModel->retranslate();
        m_responseModel->retranslate();
        refresh();
    }
    QWidget::changeEvent(event);
}

void HandshakeView::retranslateUi()
{
    m_revealButton->setText(tr("Reveal Secrets"));
    m_revealButton->setToolTip(tr("Show Authorization, cookie and token values instead of ••••••. "
                                  "The recorded bytes never change; copying copies what is shown."));
    m_requestBox->setTitle(tr("Request (client \u2192 server)"));
    m_requestRaw->setToolTip(
        tr("The request head as sent. Secrets are masked unless revealed; copying copies what is shown."));
    m_requestTabs->setTabText(0, tr("Headers"));
    m_requestTabs->setTabText(1, tr("Raw"));
    m_responseBox->setTitle(tr("Response (server \u2192 client)"));
    m_responseRaw->setToolTip(
        tr("The response head as received. Secrets are masked unless revealed; copying copies what is shown."));
    m_responseTabs->setTabText(0, tr("Headers"));
    m_responseTabs->setTabText(1, tr("Raw"));
    m_responseTabs->setTabText(2, tr("Body")); // refresh() adds the body's size
    m_checksBox->setTitle(tr("Checks (RFC 6455 section 4.1)"));
    m_acceptBox->setTitle(tr("Sec-WebSocket-Accept and timings"));
    m_tlsBox->setTitle(tr("TLS (the real server)"));
}

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
    {
        const QSignalBlocker block(m_legPicker); // refresh() below, once
        m_legPicker->showConnection(connection);
    }
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
    if (!m_connection || m_legPicker->handshakeOf(*m_connection).response.status == 0)
        return {};
    const HttpHead &r = m_legPicker->handshakeOf(*m_connection).response;
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

bool HandshakeView::highlightHeader(const QByteArray &name)
{
    auto select = [&name](QTabWidget *tabs, QTableView *table, const HeaderTableModel *model) {
        const int row = model->rowOf(name);
        if (row < 0)
            return false;
        tabs->setCurrentWidget(table);
        table->selectRow(row);
        table->scrollTo(model->index(row, 0));
        return true;
    };
    return select(m_requestTabs, m_requestTable, m_requestModel)
        || select(m_responseTabs, m_responseTable, m_responseModel);
}

QString HandshakeView::requestRawText() const
{
    return m_requestRaw->toPlainText();
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
        m_banner->showMessage(int(theme::Tone::Info), tr("Enter a ws:// or wss:// URL above and press Connect."));
        m_summary->clear();
        m_requestModel->setHeaders({});
        m_responseModel->setHeaders({});
        m_requestRaw->clear();
        m_responseRaw->clear();
        m_bodyPage->clear();
        m_checks->showConnection(nullptr);
        m_accept->showConnection(nullptr);
        m_timings->showConnection(nullptr);
        return;
    }

    const HandshakeRecord &h = m_legPicker->handshakeOf(*c); // a proxied connection: the chosen leg's
    const HttpHead &request = h.request;
    const HttpHead &response = h.response;

    // Request: the wire bytes, or for encrypted wss what QWebSocket reports.
    if (!request.raw.isEmpty() || !request.headers.isEmpty()) {
        m_requestModel->setHeaders(toPairs(request.headers));
        setTextIfChanged(m_requestRaw, m_revealSecrets ? HeadText::raw(request.raw) : HeadText::masked(request.raw));
    } else {
        m_requestModel->setHeaders(h.socketRequestHeaders);
        setTextIfChanged(m_requestRaw,
            h.encrypted ? tr("(The request went out inside TLS; only the headers the app set are known.)") : QString());
    }
    m_responseModel->setHeaders(toPairs(response.headers));
    setTextIfChanged(m_responseRaw, m_revealSecrets ? HeadText::raw(response.raw) : HeadText::masked(response.raw));

    // Body of a non-101 response: text when it is text, otherwise a hex dump.
    m_bodyPage->showHandshake(h);
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
    m_banner->showConnection(*c, shownUrl());
    // A refused upgrade opens on its body (or headers) once; later the user's choice of tab is kept.
    if (!c->awaitingTlsDecision() && response.status != 0 && response.status != 101
        && m_lastFailedStatus != response.status) {
        m_lastFailedStatus = response.status;
        m_responseTabs->setCurrentWidget(
            h.responseBody.isEmpty() ? static_cast<QWidget *>(m_responseTable) : m_bodyPage);
    }

    m_checks->showConnection(c);
    m_accept->showConnection(c);
    m_timings->showConnection(c);
    updateTls();
}

bool HandshakeView::isTlsDecisionShown() const
{
    return !m_tlsDecision->isHidden();
}

void HandshakeView::decideTls(TlsDecisionBar::Choice choice)
{
    QPointer<Connection> c = m_connection;
    if (!c || !c->awaitingTlsDecision())
        return;
    if (choice == TlsDecisionBar::Cancel)
        c->cancelTls();
    else
        c->proceedTls(choice == TlsDecisionBar::AlwaysTrust);
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
    m_tls->showConnection(*c);
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
