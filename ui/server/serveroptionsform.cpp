#include "server/serveroptionsform.h"

#include "common/theme.h"
#include "endpoints/connectionoptions.h"
#include "protocol/httphead.h"
#include "ui_serveroptionsform.h"

#include <QEvent>
#include <QFileDialog>
#include <QLabel>
#include <QSettings>

namespace wsi {

namespace {

constexpr char kGroup[] = "server";

} // namespace

void ServerOptionsForm::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslateItems();
    }
    QWidget::changeEvent(event);
}

// The combos' items carry their values as data, so their texts are set here rather than by the form.
void ServerOptionsForm::retranslateItems()
{
    m_ui->serverSchemeCombo->setItemText(0, tr("ws:// (plain)"));
    m_ui->serverSchemeCombo->setItemText(1, tr("wss:// (TLS)"));
    const QStringList modes { tr("Echo: send every message back"), tr("Broadcast: send to the other clients"),
        tr("Manual: answer from the composer"), tr("Silent: never answer"), tr("Reject: refuse every upgrade") };
    for (int i = 0; i < modes.size(); ++i)
        m_ui->serverModeCombo->setItemText(i, modes.at(i));
    m_engineLabel->setText(tr("&Engine:"));
    m_engineCombo->setItemText(0, tr("Built-in: every mode, wss, limits"));
    m_engineCombo->setItemText(1, tr("Qt QWebSocketServer: echo and silent only, ws:// only"));
    m_engineCombo->setToolTip(tr("Which server answers the clients. The Qt engine runs Qt's own QWebSocketServer "
                                 "behind the recording relay, so every client has a client leg and a server leg and "
                                 "you see exactly how a Qt server answers. It has the echo and silent modes only, "
                                 "serves ws:// only, and has no subprotocols, origins, limits or auto-replies."));
}

