// TransportComparisonView: runs the transport comparison and shows the four transports side by side and as a chart.
#include "learn/transportcomparisonview.h"

#include "learn/transportchart.h"
#include "learn/transportcomparisonwindow.h"
#include "learn/transportresultmodel.h"
#include "transports/transportcomparison.h"

#include "ui_transportcomparisonview.h"

#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>

namespace wsi {

TransportComparisonView::TransportComparisonView(QWidget *parent)
    : QWidget(parent)
    , m_ui(new Ui::TransportComparisonView)
    , m_model(new TransportResultModel(this))
    , m_comparison(new TransportComparison(this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("transportComparisonView"));
    const TransportWorkload defaults;
    m_ui->messagesSpin->setValue(defaults.messages);
    m_ui->clientMessagesSpin->setValue(defaults.clientMessages);
    m_ui->durationSpin->setValue(defaults.durationMs);
    m_ui->pollIntervalSpin->setValue(defaults.pollIntervalMs);
    m_ui->headersEdit->setPlainText(BrowserHeaders::toText(BrowserHeaders::chromeDefaults()));
    m_ui->resultTable->setModel(m_model);
    m_ui->resultTable->verticalHeader()->hide();
    m_ui->resultTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->resultTable->setColumnWidth(TransportResultModel::TransportColumn, 120);
    // The four transports side by side are the point: the table never shrinks below its header and four rows.
    const QHeaderView *rows = m_ui->resultTable->verticalHeader();
    m_ui->resultTable->setMinimumHeight(m_ui->resultTable->horizontalHeader()->sizeHint().height()
        + 4 * rows->defaultSectionSize() + 2 * m_ui->resultTable->frameWidth()
        + m_ui->resultTable->horizontalScrollBar()->sizeHint().height());
    m_chart = new TransportChart(m_model, this);
    m_ui->chartLayout->addWidget(m_chart);

    connect(m_ui->runButton, &QPushButton::clicked, this, [this] { isRunning() ? cancel() : run(); });
    connect(m_ui->openWindowButton, &QPushButton::clicked, this, &TransportComparisonView::openWindow);
    connect(m_ui->chromeHeadersButton, &QPushButton::clicked, this,
        [this] { m_ui->headersEdit->setPlainText(BrowserHeaders::toText(BrowserHeaders::chromeDefaults())); });
    connect(m_comparison, &TransportComparison::progress, m_ui->progressBar, &QProgressBar::setValue);
    connect(m_comparison, &TransportComparison::transportFinished, this, &TransportComparisonView::onTransportFinished);
    connect(m_comparison, &TransportComparison::finished, this, &TransportComparisonView::onFinished);
    retranslate();
    updateRunning();
}

TransportComparisonView::~TransportComparisonView() = default;

bool TransportComparisonView::isRunning() const
{
    return m_comparison->isRunning();
}

void TransportComparisonView::run()
{
    if (isRunning())
        return;
    TransportWorkload workload;
    workload.messages = m_ui->messagesSpin->value();
    workload.clientMessages = m_ui->clientMessagesSpin->value();
    workload.durationMs = m_ui->durationSpin->value();
    workload.pollIntervalMs = m_ui->pollIntervalSpin->value();
    m_comparison->setWorkload(workload);
    const BrowserHeaders::List pasted = BrowserHeaders::parse(m_ui->headersEdit->toPlainText());
    // An empty box means no header of a browser at all, only what the client library sends.
    m_comparison->setHeaders(pasted);
    m_model->clear();
    m_missed = 0;
    m_ui->progressBar->setValue(0);
    QString error;
    if (!m_comparison->start(&error)) {
        m_ui->statusLabel->setText(error);
        return;
    }
    m_status = Status::Running;
    retranslate();
    updateRunning();
}

void TransportComparisonView::cancel()
{
    m_comparison->cancel();
}

void TransportComparisonView::openWindow()
{
    if (!m_window)
        m_window = new TransportComparisonWindow(m_model, this);
    m_window->open();
}

void TransportComparisonView::onTransportFinished(const TransportResult &result)
{
    m_model->setResult(result);
    if (!result.deliveredAll())
        ++m_missed;
}

void TransportComparisonView::onFinished()
{
    if (m_comparison->results().size() < allTransportKinds().size())
        m_status = Status::Cancelled;
    else
        m_status = m_missed > 0 ? Status::Missed : Status::Done;
    retranslate();
    updateRunning();
    Q_EMIT finished();
}

void TransportComparisonView::updateRunning()
{
    const bool running = isRunning();
    m_ui->runButton->setText(running ? tr("Cancel") : tr("Measure"));
    for (QWidget *w : { static_cast<QWidget *>(m_ui->messagesSpin), static_cast<QWidget *>(m_ui->clientMessagesSpin),
             static_cast<QWidget *>(m_ui->durationSpin), static_cast<QWidget *>(m_ui->pollIntervalSpin),
             static_cast<QWidget *>(m_ui->headersEdit), static_cast<QWidget *>(m_ui->chromeHeadersButton) })
        w->setEnabled(!running);
}

void TransportComparisonView::retranslate()
{
    m_ui->runButton->setToolTip(tr("Run the workload through polling, long polling, streaming and WebSocket"));
    switch (m_status) {
    case Status::Idle:
        m_ui->statusLabel->setText(tr("Press Measure to run the comparison."));
        break;
    case Status::Running:
        m_ui->statusLabel->setText(tr("Measuring, one transport after the other\u2026"));
        break;
    case Status::Cancelled:
        m_ui->statusLabel->setText(tr("Cancelled."));
        break;
    case Status::Missed:
        m_ui->statusLabel->setText(tr("Done, but %n transport(s) did not deliver every message.", nullptr, m_missed));
        break;
    case Status::Done:
        m_ui->statusLabel->setText(tr("Done: every transport delivered every message."));
        break;
    }
    m_model->retranslate();
    m_chart->update();
}

void TransportComparisonView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
        updateRunning();
    }
    QWidget::changeEvent(event);
}

} // namespace wsi
