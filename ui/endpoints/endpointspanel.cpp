#include "endpoints/endpointspanel.h"

#include "common/filedialogs.h"
#include "common/theme.h"
#include "common/viewstate.h"
#include "endpoints/endpointdialog.h"
#include "explain/secretmasker.h"
#include "models/endpointtreemodel.h"

#include <QAction>
#include <QEvent>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace wsi {

EndpointsPanel::EndpointsPanel(EndpointStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_model(new EndpointTreeModel(store, this))
    , m_filter(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("endpointsPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 0, 2);
    layout->setSpacing(4);

    auto make = [this](const char *name) {
        auto *action = new QAction(this);
        action->setObjectName(QLatin1String(name));
        return action;
    };
    m_connectAction = make("endpointConnectAction");
    m_connectAction->setIcon(theme::icon("connect"));
    m_saveAction = make("saveEndpointAction");
    m_saveAction->setIcon(theme::icon("save"));
    m_saveAction->setShortcut(QKeySequence::Save);
    m_editAction = make("editEndpointAction");
    m_editAction->setShortcut(QKeySequence(Qt::Key_F2));
    m_editAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_duplicateAction = make("duplicateEndpointAction");
    m_deleteAction = make("deleteEndpointAction");
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_deleteAction->setIcon(theme::icon("clear"));
    m_importAction = make("importEndpointsAction");
    m_exportAction = make("exportEndpointsAction");
    m_exportSecretsAction = make("exportEndpointsWithSecretsAction");
    addActions({ m_connectAction, m_editAction, m_deleteAction });

    auto *header = new QHBoxLayout;
    header->setSpacing(2);
    m_title = new QLabel(this);
    header->addWidget(m_title, 1);
    auto addButton = [this, header](QAction *action) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setAutoRaise(true);
        button->setIconSize(QSize(16, 16));
        header->addWidget(button);
        return button;
    };
    addButton(m_saveAction)->setObjectName(QStringLiteral("saveEndpointButton"));
    m_moreButton = new QToolButton(this);
    m_moreButton->setObjectName(QStringLiteral("endpointsMoreButton"));
    m_moreButton->setText(QStringLiteral("\u22ef"));
    m_moreButton->setAutoRaise(true);
    m_moreButton->setPopupMode(QToolButton::InstantPopup);
    auto *more = new QMenu(m_moreButton);
    more->addActions({ m_connectAction, m_editAction, m_duplicateAction, m_deleteAction });
    more->addSeparator();
    more->addActions({ m_importAction, m_exportAction, m_exportSecretsAction });
    m_moreButton->setMenu(more);
    header->addWidget(m_moreButton);
    layout->addLayout(header);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("endpointSearch"));
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_search);
    retranslateUi();

    m_filter->setSourceModel(m_model);
    m_filter->setFilterRole(EndpointTreeModel::SearchTextRole);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setRecursiveFilteringEnabled(true);

    m_stack = new QStackedWidget(this);
    m_tree = new QTreeView(m_stack);
    m_tree->setObjectName(QStringLiteral("endpointTree"));
    m_tree->setModel(m_filter);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setExpandsOnDoubleClick(true);
    m_stack->addWidget(m_tree);
    m_empty = new QLabel(m_stack);
    m_empty->setObjectName(QStringLiteral("endpointsEmptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setMargin(8);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack, 1);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("endpointsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    m_message->hide();
    layout->addWidget(m_message);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setFilterFixedString(text.trimmed());
        m_tree->expandAll();
        updateEmptyState();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_tree->expandAll();
        updateEmptyState();
        updateActions();
    });
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (!index.data(EndpointTreeModel::IsFolderRole).toBool())
            connectSelected();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &EndpointsPanel::updateActions);
    connect(m_tree, &QTreeView::customContextMenuRequested, this, &EndpointsPanel::showContextMenu);
    connect(m_message, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == QLatin1String("undo"))
            undoDelete();
    });
    connect(m_connectAction, &QAction::triggered, this, &EndpointsPanel::connectSelected);
    connect(m_saveAction, &QAction::triggered, this, &EndpointsPanel::saveCurrentRequested);
    connect(m_editAction, &QAction::triggered, this, &EndpointsPanel::editSelected);
    connect(m_duplicateAction, &QAction::triggered, this, &EndpointsPanel::duplicateSelected);
    connect(m_deleteAction, &QAction::triggered, this, &EndpointsPanel::deleteSelected);
    connect(m_importAction, &QAction::triggered, this, &EndpointsPanel::importFile);
    connect(m_exportAction, &QAction::triggered, this, [this] { exportFile(false); });
    connect(m_exportSecretsAction, &QAction::triggered, this, [this] { exportFile(true); });

    m_tree->expandAll();
    updateEmptyState();
    updateActions();
}

