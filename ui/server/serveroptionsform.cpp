#include "server/serveroptionsform.h"

#include "common/theme.h"
#include "endpoints/connectionoptions.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace wsi {

namespace {

constexpr char kGroup[] = "server";

QSpinBox *spin(QWidget *parent, const QString &name, int min, int max, const QString &suffix, const QString &special)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(name);
    box->setRange(min, max);
    box->setSuffix(suffix);
    if (!special.isEmpty())
        box->setSpecialValueText(special);
    box->setAccelerated(true);
    return box;
}

QStringList splitList(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

} // namespace

ServerOptionsForm::ServerOptionsForm(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("serverOptionsForm"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    // Listen
    auto *listen = new QGroupBox(tr("Listen"), this);
    auto *listenForm = new QFormLayout(listen);
    listenForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_address = new QComboBox(listen);
    m_address->setObjectName(QStringLiteral("serverAddressCombo"));
    m_address->setEditable(true);
    m_address->addItems(
        { QStringLiteral("127.0.0.1"), QStringLiteral("::1"), QStringLiteral("0.0.0.0"), QStringLiteral("::") });
    m_address->lineEdit()->setObjectName(QStringLiteral("serverAddressEdit"));
    m_address->setToolTip(tr("127.0.0.1 and ::1 are reachable only from this machine"));
    listenForm->addRow(tr("&Address:"), m_address);
    m_port = spin(listen, QStringLiteral("serverPortSpin"), 0, 65535, QString(), tr("0 (any free port)"));
    listenForm->addRow(tr("&Port:"), m_port);
    m_scheme = new QComboBox(listen);
    m_scheme->setObjectName(QStringLiteral("serverSchemeCombo"));
    m_scheme->addItem(tr("ws:// (plain)"), false);
    m_scheme->addItem(tr("wss:// (TLS)"), true);
    listenForm->addRow(tr("&Scheme:"), m_scheme);
    m_tlsFields = new QWidget(listen);
    auto *tlsForm = new QFormLayout(m_tlsFields);
    tlsForm->setContentsMargins(0, 0, 0, 0);
    auto fileRow = [this](QLineEdit **edit, const QString &name, const QString &title, const QString &filter) {
        auto *row = new QHBoxLayout;
        *edit = new QLineEdit(m_tlsFields);
        (*edit)->setObjectName(name);
        (*edit)->setPlaceholderText(tr("app's CA if empty"));
        (*edit)->setClearButtonEnabled(true);
        auto *browse = new QToolButton(m_tlsFields);
        browse->setObjectName(name + QStringLiteral("Browse"));
        browse->setText(tr("\u2026"));
        QLineEdit *target = *edit;
        connect(browse, &QToolButton::clicked, this, [this, target, title, filter] {
            const QString path = QFileDialog::getOpenFileName(this, title, target->text(), filter);
            if (!path.isEmpty())
                target->setText(path);
        });
        row->addWidget(*edit, 1);
        row->addWidget(browse);
        m_listenFields << *edit << browse;
        return row;
    };
    tlsForm->addRow(tr("Certificate:"),
        fileRow(&m_certFile, QStringLiteral("serverCertEdit"), tr("Server certificate (PEM)"),
            tr("PEM (*.pem *.crt);;All files (*)")));
    tlsForm->addRow(tr("Key:"),
        fileRow(&m_keyFile, QStringLiteral("serverKeyEdit"), tr("Server private key (PEM)"),
            tr("PEM (*.key *.pem);;All files (*)")));
    listenForm->addRow(m_tlsFields);
    layout->addWidget(listen);
    m_listenFields << m_address << m_port << m_scheme;

    // Behaviour
    auto *behaviour = new QGroupBox(tr("Behaviour"), this);
    auto *behaviourForm = new QFormLayout(behaviour);
    behaviourForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    // Labels above their fields: the mode's descriptions and the rules table need the dock's whole width.
    behaviourForm->setRowWrapPolicy(QFormLayout::WrapAllRows);
    m_mode = new QComboBox(behaviour);
    m_mode->setObjectName(QStringLiteral("serverModeCombo"));
    m_mode->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_mode->setMinimumContentsLength(16);
    m_mode->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_mode->addItem(tr("Echo: send every message back"), int(ServerMode::Echo));
    m_mode->addItem(tr("Broadcast: send to the other clients"), int(ServerMode::Broadcast));
    m_mode->addItem(tr("Manual: answer from the composer"), int(ServerMode::Manual));
    m_mode->addItem(tr("Silent: never answer"), int(ServerMode::Silent));
    m_mode->addItem(tr("Reject: refuse every upgrade"), int(ServerMode::Reject));
    behaviourForm->addRow(tr("&Mode:"), m_mode);
    m_toSender = new QCheckBox(tr("Broadcast also to the sender"), behaviour);
    m_toSender->setObjectName(QStringLiteral("serverBroadcastToSenderCheck"));
    behaviourForm->addRow(QString(), m_toSender);
    m_rejectFields = new QWidget(behaviour);
    auto *rejectForm = new QFormLayout(m_rejectFields);
    rejectForm->setContentsMargins(0, 0, 0, 0);
    m_rejectStatus = spin(m_rejectFields, QStringLiteral("serverRejectStatusSpin"), 200, 599, QString(), QString());
    m_rejectStatus->setValue(403);
    rejectForm->addRow(tr("Status:"), m_rejectStatus);
    m_rejectHeaders = new QPlainTextEdit(m_rejectFields);
    m_rejectHeaders->setObjectName(QStringLiteral("serverRejectHeadersEdit"));
    m_rejectHeaders->setPlaceholderText(tr("Name: value, one per line"));
    m_rejectHeaders->setFont(theme::monospaceFont());
    m_rejectHeaders->setTabChangesFocus(true);
    m_rejectHeaders->setFixedHeight(fontMetrics().lineSpacing() * 3 + 12);
    rejectForm->addRow(tr("Headers:"), m_rejectHeaders);
    m_rejectBody = new QPlainTextEdit(m_rejectFields);
    m_rejectBody->setObjectName(QStringLiteral("serverRejectBodyEdit"));
    m_rejectBody->setTabChangesFocus(true);
    m_rejectBody->setPlainText(QString::fromUtf8(ServerOptions().rejectBody));
    m_rejectBody->setFixedHeight(fontMetrics().lineSpacing() * 3 + 12);
    rejectForm->addRow(tr("Body:"), m_rejectBody);
    behaviourForm->addRow(m_rejectFields);

    m_rules = new QTableWidget(0, 3, behaviour);
    m_rules->setObjectName(QStringLiteral("serverAutoReplyTable"));
    m_rules->setHorizontalHeaderLabels({ tr("Message matches"), tr("Regex"), tr("Reply with") });
    m_rules->verticalHeader()->hide();
    m_rules->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_rules->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Fixed);
    m_rules->horizontalHeader()->resizeSection(1, 50);
    m_rules->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_rules->setFixedHeight(fontMetrics().height() * 6);
    m_rules->setToolTip(tr("Auto-reply rules, checked in order; the reply is a template with the composer's "
                           "variables ({{timestamp}}, {{uuid}}, ...)"));
    auto *rulesBox = new QVBoxLayout;
    rulesBox->addWidget(m_rules);
    auto *ruleButtons = new QHBoxLayout;
    auto *addRuleButton = new QPushButton(tr("Add Rule"), behaviour);
    addRuleButton->setObjectName(QStringLiteral("serverAddRuleButton"));
    m_removeRule = new QPushButton(tr("Remove Rule"), behaviour);
    m_removeRule->setObjectName(QStringLiteral("serverRemoveRuleButton"));
    ruleButtons->addStretch(1);
    ruleButtons->addWidget(addRuleButton);
    ruleButtons->addWidget(m_removeRule);
    rulesBox->addLayout(ruleButtons);
    behaviourForm->addRow(tr("Auto-replies:"), rulesBox);
    layout->addWidget(behaviour);

    // Limits
    auto *limits = new QGroupBox(tr("Handshake and limits"), this);
    auto *limitsForm = new QFormLayout(limits);
    limitsForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_subprotocols = new QLineEdit(limits);
    m_subprotocols->setObjectName(QStringLiteral("serverSubprotocolsEdit"));
    m_subprotocols->setPlaceholderText(tr("e.g. chat, v2.json"));
    m_subprotocols->setToolTip(tr("Subprotocols this server supports, most preferred first, separated by commas or "
                                  "spaces. The 101 names the first of them that the client offered."));
    limitsForm->addRow(tr("Subprotocols:"), m_subprotocols);
    m_origins = new QLineEdit(limits);
    m_origins->setObjectName(QStringLiteral("serverOriginsEdit"));
    m_origins->setPlaceholderText(tr("any; others get 403"));
    m_origins->setToolTip(tr("Origins allowed to connect, e.g. http://localhost:3000. Empty allows any; a client "
                             "sending another Origin gets 403 with the reason in the body."));
    limitsForm->addRow(tr("Allowed origins:"), m_origins);
    m_maxClients = spin(limits, QStringLiteral("serverMaxClientsSpin"), 0, 100000, QString(), tr("no limit"));
    m_maxClients->setToolTip(tr("Clients beyond this many get 503 Service Unavailable."));
    limitsForm->addRow(tr("Max clients:"), m_maxClients);
    m_handshakeTimeout = spin(limits, QStringLiteral("serverHandshakeTimeoutSpin"), 100, 600000, tr(" ms"), QString());
    m_handshakeTimeout->setValue(ServerOptions().handshakeTimeoutMs);
    m_handshakeTimeout->setToolTip(tr("A client that has not sent a complete upgrade request by then gets 408."));
    limitsForm->addRow(tr("Handshake timeout:"), m_handshakeTimeout);
    m_maxMessageKiB = spin(limits, QStringLiteral("serverMaxMessageSpin"), 1, 1024 * 1024, tr(" KiB"), QString());
    m_maxMessageKiB->setValue(int(ServerOptions().maxMessageSize / 1024));
    m_maxMessageKiB->setToolTip(tr("A larger message is refused with Close 1009 Message Too Big."));
    limitsForm->addRow(tr("Max message size:"), m_maxMessageKiB);
    m_idleTimeout = spin(limits, QStringLiteral("serverIdleTimeoutSpin"), 0, 86400, tr(" s"), tr("never"));
    m_idleTimeout->setToolTip(tr("A client silent for this long is closed with 1001 Going Away."));
    limitsForm->addRow(tr("Idle timeout:"), m_idleTimeout);
    layout->addWidget(limits);
    // Extra height goes below the groups, not into them.
    layout->addStretch(1);
    m_listenFields << m_subprotocols << m_origins << m_maxClients << m_handshakeTimeout << m_maxMessageKiB
                   << m_idleTimeout << m_rejectStatus << m_rejectHeaders << m_rejectBody << m_toSender;

    connect(m_address->lineEdit(), &QLineEdit::textChanged, this, &ServerOptionsForm::addressChanged);
    connect(m_scheme, &QComboBox::currentIndexChanged, this, &ServerOptionsForm::updateTlsFields);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &ServerOptionsForm::updateModeFields);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &ServerOptionsForm::modeChanged);
    connect(m_toSender, &QCheckBox::toggled, this, &ServerOptionsForm::modeChanged);
    connect(addRuleButton, &QPushButton::clicked, this, [this] {
        addRule({});
        m_rules->setCurrentCell(m_rules->rowCount() - 1, 0);
        m_rules->editItem(m_rules->item(m_rules->rowCount() - 1, 0));
    });
    connect(m_removeRule, &QPushButton::clicked, this, [this] {
        if (m_rules->currentRow() >= 0)
            m_rules->removeRow(m_rules->currentRow());
        Q_EMIT autoRepliesChanged();
    });
    connect(m_rules, &QTableWidget::itemChanged, this, &ServerOptionsForm::autoRepliesChanged);
    updateModeFields();
    updateTlsFields();
}

