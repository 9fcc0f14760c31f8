// The baseline for bench/flood.sh: a bare QWebSocket client with no capture, no store and no output per
// message. It connects, counts text messages until the server closes, and prints one line:
//   messages=<n> seconds=<s> msgs_per_s=<r> close_code=<c>
// "seconds" runs from connected() to disconnected(), so it is the receive time alone; flood.sh also times
// the whole process (start-up included) the same way it times wsinspector-cli.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2 || args.size() > 3) {
        std::fprintf(stderr, "usage: bench_flood_client ws://127.0.0.1:PORT/flood?n=200000&size=32 [timeout-ms]\n");
        return 2;
    }
    const QUrl url(args.at(1));
    const int timeoutMs = args.size() == 3 ? args.at(2).toInt() : 60000;

    QWebSocket socket;
    quint64 messages = 0;
    quint64 bytes = 0;
    QElapsedTimer timer;
    int exitCode = 0;

    QObject::connect(&socket, &QWebSocket::connected, &app, [&] { timer.start(); });
    QObject::connect(&socket, &QWebSocket::textMessageReceived, &app, [&](const QString &text) {
        ++messages;
        bytes += quint64(text.size());
    });
    QObject::connect(&socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), &app,
        [&](QAbstractSocket::SocketError error) {
            // The server closing after its Close frame is the normal end, not a failure.
            if (error != QAbstractSocket::RemoteHostClosedError) {
                std::fprintf(stderr, "bench_flood_client: %s\n", qPrintable(socket.errorString()));
                exitCode = 1;
            }
        });
    QObject::connect(&socket, &QWebSocket::disconnected, &app, [&] {
        const double seconds = timer.isValid() ? double(timer.nsecsElapsed()) / 1e9 : 0.0;
        std::printf("messages=%llu seconds=%.6f msgs_per_s=%.0f close_code=%d\n",
            static_cast<unsigned long long>(messages), seconds, seconds > 0 ? double(messages) / seconds : 0.0,
            int(socket.closeCode()));
        std::fflush(stdout);
        QCoreApplication::exit(timer.isValid() ? exitCode : 1);
    });
    QTimer::singleShot(timeoutMs, &app, [&] {
        std::fprintf(stderr, "bench_flood_client: timed out after %d ms with %llu messages\n", timeoutMs,
            static_cast<unsigned long long>(messages));
        QCoreApplication::exit(1);
    });

    socket.open(url);
    return app.exec();
}
