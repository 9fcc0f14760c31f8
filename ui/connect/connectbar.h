#pragma once

#include "endpoints/connectionoptions.h"

#include <QWidget>

#include <functional>

class QAction;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QToolButton;

namespace wsi {

class ConnectionOptionsEditor;
class EndpointStore;
class SecretHeadersEdit;

// The URL to connect to, with the connection options (ConnectionOptionsEditor) in a collapsible panel.
// The recent URLs and the options last used per URL come from the EndpointStore. Invalid input is explained
// inline, never dropped silently.
class ConnectBar : public QWidget
{
    Q_OBJECT
public:
    // Test seam: the PKCS#12 password prompt on Connect. Null restores the real dialog.
    using PasswordPrompt = std::function<QString(QWidget *parent, const QString &file, bool *ok)>;
    static void setPasswordPrompt(PasswordPrompt prompt);

    explicit ConnectBar(EndpointStore *store, QWidget *parent = nullptr);
    ~ConnectBar() override;

    QString urlText() const;
    void setUrlText(const QString &url);
    void focusUrl();
    // Adds a button for an action (Disconnect, Close...) after the Connect button.
    void addActionButton(QAction *action);

    // Builds and validates the options from the fields; on failure shows the error and returns false.
    bool buildOptions(ConnectionOptions *options);
    void showError(const QString &message);
    void clearError();
    QString errorText() const;
    bool isErrorVisible() const;

    void setOptionsVisible(bool visible);
    void clearOptions();
    void addRecentUrl(const QString &url);
    QStringList recentUrls() const;

    QComboBox *urlCombo() const { return m_url; }
    QPushButton *connectButton() const { return m_connect; }
    ConnectionOptionsEditor *optionsEditor() const { return m_editor; }
    SecretHeadersEdit *headersEdit() const;
    // Secret header values are masked once the user leaves the headers field, unless revealed.
    void setRevealSecrets(bool reveal);

Q_SIGNALS:
    void connectRequested(const wsi::ConnectionOptions &options);

private:
    void onConnectClicked();
    void onReturnPressed();
    void updateOptionsButton();
    void showRecentUrls();
    void recallOptions();

    EndpointStore *m_store;
    QComboBox *m_url = nullptr;
    QPushButton *m_connect = nullptr;
    QToolButton *m_optionsButton = nullptr;
    QHBoxLayout *m_row = nullptr;
    ConnectionOptionsEditor *m_editor = nullptr;
    QLabel *m_error = nullptr;
    bool m_returnPending = false;
};

} // namespace wsi