ServerOptionsForm::~ServerOptionsForm() = default;

void ServerOptionsForm::addRule(const AutoReplyRule &rule)
{
    const QSignalBlocker blocker(m_rules);
    const int row = m_rules->rowCount();
    m_rules->insertRow(row);
    m_rules->setItem(row, 0, new QTableWidgetItem(rule.pattern));
    auto *regex = new QTableWidgetItem;
    regex->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    regex->setCheckState(rule.isRegex ? Qt::Checked : Qt::Unchecked);
    m_rules->setItem(row, 1, regex);
    m_rules->setItem(row, 2, new QTableWidgetItem(rule.replyTemplate));
}

QList<AutoReplyRule> ServerOptionsForm::autoReplies() const
{
    QList<AutoReplyRule> rules;
    for (int row = 0; row < m_rules->rowCount(); ++row) {
        AutoReplyRule rule;
        rule.pattern = m_rules->item(row, 0) ? m_rules->item(row, 0)->text() : QString();
        rule.isRegex = m_rules->item(row, 1) && m_rules->item(row, 1)->checkState() == Qt::Checked;
        rule.replyTemplate = m_rules->item(row, 2) ? m_rules->item(row, 2)->text() : QString();
        if (!rule.pattern.isEmpty() || !rule.replyTemplate.isEmpty())
            rules << rule;
    }
    return rules;
}

