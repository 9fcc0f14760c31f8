// LearnPanel: the Learn dock's content: pick a lesson, read what to look at, Run it against the window.
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSplitter;
class QTextBrowser;

namespace wsi {

class LessonHost;
class LessonRunner;
class TransportComparisonView;

class LearnPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LearnPanel(LessonHost *host, QWidget *parent = nullptr);
    ~LearnPanel() override;

    LessonRunner *runner() const { return m_runner; }
    // Shows the lesson with this id (LessonCatalog); false when there is none.
    bool showLesson(const QString &id);
    QString currentLessonId() const;
    // What the panel shows, in the current language: the lesson's "what to look at" and its steps.
    QString lookAtText() const;
    QString stepsText() const;
    QString statusText() const;
    QPushButton *runButton() const { return m_run; }
    // "Why WebSocket" measures what it says: the transports comparison shows under its steps.
    TransportComparisonView *transportComparison() const { return m_transports; }

public Q_SLOTS:
    void run();
    void stop();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showCurrentLesson();
    void showSteps();
    void onStepStarted(int index);
    void onFinished(bool completed, const QString &error);
    void updateButtons();

    LessonRunner *m_runner;
    QComboBox *m_lessons = nullptr;
    QLabel *m_lookAt = nullptr;
    QTextBrowser *m_steps = nullptr;
    QSplitter *m_split = nullptr;
    TransportComparisonView *m_transports = nullptr;
    QLabel *m_notes = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_stop = nullptr;
    int m_shownLesson = -1; // the lesson whose steps are shown (and run)
    int m_currentStep = -1; // highlighted; -1 before a run
    QString m_error; // the last run's failure, shown until the next run
    bool m_completed = false;
};

} // namespace wsi