ServerOptionsForm::ServerOptionsForm(QWidget *parent)
    : QWidget(parent)
    , m_ui(new Ui::ServerOptionsForm)
{
    m_ui->setupUi(this);
    // The editable combo's line edit is made by the combo, so the form cannot name it.
    m_ui->serverAddressCombo->lineEdit()->setObjectName(QStringLiteral("serverAddressEdit"));
    // Items carry their value as data, so these combos are filled here, not in the form.
    m_ui->serverSchemeCombo->addItem(QString(), false);
    m_ui->serverSchemeCombo->addItem(QString(), true);
    for (ServerMode mode :
        { ServerMode::Echo, ServerMode::Broadcast, ServerMode::Manual, ServerMode::Silent, ServerMode::Reject })
        m_ui->serverModeCombo->addItem(QString(), int(mode));
    // The engine row is made here, at the top of the listen box: its items carry their value as data too.
    m_engineLabel = new QLabel(this);
    m_engineCombo = new QComboBox(this);
    m_engineCombo->setObjectName(QStringLiteral("serverEngineCombo"));
    // Its items are long sentences: sized to them, the combo alone held the dock 100 px wider than it opens.
    m_engineCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_engineCombo->setMinimumContentsLength(14);
    m_engineLabel->setBuddy(m_engineCombo);
    for (ServerEngine engine : { ServerEngine::Builtin, ServerEngine::Qt })
        m_engineCombo->addItem(QString(), int(engine));
    m_ui->listenForm->insertRow(0, m_engineLabel, m_engineCombo);
    retranslateItems();
    // The defaults are the core's (ServerOptions), one owner for each.
    m_ui->serverRejectBodyEdit->setPlainText(QString::fromUtf8(ServerOptions().rejectBody));
    m_ui->serverHandshakeTimeoutSpin->setValue(ServerOptions().handshakeTimeoutMs);
    m_ui->serverMaxMessageSpin->setValue(int(ServerOptions().maxMessageSize / 1024));
    // Sizes that follow the font, which Designer cannot express.
    m_ui->serverRejectHeadersEdit->setFont(theme::monospaceFont());
    m_ui->serverRejectHeadersEdit->setFixedHeight(fontMetrics().lineSpacing() * 3 + 12);
    m_ui->serverRejectBodyEdit->setFixedHeight(fontMetrics().lineSpacing() * 3 + 12);
    QHeaderView *header = m_ui->serverAutoReplyTable->horizontalHeader();
    header->setSectionResizeMode(0, QHeaderView::Stretch);
    header->setSectionResizeMode(1, QHeaderView::Fixed);
    header->resizeSection(1, 50);
    header->setSectionResizeMode(2, QHeaderView::Stretch);
    m_ui->serverAutoReplyTable->setFixedHeight(fontMetrics().height() * 6);

    auto browseFor = [this](QLineEdit *target, QToolButton *browse, const QString &title, const QString &filter) {
        connect(browse, &QToolButton::clicked, this, [this, target, title, filter] {
            const QString path = QFileDialog::getOpenFileName(this, title, target->text(), filter);
            if (!path.isEmpty())
                target->setText(path);
        });
    };
    browseFor(m_ui->serverCertEdit, m_ui->serverCertEditBrowse, tr("Server certificate (PEM)"),
        tr("PEM (*.pem *.crt);;All files (*)"));
    browseFor(m_ui->serverKeyEdit, m_ui->serverKeyEditBrowse, tr("Server private key (PEM)"),
        tr("PEM (*.key *.pem);;All files (*)"));
    m_listenFields << m_engineCombo << m_ui->serverCertEdit << m_ui->serverCertEditBrowse << m_ui->serverKeyEdit
                   << m_ui->serverKeyEditBrowse << m_ui->serverAddressCombo << m_ui->serverPortSpin
                   << m_ui->serverSchemeCombo << m_ui->serverSubprotocolsEdit << m_ui->serverOriginsEdit
                   << m_ui->serverMaxClientsSpin << m_ui->serverHandshakeTimeoutSpin << m_ui->serverMaxMessageSpin
                   << m_ui->serverIdleTimeoutSpin << m_ui->serverDeflateCheck << m_ui->serverRejectStatusSpin
                   << m_ui->serverRejectHeadersEdit << m_ui->serverRejectBodyEdit << m_ui->serverBroadcastToSenderCheck;

    connect(m_ui->serverAddressCombo->lineEdit(), &QLineEdit::textChanged, this, &ServerOptionsForm::addressChanged);
    connect(m_ui->serverSchemeCombo, &QComboBox::currentIndexChanged, this, &ServerOptionsForm::updateTlsFields);
    connect(m_ui->serverModeCombo, &QComboBox::currentIndexChanged, this, &ServerOptionsForm::updateModeFields);
    connect(m_ui->serverModeCombo, &QComboBox::currentIndexChanged, this, &ServerOptionsForm::modeChanged);
    connect(m_ui->serverBroadcastToSenderCheck, &QCheckBox::toggled, this, &ServerOptionsForm::modeChanged);
    connect(m_ui->serverAddRuleButton, &QPushButton::clicked, this, [this] {
        addRule({});
        m_ui->serverAutoReplyTable->setCurrentCell(m_ui->serverAutoReplyTable->rowCount() - 1, 0);
        m_ui->serverAutoReplyTable->editItem(
            m_ui->serverAutoReplyTable->item(m_ui->serverAutoReplyTable->rowCount() - 1, 0));
    });
    connect(m_ui->serverRemoveRuleButton, &QPushButton::clicked, this, [this] {
        if (m_ui->serverAutoReplyTable->currentRow() >= 0)
            m_ui->serverAutoReplyTable->removeRow(m_ui->serverAutoReplyTable->currentRow());
        Q_EMIT autoRepliesChanged();
    });
    connect(m_ui->serverAutoReplyTable, &QTableWidget::itemChanged, this, &ServerOptionsForm::autoRepliesChanged);
    updateModeFields();
    updateTlsFields();
}

ServerOptionsForm::~ServerOptionsForm() = default;

QComboBox *ServerOptionsForm::addressCombo() const
{
    return m_ui->serverAddressCombo;
}

void ServerOptionsForm::addRule(const AutoReplyRule &rule)
{
    const QSignalBlocker blocker(m_ui->serverAutoReplyTable);
    const int row = m_ui->serverAutoReplyTable->rowCount();
    m_ui->serverAutoReplyTable->insertRow(row);
    m_ui->serverAutoReplyTable->setItem(row, 0, new QTableWidgetItem(rule.pattern));
    auto *regex = new QTableWidgetItem;
    regex->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    regex->setCheckState(rule.isRegex ? Qt::Checked : Qt::Unchecked);
    m_ui->serverAutoReplyTable->setItem(row, 1, regex);
    m_ui->serverAutoReplyTable->setItem(row, 2, new QTableWidgetItem(rule.replyTemplate));
}

QList<AutoReplyRule> ServerOptionsForm::autoReplies() const
{
    QList<AutoReplyRule> rules;
    for (int row = 0; row < m_ui->serverAutoReplyTable->rowCount(); ++row) {
        AutoReplyRule rule;
        rule.pattern
            = m_ui->serverAutoReplyTable->item(row, 0) ? m_ui->serverAutoReplyTable->item(row, 0)->text() : QString();
        rule.isRegex = m_ui->serverAutoReplyTable->item(row, 1)
            && m_ui->serverAutoReplyTable->item(row, 1)->checkState() == Qt::Checked;
        rule.replyTemplate
            = m_ui->serverAutoReplyTable->item(row, 2) ? m_ui->serverAutoReplyTable->item(row, 2)->text() : QString();
        if (!rule.pattern.isEmpty() || !rule.replyTemplate.isEmpty())
            rules << rule;
    }
    return rules;
}

