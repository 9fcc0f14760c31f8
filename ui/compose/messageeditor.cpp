// The composer's Message tab editor: format, text or file, validated as typed, with its variables resolved.
#include "compose/messageeditor.h"

#include "common/theme.h"
#include "compose/composer.h"
#include "compose/filepayloadpage.h"
#include "compose/payloadformatbar.h"
#include "compose/variablesdialog.h"

#include <QDropEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

namespace wsi {

MessageEditor::MessageEditor(QWidget *parent)
    : QWidget(parent)
    , m_validateTimer(new QTimer(this))
{
    m_validateTimer->setSingleShot(true);
    m_template.setUserVariables(VariablesDialog::loadFromSettings());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_formatBar = new PayloadFormatBar(this);
    layout->addWidget(m_formatBar);

    m_row = new QHBoxLayout;
    m_editorStack = new QStackedWidget(this);
    m_edit = new QPlainTextEdit(m_editorStack);
    m_edit->setObjectName(QStringLiteral("composerEdit"));
    m_edit->setFont(theme::monospaceFont());
    m_edit->setTabChangesFocus(true);
    m_edit->installEventFilter(this);
    m_edit->viewport()->installEventFilter(this);
    m_editorStack->addWidget(m_edit);
    m_filePage = new FilePayloadPage(m_editorStack);
    m_editorStack->addWidget(m_filePage);
    m_row->addWidget(m_editorStack, 1);
    layout->addLayout(m_row, 1);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("composerError"));
    m_error->setWordWrap(true);
    m_error->setCursor(Qt::PointingHandCursor);
    m_error->installEventFilter(this);
    m_error->hide();
    layout->addWidget(m_error);
    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("composerPreview"));
    m_preview->setForegroundRole(QPalette::PlaceholderText);
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->hide();
    layout->addWidget(m_preview);
    retranslateUi();

    connect(m_validateTimer, &QTimer::timeout, this, &MessageEditor::validateNow);
    connect(m_formatBar, &PayloadFormatBar::formatChanged, this, &MessageEditor::onFormatChanged);
    connect(m_formatBar, &PayloadFormatBar::prettifyRequested, this, &MessageEditor::prettify);
    connect(m_formatBar, &PayloadFormatBar::minifyRequested, this, &MessageEditor::minify);
    connect(m_formatBar, &PayloadFormatBar::frameSizeChanged, this, &MessageEditor::updateSizeLabel);
    connect(m_formatBar, &PayloadFormatBar::frameSizeChanged, this, &MessageEditor::frameSizeChanged);
    connect(m_formatBar, &PayloadFormatBar::variablesRequested, this, &MessageEditor::editVariables);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &MessageEditor::onTextChanged);
    connect(m_filePage, &FilePayloadPage::fileChosen, this, &MessageEditor::fileLoadRequested);
    connect(m_filePage, &FilePayloadPage::loaded, this, [this](bool ok) {
        validateNow();
        Q_EMIT fileLoaded(ok);
    });
    connect(m_filePage, &FilePayloadPage::asTextToggled, this, &MessageEditor::updateSizeLabel);
}

void MessageEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi(); // the error and preview come from validation: the composer validates again
    QWidget::changeEvent(event);
}

void MessageEditor::retranslateUi()
{
    m_edit->setPlaceholderText(tr("Message; Ctrl+Enter sends it, Alt+Up/Down recall sent messages, "
                                  "{{uuid}} and other variables are resolved when sent"));
    m_error->setToolTip(tr("Click to put the cursor where the error is"));
    m_preview->setToolTip(tr("The payload with its variables resolved as they would be now"));
}

void MessageEditor::addSideWidget(QWidget *widget)
{
    m_row->addWidget(widget);
}

bool MessageEditor::isLoadingFile() const
{
    return m_filePage->isLoading();
}

QString MessageEditor::errorText() const
{
    return m_error->isVisible() || !m_error->text().isEmpty() ? m_error->text() : QString();
}

void MessageEditor::validateIfPending()
{
    if (m_validateTimer->isActive())
        validateNow();
}

void MessageEditor::setMessage(int format, const QString &body)
{
    setFormat(format);
    m_edit->setPlainText(body);
    validateNow();
}

void MessageEditor::recall(int format, const QString &body)
{
    const QSignalBlocker block(m_edit); // keep the history position
    setFormat(format);
    m_edit->setPlainText(body);
    m_edit->moveCursor(QTextCursor::End);
    validateNow();
}

void MessageEditor::loadFile(const QString &path)
{
    setFormat(Composer::FileFormat);
    m_filePage->load(path);
    validateNow();
}

int MessageEditor::format() const
{
    return m_formatBar->format();
}

void MessageEditor::setFormat(int format)
{
    m_formatBar->setFormat(format);
}

void MessageEditor::setFrameSize(int bytes)
{
    m_formatBar->setFrameSize(bytes);
}

void MessageEditor::onFormatChanged()
{
    const int f = format();
    m_editorStack->setCurrentWidget(f == Composer::FileFormat ? m_filePage : static_cast<QWidget *>(m_edit));
    m_formatBar->showToolsFor(f == Composer::JsonFormat, f != Composer::FileFormat);
    validateNow();
}

void MessageEditor::onTextChanged()
{
    Q_EMIT edited();
    // Debounced: a keystroke in a megabyte of JSON must not re-parse it at once.
    m_validateTimer->start(m_edit->document()->characterCount() > 1000000 ? 500 : 150);
}

