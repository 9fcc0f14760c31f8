// PairsView: the "Pairs" tab: the selected connection's requests and their replies, latency and status.
#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTimer;

namespace wsi {

class Connection;
class PairsModel;
class ViewState;

// A sortable table over PairsModel. While shown, a timer reads new rows and moves "now" on, so that a
// request turns from waiting to unanswered when its timeout passes even if nothing else arrives. Selecting a
// pair asks for its request row in the Messages log (requestSelected); double-clicking also asks to go there.
class PairsView : public QWidget
{
    Q_OBJECT
public:
    explicit PairsView(QWidget *parent = nullptr);
    ~PairsView() override;

    void setConnection(Connection *connection);
    void observe(ViewState *state);

    PairsModel *model() const { return m_model; }
    QTableView *tableView() const { return m_table; }
    // Text shown instead of the table (empty while the table shows).
    QString emptyText() const;
    // Reads new rows and updates "now" (tests; the timer does it while shown).
    void refresh();

Q_SIGNALS:
    // eventIndex: the request's EventStore row. jump: the user asked to see it (double-click).
    void requestSelected(int eventIndex, bool jump);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void retranslate();
    void updateEmptyState();
    int requestRow(const QModelIndex &proxyIndex) const;

    QPointer<Connection> m_connection;
    PairsModel *m_model = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    QTableView *m_table = nullptr;
    QTimer *m_timer = nullptr;
};

} // namespace wsi
