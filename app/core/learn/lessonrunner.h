// LessonRunner: plays a Learn lesson against the window (through LessonHost), one step at a time.
#pragma once

#include "learn/lesson.h"
#include "learn/processfootprint.h"

#include <QList>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

namespace wsi {

class Connection;
class LessonHost;
class LocalServer;
class ReconnectController;

// A step that acts (start the server, connect, send, close...) ends when what it waits for has happened
// (the connection is open, the echo is back, the Close is answered); then, after a pause for reading, the
// next step starts. A step that waits too long fails the lesson with the reason.
class LessonRunner : public QObject
{
    Q_OBJECT
public:
    explicit LessonRunner(LessonHost *host, QObject *parent = nullptr);
    ~LessonRunner() override;

    // The pause between steps, for reading (tests set 0).
    void setStepPauseMs(int ms) { m_pause.setInterval(ms); }
    int stepPauseMs() const { return m_pause.interval(); }
    // How long a step may wait for the network before the lesson fails.
    void setStepTimeoutMs(int ms) { m_timeout.setInterval(ms); }

    void start(const Lesson &lesson);
    // Stops where it is; what the lesson opened stays, as the user's own connections would.
    void stop();
    bool isRunning() const { return m_running; }
    const Lesson &lesson() const { return m_lesson; }
    int currentStep() const { return m_index; }
    // The lesson's client (the latest attempt, after a reconnect).
    Connection *connection() const;
    // What the lesson measured or explained, in the order it happened.
    QStringList notes() const { return m_notes; }

Q_SIGNALS:
    void stepStarted(int index);
    void noteAdded(const QString &note);
    // completed: every step ran; else `error` says what went wrong.
    void finished(bool completed, const QString &error);

private:
    void runStep();
    void stepDone();
    void advance();
    void fail(const QString &error);
    void clearWaits();
    void addNote(const QString &note);
    void connectClient(bool withReconnect);
    void waitOpen(Connection *connection);
    void waitFinished(Connection *connection, bool explain);
    void sendText();
    void ping();
    void dropFromServer();
    void waitReconnect();
    void openIdleClients(int count);
    void closeIdleClients();
    void onEventsAppended();

    LessonHost *m_host;
    Lesson m_lesson;
    int m_index = -1;
    bool m_running = false;
    bool m_followLog = false; // after Show Messages: each new row of the lesson's client is selected
    QPointer<LocalServer> m_server;
    QUrl m_url;
    QString m_caFile;
    QPointer<Connection> m_connection;
    QPointer<Connection> m_serverSide; // the server's side of m_connection
    QPointer<ReconnectController> m_controller;
    QList<QPointer<Connection>> m_idle;
    ProcessFootprint m_before;
    QStringList m_notes;
    QList<QMetaObject::Connection> m_waits;
    QMetaObject::Connection m_follow;
    QTimer m_pause;
    QTimer m_timeout;
};

} // namespace wsi