EndpointsPanel::~EndpointsPanel() = default;

QAbstractItemModel *EndpointsPanel::viewModel() const
{
    return m_filter;
}

QString EndpointsPanel::selectedId() const
{
    return m_tree->currentIndex().data(EndpointTreeModel::EndpointIdRole).toString();
}

void EndpointsPanel::selectEndpoint(const QString &id)
{
    const QModelIndex index = m_filter->mapFromSource(m_model->indexOfEndpoint(id));
    if (index.isValid()) {
        m_tree->setCurrentIndex(index);
        m_tree->scrollTo(index);
    }
}

void EndpointsPanel::setRevealSecrets(bool reveal)
{
    const QString current = selectedId();
    m_reveal = reveal;
    m_model->setRevealSecrets(reveal);
    selectEndpoint(current);
}

void EndpointsPanel::updateActions()
{
    const bool endpoint = !selectedId().isEmpty();
    m_connectAction->setEnabled(endpoint);
    m_editAction->setEnabled(endpoint);
    m_duplicateAction->setEnabled(endpoint);
    m_deleteAction->setEnabled(endpoint);
    const bool any = !m_store->endpoints().isEmpty();
    m_exportAction->setEnabled(any);
    m_exportSecretsAction->setEnabled(any);
}

void EndpointsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        updateEmptyState();
        m_model->retranslate(); // its tooltips are made on demand
    }
    QWidget::changeEvent(event);
}

void EndpointsPanel::retranslateUi()
{
    const auto set = [](QAction *action, const QString &text, const QString &tip) {
        action->setText(text);
        action->setToolTip(tip);
        action->setStatusTip(tip);
    };
    set(m_connectAction, tr("&Connect"), tr("Open a connection to this endpoint (Enter)"));
    set(m_saveAction, tr("&Save as Endpoint\u2026"),
        tr("Keep the current connection's URL, headers and options as a saved endpoint (Ctrl+S)"));
    set(m_editAction, tr("&Edit\u2026"), tr("Change the endpoint's name, folder, URL and options"));
    set(m_duplicateAction, tr("D&uplicate"), tr("Make a copy of the endpoint to vary it"));
    set(m_deleteAction, tr("&Delete"), tr("Delete the endpoint (Del; can be undone)"));
    set(m_importAction, tr("&Import\u2026"),
        tr("Add the endpoints of an exported file; names already used get a number"));
    set(m_exportAction, tr("E&xport\u2026"),
        tr("Save every endpoint to a JSON file; secret header values, URL tokens and passwords are masked"));
    set(m_exportSecretsAction, tr("Export with &Secrets\u2026"),
        tr("Save every endpoint to a JSON file including tokens and passwords: keep that file private"));
    m_title->setText(tr("<b>Endpoints</b>"));
    m_moreButton->setToolTip(tr("Edit, duplicate, delete, import and export endpoints"));
    m_search->setPlaceholderText(tr("Search endpoints"));
    m_search->setToolTip(tr("Filter by name, folder or URL"));
}

void EndpointsPanel::updateEmptyState()
{
    if (m_store->endpoints().isEmpty()) {
        m_empty->setText(tr("No saved endpoints yet.\n\nConnect, then press Ctrl+S to keep the URL, headers and "
                            "options here, or import a file from the \u22ef menu."));
        m_stack->setCurrentWidget(m_empty);
    } else if (m_filter->rowCount() == 0) {
        m_empty->setText(tr("No endpoint matches \u201c%1\u201d.").arg(m_search->text().trimmed()));
        m_stack->setCurrentWidget(m_empty);
    } else {
        m_stack->setCurrentWidget(m_tree);
    }
}

bool EndpointsPanel::isEmptyStateShown() const
{
    return m_stack->currentWidget() == m_empty;
}

QString EndpointsPanel::emptyStateText() const
{
    return m_empty->text();
}

QString EndpointsPanel::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void EndpointsPanel::showError(const QString &text)
{
    showMessage(text, int(theme::Tone::Error));
}

void EndpointsPanel::showMessage(const QString &text, int tone, bool withUndo)
{
    m_message->setStyleSheet(theme::bannerStyleSheet(static_cast<theme::Tone>(tone), palette()));
    m_message->setText(withUndo ? text.toHtmlEscaped() + QStringLiteral(" <a href=\"undo\">%1</a>").arg(tr("Undo"))
                                : text.toHtmlEscaped());
    m_message->setTextFormat(Qt::RichText);
    m_message->show();
}

void EndpointsPanel::connectSelected()
{
    const Endpoint e = m_store->endpoint(selectedId());
    if (!e.id.isEmpty())
        Q_EMIT connectRequested(e.options);
}

