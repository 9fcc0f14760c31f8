#include "compose/composer.h"

#include "common/filedialogs.h"
#include "common/theme.h"
#include "common/viewstate.h"
#include "compose/closedialog.h"
#include "compose/payloadfileloader.h"
#include "compose/rawframepanel.h"
#include "compose/savedmessagespanel.h"
#include "compose/sendscheduler.h"
#include "compose/variablesdialog.h"
#include "connection/connection.h"
#include "explain/secretmasker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

#include <limits>

namespace wsi {

static QString byteCount(qint64 n)
{
    if (n < 10 * 1024)
        return n == 1 ? Composer::tr("1 byte") : Composer::tr("%1 bytes").arg(n);
    if (n < 10 * 1024 * 1024)
        return Composer::tr("%1 KiB (%2 bytes)").arg(n / 1024).arg(n);
    return Composer::tr("%1 MiB (%2 bytes)").arg(double(n) / (1024 * 1024), 0, 'f', 1).arg(n);
}

static QString endpointOf(const Connection *c)
{
    return c ? c->url().adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo).toString()
             : QString();
}

Composer::Composer(QWidget *parent)
    : QWidget(parent)
    , m_validateTimer(new QTimer(this))
    , m_scheduler(new SendScheduler(this))
{
    setObjectName(QStringLiteral("composer"));
    setAcceptDrops(true);
    m_validateTimer->setSingleShot(true);
    m_template.setUserVariables(VariablesDialog::loadFromSettings());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->setSpacing(4);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("<b>Compose</b>"), this));
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("composerHint"));
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    top->addWidget(m_hint, 1);
    m_autoPong = new QCheckBox(tr("Auto-pong"), this);
    m_autoPong->setObjectName(QStringLiteral("autoPongCheckBox"));
    m_autoPong->setChecked(true);
    m_autoPong->setToolTip(tr("On: the client answers the server's pings at once, as every client does.\n"
                              "Off: the wire tap holds the server's pings back (the log still shows each one), so no "
                              "pong is sent and you can watch how the server handles a silent client."));
    top->addWidget(m_autoPong);
    layout->addLayout(top);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("composerTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createMessagePage(), tr("Message"));
    m_rawPanel = new RawFramePanel(m_tabs);
    m_tabs->addTab(m_rawPanel, tr("Raw Frame (for testing servers)"));
    m_savedPanel = new SavedMessagesPanel(m_tabs);
    m_tabs->addTab(m_savedPanel, tr("Saved"));
    layout->addWidget(m_tabs, 1);

    connect(m_autoPong, &QCheckBox::toggled, this, [this](bool on) {
        if (m_connection)
            m_connection->setAutoPong(on);
    });
    connect(m_validateTimer, &QTimer::timeout, this, &Composer::validateNow);
    connect(m_scheduler, &SendScheduler::sendStarted, this, &Composer::onSendStarted);
    connect(m_scheduler, &SendScheduler::sendProgress, this, &Composer::onSendProgress);
    connect(m_scheduler, &SendScheduler::sendFinished, this, &Composer::onSendFinished);
    connect(m_scheduler, &SendScheduler::repeatProgress, this, &Composer::onRepeatProgress);
    connect(m_scheduler, &SendScheduler::repeatStopped, this, &Composer::onRepeatStopped);
    connect(m_savedPanel, &SavedMessagesPanel::loadRequested, this, &Composer::onSavedLoad);
    connect(m_savedPanel, &SavedMessagesPanel::saveCurrentRequested, this, &Composer::onSaveCurrentRequested);
    validateNow();
    updateState();
}

Composer::~Composer() = default;

