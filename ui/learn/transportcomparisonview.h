// TransportComparisonView: runs the transport comparison and shows the four transports side by side and as a chart.
#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class TransportComparisonView;
}

namespace wsi {

class TransportChart;
class TransportComparison;
class TransportComparisonWindow;
class TransportResultModel;
struct TransportResult;

// The Learn panel's "transports compared" part: the workload's parameters, the request headers (Chrome's
// by default, or pasted from the user's browser), Run with progress (the comparison runs asynchronously, the
// window never waits), then a table and a chart of what each transport cost and how fast it delivered.
class TransportComparisonView : public QWidget
{
    Q_OBJECT
public:
    explicit TransportComparisonView(QWidget *parent = nullptr);
    ~TransportComparisonView() override;

    TransportResultModel *model() const { return m_model; }
    bool isRunning() const;
    // The table and chart in their own window, once the user opened it (null before).
    TransportComparisonWindow *comparisonWindow() const { return m_window; }

public Q_SLOTS:
    void run();
    void cancel();
    // Shows the table and chart in their own resizable window (made on first use, kept for the next).
    void openWindow();

Q_SIGNALS:
    // A run ended (all four transports, or cancelled).
    void finished();

protected:
    void changeEvent(QEvent *event) override;

private:
    void onTransportFinished(const TransportResult &result);
    void onFinished();
    void updateRunning();
    void retranslate();

    std::unique_ptr<Ui::TransportComparisonView> m_ui;
    TransportResultModel *m_model;
    TransportChart *m_chart;
    TransportComparison *m_comparison;
    TransportComparisonWindow *m_window = nullptr;
    // What the status line says, kept apart from its text so that a language change can say it again.
    enum class Status { Idle, Running, Cancelled, Missed, Done } m_status = Status::Idle;
    int m_missed = 0; // transports of the last run that did not deliver everything
};

} // namespace wsi
