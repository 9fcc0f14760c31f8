// StatusLine: the status bar's text (the selected connection's state, or what to do) and its counters.
#pragma once

#include <QObject>

class QLabel;
class QStatusBar;
class QTimer;

namespace wsi {

class Connection;
class ViewState;
class Workspace;

// Follows the selected connection: its state and why on the left, its counters on the right. Counters change
// per message, so they repaint a few times a second, not per message.
class StatusLine : public QObject
{
    Q_OBJECT
public:
    explicit StatusLine(QStatusBar *bar, Workspace *workspace, ViewState *viewState, QObject *parent = nullptr);
    ~StatusLine() override;

    QString text() const;
    // A message in place of the state, until the next update.
    void showMessage(const QString &text);
    void update();

private:
    void onCurrentConnectionChanged(Connection *current, Connection *previous);

    Workspace *m_workspace;
    ViewState *m_viewState;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_countersLabel = nullptr;
    QTimer *m_timer = nullptr;
};

} // namespace wsi