ServerMode ServerOptionsForm::mode() const
{
    return static_cast<ServerMode>(m_mode->currentData().toInt());
}

bool ServerOptionsForm::isExposed() const
{
    ServerOptions o;
    o.address = QHostAddress(m_address->currentText().trimmed());
    return !o.address.isNull() && o.isExposed();
}

bool ServerOptionsForm::options(ServerOptions *options, QString *error) const
{
    ServerOptions o;
    const QString address = m_address->currentText().trimmed();
    o.address = QHostAddress(address);
    if (o.address.isNull()) {
        *error = tr("\"%1\" is not an IP address to listen on (e.g. 127.0.0.1, 0.0.0.0, ::1).").arg(address);
        return false;
    }
    o.port = quint16(m_port->value());
    o.tls = m_scheme->currentData().toBool();
    if (o.tls) {
        o.certificateFile = m_certFile->text().trimmed();
        o.keyFile = m_keyFile->text().trimmed();
    }
    o.mode = mode();
    o.broadcastToSender = m_toSender->isChecked();
    o.rejectStatus = m_rejectStatus->value();
    const QStringList lines = m_rejectHeaders->toPlainText().split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i).trimmed().isEmpty())
            continue;
        QPair<QByteArray, QByteArray> header;
        QString why;
        if (!parseHeaderLine(lines.at(i), &header, &why)) {
            *error = tr("Reject header line %1: %2").arg(i + 1).arg(why);
            return false;
        }
        o.rejectHeaders << header;
    }
    o.rejectBody = m_rejectBody->toPlainText().toUtf8();
    o.subprotocols = splitList(m_subprotocols->text());
    o.allowedOrigins = splitList(m_origins->text());
    o.maxClients = m_maxClients->value();
    o.handshakeTimeoutMs = m_handshakeTimeout->value();
    o.maxMessageSize = qint64(m_maxMessageKiB->value()) * 1024;
    o.idleTimeoutMs = m_idleTimeout->value() * 1000;
    o.autoReplies = autoReplies();
    *error = o.validate();
    if (!error->isEmpty())
        return false;
    *options = o;
    return true;
}

