#pragma once

#include "compose/messagehistory.h"
#include "compose/messagetemplate.h"
#include "compose/payloadparser.h"
#include "compose/sendscheduler.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QDragEnterEvent;
class QDropEvent;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QTimer;

namespace wsi {

class Connection;
class ViewState;
class RawFramePanel;
class SavedMessagesPanel;
struct LoadedFile;
struct SavedMessage;

// The composer: text, JSON, hex, base64 or a file, validated as typed; send with Ctrl+Enter, optionally
// fragmented; ping, close, repeat, history, saved messages, variables, and raw frames for testing servers.
class Composer : public QWidget
{
    Q_OBJECT
public:
    enum Format { TextFormat, JsonFormat, HexFormat, Base64Format, FileFormat };
    enum Tab { MessageTab, RawFrameTab, SavedTab };
    static constexpr int kMaxRepeatCount = SendScheduler::kMaxRepeatCount;
    static constexpr int kMaxFragments = SendScheduler::kMaxFragments;

    explicit Composer(QWidget *parent = nullptr);
    ~Composer() override;

    void setConnection(Connection *connection);
    Connection *connection() const;

    QPlainTextEdit *editor() const { return m_edit; }
    RawFramePanel *rawFramePanel() const { return m_rawPanel; }
    SavedMessagesPanel *savedMessagesPanel() const { return m_savedPanel; }
    QTabWidget *tabs() const { return m_tabs; }
    bool canSend() const; // the connection is open
    bool isPayloadValid() const { return m_valid; }
    QString errorText() const;

    Format format() const;
    void setFormat(Format format);
    void setFrameSize(int bytes);
    // Off by default: the hint's URL shows query tokens and passwords masked.
    void setRevealSecrets(bool reveal);
    // Follows the window's view state: sends to the selected connection; reveal secrets in the hint.
    void observe(ViewState *state);

    // Sends what the current tab composes (message or raw frame); returns false when nothing was sent.
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
    void fileLoaded(bool ok);
    void repeatFinished();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QWidget *createMessagePage();
    QWidget *createControlRow();
    void onFormatChanged();
    void onTextChanged();
    void validateNow();
    void onErrorClicked();
    void onFileLoaded(const LoadedFile &file);
    void onSendStarted(qint64 payloadSize, qint64 totalWireBytes);
    void onSendProgress(qint64 written, qint64 total);
    void onSendFinished();
    void onRepeatProgress(int done, int total);
    void onRepeatStopped(const QString &message, bool error);
    void onSavedLoad(const SavedMessage &message);
    void onSaveCurrentRequested();
    void editVariables();
    void prettify();
    void minify();
    bool buildPayload(bool advanceCounter, QByteArray *bytes, bool *isText, QString *error);
    void showStatus(const QString &text, bool error);
    void updateState();
    void updateSizeLabel();

    QPointer<Connection> m_connection;
    MessageTemplate m_template;
    MessageHistory m_history;
    ParsedPayload m_parsed;
    bool m_valid = true;
    bool m_errorMapsToEditor = true;
    bool m_lastCanSend = false;
    bool m_revealSecrets = false;

    QByteArray m_fileBytes;
    QString m_filePath;
    bool m_fileUtf8 = false;
    bool m_fileLoading = false;
    int m_fileGeneration = 0;

    QTimer *m_validateTimer = nullptr;
    SendScheduler *m_scheduler = nullptr;
    int m_progressShift = 0; // the send progress bar counts bytes >> this, to stay within int

    QTabWidget *m_tabs = nullptr;
    QComboBox *m_format = nullptr;
    QLabel *m_sizeLabel = nullptr;
    QPushButton *m_prettify = nullptr;
    QPushButton *m_minify = nullptr;
    QSpinBox *m_frameSize = nullptr;
    QPushButton *m_variables = nullptr;
    QCheckBox *m_autoPong = nullptr;
    QLabel *m_hint = nullptr;
    QStackedWidget *m_editorStack = nullptr;
    QPlainTextEdit *m_edit = nullptr;
    QWidget *m_filePage = nullptr;
    QLabel *m_fileLabel = nullptr;
    QCheckBox *m_fileAsText = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_preview = nullptr;
    QPushButton *m_send = nullptr;
    QProgressBar *m_busy = nullptr;
    QLineEdit *m_pingPayload = nullptr;
    QPushButton *m_ping = nullptr;
    QPushButton *m_close = nullptr;
    QSpinBox *m_repeatCount = nullptr;
    QSpinBox *m_repeatInterval = nullptr;
    QPushButton *m_repeat = nullptr;
    QPushButton *m_stop = nullptr;
    QProgressBar *m_repeatProgress = nullptr;
    RawFramePanel *m_rawPanel = nullptr;
    SavedMessagesPanel *m_savedPanel = nullptr;
};

} // namespace wsi
