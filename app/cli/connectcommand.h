#pragma once

#include "compose/sendstep.h"
#include "endpoints/connectionoptions.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <cstdio>

namespace wsi {

class Connection;
class EventPrinter;
class ReconnectController;
class Workspace;
class SendSequence;
struct TlsReport;

// `wsinspector-cli connect`: opens one connection through the capture core, sends the given steps in
// order once it is open (the whole list `repeat` times), waits, closes, and streams every event as a
// session log line on stdout.
class ConnectCommand : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        ConnectionOptions options;
        QList<SendStep> steps;
        int repeat = 1;
        qint64 sessionBudgetMb = 4096; // --session-budget-mb (0: no limit)
        int intervalMs = 0;
        QHash<QString, QString> variables; // user-defined {{name}} for --send texts
        int waitMs = 1000;
        int closeCode = 1000;
        QString closeReason;
        bool showFrames = true;
        QString protocol = QStringLiteral("auto"); // --protocol
        bool autoPong = true;
        bool protocolDuties = true; // --no-protocol-duties turns them off; so do --protocol none and an endpoint's
        QString harFile; // --har: the session as HAR 1.2 when done
        bool revealSecrets = false; // --reveal-secrets: write the HAR with secrets unmasked
    };

    // Exit codes, documented in docs/cli.md (the same values as wsi::ExitCode).
    enum ExitCode { CleanClose = 0, Failed = 1, Usage = 2, UncleanClose = 3 };

    ConnectCommand(const Settings &settings, FILE *out, QObject *parent = nullptr);
    ~ConnectCommand() override;

    // Starts; emits done(exitCode) exactly once, always within a bounded time.
    void start();
    // SIGINT/SIGTERM: close now (cleanly when open), print what is left, and end.
    void interrupt();

Q_SIGNALS:
    void done(int exitCode);

private:
    void onStateChanged();
    void onSendingFinished();
    void onTlsDecisionNeeded(const TlsReport &report);
    void onFinished();
    void beginClose();
    void finish(int exitCode, const QString &reason);
    void attach(Connection *connection);
    void onAttemptStarted(Connection *connection);
    bool writeHar(QString *error) const;

    Settings m_settings;
    EventPrinter *m_printer;
    Connection *m_connection = nullptr;
    SendSequence *m_sequence = nullptr;
    Workspace *m_workspace = nullptr; // --reconnect: holds every attempt
    ReconnectController *m_reconnect = nullptr;
    int m_reconnectsStarted = 0;
    QString m_failure; // why the run failed although the connection itself may have closed cleanly
    bool m_closing = false;
    bool m_done = false;
};

} // namespace wsi
