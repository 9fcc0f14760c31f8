#include "sessions/previoussessionsdialog.h"

#include "files/sessionjournal.h"
#include "models/sessionlistmodel.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

namespace wsi {

static PreviousSessionsDialog::Confirmation &confirmation()
{
    static PreviousSessionsDialog::Confirmation c;
    return c;
}

void PreviousSessionsDialog::setConfirmation(Confirmation c)
{
    confirmation() = std::move(c);
}

PreviousSessionsDialog::PreviousSessionsDialog(SessionJournal *journal, QWidget *parent)
    : QDialog(parent)
    , m_journal(journal)
    , m_model(new SessionListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("previousSessionsDialog"));
    resize(900, 460);
    auto *layout = new QVBoxLayout(this);
    auto *help = m_help = new QLabel(this);
    help->setWordWrap(true);
    layout->addWidget(help);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("sessionSearchEdit"));
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_search);

    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_list = new QTreeView(this);
    m_list->setObjectName(QStringLiteral("sessionList"));
    m_list->setModel(m_proxy);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(SessionListModel::UrlColumn, QHeaderView::Stretch);
    m_list->header()->resizeSection(SessionListModel::StartedColumn, 150);
    m_list->header()->resizeSection(SessionListModel::OutcomeColumn, 220);
    m_list->header()->resizeSection(SessionListModel::EventsColumn, 80);
    m_list->header()->resizeSection(SessionListModel::SizeColumn, 80);
    layout->addWidget(m_list, 1);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("sessionsSummary"));
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_open = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_open->setObjectName(QStringLiteral("openSessionButton"));
    m_export = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_export->setObjectName(QStringLiteral("exportSessionButton"));
    m_delete = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_delete->setObjectName(QStringLiteral("deleteSessionButton"));
    auto *reveal = m_reveal = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    reveal->setObjectName(QStringLiteral("revealSessionsButton"));
    reveal->setToolTip(m_journal->folder());
    layout->addWidget(buttons);

    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(
        m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PreviousSessionsDialog::updateButtons);
    connect(m_list, &QTreeView::doubleClicked, this, &PreviousSessionsDialog::openSelected);
    connect(m_open, &QPushButton::clicked, this, &PreviousSessionsDialog::openSelected);
    connect(m_export, &QPushButton::clicked, this, &PreviousSessionsDialog::exportSelected);
    connect(m_delete, &QPushButton::clicked, this, &PreviousSessionsDialog::deleteSelected);
    connect(reveal, &QPushButton::clicked, this, &PreviousSessionsDialog::revealFolder);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslateUi();
    reload();
}

PreviousSessionsDialog::~PreviousSessionsDialog() = default;

void PreviousSessionsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        reload(); // each session's outcome is put in words as its journal is read
    }
    QDialog::changeEvent(event);
}

void PreviousSessionsDialog::retranslateUi()
{
    setWindowTitle(tr("Previous Sessions"));
    m_help->setText(tr("Every connection is journaled as it happens. Reopen a session read-only to search "
                       "and export it, even after a crash."));
    m_search->setPlaceholderText(tr("Search URL, outcome or date"));
    m_open->setText(tr("&Open"));
    m_open->setToolTip(tr("Reopen the selected sessions read-only in the connection list"));
    m_export->setText(tr("&Export\u2026"));
    m_export->setToolTip(tr("Export the selected session as a session log or HAR"));
    m_delete->setText(tr("&Delete"));
    m_reveal->setText(tr("&Reveal Folder"));
}

void PreviousSessionsDialog::reload()
{
    m_journal->flush(); // this run's journals are listed with what they hold now
    m_model->setSessions(m_journal->listSessions());
    qint64 total = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        total += m_model->entry(row).info.size;
    const QLocale locale;
    m_summary->setText(m_model->rowCount() == 0
            ? tr("No sessions yet in %1.").arg(QDir::toNativeSeparators(m_journal->folder()))
            : tr("%n session(s), %1 in %2 (the oldest are deleted beyond %3; see Preferences).", nullptr,
                m_model->rowCount())
                  .arg(locale.formattedDataSize(total), QDir::toNativeSeparators(m_journal->folder()),
                      m_journal->maxTotalBytes() > 0 ? locale.formattedDataSize(m_journal->maxTotalBytes())
                                                     : tr("no limit")));
    if (m_proxy->rowCount() > 0)
        m_list->setCurrentIndex(m_proxy->index(0, 0));
    updateButtons();
}

QStringList PreviousSessionsDialog::selectedPaths() const
{
    QStringList paths;
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        paths << index.data(SessionListModel::FilePathRole).toString();
    return paths;
}

void PreviousSessionsDialog::selectPath(const QString &path)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (index.data(SessionListModel::FilePathRole).toString() == path) {
            m_list->selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            return;
        }
    }
}

void PreviousSessionsDialog::updateButtons()
{
    const QStringList paths = selectedPaths();
    bool anyActive = false;
    for (const QModelIndex &index : m_list->selectionModel()->selectedRows())
        anyActive = anyActive || index.data(SessionListModel::ActiveRole).toBool();
    m_open->setEnabled(!paths.isEmpty());
    m_export->setEnabled(paths.size() == 1);
    // A journal being written belongs to a live connection: remove the connection instead.
    m_delete->setEnabled(!paths.isEmpty() && !anyActive);
    m_delete->setToolTip(
        anyActive ? tr("A selected session is being recorded now") : tr("Delete the selected journal files"));
}

void PreviousSessionsDialog::openSelected()
{
    const QStringList paths = selectedPaths();
    if (!paths.isEmpty())
        Q_EMIT openRequested(paths);
}

void PreviousSessionsDialog::exportSelected()
{
    const QStringList paths = selectedPaths();
    if (paths.size() == 1)
        Q_EMIT exportRequested(paths.first());
}

void PreviousSessionsDialog::deleteSelected()
{
    const QStringList paths = selectedPaths();
    if (paths.isEmpty())
        return;
    const QString question = tr("Delete %n session journal(s)? This cannot be undone.", nullptr, int(paths.size()));
    const bool yes = confirmation() ? confirmation()(this, question)
                                    : QMessageBox::question(this, tr("Delete Sessions"), question) == QMessageBox::Yes;
    if (!yes)
        return;
    for (const QString &path : paths)
        QFile::remove(path);
    reload();
}

void PreviousSessionsDialog::revealFolder()
{
    QDir().mkpath(m_journal->folder());
    QDesktopServices::openUrl(QUrl::fromLocalFile(m_journal->folder()));
}

} // namespace wsi
