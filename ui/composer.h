#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace wsi {

class Connection;

// The minimal composer: one text box, Send (Ctrl+Enter) and Ping; usable only while the selected
// connection is open.
class Composer : public QWidget
{
    Q_OBJECT
public:
    explicit Composer(QWidget *parent = nullptr);
    ~Composer() override;

    void setConnection(Connection *connection);
    Connection *connection() const;

    QPlainTextEdit *editor() const { return m_edit; }
    bool canSend() const;

    // Sends the text as a text message; returns false when nothing was sent.
    bool send();
    bool ping();

Q_SIGNALS:
    void canSendChanged(bool canSend);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateState();

    QPointer<Connection> m_connection;
    QPlainTextEdit *m_edit = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_ping = nullptr;
    QLabel *m_hint = nullptr;
    bool m_lastCanSend = false;
};

} // namespace wsi
