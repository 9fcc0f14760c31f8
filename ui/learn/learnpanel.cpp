// LearnPanel: the Learn dock's content: pick a lesson, read what to look at, Run it against the window.
#include "learn/learnpanel.h"

#include "learn/lessoncatalog.h"
#include "learn/lessonrunner.h"
#include "learn/transportcomparisonview.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPalette>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace wsi {

LearnPanel::LearnPanel(LessonHost *host, QWidget *parent)
    : QWidget(parent)
    , m_runner(new LessonRunner(host, this))
{
    setObjectName(QStringLiteral("learnPanel"));
    auto *layout = new QVBoxLayout(this);
    m_lessons = new QComboBox(this);
    m_lessons->setObjectName(QStringLiteral("learnLessonCombo"));
    for (int i = 0; i < LessonCatalog::lessons().size(); ++i)
        m_lessons->addItem(QString(), LessonCatalog::lessons().at(i).id);
    layout->addWidget(m_lessons);
    m_lookAt = new QLabel(this);
    m_lookAt->setObjectName(QStringLiteral("learnLookAtLabel"));
    m_lookAt->setWordWrap(true);
    layout->addWidget(m_lookAt);
    m_steps = new QTextBrowser(this);
    m_steps->setObjectName(QStringLiteral("learnStepsView"));
    m_steps->setOpenLinks(false);
    m_transports = new TransportComparisonView(this);
    m_transports->setObjectName(QStringLiteral("learnTransportComparison"));
    // Its table and chart need room: the dock widens while this lesson shows it (a hidden widget asks for none).
    m_transports->setMinimumWidth(440);
    // The steps and the measured comparison share the height; the user drags the line between them.
    m_split = new QSplitter(Qt::Vertical, this);
    m_split->setChildrenCollapsible(false);
    m_split->addWidget(m_steps);
    m_split->addWidget(m_transports);
    m_split->setStretchFactor(0, 1);
    m_split->setStretchFactor(1, 1);
    layout->addWidget(m_split, 1);
    m_notes = new QLabel(this);
    m_notes->setObjectName(QStringLiteral("learnNotesLabel"));
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_notes);
    auto *buttons = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("learnStatusLabel"));
    m_status->setWordWrap(true);
    buttons->addWidget(m_status, 1);
    m_run = new QPushButton(this);
    m_run->setObjectName(QStringLiteral("learnRunButton"));
    m_run->setDefault(true);
    buttons->addWidget(m_run);
    m_stop = new QPushButton(this);
    m_stop->setObjectName(QStringLiteral("learnStopButton"));
    buttons->addWidget(m_stop);
    layout->addLayout(buttons);

    connect(m_lessons, &QComboBox::currentIndexChanged, this, &LearnPanel::showCurrentLesson);
    connect(m_run, &QPushButton::clicked, this, &LearnPanel::run);
    connect(m_stop, &QPushButton::clicked, this, &LearnPanel::stop);
    connect(m_runner, &LessonRunner::stepStarted, this, &LearnPanel::onStepStarted);
    connect(m_runner, &LessonRunner::noteAdded, this,
        [this] { m_notes->setText(m_runner->notes().join(QLatin1Char('\n'))); });
    connect(m_runner, &LessonRunner::finished, this, &LearnPanel::onFinished);
    retranslate();
    showCurrentLesson();
}

LearnPanel::~LearnPanel() = default;

bool LearnPanel::showLesson(const QString &id)
{
    const int index = m_lessons->findData(id);
    if (index < 0)
        return false;
    m_lessons->setCurrentIndex(index);
    return true;
}

QString LearnPanel::currentLessonId() const
{
    return m_lessons->currentData().toString();
}

QString LearnPanel::lookAtText() const
{
    return m_lookAt->text();
}

QString LearnPanel::stepsText() const
{
    return m_steps->toPlainText();
}

QString LearnPanel::statusText() const
{
    return m_status->text();
}

void LearnPanel::run()
{
    if (m_shownLesson < 0)
        return;
    m_error.clear();
    m_completed = false;
    m_notes->clear();
    m_runner->start(LessonCatalog::lessons().at(m_shownLesson));
    updateButtons();
}

