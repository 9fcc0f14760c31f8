// CloseExplainer: why a connection ended, in words: who closed, both Close frames, clean or not, what to try.
#pragma once

#include "language/recordedtext.h"
#include "store/eventrecord.h"

#include <QString>
#include <QStringList>

namespace wsi {

class EventStore;
struct HandshakeRecord;

// One Close frame as it was seen on the wire.
struct CloseFrameInfo
{
    bool present = false;
    Direction dir = Direction::None;
    int code = -1; // -1: the frame carried no status code (1005 to the application)
    QString codeName; // "Normal Closure"
    QString codeMeaning; // one sentence from RFC 6455 section 7.4 / the IANA registry
    QString reason;
    qint64 timeUs = 0;
};

// Why a connection ended, in the words the log row, the detail pane and the status line show.
struct CloseExplanation
{
    enum class Closer {
        StillOpen, // nothing ended it (yet): a live connection, or a journal cut short by a crash
        Client,
        Server,
        Neither, // no Close frame either way: the TCP connection dropped (1006)
        NotOpened, // the WebSocket never opened: the failure is in `error*`
    };
    Closer closer = Closer::StillOpen;
    CloseFrameInfo first; // the Close frame that started the closing handshake
    CloseFrameInfo reply; // the answer in the other direction, when there was one
    qint64 betweenUs = -1; // first -> reply
    bool clean = false; // both Close frames crossed the wire (RFC 6455 7.1.4 "wasClean")
    int effectiveCode = -1; // what an application saw: the first frame's code, 1005, or 1006
    QString lastSeen; // 1006: the last thing seen on the wire before it dropped
    ErrorLayer errorLayer = ErrorLayer::None; // the first error, if any
    QString errorMessage;
    QString hint; // what to try; empty when nothing went wrong
    // One line for the status line and the log row, as words: English in the record, the window's language
    // when shown, so the status of an imported connection follows a switch of language either way. The
    // explainer's own words are kept as sources; words it quotes (an error row, a close code's name) as they
    // were said. The one source of the line: `summary` is these words in the language of the moment.
    RecordedText summaryWords;
    QString summary;
    QStringList details; // lines for the detail pane
};

// What the explainer reads of a connection (Connection::closeExplanation() fills it in).
struct CloseContext
{
    const EventStore &events;
    const HandshakeRecord &handshake;
    bool outgoing = true; // the recording is this app's client side; false: a client of the local server
    bool ended = false; // Closed or Failed
};

// Reads a connection's events and explains how it ended: who closed first, both Close frames, the time
// between them, clean or abnormal, and what to try. Pure: it looks only at the event store and handshake.
// The words are in the user's language: the explanation is made when shown, never recorded (the CLI speaks
// English once its command line is read).
class CloseExplainer
{
public:
    static CloseExplanation explain(const CloseContext &connection);

    // "What to try" for an error of this layer; the message refines it (e.g. a refused TCP connection).
    static QString hintForError(ErrorLayer layer, const QString &message = {}, int httpStatus = 0);
    // "What to try" after a Close frame with this code; empty for a normal closure.
    static QString hintForCloseCode(int code);
};

} // namespace wsi
