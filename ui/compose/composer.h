#pragma once

#include "compose/sendscheduler.h"

#include <QPointer>
#include <QWidget>

class QDragEnterEvent;
class QDropEvent;
class QPlainTextEdit;
class QTabWidget;

namespace wsi {

class Connection;
class ViewState;
class ComposerControlRow;
class ComposerHeader;
class MessageEditor;
class MessagePage;
class ProtocolComposerPanel;
class RawFramePanel;
class ProxyInjectRow;
class ProxyRuleSet;
class SendColumn;
class SavedMessagesPanel;
struct SavedMessage;

// The composer: text, JSON, hex, base64 or a file, validated as typed; send with Ctrl+Enter, optionally
// fragmented; ping, close, repeat, history, saved messages, variables, raw frames for testing servers, and
// messages built from the fields of the protocol riding on the connection (Socket.IO, STOMP, MQTT...).
class Composer : public QWidget
{
    Q_OBJECT
public:
    enum Format { TextFormat, JsonFormat, HexFormat, Base64Format, FileFormat };
    enum Tab { MessageTab, ProtocolTab, RawFrameTab, SavedTab };
    static constexpr int kMaxRepeatCount = SendScheduler::kMaxRepeatCount;
    static constexpr int kMaxFragments = SendScheduler::kMaxFragments;

    explicit Composer(QWidget *parent = nullptr);
    ~Composer() override;

    void setConnection(Connection *connection);
    Connection *connection() const;

    QPlainTextEdit *editor() const;
    RawFramePanel *rawFramePanel() const { return m_rawPanel; }
    SavedMessagesPanel *savedMessagesPanel() const { return m_savedPanel; }
    ProtocolComposerPanel *protocolPanel() const { return m_protocolPanel; }
    QTabWidget *tabs() const { return m_tabs; }
    bool canSend() const; // the connection is open (a proxied one: the proxy relays it and can inject)
    // A proxied connection's messages go into one of its legs through the proxy's rule set (not owned).
    void setProxyRules(ProxyRuleSet *rules);
    ProxyInjectRow *injectRow() const { return m_injectRow; }
    bool isPayloadValid() const;
    QString errorText() const;

    Format format() const;
    void setFormat(Format format);
    void setFrameSize(int bytes);
    // Off by default: the hint's URL shows query tokens and passwords masked.
    void setRevealSecrets(bool reveal);
    // Follows the window's view state: sends to the selected connection; reveal secrets in the hint.
    void observe(ViewState *state);

    // Folded: only the title row shows and the log below the window's splitter gets the room; whatever puts a
    // message into the composer (a log row copied, a saved message, a dropped file, Send) unfolds it.
    void setCollapsed(bool collapsed);
    bool isCollapsed() const;

    // Sends what the current tab composes (message or raw frame); returns false when nothing was sent. A folded
    // composer unfolds and takes the focus instead: nothing is sent that the user cannot see.
    bool send();
    bool ping();
    void closeWithDialog();
    void startRepeat(int count, int intervalMs);
    void stopRepeat();
    bool isRepeating() const;
    int repeatsSent() const { return m_scheduler->repeatsSent(); }
    // A large send (>= 256 KiB) in flight: its progress bar counts wire bytes written.
    bool isSending() const { return m_scheduler->isSending(); }
    SendScheduler *scheduler() const { return m_scheduler; }

    // File format: reads the file off the GUI thread; the payload is ready when fileLoaded() is emitted.
    void loadFile(const QString &path);
    // Text (or binary as hex) into the editor, e.g. from a log row.
    void setPayload(const QByteArray &bytes, bool isText);
    // Sends these exact bytes again (no variables, no fragmentation).
    bool resend(const QByteArray &bytes, bool isText);
    QString saveCurrent(const QString &name, bool forEndpoint);
    bool recallPrevious();
    bool recallNext();

Q_SIGNALS:
    void canSendChanged(bool canSend);
    void collapsedChanged(bool collapsed);
    void fileLoaded(bool ok);
    void repeatFinished();

protected:
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void retranslateUi();
    void onRepeatStopped(const QString &message, bool error);
    void onSavedLoad(const SavedMessage &message);
    void onSaveCurrentRequested();
    bool buildPayload(bool advanceCounter, QByteArray *bytes, bool *isText, QString *error);
    void updateState();

    QPointer<Connection> m_connection;
    bool m_lastCanSend = false;
    bool m_revealSecrets = false;

    SendScheduler *m_scheduler = nullptr;

    QTabWidget *m_tabs = nullptr;
    ComposerHeader *m_header = nullptr;
    MessagePage *m_page = nullptr; // the Message tab; the four below are its parts
    MessageEditor *m_message = nullptr;
    SendColumn *m_sendColumn = nullptr;
    ComposerControlRow *m_controls = nullptr;
    ProxyInjectRow *m_injectRow = nullptr;
    RawFramePanel *m_rawPanel = nullptr;
    ProtocolComposerPanel *m_protocolPanel = nullptr;
    SavedMessagesPanel *m_savedPanel = nullptr;
};

} // namespace wsi
