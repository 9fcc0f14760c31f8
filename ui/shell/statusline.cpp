// StatusLine: the status bar's text (the selected connection's state, or what to do) and its counters.
#include "shell/statusline.h"

#include "common/viewstate.h"
#include "connection/connection.h"
#include "connection/workspace.h"

#include <QLabel>
#include <QLocale>
#include <QStatusBar>
#include <QTimer>

namespace wsi {

StatusLine::StatusLine(QStatusBar *bar, Workspace *workspace, ViewState *viewState, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_viewState(viewState)
{
    m_statusLabel = new QLabel(bar);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLabel->setMinimumWidth(100); // long errors must not push the counters off the status bar
    m_statusLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    bar->addWidget(m_statusLabel, 1);
    m_countersLabel = new QLabel(bar);
    m_countersLabel->setObjectName(QStringLiteral("countersLabel"));
    bar->addPermanentWidget(m_countersLabel);

    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(200);
    connect(m_timer, &QTimer::timeout, this, &StatusLine::update);
    connect(m_viewState, &ViewState::currentConnectionChanged, this, &StatusLine::onCurrentConnectionChanged);
}

StatusLine::~StatusLine() = default;

QString StatusLine::text() const
{
    return m_statusLabel->text();
}

void StatusLine::showMessage(const QString &text)
{
    m_statusLabel->setText(text);
}

void StatusLine::onCurrentConnectionChanged(Connection *current, Connection *previous)
{
    if (previous)
        disconnect(previous, nullptr, this, nullptr);
    if (current) {
        connect(current, &Connection::countersChanged, this, [this] {
            if (!m_timer->isActive())
                m_timer->start();
        });
    }
}

void StatusLine::update()
{
    Connection *current = m_viewState->currentConnection();
    if (!current) {
        m_statusLabel->setText(m_workspace->connections().isEmpty() ? tr("Ready: enter a URL and press Connect.")
                                                                    : tr("No connection selected."));
        m_countersLabel->clear();
        return;
    }
    const QString why = current->statusText();
    const QString state = Connection::stateText(current->state());
    // A test server's client is named by who connected and what it asked for, not by our server's URL.
    const QString shown = current->shownTitle(m_viewState->revealSecrets());
    m_statusLabel->setText(why.isEmpty() ? tr("#%1 %2: %3").arg(current->id()).arg(shown, state)
                                         : tr("#%1 %2: %3").arg(current->id()).arg(state, why));
    const Connection::Counters &c = current->counters();
    const QLocale locale;
    m_countersLabel->setText(
        tr("%1 in \u00b7 %2 out \u00b7 wire %3 in / %4 out%5")
            .arg(c.messagesIn)
            .arg(c.messagesOut)
            .arg(locale.formattedDataSize(qint64(c.bytesIn)), locale.formattedDataSize(qint64(c.bytesOut)),
                c.errors ? tr(" \u00b7 %n error(s)", nullptr, int(c.errors)) : QString()));
    m_statusLabel->setToolTip(m_statusLabel->text());
}

} // namespace wsi
