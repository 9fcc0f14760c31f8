// LearnDock: the dock that holds the Learn panel, hidden until the user opens it (Ctrl+Shift+L).
#pragma once

#include <QDockWidget>

class QScrollArea;

namespace wsi {

class LearnPanel;
class LessonHost;

class LearnDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit LearnDock(LessonHost *host, QWidget *parent = nullptr);

    LearnPanel *panel() const { return m_panel; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    // As wide as the panel's widest row: only its height scrolls.
    void fitWidth();

    QScrollArea *m_area = nullptr;
    LearnPanel *m_panel = nullptr;
};

} // namespace wsi
