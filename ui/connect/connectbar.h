#pragma once

#include "endpoints/connectionoptions.h"

#include <QWidget>

class QAction;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace wsi {

class Connection;
class LiveOptionsWidget;
class SecretHeadersEdit;
class TlsOptionsWidget;
class ViewState;

// The URL to connect to, with optional request headers, subprotocols, Origin and TLS options in a collapsible
// panel.
// Recent URLs are remembered. Invalid input is explained inline, never dropped silently.
class ConnectBar : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kMaxRecentUrls = 20;

    explicit ConnectBar(QWidget *parent = nullptr);
    ~ConnectBar() override;

    // The URL to connect to: what the field shows, or the real URL when it shows the selected connection's
    // URL with its secrets masked.
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
    TlsOptionsWidget *tlsOptions() const { return m_tls; }
    LiveOptionsWidget *liveOptions() const { return m_live; }
    SecretHeadersEdit *headersEdit() const { return m_headers; }
    // Secret header values are masked once the user leaves the headers field, unless revealed.
    void setRevealSecrets(bool reveal);
    // Follows the window's selection: the URL field shows the selected connection's URL (masked unless secrets
    // are revealed), except while it holds an edit the user has not sent yet. A test server's client shows the
    // local server's URL it connected to, so Connect opens another client of the same server.
    void observe(ViewState *state);

Q_SIGNALS:
    void connectRequested(const wsi::ConnectionOptions &options);

private:
    void onConnectClicked();
    void onReturnPressed();
    void updateOptionsButton();
    void loadRecentUrls();
    void loadEndpointOptions();
    void followConnection(Connection *connection);
    QString followedShownUrl() const;

    QComboBox *m_url = nullptr;
    QPushButton *m_connect = nullptr;
    QToolButton *m_optionsButton = nullptr;
    QHBoxLayout *m_row = nullptr;
    QWidget *m_optionsPanel = nullptr;
    SecretHeadersEdit *m_headers = nullptr;
    QLineEdit *m_subprotocols = nullptr;
    QLineEdit *m_origin = nullptr;
    TlsOptionsWidget *m_tls = nullptr;
    LiveOptionsWidget *m_live = nullptr;
    QLabel *m_error = nullptr;
    bool m_returnPending = false;
    bool m_revealSecrets = false;
    // The selected connection's real URL, and whether the field holds something the user typed or picked
    // since it last showed it (then a new selection leaves the field alone).
    QString m_followedUrl;
    bool m_userEdited = false;
};

} // namespace wsi
