#include "endpoints/endpointdialog.h"

#include "common/theme.h"
#include "connect/connectionoptionseditor.h"
#include "connect/secretheadersedit.h"
#include "explain/secretmasker.h"
#include "ui_endpointdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace wsi {

EndpointDialog::EndpointDialog(const QStringList &folders, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::EndpointDialog>())
{
    m_ui->setupUi(this);
    m_name = m_ui->endpointName;
    m_folder = m_ui->endpointFolder;
    m_url = m_ui->endpointUrl;
    m_editor = m_ui->connectionOptionsEditor;
    m_error = m_ui->endpointError;
    m_folder->addItem(QString());
    m_folder->addItems(folders);
    m_folder->lineEdit()->setPlaceholderText(tr("No folder"));
    m_error->hide();
    // One eye for the dialog: it reveals the URL's tokens along with the header values.
    connect(m_editor->headersEdit()->revealButton(), &QToolButton::toggled, this, [this](bool reveal) {
        m_urlText = urlText(); // keep what the user typed
        presentUrl(reveal);
    });
    connect(m_ui->endpointButtons, &QDialogButtonBox::accepted, this, &EndpointDialog::accept);
    connect(m_ui->endpointButtons, &QDialogButtonBox::rejected, this, &EndpointDialog::reject);

    Endpoint blank;
    setEndpoint(blank);
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