QWidget *Composer::createMessagePage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);

    auto *bar = new QHBoxLayout;
    m_format = new QComboBox(page);
    m_format->setObjectName(QStringLiteral("composerFormatCombo"));
    m_format->addItem(tr("Text"), TextFormat);
    m_format->addItem(tr("JSON"), JsonFormat);
    m_format->addItem(tr("Binary (hex)"), HexFormat);
    m_format->addItem(tr("Binary (base64)"), Base64Format);
    m_format->addItem(tr("File"), FileFormat);
    m_format->setToolTip(tr("How the composer reads the payload: text and JSON go out as text messages, hex, "
                            "base64 and files as binary"));
    bar->addWidget(m_format);
    m_sizeLabel = new QLabel(page);
    m_sizeLabel->setObjectName(QStringLiteral("composerSizeLabel"));
    m_sizeLabel->setToolTip(tr("The frame type and payload size of the message Send would send"));
    m_sizeLabel->setMinimumWidth(150);
    bar->addWidget(m_sizeLabel);
    m_prettify = new QPushButton(tr("Prettify"), page);
    m_prettify->setObjectName(QStringLiteral("prettifyButton"));
    m_prettify->setToolTip(tr("Indent the JSON"));
    m_minify = new QPushButton(tr("Minify"), page);
    m_minify->setObjectName(QStringLiteral("minifyButton"));
    m_minify->setToolTip(tr("Remove the JSON's whitespace"));
    bar->addWidget(m_prettify);
    bar->addWidget(m_minify);
    bar->addStretch(1);
    bar->addWidget(new QLabel(tr("Frame size:"), page));
    m_frameSize = new QSpinBox(page);
    m_frameSize->setObjectName(QStringLiteral("frameSizeSpin"));
    m_frameSize->setRange(0, 64 * 1024 * 1024);
    m_frameSize->setSpecialValueText(tr("whole message"));
    m_frameSize->setSuffix(tr(" bytes"));
    m_frameSize->setToolTip(tr("0 sends the message in one frame. Otherwise it is split into frames of at most this "
                               "many payload bytes (a start frame, continuation frames, FIN on the last), injected by "
                               "the wire tap, to test the server's reassembly."));
    bar->addWidget(m_frameSize);
    m_variables = new QPushButton(tr("Variables\u2026"), page);
    m_variables->setObjectName(QStringLiteral("variablesButton"));
    m_variables->setToolTip(tr("Edit your own {{variables}}; {{timestamp}}, {{iso8601}}, {{uuid}}, {{counter}} and "
                               "{{random:N}} are built in and resolved when the message is sent"));
    bar->addWidget(m_variables);
    layout->addLayout(bar);

    auto *row = new QHBoxLayout;
    m_editorStack = new QStackedWidget(page);
    m_edit = new QPlainTextEdit(m_editorStack);
    m_edit->setObjectName(QStringLiteral("composerEdit"));
    m_edit->setFont(theme::monospaceFont());
    m_edit->setPlaceholderText(tr("Message; Ctrl+Enter sends it, Alt+Up/Down recall sent messages, "
                                  "{{uuid}} and other variables are resolved when sent"));
    m_edit->setTabChangesFocus(true);
    m_edit->installEventFilter(this);
    m_edit->viewport()->installEventFilter(this);
    m_editorStack->addWidget(m_edit);

    m_filePage = new QWidget(m_editorStack);
    auto *fileLayout = new QVBoxLayout(m_filePage);
    m_fileLabel = new QLabel(tr("No file. Choose one or drop it here."), m_filePage);
    m_fileLabel->setObjectName(QStringLiteral("composerFileLabel"));
    m_fileLabel->setWordWrap(true);
    fileLayout->addWidget(m_fileLabel);
    auto *fileButtons = new QHBoxLayout;
    auto *choose = new QPushButton(tr("Choose File\u2026"), m_filePage);
    choose->setObjectName(QStringLiteral("chooseFileButton"));
    choose->setToolTip(tr("Pick the file whose bytes are sent (you can also drop a file on the composer)"));
    fileButtons->addWidget(choose);
    m_fileAsText = new QCheckBox(tr("Send as text"), m_filePage);
    m_fileAsText->setObjectName(QStringLiteral("fileAsTextCheckBox"));
    m_fileAsText->setToolTip(tr("Send the file as a text message; possible only when it is valid UTF-8"));
    fileButtons->addWidget(m_fileAsText);
    fileButtons->addStretch(1);
    fileLayout->addLayout(fileButtons);
    fileLayout->addStretch(1);
    m_editorStack->addWidget(m_filePage);
    row->addWidget(m_editorStack, 1);

    auto *side = new QVBoxLayout;
    m_send = new QPushButton(theme::icon("send"), tr("Send"), page);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setDefault(true);
    side->addWidget(m_send);
    m_busy = new QProgressBar(page);
    m_busy->setObjectName(QStringLiteral("sendProgress"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(m_send->sizeHint().width() * 2);
    m_busy->setMaximumHeight(10);
    m_busy->setTextVisible(false);
    m_busy->setToolTip(tr("Sending; done when the outgoing message appears in the log"));
    m_busy->hide();
    side->addWidget(m_busy);
    side->addStretch(1);
    row->addLayout(side);
    layout->addLayout(row, 1);

    m_error = new QLabel(page);
    m_error->setObjectName(QStringLiteral("composerError"));
    m_error->setWordWrap(true);
    m_error->setCursor(Qt::PointingHandCursor);
    m_error->setToolTip(tr("Click to put the cursor where the error is"));
    m_error->installEventFilter(this);
    m_error->hide();
    layout->addWidget(m_error);
    m_preview = new QLabel(page);
    m_preview->setObjectName(QStringLiteral("composerPreview"));
    m_preview->setForegroundRole(QPalette::PlaceholderText);
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setToolTip(tr("The payload with its variables resolved as they would be now"));
    m_preview->hide();
    layout->addWidget(m_preview);
    layout->addWidget(createControlRow());

    connect(m_format, &QComboBox::currentIndexChanged, this, &Composer::onFormatChanged);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &Composer::onTextChanged);
    connect(m_prettify, &QPushButton::clicked, this, &Composer::prettify);
    connect(m_minify, &QPushButton::clicked, this, &Composer::minify);
    connect(m_frameSize, &QSpinBox::valueChanged, this, &Composer::updateSizeLabel);
    connect(m_frameSize, &QSpinBox::valueChanged, m_scheduler, &SendScheduler::setFrameSize);
    connect(m_variables, &QPushButton::clicked, this, &Composer::editVariables);
    connect(m_send, &QPushButton::clicked, this, &Composer::send);
    connect(choose, &QPushButton::clicked, this, [this] {
        const QString path = FileDialogs::openFile(this, tr("Send File"));
        if (!path.isEmpty())
            loadFile(path);
    });
    connect(m_fileAsText, &QCheckBox::toggled, this, &Composer::updateSizeLabel);
    return page;
}

