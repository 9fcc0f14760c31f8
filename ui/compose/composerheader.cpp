// The composer's title row: where Send would go (or why it cannot), the auto-pong switch and the fold button.
#include "compose/composerheader.h"

#include "connection/connection.h"
#include "explain/secretmasker.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace wsi {

ComposerHeader::ComposerHeader(QWidget *parent)
    : QWidget(parent)
{
    auto *top = new QHBoxLayout(this);
    top->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(this);
    top->addWidget(m_title);
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("composerHint"));
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    top->addWidget(m_hint, 1);
    m_autoPong = new QCheckBox(this);
    m_autoPong->setObjectName(QStringLiteral("autoPongCheckBox"));
    m_autoPong->setChecked(true);
    top->addWidget(m_autoPong);
    m_fold = new QToolButton(this);
    m_fold->setObjectName(QStringLiteral("composerFoldButton"));
    m_fold->setAutoRaise(true);
    top->addWidget(m_fold);
    connect(m_fold, &QToolButton::clicked, this, [this] { Q_EMIT collapseRequested(!m_collapsed); });
    showCollapsed(false);
    retranslateUi();

    connect(m_autoPong, &QCheckBox::toggled, this, [this](bool on) {
        if (m_connection)
            m_connection->setAutoPong(on);
    });
}

void ComposerHeader::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi(); // the hint follows the state: the composer sets it again
    QWidget::changeEvent(event);
}

void ComposerHeader::retranslateUi()
{
    m_title->setText(tr("<b>Compose</b>"));
    m_autoPong->setText(tr("Auto-pong"));
    m_autoPong->setToolTip(tr("On: the client answers the server's pings at once, as every client does.\n"
                              "Off: the wire tap holds the server's pings back (the log still shows each one), so no "
                              "pong is sent and you can watch how the server handles a silent client."));
    m_fold->setToolTip(m_collapsed ? tr("Show the composer (Ctrl+Shift+M)")
                                   : tr("Fold the composer away: the log gets its room (Ctrl+Shift+M)"));
}

void ComposerHeader::showCollapsed(bool collapsed)
{
    m_collapsed = collapsed;
    // Down: what is below folds away; up: it comes back (the arrow points where the composer's body goes).
    m_fold->setArrowType(collapsed ? Qt::UpArrow : Qt::DownArrow);
    retranslateUi();
}

void ComposerHeader::setConnection(Connection *connection)
{
    m_connection = connection;
    if (connection) {
        const QSignalBlocker block(m_autoPong);
        m_autoPong->setChecked(connection->autoPong());
    }
}

void ComposerHeader::updateHint(bool open, bool revealSecrets)
{
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
                            .arg(revealSecrets ? m_connection->url().toString()
                                               : SecretMasker::maskUrl(m_connection->url().toString())));
}

} // namespace wsi
