// HoldConsole: `proxy --hold` on a terminal: held messages as JSON lines, decisions read from stdin.
#pragma once

#include <QByteArray>
#include <QObject>

namespace wsi {

class EventPrinter;
class HeldMessages;
class StdinLines;

// Prints {"event":"held","id":N,...} for each message a breakpoint holds and reads one command per line from
// standard input: `forward N`, `drop N`, `edit N TEXT` (TEXT replaces a text message; a binary message takes
// hex). Each decision is answered with {"event":"released","id":N,"action":"forwarded"|"edited"|"dropped"};
// a command it cannot follow is named on stderr.
class HoldConsole : public QObject
{
    Q_OBJECT
public:
    HoldConsole(HeldMessages *held, EventPrinter *printer, QObject *parent = nullptr);

private:
    void onHeld(quint64 id);
    void onCommand(const QByteArray &line);
    void printReleased(quint64 id, const char *action);

    HeldMessages *m_held;
    EventPrinter *m_printer;
    StdinLines *m_stdin;
};

} // namespace wsi
