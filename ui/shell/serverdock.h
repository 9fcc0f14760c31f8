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

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    ServerPanel *m_panel = nullptr;
};

} // namespace wsi
