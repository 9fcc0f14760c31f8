#include "compose/savedmessagespanel.h"

#include "common/filedialogs.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace wsi {

enum Scope { ScopeHere, ScopeAll };
static const char kJsonFilter[] = "JSON (*.json);;All files (*)";

static QString formatLabel(PayloadFormat format)
{
    switch (format) {
    case PayloadFormat::Json:
        return QStringLiteral("JSON");
    case PayloadFormat::Hex:
        return QStringLiteral("hex");
    case PayloadFormat::Base64:
        return QStringLiteral("base64");
    case PayloadFormat::Text:
        break;
    }
    return QStringLiteral("text");
}

SavedMessagesPanel::SavedMessagesPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("savedMessagesPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);

    auto *top = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("savedSearchEdit"));
    m_search->setClearButtonEnabled(true);
    top->addWidget(m_search, 1);
    m_scope = new QComboBox(this);
    m_scope->setObjectName(QStringLiteral("savedScopeCombo"));
    m_scope->addItem(QString(), ScopeHere);
    m_scope->addItem(QString(), ScopeAll);
    top->addWidget(m_scope);
    layout->addLayout(top);

    auto *body = new QHBoxLayout;
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("savedMessagesList"));
    m_list->setUniformItemSizes(true);
    body->addWidget(m_list, 1);

    // Two columns of buttons: six in one column made this the composer's tallest page, and the composer's
    // minimum height is its tallest page's, which took rows from the log above it.
    auto *buttons = new QGridLayout;
    int buttonCount = 0;
    auto makeButton = [this, buttons, &buttonCount](const char *name) {
        auto *b = new QPushButton(this);
        b->setObjectName(QLatin1String(name));
        buttons->addWidget(b, buttonCount / 2, buttonCount % 2);
        ++buttonCount;
        return b;
    };
    m_load = makeButton("savedLoadButton");
    m_save = makeButton("savedSaveButton");
    m_rename = makeButton("savedRenameButton");
    m_delete = makeButton("savedDeleteButton");
    m_import = makeButton("savedImportButton");
    m_export = makeButton("savedExportButton");
    QPushButton *save = m_save;
    QPushButton *import = m_import;
    QPushButton *exportButton = m_export;
    buttons->setRowStretch(buttonCount / 2, 1);
    body->addLayout(buttons);
    layout->addLayout(body, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("savedStatusLabel"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    retranslateUi();

    connect(m_search, &QLineEdit::textChanged, this, &SavedMessagesPanel::refresh);
    connect(m_scope, &QComboBox::currentIndexChanged, this, &SavedMessagesPanel::refresh);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &SavedMessagesPanel::loadSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        const bool has = selected() != nullptr;
        m_load->setEnabled(has);
        m_rename->setEnabled(has);
        m_delete->setEnabled(has);
    });
    connect(m_load, &QPushButton::clicked, this, &SavedMessagesPanel::loadSelected);
    connect(save, &QPushButton::clicked, this, &SavedMessagesPanel::saveCurrentRequested);
    connect(m_rename, &QPushButton::clicked, this, &SavedMessagesPanel::renameSelected);
    connect(m_delete, &QPushButton::clicked, this, &SavedMessagesPanel::deleteSelected);
    connect(import, &QPushButton::clicked, this, &SavedMessagesPanel::importFile);
    connect(exportButton, &QPushButton::clicked, this, &SavedMessagesPanel::exportFile);

    setStorePath(defaultStorePath());
}

SavedMessagesPanel::~SavedMessagesPanel() = default;

QString SavedMessagesPanel::defaultStorePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/saved-messages.json");
}

void SavedMessagesPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        refresh(); // "global" in each row
    }
    QWidget::changeEvent(event);
}

void SavedMessagesPanel::retranslateUi()
{
    m_search->setPlaceholderText(tr("Search names and bodies"));
    m_search->setToolTip(tr("Case-insensitive search in the names and bodies of saved messages"));
    m_scope->setItemText(0, tr("Global + this endpoint"));
    m_scope->setItemText(1, tr("All endpoints"));
    m_scope->setToolTip(tr("Show global messages and those saved for this endpoint, or every saved message"));
    m_list->setToolTip(tr("Double-click a message to load it into the composer"));
    const QList<QPair<QPushButton *, QPair<QString, QString>>> buttons {
        { m_load, { tr("Load"), tr("Put the selected message into the composer") } },
        { m_save, { tr("Save Current\u2026"), tr("Save the composer's message under a name") } },
        { m_rename, { tr("Rename\u2026"), tr("Rename the selected message") } },
        { m_delete, { tr("Delete"), tr("Delete the selected message") } },
        { m_import, { tr("Import\u2026"), tr("Add the messages of an exported JSON file") } },
        { m_export, { tr("Export\u2026"), tr("Write every saved message to a JSON file") } },
    };
    for (const auto &b : buttons) {
        b.first->setText(b.second.first);
        b.first->setToolTip(b.second.second);
    }
}

void SavedMessagesPanel::setStorePath(const QString &path)
{
    m_store = std::make_unique<SavedMessageStore>(path);
    reload();
}

