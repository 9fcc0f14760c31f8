// HeldMessagesView: the messages the proxy's breakpoints hold, with an editor and Forward / Forward edited / Drop.
#include "proxy/heldmessagesview.h"

#include "common/theme.h"
#include "proxy/heldmessages.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QVBoxLayout>

#include <optional>

namespace wsi {

namespace {

constexpr int kPreviewChars = 60;

QString previewOf(const HeldMessage &message)
{
    if (!message.isText())
        return QString::fromLatin1(message.payload.left(kPreviewChars / 3).toHex(' '));
    QString text = QString::fromUtf8(message.payload.left(kPreviewChars * 4)).simplified();
    if (text.size() > kPreviewChars)
        text = text.left(kPreviewChars) + QChar(0x2026);
    return text;
}

// The bytes as the editor shows them: hex pairs, or text when they are valid UTF-8; nullopt when they are not.
std::optional<QString> editorTextOf(const QByteArray &bytes, bool hex)
{
    if (hex)
        return QString::fromLatin1(bytes.toHex(' '));
    const QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() != bytes)
        return std::nullopt; // invalid UTF-8 would come back as U+FFFD: other bytes than were held
    return text;
}

} // namespace

HeldMessagesView::HeldMessagesView(HeldMessages *held, QWidget *parent)
    : QWidget(parent)
    , m_held(held)
    , m_summary(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_editor(new QPlainTextEdit(this))
    , m_hexCheck(new QCheckBox(this))
    , m_forwardButton(new QPushButton(this))
    , m_forwardEditedButton(new QPushButton(this))
    , m_dropButton(new QPushButton(this))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("proxyHeldView"));
    m_summary->setObjectName(QStringLiteral("proxyHeldSummary"));
    m_summary->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("proxyHeldList"));
    m_list->setUniformItemSizes(true);
    m_editor->setObjectName(QStringLiteral("proxyHeldEditor"));
    m_editor->setFont(theme::monospaceFont());
    m_hexCheck->setObjectName(QStringLiteral("proxyHeldHexCheck"));
    m_forwardButton->setObjectName(QStringLiteral("proxyHeldForwardButton"));
    m_forwardEditedButton->setObjectName(QStringLiteral("proxyHeldForwardEditedButton"));
    m_dropButton->setObjectName(QStringLiteral("proxyHeldDropButton"));
    m_problem->setObjectName(QStringLiteral("proxyHeldProblem"));
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_hexCheck);
    buttons->addStretch();
    buttons->addWidget(m_forwardButton);
    buttons->addWidget(m_forwardEditedButton);
    buttons->addWidget(m_dropButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_editor, 2);
    layout->addLayout(buttons);
    layout->addWidget(m_problem);

    // The keys work anywhere in the view, the editor included (none of them edits text).
    auto shortcut = [this](const QKeySequence &keys, auto handler) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, handler);
    };
    shortcut(QKeySequence(Qt::Key_F8), [this] { forwardCurrent(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), [this] { forwardEdited(); });
    shortcut(QKeySequence(Qt::Key_F9), [this] { dropCurrent(); });
    connect(m_forwardButton, &QPushButton::clicked, this, &HeldMessagesView::forwardCurrent);
    connect(m_forwardEditedButton, &QPushButton::clicked, this, &HeldMessagesView::forwardEdited);
    connect(m_dropButton, &QPushButton::clicked, this, &HeldMessagesView::dropCurrent);
    connect(m_hexCheck, &QCheckBox::toggled, this, &HeldMessagesView::onHexToggled);
    connect(m_list, &QListWidget::currentRowChanged, this, &HeldMessagesView::onCurrentChanged);
    connect(m_held, &HeldMessages::held, this, &HeldMessagesView::onHeld);
    connect(m_held, &HeldMessages::released, this, &HeldMessagesView::onReleased);
    for (quint64 id : m_held->ids())
        onHeld(id);
    retranslate();
}

void HeldMessagesView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void HeldMessagesView::retranslate()
{
    m_forwardButton->setText(tr("Forward"));
    m_forwardButton->setToolTip(tr("Let the message on as it came (F8)"));
    m_forwardEditedButton->setText(tr("Forward edited"));
    m_forwardEditedButton->setToolTip(tr("Send the editor's content instead (Ctrl+Enter)"));
    m_hexCheck->setText(tr("Hex"));
    m_hexCheck->setToolTip(tr("Edit the message's bytes as hex pairs (a text message's UTF-8 bytes too); off: as "
                              "text. Its opcode stays as it came."));
    m_dropButton->setText(tr("Drop"));
    m_dropButton->setToolTip(tr("It never reaches the other side (F9)"));
    m_editor->setPlaceholderText(tr("Select a held message to see and edit it"));
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        if (const auto message = m_held->message(item->data(Qt::UserRole).toULongLong())) {
            item->setText(tr("#%1 %2 \u00b7 %3 \u00b7 %4")
                              .arg(message->connectionId)
                              .arg(message->toward == FrameHook::Toward::Server ? tr("\u2191 out") : tr("\u2193 in"),
                                  QLocale().formattedDataSize(message->payload.size()), previewOf(*message)));
            item->setToolTip(message->toward == FrameHook::Toward::Server
                    ? tr("Held on connection #%1: the client sent it to the server").arg(message->connectionId)
                    : tr("Held on connection #%1: the server sent it to the client").arg(message->connectionId));
        }
    }
    m_summary->setText(m_list->count() == 0
            ? tr("No message held. Add a hold rule in Rules: matching messages wait here.")
            : tr("%n message(s) held: their direction of their connection waits for you.", nullptr, m_list->count()));
    updateButtons();
}