ServerEngine ServerOptionsForm::engine() const
{
    return static_cast<ServerEngine>(m_engineCombo->currentData().toInt());
}

ServerMode ServerOptionsForm::mode() const
{
    return static_cast<ServerMode>(m_ui->serverModeCombo->currentData().toInt());
}

bool ServerOptionsForm::isExposed() const
{
    ServerOptions o;
    o.address = QHostAddress(m_ui->serverAddressCombo->currentText().trimmed());
    return !o.address.isNull() && o.isExposed();
}

bool ServerOptionsForm::options(ServerOptions *options, QString *error) const
{
    ServerOptions o;
    const QString address = m_ui->serverAddressCombo->currentText().trimmed();
    o.address = QHostAddress(address);
    if (o.address.isNull()) {
        *error = tr("\"%1\" is not an IP address to listen on (e.g. 127.0.0.1, 0.0.0.0, ::1).").arg(address);
        return false;
    }
    o.port = quint16(m_ui->serverPortSpin->value());
    o.tls = m_ui->serverSchemeCombo->currentData().toBool();
    if (o.tls) {
        o.certificateFile = m_ui->serverCertEdit->text().trimmed();
        o.keyFile = m_ui->serverKeyEdit->text().trimmed();
    }
    o.mode = mode();
    o.engine = engine();
    o.broadcastToSender = m_ui->serverBroadcastToSenderCheck->isChecked();
    o.rejectStatus = m_ui->serverRejectStatusSpin->value();
    int badLine = 0;
    QString why;
    if (!parseHeaderLines(m_ui->serverRejectHeadersEdit->toPlainText(), &o.rejectHeaders, &badLine, &why)) {
        *error = tr("Reject header line %1: %2").arg(badLine).arg(why);
        return false;
    }
    o.rejectBody = m_ui->serverRejectBodyEdit->toPlainText().toUtf8();
    o.subprotocols = splitTokenList(m_ui->serverSubprotocolsEdit->text());
    o.allowedOrigins = splitTokenList(m_ui->serverOriginsEdit->text());
    o.maxClients = m_ui->serverMaxClientsSpin->value();
    o.handshakeTimeoutMs = m_ui->serverHandshakeTimeoutSpin->value();
    o.maxMessageSize = qint64(m_ui->serverMaxMessageSpin->value()) * 1024;
    o.idleTimeoutMs = m_ui->serverIdleTimeoutSpin->value() * 1000;
    o.deflate = m_ui->serverDeflateCheck->isChecked();
    o.autoReplies = autoReplies();
    *error = o.validate();
    if (!error->isEmpty())
        return false;
    *options = o;
    return true;
}

void ServerOptionsForm::setListenAddress(const QHostAddress &address, quint16 port)
{
    m_ui->serverAddressCombo->setCurrentText(address.toString());
    m_ui->serverPortSpin->setValue(port);
}

void ServerOptionsForm::setRunning(bool running)
{
    for (QWidget *w : std::as_const(m_listenFields))
        w->setEnabled(!running);
}

void ServerOptionsForm::updateModeFields()
{
    m_ui->serverBroadcastToSenderCheck->setVisible(mode() == ServerMode::Broadcast);
    m_ui->serverRejectFields->setVisible(mode() == ServerMode::Reject);
}

void ServerOptionsForm::updateTlsFields()
{
    m_ui->serverTlsFields->setVisible(m_ui->serverSchemeCombo->currentData().toBool());
}

