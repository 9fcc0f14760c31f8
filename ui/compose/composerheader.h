// The composer's title row: where Send would go (or why it cannot) and the auto-pong switch.
#pragma once

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;

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

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QPointer<Connection> m_connection;
    QLabel *m_title = nullptr;
    QLabel *m_hint = nullptr;
    QCheckBox *m_autoPong = nullptr;
};

} // namespace wsi