void SavedMessagesPanel::reload()
{
    QString error;
    if (!m_store->load(&error))
        showStatus(tr("Saved messages could not be read: %1").arg(error), true);
    refresh();
}

void SavedMessagesPanel::setEndpoint(const QString &endpoint)
{
    if (m_endpoint == endpoint)
        return;
    m_endpoint = endpoint;
    refresh();
}

QString SavedMessagesPanel::add(const QString &name, PayloadFormat format, const QString &body, bool forEndpoint)
{
    QDir().mkpath(QFileInfo(m_store->filePath()).absolutePath());
    SavedMessage message;
    message.name = name;
    message.format = format;
    message.body = body;
    message.endpoint = forEndpoint ? m_endpoint : QString();
    message.savedAt = QDateTime::currentDateTimeUtc();
    QString error;
    const QString id = m_store->save(message, &error);
    if (id.isEmpty())
        showStatus(tr("Could not save \"%1\": %2").arg(name, error), true);
    else
        showStatus(tr("Saved \"%1\".").arg(name), false);
    refresh();
    return id;
}

void SavedMessagesPanel::refresh()
{
    const QString current = m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toString() : QString();
    QList<SavedMessage> shown;
    if (m_scope->currentData().toInt() == ScopeAll) {
        const QString text = m_search->text();
        for (const SavedMessage &m : m_store->messages()) {
            if (text.isEmpty() || m.name.contains(text, Qt::CaseInsensitive)
                || m.body.contains(text, Qt::CaseInsensitive))
                shown << m;
        }
    } else {
        shown = m_store->search(m_search->text(), m_endpoint);
    }
    m_list->clear();
    for (const SavedMessage &m : std::as_const(shown)) {
        const QString where = m.endpoint.isEmpty() ? tr("global") : m.endpoint;
        auto *item
            = new QListWidgetItem(QStringLiteral("%1   \u00b7 %2 \u00b7 %3").arg(m.name, formatLabel(m.format), where));
        item->setData(Qt::UserRole, m.id);
        item->setToolTip(m.body.left(2000));
        m_list->addItem(item);
        if (m.id == current)
            m_list->setCurrentItem(item);
    }
    const bool has = selected() != nullptr;
    m_load->setEnabled(has);
    m_rename->setEnabled(has);
    m_delete->setEnabled(has);
}

const SavedMessage *SavedMessagesPanel::selected() const
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return nullptr;
    const QString id = item->data(Qt::UserRole).toString();
    for (const SavedMessage &m : m_store->messages()) {
        if (m.id == id)
            return &m;
    }
    return nullptr;
}

void SavedMessagesPanel::loadSelected()
{
    if (const SavedMessage *m = selected())
        Q_EMIT loadRequested(*m);
}

void SavedMessagesPanel::renameSelected()
{
    const SavedMessage *m = selected();
    if (!m)
        return;
    bool ok = false;
    const QString name
        = QInputDialog::getText(this, tr("Rename Saved Message"), tr("Name:"), QLineEdit::Normal, m->name, &ok)
              .trimmed();
    if (!ok || name.isEmpty() || !selected())
        return;
    SavedMessage renamed = *selected();
    renamed.name = name;
    QString error;
    if (m_store->save(renamed, &error).isEmpty())
        showStatus(tr("Could not rename: %1").arg(error), true);
    refresh();
}

void SavedMessagesPanel::deleteSelected()
{
    const SavedMessage *m = selected();
    if (!m)
        return;
    const QString name = m->name;
    QString error;
    if (!m_store->remove(m->id, &error))
        showStatus(tr("Could not delete \"%1\": %2").arg(name, error), true);
    else
        showStatus(tr("Deleted \"%1\".").arg(name), false);
    refresh();
}

bool SavedMessagesPanel::importFrom(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showStatus(tr("Cannot read %1: %2").arg(path, file.errorString()), true);
        return false;
    }
    QDir().mkpath(QFileInfo(m_store->filePath()).absolutePath());
    QString error;
    const int count = m_store->importJson(file.readAll(), &error);
    if (count < 0) {
        showStatus(tr("%1 was not imported: %2").arg(QFileInfo(path).fileName(), error), true);
        return false;
    }
    showStatus(tr("Imported %n message(s) from %1.", nullptr, count).arg(QFileInfo(path).fileName()), false);
    refresh();
    return true;
}

bool SavedMessagesPanel::exportTo(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_store->exportJson(m_store->messages())) < 0
        || !file.commit()) {
        showStatus(tr("Cannot write %1: %2").arg(path, file.errorString()), true);
        return false;
    }
    showStatus(
        tr("Exported %n message(s) to %1.", nullptr, int(m_store->messages().size())).arg(QFileInfo(path).fileName()),
        false);
    return true;
}

void SavedMessagesPanel::importFile()
{
    const QString path = FileDialogs::openFile(this, tr("Import Saved Messages"), tr(kJsonFilter));
    if (!path.isEmpty())
        importFrom(path);
}

void SavedMessagesPanel::exportFile()
{
    const QString path = FileDialogs::saveFile(this, tr("Export Saved Messages"), tr(kJsonFilter));
    if (!path.isEmpty())
        exportTo(path);
}

void SavedMessagesPanel::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
}

} // namespace wsi