void MessageEditor::validateNow()
{
    m_validateTimer->stop();
    const int f = format();
    m_parsed = ParsedPayload();
    m_errorMapsToEditor = true;
    QString previewText;
    if (f == Composer::FileFormat) {
        m_parsed.ok = !m_filePage->isLoading() && m_filePage->hasFile();
        m_parsed.isText = m_filePage->sendsAsText();
        m_parsed.error = m_filePage->isLoading() ? tr("The file is still being read.") : tr("Choose a file to send.");
        if (m_parsed.ok)
            m_parsed.error.clear();
        m_filePage->updateState();
    } else {
        const QString text = m_edit->toPlainText();
        QStringList unknown;
        const bool hasVariables = text.contains(QLatin1String("{{"));
        const QString resolved = hasVariables ? m_template.preview(text, &unknown) : text;
        m_parsed = parsePayload(PayloadFormat(f), resolved);
        m_errorMapsToEditor = resolved == text;
        if (hasVariables && resolved != text)
            previewText = resolved;
        if (!unknown.isEmpty() && m_parsed.ok)
            previewText = tr("%1   (unknown, sent as written: %2)").arg(resolved, unknown.join(QStringLiteral(", ")));
        if (!m_parsed.ok && !m_errorMapsToEditor)
            m_parsed.error = tr("%1 (in the text with variables resolved)").arg(m_parsed.error);
    }
    m_valid = m_parsed.ok;
    const bool showError
        = !m_valid && !(f == Composer::FileFormat && !m_filePage->hasFile() && !m_filePage->isLoading());
    m_error->setText(m_valid ? QString() : QStringLiteral("\u26a0 ") + m_parsed.error);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setVisible(showError);
    if (!previewText.isEmpty()) {
        const QString oneLine = previewText.left(300).replace(QLatin1Char('\n'), QChar(0x21b5));
        m_preview->setText(tr("Preview: %1").arg(oneLine));
    }
    m_preview->setVisible(!previewText.isEmpty());
    m_formatBar->enableJsonTools(f == Composer::JsonFormat && m_valid && m_errorMapsToEditor);
    updateSizeLabel();
    Q_EMIT validated();
}

void MessageEditor::updateSizeLabel()
{
    if (format() == Composer::FileFormat)
        m_formatBar->showSize(m_valid, m_filePage->bytes().size(), m_filePage->sendsAsText());
    else
        m_formatBar->showSize(m_valid, m_parsed.bytes.size(), m_parsed.isText);
}

void MessageEditor::onErrorClicked()
{
    if (m_valid || !m_errorMapsToEditor || format() == Composer::FileFormat)
        return;
    QTextCursor cursor(m_edit->document());
    if (m_parsed.position >= 0) {
        cursor.setPosition(qMin(m_parsed.position, m_edit->document()->characterCount() - 1));
    } else if (m_parsed.line > 0) {
        const QTextBlock block = m_edit->document()->findBlockByNumber(m_parsed.line - 1);
        if (block.isValid())
            cursor.setPosition(block.position() + qMin(qMax(m_parsed.column - 1, 0), block.length() - 1));
    }
    m_edit->setTextCursor(cursor);
    m_edit->setFocus();
}

void MessageEditor::prettify()
{
    if (format() == Composer::JsonFormat && m_valid)
        m_edit->setPlainText(prettifyJson(m_edit->toPlainText()));
    validateNow();
}

void MessageEditor::minify()
{
    if (format() == Composer::JsonFormat && m_valid)
        m_edit->setPlainText(minifyJson(m_edit->toPlainText()));
    validateNow();
}

void MessageEditor::editVariables()
{
    VariablesDialog dialog(VariablesDialog::loadFromSettings(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    VariablesDialog::saveToSettings(dialog.variables());
    m_template.setUserVariables(dialog.variables());
    validateNow();
}

bool MessageEditor::buildPayload(bool advanceCounter, QByteArray *bytes, bool *isText, QString *error)
{
    if (format() == Composer::FileFormat) {
        if (m_filePage->isLoading() || !m_filePage->hasFile()) {
            *error = m_filePage->isLoading() ? tr("The file is still being read.") : tr("Choose a file to send.");
            return false;
        }
        *bytes = m_filePage->bytes();
        *isText = m_filePage->sendsAsText();
        return true;
    }
    const QString text = m_edit->toPlainText();
    const bool hasVariables = text.contains(QLatin1String("{{"));
    const QString resolved = !hasVariables ? text
        : advanceCounter                   ? m_template.resolve(text)
                                           : m_template.preview(text);
    const ParsedPayload parsed = parsePayload(PayloadFormat(format()), resolved);
    if (!parsed.ok) {
        *error = parsed.error;
        return false;
    }
    *bytes = parsed.bytes;
    *isText = parsed.isText;
    return true;
}

void MessageEditor::showStatus(const QString &text, bool error)
{
    if (text.isEmpty()) {
        validateNow();
        return;
    }
    m_error->setText((error ? QStringLiteral("\u26a0 ") : QString()) + text);
    m_error->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
    m_error->show();
}

bool MessageEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ControlModifier)) {
            Q_EMIT sendRequested();
            return true;
        }
        if (key->modifiers() == Qt::AltModifier && (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down)) {
            Q_EMIT recallRequested(key->key() == Qt::Key_Up);
            return true;
        }
    }
    if (watched == m_error && event->type() == QEvent::MouseButtonRelease) {
        onErrorClicked();
        return true;
    }
    if (watched == m_edit->viewport() && (event->type() == QEvent::DragEnter || event->type() == QEvent::Drop)) {
        auto *drop = static_cast<QDropEvent *>(event);
        const QList<QUrl> urls = drop->mimeData()->urls();
        if (!urls.isEmpty() && urls.constFirst().isLocalFile()) {
            drop->acceptProposedAction();
            if (event->type() == QEvent::Drop)
                Q_EMIT fileLoadRequested(urls.constFirst().toLocalFile());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace wsi
