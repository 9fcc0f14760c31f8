// PairsView: the "Pairs" tab: the selected connection's requests and their replies, latency and status.
#include "log/pairsview.h"

#include "common/theme.h"
#include "common/viewstate.h"
#include "connection/connection.h"
#include "models/pairsmodel.h"
#include "models/protocollog.h"
#include "store/wallclock.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace wsi {

namespace {

// The status in its tone: waiting in the info colour, unanswered as a warning.
class PairStatusDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const auto status = PairsModel::Status(index.data(PairsModel::StatusRole).toInt());
        if (status == PairsModel::Status::Unanswered) {
            option->palette.setColor(QPalette::Text, theme::toneForeground(theme::Tone::Warning, option->palette));
            if (index.column() == PairsModel::StatusColumn)
                option->font.setBold(true);
        } else if (status == PairsModel::Status::Waiting && index.column() == PairsModel::StatusColumn) {
            option->palette.setColor(QPalette::Text, theme::toneForeground(theme::Tone::Info, option->palette));
        }
    }
};

} // namespace

PairsView::PairsView(QWidget *parent)
    : QWidget(parent)
    , m_model(new PairsModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("pairsView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack);

    m_empty = new QLabel(m_stack);
    m_empty->setObjectName(QStringLiteral("pairsEmptyLabel"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setMargin(24);
    m_stack->addWidget(m_empty);

    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(PairsModel::SortRole);
    m_table = new QTableView(m_stack);
    m_table->setObjectName(QStringLiteral("pairsTable"));
    m_table->setModel(m_sorted);
    m_table->setItemDelegate(new PairStatusDelegate(m_table));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(PairsModel::RequestTimeColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights and column widths: no ResizeToContents over a growing table.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    const int digit = m_table->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    header->resizeSection(PairsModel::RequestTimeColumn, digit * 14);
    header->resizeSection(PairsModel::RequestColumn, digit * 36);
    header->resizeSection(PairsModel::ReplyTimeColumn, digit * 14);
    header->resizeSection(PairsModel::ReplyColumn, digit * 30);
    header->resizeSection(PairsModel::LatencyColumn, digit * 13);
    header->setStretchLastSection(true);
    m_stack->addWidget(m_table);

    connect(
        m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
            const int row = requestRow(current);
            if (row >= 0)
                Q_EMIT requestSelected(row, false);
        });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const int row = requestRow(index);
        if (row >= 0)
            Q_EMIT requestSelected(row, true);
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &PairsView::updateEmptyState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PairsView::updateEmptyState);

    // Once a second while shown: waiting requests turn unanswered as their timeout passes.
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &PairsView::refresh);
    retranslate();
}

PairsView::~PairsView() = default;

void PairsView::setConnection(Connection *connection)
{
    m_connection = connection;
    m_model->setConnection(connection);
    refresh();
}

void PairsView::observe(ViewState *state)
{
    connect(state, &ViewState::currentConnectionChanged, this, &PairsView::setConnection);
    setConnection(state->currentConnection());
}

void PairsView::refresh()
{
    m_model->refresh();
    // A live connection's requests wait on the clock; a finished one's only until its last row.
    const bool live = m_connection
        && (m_connection->state() == Connection::State::Open || m_connection->state() == Connection::State::Closing);
    m_model->setNowUs(live ? qMax(wallClockUs(), m_model->nowUs()) : -1);
    updateEmptyState();
}

int PairsView::requestRow(const QModelIndex &proxyIndex) const
{
    return proxyIndex.isValid() ? proxyIndex.data(PairsModel::RequestEventIndexRole).toInt() : -1;
}

QString PairsView::emptyText() const
{
    if (m_model->rowCount() > 0)
        return {};
    if (!m_connection)
        return tr("Select a connection to see its requests and replies.");
    if (!m_model->decodes())
        return tr("No protocol decoded on this connection, so there are no requests to pair. Choose a protocol "
                  "(JSON-RPC, Socket.IO, GraphQL, STOMP, MQTT, SignalR) in the connection options.");
    if (ProtocolLog::of(m_connection)->protocol().isEmpty())
        return tr("No requests yet. Messages your pairing rule makes requests appear here with their replies "
                  "and latencies.");
    return tr("No requests yet. Requests sent as %1 appear here with their replies and latencies.")
        .arg(ProtocolLog::displayName(m_connection ? ProtocolLog::of(m_connection)->protocol() : QString()));
}

void PairsView::updateEmptyState()
{
    const QString text = emptyText();
    m_empty->setText(text);
    m_stack->setCurrentWidget(text.isEmpty() ? static_cast<QWidget *>(m_table) : m_empty);
}

void PairsView::retranslate()
{
    m_table->setToolTip(tr("Requests matched to their replies by id. A request without a reply for 60 seconds "
                           "is unanswered. Click a pair to select its request in the Messages log; "
                           "double-click to go there."));
    updateEmptyState();
}

void PairsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        // The model's headers and status texts come from tr() as they are asked for.
        refresh();
        Q_EMIT m_model->headerDataChanged(Qt::Horizontal, 0, PairsModel::NUM_COLUMNS - 1);
    }
    QWidget::changeEvent(event);
}

void PairsView::showEvent(QShowEvent *event)
{
    refresh();
    m_timer->start();
    QWidget::showEvent(event);
}

void PairsView::hideEvent(QHideEvent *event)
{
    m_timer->stop();
    QWidget::hideEvent(event);
}

} // namespace wsi
