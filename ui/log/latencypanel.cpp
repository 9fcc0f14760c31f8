// LatencyPanel: the Stats tab's latency per method or event: a table of p50/p95/p99 and counts, and its plot.
#include "log/latencypanel.h"

#include "log/latencyplot.h"
#include "models/latencystatsmodel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace wsi {

LatencyPanel::LatencyPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new LatencyStatsModel(this))
{
    setObjectName(QStringLiteral("latencyPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 0, 12, 8);
    layout->setSpacing(4);
    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    layout->addWidget(m_title);
    auto *row = new QHBoxLayout;
    row->setSpacing(8);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("latencyTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    const int digit = m_table->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_table->horizontalHeader()->resizeSection(LatencyStatsModel::LabelColumn, digit * 18);
    for (int column = LatencyStatsModel::CountColumn; column < LatencyStatsModel::NUM_COLUMNS; ++column)
        m_table->horizontalHeader()->resizeSection(column, digit * 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    row->addWidget(m_table, 1);
    m_plot = new LatencyPlot(m_model, this);
    row->addWidget(m_plot, 1);
    layout->addLayout(row, 1);
    setVisible(false);
    retranslate();
}

LatencyPanel::~LatencyPanel() = default;

void LatencyPanel::setConnection(Connection *connection)
{
    m_model->setConnection(connection);
    refresh();
}

void LatencyPanel::refresh()
{
    m_model->refresh();
    const bool hasData = m_model->rowCount() > 0;
    if (hasData == m_hasData)
        return;
    m_hasData = hasData;
    setVisible(hasData);
    Q_EMIT availabilityChanged(hasData);
}

void LatencyPanel::retranslate()
{
    m_title->setText(tr("Latency per method or event"));
    m_title->setToolTip(tr("From each request to its reply, for the requests that got one. p50, p95 and p99 are "
                           "nearest-rank percentiles: latencies that were measured, not interpolated."));
    m_plot->setToolTip(tr("Bar: p50; lighter bar: up to p95; mark: p99."));
}

void LatencyPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        Q_EMIT m_model->headerDataChanged(Qt::Horizontal, 0, LatencyStatsModel::NUM_COLUMNS - 1);
        m_plot->update();
    }
    QWidget::changeEvent(event);
}

} // namespace wsi
