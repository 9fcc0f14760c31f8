#include "handshake/handshakediffdialog.h"

#include "common/theme.h"
#include "connection/connection.h"
#include "explain/handshakediff.h"
#include "explain/secretmasker.h"
#include "handshake/handshakediffmodel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace wsi {

namespace {

QTableView *makeTable(HandshakeDiffModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->resizeSection(HandshakeDiffModel::ChangeColumn, 28);
    view->horizontalHeader()->resizeSection(HandshakeDiffModel::NameColumn, 200);
    view->horizontalHeader()->resizeSection(HandshakeDiffModel::OlderColumn, 330);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

QPlainTextEdit *makeBody(const QString &name, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(name);
    edit->setReadOnly(true);
    edit->setFont(theme::monospaceFont());
    return edit;
}

} // namespace

HandshakeDiffDialog::HandshakeDiffDialog(Connection *older, Connection *newer, bool revealSecrets, QWidget *parent)
    : QDialog(parent)
    , m_older(older)
    , m_newer(newer)
    , m_reveal(revealSecrets)
    , m_requestModel(new HandshakeDiffModel(this))
    , m_responseModel(new HandshakeDiffModel(this))
{
    setObjectName(QStringLiteral("handshakeDiffDialog"));
    setWindowTitle(tr("Compare Handshakes: #%1 and #%2").arg(older->id()).arg(newer->id()));
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("handshakeDiffSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    auto *requestBox = new QGroupBox(tr("Request (client \u2192 server)"), splitter);
    auto *requestLayout = new QVBoxLayout(requestBox);
    m_requestTable = makeTable(m_requestModel, QStringLiteral("diffRequestTable"), requestBox);
    requestLayout->addWidget(m_requestTable);
    auto *responseBox = new QGroupBox(tr("Response (server \u2192 client)"), splitter);
    auto *responseLayout = new QVBoxLayout(responseBox);
    m_responseTable = makeTable(m_responseModel, QStringLiteral("diffResponseTable"), responseBox);
    responseLayout->addWidget(m_responseTable);
    auto *bodyBox = new QGroupBox(tr("Response body"), splitter);
    auto *bodyLayout = new QGridLayout(bodyBox);
    m_olderBodyTitle = new QLabel(bodyBox);
    m_newerBodyTitle = new QLabel(bodyBox);
    m_olderBody = makeBody(QStringLiteral("diffOlderBody"), bodyBox);
    m_newerBody = makeBody(QStringLiteral("diffNewerBody"), bodyBox);
    bodyLayout->addWidget(m_olderBodyTitle, 0, 0);
    bodyLayout->addWidget(m_newerBodyTitle, 0, 1);
    bodyLayout->addWidget(m_olderBody, 1, 0);
    bodyLayout->addWidget(m_newerBody, 1, 1);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 2);
    layout->addWidget(splitter, 1);

    auto *bottom = new QHBoxLayout;
    m_onlyDifferences = new QCheckBox(tr("Only &differences"), this);
    m_onlyDifferences->setObjectName(QStringLiteral("diffOnlyDifferences"));
    m_onlyDifferences->setToolTip(tr("Hide the headers that are the same on both sides"));
    bottom->addWidget(m_onlyDifferences);
    auto *legend = new QLabel(this);
    const QPalette p = palette();
    legend->setText(
        tr("<span style='background:%1'>&nbsp;+ added&nbsp;</span> &nbsp; "
           "<span style='background:%2'>&nbsp;\u2212 removed&nbsp;</span> &nbsp; "
           "<span style='background:%3'>&nbsp;~ changed&nbsp;</span> &nbsp; dimmed: differs on every attempt")
            .arg(theme::toneTint(theme::Tone::Success, p).name(), theme::toneTint(theme::Tone::Error, p).name(),
                theme::toneTint(theme::Tone::Warning, p).name()));
    bottom->addWidget(legend, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);

    connect(m_onlyDifferences, &QCheckBox::toggled, this, &HandshakeDiffDialog::refresh);
    for (Connection *c : { older, newer }) {
        connect(c, &Connection::handshakeUpdated, this, &HandshakeDiffDialog::refresh);
        connect(c, &QObject::destroyed, this, &QDialog::reject);
    }
    m_requestModel->setRevealSecrets(revealSecrets);
    m_responseModel->setRevealSecrets(revealSecrets);
    refresh();
    resize(1100, 720);
}

HandshakeDiffDialog::~HandshakeDiffDialog() = default;

QString HandshakeDiffDialog::sideTitle(const Connection *c) const
{
    const QString url = m_reveal ? c->url().toString() : SecretMasker::maskUrl(c->url().toString());
    const int status = c->handshake().response.status;
    return tr("#%1 %2 (%3)").arg(c->id()).arg(url, status ? QString::number(status) : tr("no response"));
}

QString HandshakeDiffDialog::bodyText(const QByteArray &body, bool truncated)
{
    if (body.isEmpty())
        return tr("(no body)");
    QString text = QString::fromUtf8(body);
    if (truncated)
        text += tr("\n\n(Body truncated: only the first %1 bytes were kept.)").arg(body.size());
    return text;
}

void HandshakeDiffDialog::setRevealSecrets(bool reveal)
{
    m_reveal = reveal;
    m_requestModel->setRevealSecrets(reveal);
    m_responseModel->setRevealSecrets(reveal);
    refresh();
}

void HandshakeDiffDialog::refresh()
{
    if (!m_older || !m_newer)
        return;
    HandshakeDiff diff = HandshakeDiff::compare(m_older->handshake(), m_newer->handshake());
    if (m_onlyDifferences->isChecked()) {
        for (auto *rows : { &diff.requestHeaders, &diff.responseHeaders })
            rows->removeIf([](const HandshakeDiff::HeaderRow &r) { return r.change == HandshakeDiff::Change::Same; });
    }
    const QString olderTitle = sideTitle(m_older);
    const QString newerTitle = sideTitle(m_newer);
    m_requestModel->setColumnTitles(olderTitle, newerTitle);
    m_responseModel->setColumnTitles(olderTitle, newerTitle);
    m_requestModel->setDiff(tr("Request line"), diff.requestLine, diff.requestHeaders);
    m_responseModel->setDiff(tr("Status line"), diff.statusLine, diff.responseHeaders);
    m_olderBodyTitle->setText(olderTitle);
    m_newerBodyTitle->setText(newerTitle);
    const QString olderBody = bodyText(diff.oldBody, m_older->handshake().responseBodyTruncated);
    const QString newerBody = bodyText(diff.newBody, m_newer->handshake().responseBodyTruncated);
    if (m_olderBody->toPlainText() != olderBody)
        m_olderBody->setPlainText(olderBody);
    if (m_newerBody->toPlainText() != newerBody)
        m_newerBody->setPlainText(newerBody);

    const int count = diff.differenceCount();
    QString summary = QStringLiteral("<b>%1</b> &nbsp;\u2192&nbsp; <b>%2</b><br/>")
                          .arg(olderTitle.toHtmlEscaped(), newerTitle.toHtmlEscaped());
    if (count == 0)
        summary += tr("No differences besides the per-attempt key, accept and date.");
    else
        summary += tr("%n difference(s)", nullptr, count)
            + (diff.statusLine.changed() ? tr(": the status changed from %1 to %2.")
                                               .arg(QString::fromLatin1(diff.statusLine.oldText).toHtmlEscaped(),
                                                   QString::fromLatin1(diff.statusLine.newText).toHtmlEscaped())
                                         : QStringLiteral("."));
    m_summary->setText(summary);
}

QString HandshakeDiffDialog::summaryText() const
{
    return m_summary->text();
}

QString HandshakeDiffDialog::olderBodyText() const
{
    return m_olderBody->toPlainText();
}

QString HandshakeDiffDialog::newerBodyText() const
{
    return m_newerBody->toPlainText();
}

} // namespace wsi
