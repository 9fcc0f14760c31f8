#include "endpoints/endpointdialog.h"

#include "common/theme.h"
#include "connect/connectionoptionseditor.h"
#include "connect/secretheadersedit.h"
#include "explain/secretmasker.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace wsi {

namespace {

QLineEdit *line(QWidget *parent, const char *name, const QString &placeholder, const QString &tip = {})
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QLatin1String(name));
    edit->setPlaceholderText(placeholder);
    edit->setToolTip(tip);
    edit->setClearButtonEnabled(true);
    return edit;
}

} // namespace

EndpointDialog::EndpointDialog(const QStringList &folders, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("endpointDialog"));
    setWindowTitle(tr("Endpoint"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_name = line(this, "endpointName", tr("e.g. Chat (staging)"));
    form->addRow(tr("&Name:"), m_name);
    m_folder = new QComboBox(this);
    m_folder->setObjectName(QStringLiteral("endpointFolder"));
    m_folder->setEditable(true);
    m_folder->addItem(QString());
    m_folder->addItems(folders);
    m_folder->lineEdit()->setPlaceholderText(tr("No folder"));
    m_folder->setToolTip(tr("Group endpoints in the sidebar; type a new name to create a folder"));
    form->addRow(tr("&Folder:"), m_folder);
    m_url = line(this, "endpointUrl", QStringLiteral("wss://example.com/socket"));
    form->addRow(tr("&URL:"), m_url);
    layout->addLayout(form);
    m_editor = new ConnectionOptionsEditor(this);
    layout->addWidget(m_editor, 1);
    // One eye for the dialog: it reveals the URL's tokens along with the header values.
    connect(m_editor->headersEdit()->revealButton(), &QToolButton::toggled, this, [this](bool reveal) {
        m_urlText = urlText(); // keep what the user typed
        presentUrl(reveal);
    });

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("endpointError"));
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("endpointButtons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &EndpointDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &EndpointDialog::reject);
    layout->addWidget(buttons);

    Endpoint blank;
    setEndpoint(blank);
    resize(640, 600);
}

EndpointDialog::~EndpointDialog() = default;

void EndpointDialog::setEndpoint(const Endpoint &e)
{
    m_id = e.id;
    m_name->setText(e.name);
    m_folder->setCurrentText(e.folder);
    m_editor->setOptions(e.options);
    m_urlText = e.options.url.toString();
    presentUrl(m_editor->headersEdit()->isRevealed());
    setWindowTitle(e.id.isEmpty() ? tr("Save Endpoint") : tr("Edit Endpoint \u201c%1\u201d").arg(e.name));
    m_error->hide();
}

void EndpointDialog::setRevealSecrets(bool reveal)
{
    m_editor->setRevealSecrets(reveal);
}

SecretHeadersEdit *EndpointDialog::headersEdit() const
{
    return m_editor->headersEdit();
}

bool EndpointDialog::build(Endpoint *e, QString *error) const
{
    e->id = m_id;
    e->name = m_name->text().trimmed();
    e->folder = m_folder->currentText().trimmed();
    ConnectionOptions o;
    if (!m_editor->options(&o, error))
        return false;
    o.url = QUrl(urlText().trimmed(), QUrl::StrictMode);
    e->options = o;
    if (e->name.isEmpty()) {
        *error = tr("Give the endpoint a name.");
        return false;
    }
    *error = o.validate();
    return error->isEmpty();
}

QString EndpointDialog::urlText() const
{
    return m_url->isReadOnly() ? m_urlText : m_url->text();
}

QString EndpointDialog::displayedUrl() const
{
    return m_url->text();
}

void EndpointDialog::presentUrl(bool reveal)
{
    const QString masked = SecretMasker::maskUrl(m_urlText);
    // Like the headers: a masked URL is read-only, so that the mask is never saved in place of the token.
    const bool hide = !reveal && masked != m_urlText;
    m_url->setText(hide ? masked : m_urlText);
    m_url->setReadOnly(hide);
    m_url->setToolTip(
        hide ? tr("The URL's secret values are hidden. Press the eye button to see or edit them.") : QString());
}

Endpoint EndpointDialog::endpoint() const
{
    Endpoint e;
    QString ignored;
    build(&e, &ignored);
    return e;
}

QString EndpointDialog::errorText() const
{
    return m_error->isVisible() || !m_error->isHidden() ? m_error->text() : QString();
}

void EndpointDialog::accept()
{
    Endpoint e;
    QString error;
    if (!build(&e, &error)) {
        m_error->setStyleSheet(theme::bannerStyleSheet(theme::Tone::Error, palette()));
        m_error->setText(error);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace wsi