void HeldMessagesView::onHeld(quint64 id)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(Qt::UserRole).toULongLong() == id)
            return;
    }
    auto *item = new QListWidgetItem(m_list);
    item->setData(Qt::UserRole, id);
    retranslate();
    if (m_list->currentRow() < 0)
        m_list->setCurrentRow(m_list->count() - 1);
}

void HeldMessagesView::onReleased(quint64 id)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(Qt::UserRole).toULongLong() == id) {
            delete m_list->takeItem(row);
            break;
        }
    }
    retranslate();
    if (m_list->currentRow() < 0 && m_list->count() > 0)
        m_list->setCurrentRow(0);
    onCurrentChanged();
}

void HeldMessagesView::onCurrentChanged()
{
    const auto message = m_held->message(currentId());
    // A binary message opens as hex, a text one as text; the box then switches either way.
    const bool hex = message && !message->isText();
    {
        const QSignalBlocker blocker(m_hexCheck);
        m_hexCheck->setChecked(hex);
    }
    m_editor->setPlainText(message ? editorTextOf(message->payload, hex).value_or(QString()) : QString());
    showProblem({});
    updateButtons();
}

void HeldMessagesView::onHexToggled(bool hex)
{
    // The editor's content, read in the mode it was in, is shown in the other one: edits made so far are kept.
    const std::optional<QByteArray> bytes = editorBytes(!hex);
    const std::optional<QString> shown = bytes ? editorTextOf(*bytes, hex) : std::nullopt;
    if (!shown) {
        const QSignalBlocker blocker(m_hexCheck);
        m_hexCheck->setChecked(!hex);
        showProblem(bytes ? tr("These bytes are not valid UTF-8, so they cannot be shown as text: edit them as hex.")
                          : tr("The hex does not read as bytes: pairs of digits 0-9 and a-f."));
        return;
    }
    m_editor->setPlainText(*shown);
    showProblem({});
}

std::optional<QByteArray> HeldMessagesView::editorBytes(bool hex) const
{
    if (!hex)
        return m_editor->toPlainText().toUtf8();
    QString digits = m_editor->toPlainText();
    digits.remove(QRegularExpression(QStringLiteral("\\s")));
    static const QRegularExpression hexDigits(QStringLiteral("^([0-9A-Fa-f]{2})*$"));
    if (!hexDigits.match(digits).hasMatch())
        return std::nullopt;
    return QByteArray::fromHex(digits.toLatin1());
}

void HeldMessagesView::updateButtons()
{
    const bool any = currentId() != 0;
    m_forwardButton->setEnabled(any);
    m_forwardEditedButton->setEnabled(any);
    m_dropButton->setEnabled(any);
    m_editor->setEnabled(any);
    m_hexCheck->setEnabled(any);
}

int HeldMessagesView::count() const
{
    return m_list->count();
}

quint64 HeldMessagesView::currentId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toULongLong() : 0;
}

QString HeldMessagesView::itemText(int row) const
{
    const QListWidgetItem *item = m_list->item(row);
    return item ? item->text() : QString();
}

QString HeldMessagesView::editorText() const
{
    return m_editor->toPlainText();
}

void HeldMessagesView::setEditorText(const QString &text)
{
    m_editor->setPlainText(text);
}

QString HeldMessagesView::problemText() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void HeldMessagesView::showProblem(const QString &message)
{
    m_problem->setText(message);
    m_problem->setStyleSheet(
        QStringLiteral("color: %1").arg(theme::toneForeground(theme::Tone::Error, palette()).name()));
    m_problem->setVisible(!message.isEmpty());
}

bool HeldMessagesView::forwardCurrent()
{
    const quint64 id = currentId();
    return id != 0 && m_held->forward(id);
}

bool HeldMessagesView::forwardEdited()
{
    const auto message = m_held->message(currentId());
    if (!message)
        return false;
    const std::optional<QByteArray> payload = editorBytes(m_hexCheck->isChecked());
    if (!payload) {
        showProblem(tr("The hex does not read as bytes: pairs of digits 0-9 and a-f."));
        return false;
    }
    return m_held->forward(message->id, *payload);
}

bool HeldMessagesView::dropCurrent()
{
    const quint64 id = currentId();
    return id != 0 && m_held->drop(id);
}

} // namespace wsi
