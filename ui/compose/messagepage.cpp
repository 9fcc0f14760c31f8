#include "compose/messagepage.h"

#include "compose/composercontrolrow.h"
#include "compose/messageeditor.h"
#include "compose/proxyinjectrow.h"
#include "compose/sendcolumn.h"
#include "compose/sendscheduler.h"

#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace wsi {

MessagePage::MessagePage(int maxRepeatCount, SendScheduler *scheduler, QWidget *parent)
    : QWidget(parent)
    , m_scheduler(scheduler)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);
    m_message = new MessageEditor(this);
    layout->addWidget(m_message, 1);

    m_sendColumn = new SendColumn(this);
    m_message->addSideWidget(m_sendColumn);
    m_controls = new ComposerControlRow(maxRepeatCount, this);
    layout->addWidget(m_controls);
    m_injectRow = new ProxyInjectRow(this);
    m_injectRow->hide();
    layout->addWidget(m_injectRow);

    connect(m_message, &MessageEditor::frameSizeChanged, m_scheduler, &SendScheduler::setFrameSize);
    connect(m_message, &MessageEditor::edited, this, [this] { m_history.resetPosition(); });
    connect(m_message, &MessageEditor::recallRequested, this,
        [this](bool previous) { previous ? recallPrevious() : recallNext(); });
    connect(m_message, &MessageEditor::fileLoadRequested, this, &MessagePage::loadFile);
    connect(m_message, &MessageEditor::fileLoaded, this, &MessagePage::onFileLoaded);
    connect(m_scheduler, &SendScheduler::sendStarted, this, &MessagePage::onSendStarted);
    connect(m_scheduler, &SendScheduler::sendProgress, this, &MessagePage::onSendProgress);
    connect(m_scheduler, &SendScheduler::sendFinished, this, &MessagePage::onSendFinished);
    connect(m_scheduler, &SendScheduler::repeatProgress, m_controls, &ComposerControlRow::showRepeatProgress);
}

void MessagePage::loadFile(const QString &path)
{
    m_message->loadFile(path);
    if (!m_scheduler->isSending())
        m_sendColumn->showReading();
}

void MessagePage::onFileLoaded(bool ok)
{
    if (!m_scheduler->isSending())
        m_sendColumn->hideProgress();
    Q_EMIT fileLoaded(ok);
}

void MessagePage::showMessage(int format, const QString &body)
{
    m_message->setMessage(format, body);
    m_message->editor()->setFocus();
}

void MessagePage::rememberProtocolMessage(const QString &body, bool isText)
{
    m_history.add({ isText ? PayloadFormat::Text : PayloadFormat::Hex, body });
}

bool MessagePage::recallPrevious()
{
    MessageHistory::Entry entry;
    const bool found = m_history.previous(&entry);
    if (found)
        m_message->recall(int(entry.format), entry.body);
    return found;
}

bool MessagePage::recallNext()
{
    MessageHistory::Entry entry;
    const bool found = m_history.next(&entry);
    if (found)
        m_message->recall(int(entry.format), entry.body);
    return found;
}

void MessagePage::forgetSendProgress()
{
    if (!m_message->isLoadingFile())
        m_sendColumn->hideProgress();
}

void MessagePage::onSendStarted(qint64 payloadSize, qint64 totalWireBytes)
{
    m_sendColumn->showSending(payloadSize, totalWireBytes);
}

void MessagePage::onSendProgress(qint64 written, qint64 total)
{
    Q_UNUSED(total)
    m_sendColumn->setWritten(written);
}

void MessagePage::onSendFinished()
{
    if (m_message->isLoadingFile()) {
        m_sendColumn->showReading(); // back to the indeterminate "reading the file" state
        return;
    }
    m_sendColumn->hideProgress();
}

} // namespace wsi
