#pragma once

#include "endpoints/connectionoptions.h"

#include <QWidget>

#include <functional>

class QAction;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QScrollArea;
class QKeyEvent;
class QToolButton;

namespace wsi {

class Connection;
class ConnectionOptionsEditor;
class EndpointStore;
class SecretHeadersEdit;
class ViewState;

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
    ConnectionOptionsEditor *optionsEditor() const { return m_editor; }
    // The height the open options panel has, and the height it would like (all of the options without scrolling).
    int optionsHeight() const;
    int optionsWantedHeight() const;
    SecretHeadersEdit *headersEdit() const;
    // Secret header values are masked once the user leaves the headers field, unless revealed.
    void setRevealSecrets(bool reveal);
    // Follows the window's selection: the URL field shows the selected connection's URL (masked unless secrets
    // are revealed), except while it holds an edit the user has not sent yet. A test server's client shows the
    // local server's URL it connected to, so Connect opens another client of the same server.
    void observe(ViewState *state);

Q_SIGNALS:
    void connectRequested(const wsi::ConnectionOptions &options);
    // The options panel opened or closed.
    void optionsShown(bool shown);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void onConnectClicked();
    void onReturnPressed();
    void updateOptionsButton();
    void showRecentUrls();
    void recallOptions();
    void followConnection(Connection *connection);
    QString followedShownUrl() const;
    void revealFollowedUrlForEditing(const QKeyEvent *key);

    EndpointStore *m_store;
    QComboBox *m_url = nullptr;
    QPushButton *m_connect = nullptr;
    QToolButton *m_optionsButton = nullptr;
    QHBoxLayout *m_row = nullptr;
    ConnectionOptionsEditor *m_editor = nullptr;
    QScrollArea *m_optionsArea = nullptr; // holds m_editor
    QLabel *m_error = nullptr;
    bool m_returnPending = false;
    bool m_revealSecrets = false;
    // The selected connection's real URL, and whether the field holds something the user typed or picked
    // since it last showed it (then a new selection leaves the field alone).
    QString m_followedUrl;
    bool m_userEdited = false;
};

} // namespace wsi
