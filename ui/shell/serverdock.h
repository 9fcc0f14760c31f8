// The dock that holds the local test server panel, hidden until the user opens it (Ctrl+T).
#pragma once

#include <QDockWidget>

namespace wsi {

class ServerPanel;
class ViewState;
class Workspace;

class ServerDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit ServerDock(Workspace *workspace, ViewState *viewState, QWidget *parent = nullptr);

    ServerPanel *panel() const { return m_panel; }
    // `wsinspector --serve [host:]port`: shows the dock and starts the server there, as the panel's Start does
    // with the remembered settings for the rest; a value that is not an address, or a port in use, is explained
    // in the panel like any server that could not start. False when it is not running.
    bool serveAt(const QString &address);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    ServerPanel *m_panel = nullptr;
};

} // namespace wsi
