#pragma once

#include "compose/messagehistory.h"

#include <QWidget>

namespace wsi {

class ComposerControlRow;
class MessageEditor;
class ProxyInjectRow;
class SendColumn;
class SendScheduler;

// The composer's Message tab: the editor with its send column, the ping, close and repeat row, and the
// proxy's inject row. It remembers what was sent (Alt+Up, Alt+Down recall it) and shows what is in flight:
// a file being read, a large send's wire bytes, a repeat's count. What is sent, and when, the composer decides.
class MessagePage : public QWidget
{
    Q_OBJECT
public:
    MessagePage(int maxRepeatCount, SendScheduler *scheduler, QWidget *parent = nullptr);

    MessageEditor *message() const { return m_message; }
    SendColumn *sendColumn() const { return m_sendColumn; }
    ComposerControlRow *controls() const { return m_controls; }
    ProxyInjectRow *injectRow() const { return m_injectRow; }

    // File format: reads the file off the GUI thread; the payload is ready when fileLoaded() is emitted.
    void loadFile(const QString &path);
    // This message in the editor, the focus there (a log row copied, a saved message loaded).
    void showMessage(int format, const QString &body);
    // Sent: recall starts again from the newest entry.
    void remember(const MessageHistory::Entry &entry) { m_history.add(entry); }
    void restartRecall() { m_history.resetPosition(); }
    // The Protocol tab sent this: recalled here as text or hex.
    void rememberProtocolMessage(const QString &body, bool isText);
    bool recallPrevious();
    bool recallNext();
    // The scheduler forgot its send in flight (another connection); a file being read still shows.
    void forgetSendProgress();

Q_SIGNALS:
    void fileLoaded(bool ok);

private:
    void onFileLoaded(bool ok);
    void onSendStarted(qint64 payloadSize, qint64 totalWireBytes);
    void onSendProgress(qint64 written, qint64 total);
    void onSendFinished();

    SendScheduler *m_scheduler = nullptr;
    MessageHistory m_history;
    MessageEditor *m_message = nullptr;
    SendColumn *m_sendColumn = nullptr;
    ComposerControlRow *m_controls = nullptr;
    ProxyInjectRow *m_injectRow = nullptr;
};

} // namespace wsi