QWidget *Composer::createControlRow()
{
    auto *w = new QWidget(this);
    auto *row = new QHBoxLayout(w);
    row->setContentsMargins(0, 0, 0, 0);
    m_pingPayload = new QLineEdit(w);
    m_pingPayload->setObjectName(QStringLiteral("pingPayloadEdit"));
    m_pingPayload->setPlaceholderText(tr("ping payload (optional)"));
    m_pingPayload->setToolTip(tr("Text sent in the Ping frame; a control frame carries at most 125 bytes"));
    m_pingPayload->setMaximumWidth(180);
    row->addWidget(m_pingPayload);
    m_ping = new QPushButton(theme::icon("ping"), tr("Ping"), w);
    m_ping->setObjectName(QStringLiteral("pingButton"));
    m_ping->setToolTip(tr("Send a Ping frame; the Pong and its round trip appear in the log"));
    row->addWidget(m_ping);
    m_close = new QPushButton(theme::icon("close"), tr("Close\u2026"), w);
    m_close->setObjectName(QStringLiteral("composerCloseButton"));
    m_close->setToolTip(tr("Send a Close frame with a code and reason of your choice"));
    row->addWidget(m_close);
    row->addSpacing(12);
    row->addWidget(new QLabel(tr("Repeat"), w));
    m_repeatCount = new QSpinBox(w);
    m_repeatCount->setObjectName(QStringLiteral("repeatCountSpin"));
    m_repeatCount->setRange(1, kMaxRepeatCount);
    m_repeatCount->setValue(10);
    m_repeatCount->setSuffix(tr(" \u00d7"));
    m_repeatCount->setToolTip(tr("How many times to send the message (at most %1)").arg(kMaxRepeatCount));
    row->addWidget(m_repeatCount);
    row->addWidget(new QLabel(tr("every"), w));
    m_repeatInterval = new QSpinBox(w);
    m_repeatInterval->setObjectName(QStringLiteral("repeatIntervalSpin"));
    m_repeatInterval->setRange(0, 3600 * 1000);
    m_repeatInterval->setValue(1000);
    m_repeatInterval->setSuffix(tr(" ms"));
    m_repeatInterval->setToolTip(tr("Milliseconds between sends; variables are resolved for each one"));
    row->addWidget(m_repeatInterval);
    m_repeat = new QPushButton(tr("Start"), w);
    m_repeat->setObjectName(QStringLiteral("repeatButton"));
    m_repeat->setToolTip(tr("Send the message repeatedly; stops by itself when the connection closes"));
    row->addWidget(m_repeat);
    m_stop = new QPushButton(tr("Stop"), w);
    m_stop->setObjectName(QStringLiteral("stopRepeatButton"));
    m_stop->setToolTip(tr("Stop repeating"));
    row->addWidget(m_stop);
    m_repeatProgress = new QProgressBar(w);
    m_repeatProgress->setObjectName(QStringLiteral("repeatProgress"));
    m_repeatProgress->setFormat(QStringLiteral("%v / %m"));
    m_repeatProgress->setMaximumWidth(160);
    m_repeatProgress->hide();
    row->addWidget(m_repeatProgress);
    row->addStretch(1);

    connect(m_ping, &QPushButton::clicked, this, &Composer::ping);
    connect(m_close, &QPushButton::clicked, this, &Composer::closeWithDialog);
    connect(m_repeat, &QPushButton::clicked, this,
        [this] { startRepeat(m_repeatCount->value(), m_repeatInterval->value()); });
    connect(m_stop, &QPushButton::clicked, this, &Composer::stopRepeat);
    return w;
}

