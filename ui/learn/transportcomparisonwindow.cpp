// TransportComparisonWindow: the transports comparison's table and chart in a window of their own.
#include "learn/transportcomparisonwindow.h"

#include "learn/transportchart.h"
#include "learn/transportresultmodel.h"

#include "ui_transportcomparisonwindow.h"

#include <QEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QTransposeProxyModel>

namespace wsi {

namespace {

const QString geometryKey = QStringLiteral("learn/transportWindowGeometry");
// Narrow enough for four transports side by side on a small screen, wide enough for the plain-words row to say
// its sentence on a few lines.
constexpr int kMinColumnWidth = 140;
constexpr int kCellPadding = 16;

} // namespace

TransportComparisonWindow::TransportComparisonWindow(TransportResultModel *model, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_ui(new Ui::TransportComparisonWindow)
    , m_model(model)
    , m_sideways(new QTransposeProxyModel(this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("transportComparisonWindow"));
    m_sideways->setSourceModel(m_model);
    QTableView *table = m_ui->windowResultTable;
    table->setModel(m_sideways);
    // The column headers name the transports already.
    table->hideRow(TransportResultModel::TransportColumn);
    table->horizontalHeader()->setStretchLastSection(false);
    m_chart = new TransportChart(m_model, m_ui->windowChartHolder);
    m_chart->setObjectName(QStringLiteral("windowTransportChart"));
    m_ui->windowChartLayout->addWidget(m_chart);
    m_ui->windowSplitter->setStretchFactor(0, 1);
    m_ui->windowSplitter->setStretchFactor(1, 1);
    // Four columns and ten rows: measuring them again when a transport's numbers arrive costs nothing.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &TransportComparisonWindow::fitColumns);
    connect(m_model, &QAbstractItemModel::headerDataChanged, this, &TransportComparisonWindow::fitColumns);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TransportComparisonWindow::fitColumns);
    retranslate();
    fitColumns();
}

TransportComparisonWindow::~TransportComparisonWindow() = default;

QTableView *TransportComparisonWindow::table() const
{
    return m_ui->windowResultTable;
}

void TransportComparisonWindow::open()
{
    if (!m_placed) {
        m_placed = true;
        if (!restoreGeometry(QSettings().value(geometryKey).toByteArray())) {
            // First time: every transport side by side and the chart under them, within the screen.
            QTableView *table = m_ui->windowResultTable;
            const QMargins margins = layout()->contentsMargins();
            int width = 2 * table->frameWidth() + margins.left() + margins.right()
                + table->verticalHeader()->sizeHint().width() + table->verticalScrollBar()->sizeHint().width();
            for (int column = 0; column < m_sideways->columnCount(); ++column)
                width += table->columnWidth(column);
            int tableHeight = 2 * table->frameWidth() + table->horizontalHeader()->sizeHint().height();
            for (int row = 0; row < m_sideways->rowCount(); ++row)
                tableHeight += table->isRowHidden(row) ? 0 : table->rowHeight(row);
            const int chartHeight = m_chart->sizeHint().height();
            const int height = margins.top() + margins.bottom() + m_ui->windowIntroLabel->sizeHint().height()
                + 2 * layout()->spacing() + m_ui->windowSplitter->handleWidth() + tableHeight + chartHeight;
            const QScreen *screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
            const QSize available = screen ? screen->availableSize() : QSize(1280, 800);
            resize(qMin(width, available.width() - 40), qMin(height, available.height() - 80));
            // The whole table first (its plain-words row is tall); the chart gets what is left.
            m_ui->windowSplitter->setSizes({ tableHeight, chartHeight });
        }
    }
    show();
    raise();
    activateWindow();
}

void TransportComparisonWindow::fitColumns()
{
    QTableView *table = m_ui->windowResultTable;
    const QFontMetrics metrics = table->fontMetrics();
    const QFontMetrics headerMetrics = table->horizontalHeader()->fontMetrics();
    for (int column = 0; column < m_sideways->columnCount(); ++column) {
        int width = qMax(kMinColumnWidth,
            headerMetrics.horizontalAdvance(m_sideways->headerData(column, Qt::Horizontal).toString()) + kCellPadding);
        // Every number whole; the plain-words row wraps instead of widening its column.
        for (int row = 0; row < m_sideways->rowCount(); ++row) {
            if (row == TransportResultModel::ExplanationColumn || table->isRowHidden(row))
                continue;
            width = qMax(
                width, metrics.horizontalAdvance(m_sideways->index(row, column).data().toString()) + kCellPadding);
        }
        table->setColumnWidth(column, width);
    }
    table->resizeRowsToContents();
}
void TransportComparisonWindow::hideEvent(QHideEvent *event)
{
    // Closing hides it (the dock keeps it for the next open): remember where the user left it.
    QSettings().setValue(geometryKey, saveGeometry());
    QWidget::hideEvent(event);
}

void TransportComparisonWindow::retranslate()
{
    setWindowTitle(tr("Transports Compared"));
}

void TransportComparisonWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QWidget::changeEvent(event);
}

} // namespace wsi
