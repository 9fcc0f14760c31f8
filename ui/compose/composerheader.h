// The composer's title row: where Send would go (or why it cannot), the auto-pong switch and the fold button.
#pragma once

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QToolButton;

namespace wsi {

class Connection;

class ComposerHeader : public QWidget
{
    Q_OBJECT
public:
    explicit ComposerHeader(QWidget *parent = nullptr);

    // Auto-pong is a setting of the connection: the switch shows and changes this one's.
    void setConnection(Connection *connection);
    // open: the connection can send now; the hint's URL shows query tokens and passwords masked unless revealed.
    void updateHint(bool open, bool revealSecrets);
    // The fold button's arrow and tooltip follow whether the composer below is folded away.
    void showCollapsed(bool collapsed);

Q_SIGNALS:
    // The user clicked the fold button: collapsed is what they asked for.
    void collapseRequested(bool collapsed);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QPointer<Connection> m_connection;
    QLabel *m_title = nullptr;
    QLabel *m_hint = nullptr;
    QCheckBox *m_autoPong = nullptr;
    QToolButton *m_fold = nullptr;
    bool m_collapsed = false;
};

} // namespace wsi