QString EndpointsPanel::saveAs(const ConnectionOptions &options)
{
    Endpoint e;
    e.options = options;
    // The host and path make a name the user can keep or change.
    e.name = options.url.host() + (options.url.path().length() > 1 ? options.url.path() : QString());
    EndpointDialog dialog(m_store->folders(), this);
    dialog.setEndpoint(e);
    dialog.setRevealSecrets(m_reveal);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    Endpoint edited = dialog.endpoint();
    edited.name = m_store->uniqueName(edited.name, edited.folder);
    QString error;
    const QString id = m_store->save(edited, &error);
    if (id.isEmpty()) {
        showMessage(error, int(theme::Tone::Error));
        return {};
    }
    m_search->clear();
    selectEndpoint(id);
    showMessage(tr("Saved \u201c%1\u201d.").arg(edited.name), int(theme::Tone::Success));
    return id;
}

void EndpointsPanel::editSelected()
{
    const Endpoint e = m_store->endpoint(selectedId());
    if (e.id.isEmpty())
        return;
    EndpointDialog dialog(m_store->folders(), this);
    dialog.setEndpoint(e);
    dialog.setRevealSecrets(m_reveal);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    const QString id = m_store->save(dialog.endpoint(), &error);
    if (id.isEmpty())
        showMessage(error, int(theme::Tone::Error));
    else
        selectEndpoint(id);
}

void EndpointsPanel::duplicateSelected()
{
    QString error;
    const QString id = m_store->duplicate(selectedId(), &error);
    if (id.isEmpty()) {
        showMessage(error, int(theme::Tone::Error));
        return;
    }
    selectEndpoint(id);
}

void EndpointsPanel::deleteSelected()
{
    const Endpoint e = m_store->endpoint(selectedId());
    if (e.id.isEmpty())
        return;
    QString error;
    if (!m_store->remove(e.id, &error)) {
        showMessage(error, int(theme::Tone::Error));
        return;
    }
    m_lastDeleted = e;
    showMessage(tr("Deleted \u201c%1\u201d.").arg(e.name), int(theme::Tone::Info), true);
}

bool EndpointsPanel::undoDelete()
{
    if (m_lastDeleted.id.isEmpty())
        return false;
    QString error;
    const QString id = m_store->save(m_lastDeleted, &error);
    if (id.isEmpty()) {
        showMessage(error, int(theme::Tone::Error));
        return false;
    }
    m_lastDeleted = Endpoint();
    selectEndpoint(id);
    m_message->hide();
    return true;
}

void EndpointsPanel::importFile()
{
    const QString path = FileDialogs::openFile(this, tr("Import Endpoints"), tr("Endpoints (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showMessage(tr("Cannot read %1: %2.").arg(path, file.errorString()), int(theme::Tone::Error));
        return;
    }
    QString error;
    const int added = m_store->importJson(file.readAll(), &error);
    if (added < 0) {
        showMessage(tr("%1 was not imported. %2").arg(path, error), int(theme::Tone::Error));
        return;
    }
    showMessage(tr("Imported %n endpoint(s).", nullptr, added), int(theme::Tone::Success));
}

void EndpointsPanel::exportFile(bool includeSecrets)
{
    if (m_store->endpoints().isEmpty())
        return;
    const QString path = FileDialogs::saveFile(
        this, includeSecrets ? tr("Export Endpoints with Secrets") : tr("Export Endpoints"), tr("Endpoints (*.json)"));
    if (path.isEmpty())
        return;
    bool removed = false;
    const QByteArray json = m_store->exportJson(m_store->endpoints(), includeSecrets, &removed);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) < 0 || !file.commit()) {
        showMessage(tr("Cannot save %1: %2.").arg(path, file.errorString()), int(theme::Tone::Error));
        return;
    }
    if (includeSecrets)
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const int count = int(m_store->endpoints().size());
    if (removed)
        showMessage(tr("Exported %n endpoint(s). Secret values were masked; use Export with Secrets to include them.",
                        nullptr, count),
            int(theme::Tone::Warning));
    else
        showMessage(tr("Exported %n endpoint(s).", nullptr, count), int(theme::Tone::Success));
}

void EndpointsPanel::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_tree->indexAt(pos);
    if (index.isValid())
        m_tree->setCurrentIndex(index);
    QMenu menu(this);
    menu.addAction(m_connectAction);
    menu.addSeparator();
    menu.addActions({ m_editAction, m_duplicateAction, m_deleteAction });
    menu.addSeparator();
    menu.addAction(m_saveAction);
    menu.addActions({ m_importAction, m_exportAction, m_exportSecretsAction });
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

void EndpointsPanel::observe(ViewState *state)
{
    connect(state, &ViewState::revealSecretsChanged, this, &EndpointsPanel::setRevealSecrets);
    setRevealSecrets(state->revealSecrets());
}

} // namespace wsi