void LearnPanel::stop()
{
    m_runner->stop();
    updateButtons();
}

void LearnPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void LearnPanel::retranslate()
{
    for (int i = 0; i < m_lessons->count(); ++i) {
        const Lesson &lesson = LessonCatalog::lessons().at(i);
        m_lessons->setItemText(i, tr("%1. %2").arg(i + 1).arg(LessonCatalog::text(lesson.title)));
    }
    m_lessons->setToolTip(tr("The lessons, in the order they build on each other"));
    m_run->setText(tr("&Run"));
    m_run->setToolTip(tr("Run the lesson against the built-in test server, step by step"));
    m_stop->setText(tr("S&top"));
    m_stop->setToolTip(tr("Stop the lesson where it is; what it opened stays"));
    if (m_shownLesson >= 0)
        m_lookAt->setText(LessonCatalog::text(LessonCatalog::lessons().at(m_shownLesson).lookAt));
    m_transports->setVisible(currentLessonId() == QLatin1String("why"));
    showSteps();
    updateButtons();
}

void LearnPanel::showCurrentLesson()
{
    if (m_runner->isRunning())
        m_runner->stop();
    m_shownLesson = m_lessons->currentIndex();
    m_currentStep = -1;
    m_error.clear();
    m_completed = false;
    m_notes->clear();
    if (m_shownLesson >= 0)
        m_lookAt->setText(LessonCatalog::text(LessonCatalog::lessons().at(m_shownLesson).lookAt));
    m_transports->setVisible(currentLessonId() == QLatin1String("why"));
    showSteps();
    updateButtons();
}

// One paragraph per step; the running one stands out in the selection colours, the done ones are dimmed.
void LearnPanel::showSteps()
{
    if (m_shownLesson < 0) {
        m_steps->clear();
        return;
    }
    const QPalette colors = palette();
    const QList<LessonStep> &steps = LessonCatalog::lessons().at(m_shownLesson).steps;
    QString html;
    for (int i = 0; i < steps.size(); ++i) {
        const QString text = tr("%1. %2").arg(i + 1).arg(LessonCatalog::text(steps.at(i).text).toHtmlEscaped());
        if (i == m_currentStep) {
            html += QStringLiteral("<p style=\"background-color:%1; color:%2\"><a name=\"current\"></a><b>%3</b></p>")
                        .arg(colors.color(QPalette::Highlight).name(), colors.color(QPalette::HighlightedText).name(),
                            text);
        } else if (i < m_currentStep) {
            html += QStringLiteral("<p style=\"color:%1\">%2</p>")
                        .arg(colors.color(QPalette::Disabled, QPalette::Text).name(), text);
        } else {
            html += QStringLiteral("<p>%1</p>").arg(text);
        }
    }
    m_steps->setHtml(html);
    if (m_currentStep >= 0)
        m_steps->scrollToAnchor(QStringLiteral("current")); // the running step stays in view
}

void LearnPanel::onStepStarted(int index)
{
    m_currentStep = index;
    showSteps();
    updateButtons();
}

void LearnPanel::onFinished(bool completed, const QString &error)
{
    m_completed = completed;
    m_error = error;
    updateButtons();
}

void LearnPanel::updateButtons()
{
    const bool running = m_runner->isRunning();
    m_run->setEnabled(!running && m_shownLesson >= 0);
    m_stop->setEnabled(running);
    m_lessons->setEnabled(!running);
    const int total = m_shownLesson >= 0 ? int(LessonCatalog::lessons().at(m_shownLesson).steps.size()) : 0;
    if (running)
        m_status->setText(tr("Step %1 of %2").arg(m_currentStep + 1).arg(total));
    else if (!m_error.isEmpty())
        m_status->setText(tr("Stopped: %1").arg(m_error));
    else if (m_completed)
        m_status->setText(tr("Done. Run it again, or pick the next lesson."));
    else
        m_status->setText(tr("Press Run to see it happen in the window."));
}

} // namespace wsi
