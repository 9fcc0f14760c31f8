// LegCompareView: a proxied message's bytes on the client leg and on the server leg, side by side.
#include "detail/legcompareview.h"

#include "common/theme.h"
#include "connection/connection.h"
#include "models/legrows.h"
#include "store/eventstore.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace wsi {

namespace {

QPlainTextEdit *makeSide(const QString &name, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(name);
    edit->setReadOnly(true);
    edit->setFont(theme::monospaceFont());
    return edit;
}

QString shownBytes(const EventStore &store, qsizetype index)
{
    const QByteArray bytes = store.payloadCopy(index);
    return store.at(index).hasFlag(FlagText) ? QString::fromUtf8(bytes) : QString::fromLatin1(bytes.toHex(' '));
}

} // namespace

LegCompareView::LegCompareView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("legCompareView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("legCompareSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_sides = new QWidget(this);
    auto *grid = new QGridLayout(m_sides);
    grid->setContentsMargins(0, 0, 0, 0);
    m_clientTitle = new QLabel(m_sides);
    m_serverTitle = new QLabel(m_sides);
    m_client = makeSide(QStringLiteral("legCompareClientText"), m_sides);
    m_server = makeSide(QStringLiteral("legCompareServerText"), m_sides);
    grid->addWidget(m_clientTitle, 0, 0);
    grid->addWidget(m_serverTitle, 0, 1);
    grid->addWidget(m_client, 1, 0);
    grid->addWidget(m_server, 1, 1);
    layout->addWidget(m_sides, 1);
    layout->addStretch();
    retranslateUi();
    clear();
}

LegCompareView::~LegCompareView() = default;

void LegCompareView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LegCompareView::retranslateUi()
{
    m_clientTitle->setText(tr("Client leg (the app and the proxy)"));
    m_serverTitle->setText(tr("Server leg (the proxy and the upstream)"));
    m_summary->setText(summary());
}

void LegCompareView::clear()
{
    m_shown = false;
    m_differ = false;
    m_missing = false;
    m_size = 0;
    m_client->clear();
    m_server->clear();
    m_sides->hide();
    m_summary->clear();
}

bool LegCompareView::showRow(const Connection *connection, int row)
{
    clear();
    const EventStore *store = LegRows::storeOf(connection, row);
    if (!store || !connection->hasTwoLegs() || store->at(LegRows::indexInLeg(row)).type != EventType::Message)
        return false;
    const int other = LegRows::counterpart(connection, row);
    const EventStore *otherStore = LegRows::storeOf(connection, other);
    const QString mine = shownBytes(*store, LegRows::indexInLeg(row));
    const QString theirs = otherStore ? shownBytes(*otherStore, LegRows::indexInLeg(other)) : QString();
    const bool clientLeg = LegRows::isClientLeg(row);
    m_size = store->payloadCopy(LegRows::indexInLeg(row)).size();
    m_missing = !otherStore;
    m_differ = m_missing
        || store->payloadCopy(LegRows::indexInLeg(row)) != otherStore->payloadCopy(LegRows::indexInLeg(other))
        || store->at(LegRows::indexInLeg(row)).hasFlag(FlagText)
            != otherStore->at(LegRows::indexInLeg(other)).hasFlag(FlagText);
    m_client->setPlainText(clientLeg ? mine : theirs);
    m_server->setPlainText(clientLeg ? theirs : mine);
    m_shown = true;
    m_sides->setVisible(m_differ);
    m_summary->setText(summary());
    return true;
}

QString LegCompareView::summary() const
{
    if (m_missing)
        return tr("This message crossed one leg only: the other leg has no such message.");
    if (m_differ)
        return tr("The legs differ: the message was changed between the client and the server.");
    if (m_shown)
        return tr("Same bytes on both legs (%n byte(s)).", nullptr, int(m_size));
    return {};
}

QString LegCompareView::clientText() const
{
    return m_client->toPlainText();
}

QString LegCompareView::serverText() const
{
    return m_server->toPlainText();
}

} // namespace wsi
