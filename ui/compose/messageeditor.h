// The composer's Message tab editor: format, text or file, validated as typed, with its variables resolved.
#pragma once

#include "compose/messagetemplate.h"
#include "compose/payloadparser.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QTimer;

namespace wsi {

class FilePayloadPage;
class PayloadFormatBar;

// What to send, not how: the composer builds the payload from it and sends it. Formats are Composer::Format.
class MessageEditor : public QWidget
{
    Q_OBJECT
public:
    explicit MessageEditor(QWidget *parent = nullptr);

    QPlainTextEdit *editor() const { return m_edit; }
    int format() const;
    void setFormat(int format);
    void setFrameSize(int bytes);
    bool isValid() const { return m_valid; }
    QString invalidReason() const { return m_parsed.error; }
    QString errorText() const;
    bool isLoadingFile() const;

    void setMessage(int format, const QString &body);
    // A message from the history: keeps the history position (no edited()) and puts the cursor at the end.
    void recall(int format, const QString &body);
    void loadFile(const QString &path);
    void validateNow();
    // Validation is debounced while typing; sending must not use a stale verdict.
    void validateIfPending();
    bool buildPayload(bool advanceCounter, QByteArray *bytes, bool *isText, QString *error);
    // An empty text shows the validation result again.
    void showStatus(const QString &text, bool error);
    // Next to the editor: the composer's Send button and its progress.
    void addSideWidget(QWidget *widget);

Q_SIGNALS:
    void edited();
    void validated();
    void sendRequested(); // Ctrl+Enter
    void recallRequested(bool previous); // Alt+Up, Alt+Down
    void fileLoadRequested(const QString &path); // chosen or dropped on the editor
    void fileLoaded(bool ok);
    void frameSizeChanged(int bytes);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void onFormatChanged();
    void onTextChanged();
    void onErrorClicked();
    void updateSizeLabel();
    void editVariables();
    void prettify();
    void minify();

    MessageTemplate m_template;
    ParsedPayload m_parsed;
    bool m_valid = true;
    bool m_errorMapsToEditor = true;
    QTimer *m_validateTimer = nullptr;
    PayloadFormatBar *m_formatBar = nullptr;
    QHBoxLayout *m_row = nullptr;
    QStackedWidget *m_editorStack = nullptr;
    QPlainTextEdit *m_edit = nullptr;
    FilePayloadPage *m_filePage = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_preview = nullptr;
};

} // namespace wsi
