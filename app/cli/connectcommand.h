#pragma once

#include "connectionoptions.h"

#include <QObject>
#include <QStringList>
#include <cstdio>

namespace wsi {

class Connection;

// `wsinspector-cli connect`: opens one connection through the capture core, sends the given messages in
// order once it is open, waits, closes, and streams every event as a session log line on stdout.
class ConnectCommand : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        ConnectionOptions options;
        QStringList messages;
        int waitMs = 1000;
        int closeCode = 1000;
        QString closeReason;
        bool showFrames = true;
    };

    // Exit codes, documented in docs/cli.md.
    enum ExitCode { CleanClose = 0, Failed = 1, Usage = 2, UncleanClose = 3 };

    ConnectCommand(const Settings &settings, FILE *out, QObject *parent = nullptr);
    ~ConnectCommand() override;

    // Starts; emits done(exitCode) exactly once, always within a bounded time.
    void start();

Q_SIGNALS:
    void done(int exitCode);

private:
    void onEventsAppended();
    void onStateChanged();
    void onFinished();
    void beginClose();
    void finish(int exitCode, const QString &reason);

    Settings m_settings;
    FILE *m_out;
    Connection *m_connection = nullptr;
    qsizetype m_printed = 0;
    bool m_sent = false;
    bool m_closing = false;
    bool m_done = false;
};

} // namespace wsi
