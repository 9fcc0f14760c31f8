#pragma once

#include "server/serveroptions.h"

#include <QHostAddress>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;

namespace Ui {
class ServerOptionsForm;
}

namespace wsi {

// The test server's settings: where it listens, ws or wss, behaviour (mode, reject answer, auto-replies) and
// limits. Remembered in QSettings. While the server runs only the behaviour can change.
class ServerOptionsForm : public QWidget
{
    Q_OBJECT
public:
    explicit ServerOptionsForm(QWidget *parent = nullptr);
    ~ServerOptionsForm() override;

    // Builds the options from the fields; on a field that cannot be parsed returns false with *error.
    bool options(ServerOptions *options, QString *error) const;
    ServerMode mode() const;
    ServerEngine engine() const;
    QList<AutoReplyRule> autoReplies() const;
    bool isExposed() const;

    // Fills in where to listen, as if typed (the command line's --serve); the other fields keep what they hold.
    void setListenAddress(const QHostAddress &address, quint16 port);
    void setRunning(bool running);
    void loadSettings();
    void saveSettings() const;

    QComboBox *addressCombo() const;
    QComboBox *engineCombo() const { return m_engineCombo; }

Q_SIGNALS:
    void addressChanged();
    void modeChanged();
    void autoRepliesChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateItems();
    void updateModeFields();
    void updateTlsFields();
    void addRule(const AutoReplyRule &rule);

    std::unique_ptr<Ui::ServerOptionsForm> m_ui;
    QList<QWidget *> m_listenFields; // fixed while running
    QLabel *m_engineLabel = nullptr;
    QComboBox *m_engineCombo = nullptr; // built-in or Qt's QWebSocketServer behind the recording relay
};

} // namespace wsi