Connection *Composer::connection() const
{
    return m_connection;
}

void Composer::setConnection(Connection *connection)
{
    if (m_connection == connection)
        return;
    if (m_connection)
        disconnect(m_connection, nullptr, this, nullptr);
    m_connection = connection;
    m_scheduler->setConnection(connection); // stops a repeat, forgets a send in flight
    if (!m_fileLoading)
        m_busy->hide();
    if (connection) {
        connect(connection, &Connection::stateChanged, this, &Composer::updateState);
        const QSignalBlocker block(m_autoPong);
        m_autoPong->setChecked(connection->autoPong());
    }
    m_rawPanel->setConnection(connection);
    m_savedPanel->setEndpoint(endpointOf(connection));
    updateState();
}

bool Composer::canSend() const
{
    return m_connection && m_connection->state() == Connection::State::Open;
}

QString Composer::errorText() const
{
    return m_error->isVisible() || !m_error->text().isEmpty() ? m_error->text() : QString();
}

Composer::Format Composer::format() const
{
    return Format(m_format->currentData().toInt());
}

void Composer::setFormat(Format format)
{
    m_format->setCurrentIndex(m_format->findData(format));
}

void Composer::setFrameSize(int bytes)
{
    m_frameSize->setValue(bytes);
}

void Composer::onFormatChanged()
{
    const Format f = format();
    m_editorStack->setCurrentWidget(f == FileFormat ? m_filePage : static_cast<QWidget *>(m_edit));
    m_prettify->setVisible(f == JsonFormat);
    m_minify->setVisible(f == JsonFormat);
    m_variables->setEnabled(f != FileFormat);
    validateNow();
}