void ServerOptionsForm::loadSettings()
{
    QSettings s;
    s.beginGroup(QLatin1String(kGroup));
    m_ui->serverAddressCombo->setCurrentText(
        s.value(QStringLiteral("address"), QStringLiteral("127.0.0.1")).toString());
    m_ui->serverPortSpin->setValue(s.value(QStringLiteral("port"), 0).toInt());
    m_ui->serverSchemeCombo->setCurrentIndex(s.value(QStringLiteral("tls"), false).toBool() ? 1 : 0);
    m_ui->serverCertEdit->setText(s.value(QStringLiteral("certificateFile")).toString());
    m_ui->serverKeyEdit->setText(s.value(QStringLiteral("keyFile")).toString());
    ServerEngine engine = ServerEngine::Builtin;
    serverEngineFromId(s.value(QStringLiteral("engine"), QStringLiteral("builtin")).toString(), &engine);
    m_engineCombo->setCurrentIndex(qMax(0, m_engineCombo->findData(int(engine))));
    ServerMode mode = ServerMode::Echo;
    serverModeFromId(s.value(QStringLiteral("mode"), QStringLiteral("echo")).toString(), &mode);
    m_ui->serverModeCombo->setCurrentIndex(qMax(0, m_ui->serverModeCombo->findData(int(mode))));
    m_ui->serverBroadcastToSenderCheck->setChecked(s.value(QStringLiteral("broadcastToSender"), false).toBool());
    m_ui->serverRejectStatusSpin->setValue(s.value(QStringLiteral("rejectStatus"), 403).toInt());
    m_ui->serverRejectHeadersEdit->setPlainText(s.value(QStringLiteral("rejectHeaders")).toString());
    m_ui->serverRejectBodyEdit->setPlainText(
        s.value(QStringLiteral("rejectBody"), QString::fromUtf8(ServerOptions().rejectBody)).toString());
    m_ui->serverSubprotocolsEdit->setText(s.value(QStringLiteral("subprotocols")).toString());
    m_ui->serverOriginsEdit->setText(s.value(QStringLiteral("allowedOrigins")).toString());
    m_ui->serverMaxClientsSpin->setValue(s.value(QStringLiteral("maxClients"), 0).toInt());
    m_ui->serverHandshakeTimeoutSpin->setValue(
        s.value(QStringLiteral("handshakeTimeoutMs"), ServerOptions().handshakeTimeoutMs).toInt());
    m_ui->serverMaxMessageSpin->setValue(
        s.value(QStringLiteral("maxMessageKiB"), int(ServerOptions().maxMessageSize / 1024)).toInt());
    m_ui->serverIdleTimeoutSpin->setValue(s.value(QStringLiteral("idleTimeoutS"), 0).toInt());
    m_ui->serverDeflateCheck->setChecked(s.value(QStringLiteral("deflate"), ServerOptions().deflate).toBool());
    m_ui->serverAutoReplyTable->setRowCount(0);
    const int count = s.beginReadArray(QStringLiteral("autoReplies"));
    for (int i = 0; i < count; ++i) {
        s.setArrayIndex(i);
        addRule({ s.value(QStringLiteral("pattern")).toString(), s.value(QStringLiteral("regex")).toBool(),
            s.value(QStringLiteral("reply")).toString() });
    }
    s.endArray();
}

void ServerOptionsForm::saveSettings() const
{
    QSettings s;
    s.beginGroup(QLatin1String(kGroup));
    s.setValue(QStringLiteral("address"), m_ui->serverAddressCombo->currentText().trimmed());
    s.setValue(QStringLiteral("port"), m_ui->serverPortSpin->value());
    s.setValue(QStringLiteral("tls"), m_ui->serverSchemeCombo->currentData().toBool());
    s.setValue(QStringLiteral("certificateFile"), m_ui->serverCertEdit->text().trimmed());
    s.setValue(QStringLiteral("keyFile"), m_ui->serverKeyEdit->text().trimmed());
    s.setValue(QStringLiteral("engine"), QString::fromLatin1(serverEngineId(engine())));
    s.setValue(QStringLiteral("mode"), QString::fromLatin1(serverModeId(mode())));
    s.setValue(QStringLiteral("broadcastToSender"), m_ui->serverBroadcastToSenderCheck->isChecked());
    s.setValue(QStringLiteral("rejectStatus"), m_ui->serverRejectStatusSpin->value());
    s.setValue(QStringLiteral("rejectHeaders"), m_ui->serverRejectHeadersEdit->toPlainText());
    s.setValue(QStringLiteral("rejectBody"), m_ui->serverRejectBodyEdit->toPlainText());
    s.setValue(QStringLiteral("subprotocols"), m_ui->serverSubprotocolsEdit->text());
    s.setValue(QStringLiteral("allowedOrigins"), m_ui->serverOriginsEdit->text());
    s.setValue(QStringLiteral("maxClients"), m_ui->serverMaxClientsSpin->value());
    s.setValue(QStringLiteral("handshakeTimeoutMs"), m_ui->serverHandshakeTimeoutSpin->value());
    s.setValue(QStringLiteral("maxMessageKiB"), m_ui->serverMaxMessageSpin->value());
    s.setValue(QStringLiteral("idleTimeoutS"), m_ui->serverIdleTimeoutSpin->value());
    s.setValue(QStringLiteral("deflate"), m_ui->serverDeflateCheck->isChecked());
    const QList<AutoReplyRule> rules = autoReplies();
    s.beginWriteArray(QStringLiteral("autoReplies"), int(rules.size()));
    for (int i = 0; i < rules.size(); ++i) {
        s.setArrayIndex(i);
        s.setValue(QStringLiteral("pattern"), rules.at(i).pattern);
        s.setValue(QStringLiteral("regex"), rules.at(i).isRegex);
        s.setValue(QStringLiteral("reply"), rules.at(i).replyTemplate);
    }
    s.endArray();
}

} // namespace wsi
