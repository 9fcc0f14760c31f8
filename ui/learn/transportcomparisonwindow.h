// TransportComparisonWindow: the transports comparison's table and chart in a window of their own.
#pragma once

#include <QWidget>

class QTableView;
class QTransposeProxyModel;

#include <memory>

namespace Ui {
class TransportComparisonWindow;
}

namespace wsi {

class TransportChart;
class TransportResultModel;

// The Learn dock is narrow at the default window size and shows a few of the table's ten columns; this window shows
// the same model (nothing is measured twice, a run in the dock fills it live) turned on its side: one column per
// transport, one row per measure, so the four transports stand side by side in about 700 px, each number whole and
// the plain-words row wrapped. The chart is below. Its size and place are remembered for the next time it opens.
class TransportComparisonWindow : public QWidget
{
    Q_OBJECT
public:
    explicit TransportComparisonWindow(TransportResultModel *model, QWidget *parent = nullptr);
    ~TransportComparisonWindow() override;

    // Shows the window where it was last time (or at a size that fits every column) and brings it to the front.
    void open();
    // One column per transport, one row per measure (the model's columns); the Transport row is hidden.
    QTableView *table() const;

protected:
    void changeEvent(QEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void fitColumns();
    void retranslate();

    std::unique_ptr<Ui::TransportComparisonWindow> m_ui;
    TransportResultModel *m_model;
    QTransposeProxyModel *m_sideways;
    TransportChart *m_chart;
    bool m_placed = false; // the remembered geometry was applied once; later opens keep where the user left it
};

} // namespace wsi