void Composer::onTextChanged()
{
    m_history.resetPosition();
    // Debounced: a keystroke in a megabyte of JSON must not re-parse it at once.
    m_validateTimer->start(m_edit->document()->characterCount() > 1000000 ? 500 : 150);
}

void Composer::validateNow()
{
    m_validateTimer->stop();
    const Format f = format();
    m_parsed = ParsedPayload();
    m_errorMapsToEditor = true;
    QString previewText;
    if (f == FileFormat) {
        m_parsed.ok = !m_fileLoading && !m_filePath.isEmpty();
        m_parsed.isText = m_fileAsText->isChecked() && m_fileUtf8;
        m_parsed.error = m_fileLoading ? tr("The file is still being read.") : tr("Choose a file to send.");
        if (m_parsed.ok)
            m_parsed.error.clear();
        m_fileAsText->setEnabled(m_fileUtf8 && !m_fileLoading);
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
    const bool showError = !m_valid && !(f == FileFormat && m_filePath.isEmpty() && !m_fileLoading);
    m_error->setText(m_valid ? QString() : QStringLiteral("\u26a0 ") + m_parsed.error);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setVisible(showError);
    if (!previewText.isEmpty()) {
        const QString oneLine = previewText.left(300).replace(QLatin1Char('\n'), QChar(0x21b5));
        m_preview->setText(tr("Preview: %1").arg(oneLine));
    }
    m_preview->setVisible(!previewText.isEmpty());
    m_prettify->setEnabled(f == JsonFormat && m_valid && m_errorMapsToEditor);
    m_minify->setEnabled(f == JsonFormat && m_valid && m_errorMapsToEditor);
    updateSizeLabel();
    updateState();
}

void Composer::updateSizeLabel()
{
    if (!m_valid) {
        m_sizeLabel->setText(tr("<span style='color:#c62828'>invalid</span>"));
        return;
    }
    qint64 size = 0;
    bool text = false;
    if (format() == FileFormat) {
        size = m_fileBytes.size();
        text = m_fileAsText->isChecked() && m_fileUtf8;
    } else {
        size = m_parsed.bytes.size();
        text = m_parsed.isText;
    }
    QString label = QStringLiteral("<b>%1</b> \u00b7 %2").arg(text ? tr("TEXT") : tr("BINARY"), byteCount(size));
    const int frame = m_frameSize->value();
    if (frame > 0 && size > frame)
        label += tr(" \u00b7 %1 frames").arg((size + frame - 1) / frame);
    m_sizeLabel->setText(label);
}

void Composer::onErrorClicked()
{
    if (m_valid || !m_errorMapsToEditor || format() == FileFormat)
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

void Composer::prettify()
{
    if (format() == JsonFormat && m_valid)
        m_edit->setPlainText(prettifyJson(m_edit->toPlainText()));
    validateNow();
}

void Composer::minify()
{
    if (format() == JsonFormat && m_valid)
        m_edit->setPlainText(minifyJson(m_edit->toPlainText()));
    validateNow();
}

void Composer::editVariables()
{
    VariablesDialog dialog(VariablesDialog::loadFromSettings(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    VariablesDialog::saveToSettings(dialog.variables());
    m_template.setUserVariables(dialog.variables());
    validateNow();
}

void Composer::loadFile(const QString &path)
{
    setFormat(FileFormat);
    m_fileLoading = true;
    m_filePath = path;
    m_fileBytes.clear();
    m_fileUtf8 = false;
    const int generation = ++m_fileGeneration;
    m_fileLabel->setText(tr("Reading %1\u2026").arg(QFileInfo(path).fileName()));
    if (!isSending())
        m_busy->setRange(0, 0);
    m_busy->show();
    validateNow();
    PayloadFileLoader::load(path, this, [this, generation](const LoadedFile &file) {
        if (generation == m_fileGeneration)
            onFileLoaded(file);
    });
}

void Composer::onFileLoaded(const LoadedFile &file)
{
    m_fileLoading = false;
    if (!isSending())
        m_busy->hide();
    if (!file.ok) {
        m_filePath.clear();
        m_fileLabel->setText(QStringLiteral("<span style='color:#c62828'>%1</span>").arg(file.error.toHtmlEscaped()));
        validateNow();
        Q_EMIT fileLoaded(false);
        return;
    }
    m_fileBytes = file.bytes;
    m_fileUtf8 = file.validUtf8;
    if (!m_fileUtf8)
        m_fileAsText->setChecked(false);
    m_fileLabel->setText(tr("<b>%1</b><br>%2 \u00b7 %3")
                             .arg(QFileInfo(file.path).fileName().toHtmlEscaped(), byteCount(file.bytes.size()),
                                 m_fileUtf8 ? tr("valid UTF-8: can go out as text") : tr("binary (not valid UTF-8)")));
    m_fileLabel->setToolTip(file.path);
    validateNow();
    Q_EMIT fileLoaded(true);
}

bool Composer::buildPayload(bool advanceCounter, QByteArray *bytes, bool *isText, QString *error)
{
    if (format() == FileFormat) {
        if (m_fileLoading || m_filePath.isEmpty()) {
            *error = m_fileLoading ? tr("The file is still being read.") : tr("Choose a file to send.");
            return false;
        }
        *bytes = m_fileBytes;
        *isText = m_fileAsText->isChecked() && m_fileUtf8;
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

bool Composer::send()
{
    if (m_tabs->currentIndex() == RawFrameTab)
        return m_rawPanel->send();
    if (!canSend() || isRepeating())
        return false;
    if (m_validateTimer->isActive())
        validateNow();
    if (!m_valid)
        return false;
    QByteArray bytes;
    bool isText = false;
    QString error;
    if (!buildPayload(true, &bytes, &isText, &error) || !m_scheduler->transmit(bytes, isText, true, &error)) {
        showStatus(error, true);
        return false;
    }
    if (format() != FileFormat)
        m_history.add({ PayloadFormat(format()), m_edit->toPlainText() });
    m_history.resetPosition();
    showStatus(QString(), false);
    // Keep the text: resending the same message is the common case when probing a server.
    m_edit->selectAll();
    validateNow(); // {{counter}} moved on: refresh the preview
    return true;
}

bool Composer::resend(const QByteArray &bytes, bool isText)
{
    QString error;
    if (!m_scheduler->transmit(bytes, isText, false, &error)) {
        showStatus(error, true);
        return false;
    }
    return true;
}

void Composer::setPayload(const QByteArray &bytes, bool isText)
{
    m_tabs->setCurrentIndex(MessageTab);
    setFormat(isText ? TextFormat : HexFormat);
    m_edit->setPlainText(isText ? QString::fromUtf8(bytes) : QString::fromLatin1(bytes.toHex(' ')));
    validateNow();
    m_edit->setFocus();
}

bool Composer::ping()
{
    if (!canSend())
        return false;
    const QByteArray payload = m_pingPayload->text().toUtf8();
    if (payload.size() > 125) {
        showStatus(tr("The ping payload is %1 bytes; a control frame carries at most 125 bytes. Shorten it, or use "
                      "the oversized-ping preset in Raw Frame mode to test the server.")
                       .arg(payload.size()),
            true);
        return false;
    }
    if (!m_connection->ping(payload)) {
        showStatus(tr("The ping was not sent: the connection is not open."), true);
        return false;
    }
    showStatus(QString(), false);
    return true;
}

void Composer::closeWithDialog()
{
    if (!canSend())
        return;
    QPointer<Connection> target = m_connection;
    CloseDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted && target && target->state() == Connection::State::Open)
        target->close(dialog.code(), dialog.reason());
}

void Composer::startRepeat(int count, int intervalMs)
{
    if (isRepeating() || !canSend())
        return;
    if (m_validateTimer->isActive())
        validateNow();
    if (!m_valid)
        return;
    const int total = qBound(1, count, kMaxRepeatCount);
    m_repeatProgress->setRange(0, total);
    m_repeatProgress->setValue(0);
    m_repeatProgress->show();
    m_scheduler->startRepeat(total, intervalMs,
        [this](QByteArray *bytes, bool *isText, QString *error) { return buildPayload(true, bytes, isText, error); });
    updateState();
}

void Composer::stopRepeat()
{
    m_scheduler->stopRepeat();
}

bool Composer::isRepeating() const
{
    return m_scheduler->isRepeating();
}

void Composer::onRepeatProgress(int done, int total)
{
    m_repeatProgress->setRange(0, total);
    m_repeatProgress->setValue(done);
}

void Composer::onRepeatStopped(const QString &message, bool error)
{
    if (!message.isEmpty())
        showStatus(message, error);
    updateState();
    Q_EMIT repeatFinished();
}

void Composer::onSendStarted(qint64 payloadSize, qint64 totalWireBytes)
{
    m_progressShift = 0;
    while ((totalWireBytes >> m_progressShift) > std::numeric_limits<int>::max())
        ++m_progressShift;
    m_busy->setRange(0, int(totalWireBytes >> m_progressShift));
    m_busy->setValue(0);
    m_busy->setTextVisible(false);
    m_busy->setToolTip(tr("Sending %1; done when the outgoing message appears in the log").arg(byteCount(payloadSize)));
    m_busy->show();
}

void Composer::onSendProgress(qint64 written, qint64 total)
{
    Q_UNUSED(total)
    m_busy->setValue(int(written >> m_progressShift));
}

void Composer::onSendFinished()
{
    if (m_fileLoading) {
        m_busy->setRange(0, 0); // back to the indeterminate "reading the file" state
        return;
    }
    m_busy->hide();
}

bool Composer::recallPrevious()
{
    MessageHistory::Entry entry;
    if (!m_history.previous(&entry))
        return false;
    const QSignalBlocker block(m_edit); // keep the history position
    setFormat(Format(entry.format));
    m_edit->setPlainText(entry.body);
    m_edit->moveCursor(QTextCursor::End);
    validateNow();
    return true;
}

bool Composer::recallNext()
{
    MessageHistory::Entry entry;
    if (!m_history.next(&entry))
        return false;
    const QSignalBlocker block(m_edit);
    setFormat(Format(entry.format));
    m_edit->setPlainText(entry.body);
    m_edit->moveCursor(QTextCursor::End);
    validateNow();
    return true;
}

QString Composer::saveCurrent(const QString &name, bool forEndpoint)
{
    if (format() == FileFormat || name.trimmed().isEmpty())
        return {};
    return m_savedPanel->add(
        name.trimmed(), PayloadFormat(format()), m_edit->toPlainText(), forEndpoint && m_connection);
}

void Composer::onSaveCurrentRequested()
{
    if (format() == FileFormat) {
        showStatus(tr("Files are not saved; save a text, JSON, hex or base64 message."), true);
        return;
    }
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("Save Message"), tr("Name:"), QLineEdit::Normal, m_edit->toPlainText().simplified().left(40), &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    bool forEndpoint = false;
    if (m_connection) {
        const QStringList scopes = { tr("Global (every endpoint)"), tr("Only %1").arg(endpointOf(m_connection)) };
        const QString scope
            = QInputDialog::getItem(this, tr("Save Message"), tr("Show it for:"), scopes, 0, false, &ok);
        if (!ok)
            return;
        forEndpoint = scope == scopes.at(1);
    }
    saveCurrent(name, forEndpoint);
}

void Composer::onSavedLoad(const SavedMessage &message)
{
    m_tabs->setCurrentIndex(MessageTab);
    setFormat(Format(message.format));
    m_edit->setPlainText(message.body);
    validateNow();
    m_edit->setFocus();
}

void Composer::showStatus(const QString &text, bool error)
{
    if (text.isEmpty()) {
        validateNow();
        return;
    }
    m_error->setText((error ? QStringLiteral("\u26a0 ") : QString()) + text);
    m_error->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
    m_error->show();
}

bool Composer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ControlModifier)) {
            send();
            return true;
        }
        if (key->modifiers() == Qt::AltModifier && (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down)) {
            if (key->key() == Qt::Key_Up)
                recallPrevious();
            else
                recallNext();
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
                loadFile(urls.constFirst().toLocalFile());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void Composer::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.constFirst().isLocalFile())
        event->acceptProposedAction();
}

void Composer::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.constFirst().isLocalFile())
        return;
    event->acceptProposedAction();
    m_tabs->setCurrentIndex(MessageTab);
    loadFile(urls.constFirst().toLocalFile());
}

