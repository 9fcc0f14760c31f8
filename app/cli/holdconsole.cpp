// HoldConsole: the CLI's answer to held messages: JSON lines out, commands in.
#include "holdconsole.h"

#include "eventprinter.h"
#include "files/jsonline.h"
#include "files/sessionlogwriter.h"
#include "proxy/heldmessages.h"
#include "stdinlines.h"
#include "store/wallclock.h"

#include <QCoreApplication>

#include <cstdio>

namespace wsi {

HoldConsole::HoldConsole(HeldMessages *held, EventPrinter *printer, QObject *parent)
    : QObject(parent)
    , m_held(held)
    , m_printer(printer)
    , m_stdin(new StdinLines(this))
{
    connect(m_held, &HeldMessages::held, this, &HoldConsole::onHeld);
    connect(m_stdin, &StdinLines::line, this, &HoldConsole::onCommand);
}

void HoldConsole::onHeld(quint64 id)
{
    const std::optional<HeldMessage> message = m_held->message(id);
    if (!message)
        return;
    // Keys sorted, like every session log line.
    JsonLine line(200 + message->payload.size() * 2);
    if (!message->isText())
        line.base64("base64", message->payload);
    line.integer("conn", message->connectionId);
    line.latin1("dir", message->toward == FrameHook::Toward::Server ? "out" : "in");
    line.latin1("event", "held");
    line.largeInteger("id", qint64(id));
    if (message->original != message->payload) {
        if (message->isText())
            line.bytes("original_payload", message->original);
        else
            line.base64("original_payload", message->original);
    }
    line.integer("size", message->payload.size());
    line.text("t", SessionLogWriter::isoTime(message->timeUs));
    line.largeInteger("t_us", message->timeUs);
    if (message->isText())
        line.bytes("text", message->payload);
    line.latin1("type", message->isText() ? "text" : "binary");
    QByteArray json = line.finish();
    if (json.endsWith('\n'))
        json.chop(1);
    m_printer->printLine(json);
}

void HoldConsole::printReleased(quint64 id, const char *action)
{
    JsonLine line(128);
    line.latin1("action", action);
    line.latin1("event", "released");
    line.largeInteger("id", qint64(id));
    // When the decision was made: the time a message waited is t_us here less t_us on its "held" line.
    const qint64 now = wallClockUs();
    line.text("t", SessionLogWriter::isoTime(now));
    line.largeInteger("t_us", now);
    QByteArray json = line.finish();
    if (json.endsWith('\n'))
        json.chop(1);
    m_printer->printLine(json);
}

void HoldConsole::onCommand(const QByteArray &input)
{
    const QByteArray trimmed = input.trimmed();
    if (trimmed.isEmpty())
        return;
    const qsizetype space = trimmed.indexOf(' ');
    const QByteArray verb = space < 0 ? trimmed : trimmed.left(space);
    QByteArray rest = space < 0 ? QByteArray() : trimmed.mid(space + 1);
    const qsizetype idEnd = rest.indexOf(' ');
    bool ok = false;
    const quint64 id = (idEnd < 0 ? rest : rest.left(idEnd)).toULongLong(&ok);
    const QByteArray text = idEnd < 0 ? QByteArray() : input.mid(input.indexOf(rest) + idEnd + 1);
    // The complaint is for the user at the terminal: in the language in effect (the commands stay as typed).
    const auto complain = [&](const char *why) {
        std::fprintf(stderr, "wsinspector-cli: %s: \"%s\"\n",
            QCoreApplication::translate("wsi::HoldConsole", why).toLocal8Bit().constData(), trimmed.constData());
    };
    if (!ok) {
        complain(QT_TRANSLATE_NOOP("wsi::HoldConsole", "expected forward N, drop N or edit N TEXT"));
        return;
    }
    const std::optional<HeldMessage> message = m_held->message(id);
    if (!message) {
        complain(QT_TRANSLATE_NOOP("wsi::HoldConsole", "no held message has that id"));
        return;
    }
    if (verb == "forward") {
        m_held->forward(id);
        printReleased(id, "forwarded");
    } else if (verb == "drop") {
        m_held->drop(id);
        printReleased(id, "dropped");
    } else if (verb == "edit") {
        const QByteArray payload = message->isText() ? text : QByteArray::fromHex(text);
        m_held->forward(id, payload);
        printReleased(id, "edited");
    } else {
        complain(QT_TRANSLATE_NOOP("wsi::HoldConsole", "expected forward N, drop N or edit N TEXT"));
    }
}

} // namespace wsi