void ServerOptionsForm::setRunning(bool running)
{
    for (QWidget *w : std::as_const(m_listenFields))
        w->setEnabled(!running);
}

void ServerOptionsForm::updateModeFields()
{
    m_toSender->setVisible(mode() == ServerMode::Broadcast);
    m_rejectFields->setVisible(mode() == ServerMode::Reject);
}

void ServerOptionsForm::updateTlsFields()
{
    m_tlsFields->setVisible(m_scheme->currentData().toBool());
}

void ServerOptionsForm::loadSettings()
{
    QSettings s;
    s.beginGroup(QLatin1String(kGroup));
    m_address->setCurrentText(s.value(QStringLiteral("address"), QStringLiteral("127.0.0.1")).toString());
    m_port->setValue(s.value(QStringLiteral("port"), 0).toInt());
    m_scheme->setCurrentIndex(s.value(QStringLiteral("tls"), false).toBool() ? 1 : 0);
    m_certFile->setText(s.value(QStringLiteral("certificateFile")).toString());
    m_keyFile->setText(s.value(QStringLiteral("keyFile")).toString());
    ServerMode mode = ServerMode::Echo;
    serverModeFromId(s.value(QStringLiteral("mode"), QStringLiteral("echo")).toString(), &mode);
    m_mode->setCurrentIndex(qMax(0, m_mode->findData(int(mode))));
    m_toSender->setChecked(s.value(QStringLiteral("broadcastToSender"), false).toBool());
    m_rejectStatus->setValue(s.value(QStringLiteral("rejectStatus"), 403).toInt());
    m_rejectHeaders->setPlainText(s.value(QStringLiteral("rejectHeaders")).toString());
    m_rejectBody->setPlainText(
        s.value(QStringLiteral("rejectBody"), QString::fromUtf8(ServerOptions().rejectBody)).toString());
    m_subprotocols->setText(s.value(QStringLiteral("subprotocols")).toString());
    m_origins->setText(s.value(QStringLiteral("allowedOrigins")).toString());
    m_maxClients->setValue(s.value(QStringLiteral("maxClients"), 0).toInt());
    m_handshakeTimeout->setValue(
        s.value(QStringLiteral("handshakeTimeoutMs"), ServerOptions().handshakeTimeoutMs).toInt());
    m_maxMessageKiB->setValue(
        s.value(QStringLiteral("maxMessageKiB"), int(ServerOptions().maxMessageSize / 1024)).toInt());
    m_idleTimeout->setValue(s.value(QStringLiteral("idleTimeoutS"), 0).toInt());
    m_rules->setRowCount(0);
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
    s.setValue(QStringLiteral("address"), m_address->currentText().trimmed());
    s.setValue(QStringLiteral("port"), m_port->value());
    s.setValue(QStringLiteral("tls"), m_scheme->currentData().toBool());
    s.setValue(QStringLiteral("certificateFile"), m_certFile->text().trimmed());
    s.setValue(QStringLiteral("keyFile"), m_keyFile->text().trimmed());
    s.setValue(QStringLiteral("mode"), QString::fromLatin1(serverModeId(mode())));
    s.setValue(QStringLiteral("broadcastToSender"), m_toSender->isChecked());
    s.setValue(QStringLiteral("rejectStatus"), m_rejectStatus->value());
    s.setValue(QStringLiteral("rejectHeaders"), m_rejectHeaders->toPlainText());
    s.setValue(QStringLiteral("rejectBody"), m_rejectBody->toPlainText());
    s.setValue(QStringLiteral("subprotocols"), m_subprotocols->text());
    s.setValue(QStringLiteral("allowedOrigins"), m_origins->text());
    s.setValue(QStringLiteral("maxClients"), m_maxClients->value());
    s.setValue(QStringLiteral("handshakeTimeoutMs"), m_handshakeTimeout->value());
    s.setValue(QStringLiteral("maxMessageKiB"), m_maxMessageKiB->value());
    s.setValue(QStringLiteral("idleTimeoutS"), m_idleTimeout->value());
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