void Composer::setRevealSecrets(bool reveal)
{
    m_revealSecrets = reveal;
    updateState();
}

void Composer::updateState()
{
    const bool open = canSend();
    const bool repeating = isRepeating(); // a repeat the closing connection cut short ends on the scheduler's next tick
    m_send->setEnabled(open && m_valid && !repeating);
    if (!open)
        m_send->setToolTip(tr("Connect first: there is no open connection selected"));
    else if (!m_valid)
        m_send->setToolTip(tr("Not sent: %1").arg(m_parsed.error));
    else if (repeating)
        m_send->setToolTip(tr("Repeating; stop it first"));
    else
        m_send->setToolTip(tr("Send the message (Ctrl+Enter)"));
    m_ping->setEnabled(open);
    m_close->setEnabled(open);
    m_pingPayload->setEnabled(open);
    m_repeat->setEnabled(open && m_valid && !repeating);
    m_repeat->setToolTip(m_valid ? tr("Send the message repeatedly; stops by itself when the connection closes")
                                 : tr("Not sent: %1").arg(m_parsed.error));
    m_stop->setEnabled(repeating);
    m_autoPong->setEnabled(
        m_connection && m_connection->kind() == Connection::Kind::Outgoing && !m_connection->isImported());
    if (!m_connection)
        m_hint->setText(tr("select or open a connection to send"));
    else if (m_connection->isImported())
        m_hint->setText(tr("an imported or reopened session is read-only; connect to its URL to send"));
    else if (!open)
        m_hint->setText(m_connection->state() == Connection::State::Connecting
                ? tr("waiting for the connection to open")
                : tr("the connection is no longer open (%1); connect again to send")
                      .arg(Connection::stateText(m_connection->state())));
    else if (m_connection->kind() == Connection::Kind::Incoming)
        // A test server's client: what is sent goes to that client, as the server.
        m_hint->setText(tr("Ctrl+Enter to send to client %1 (as the test server)").arg(m_connection->peer()));
    else
        m_hint->setText(tr("Ctrl+Enter to send \u00b7 %1")
                            .arg(m_revealSecrets ? m_connection->url().toString()
                                                 : SecretMasker::maskUrl(m_connection->url().toString())));
    if (open != m_lastCanSend) {
        m_lastCanSend = open;
        Q_EMIT canSendChanged(open);
    }
}

void Composer::observe(ViewState *state)
{
    connect(state, &ViewState::currentConnectionChanged, this, &Composer::setConnection);
    connect(state, &ViewState::revealSecretsChanged, this, &Composer::setRevealSecrets);
    setConnection(state->currentConnection());
    setRevealSecrets(state->revealSecrets());
}

} // namespace wsi
