// ProtocolDutyRunner: sends what a live connection's application protocol needs to stay up, as automatic rows.
#pragma once

#include "decode/protocolduties.h"
#include "explain/protocolannotator.h"

#include <QObject>

#include <memory>

class QTimer;

namespace wsi {

class Connection;

// Reads the connection's rows as they are recorded (ProtocolAnnotator: detection and decoding, both
// directions), hands the decoded messages to ProtocolDuties and sends its answers and heart-beats through
// Connection::sendAutomaticText(), which marks their rows automatic. It stops reading once detection found
// nothing, or a protocol without duties, so that a flood of other traffic costs nothing more; once the
// duties are known it decodes only the messages they can concern (ProtocolDuties::concerns): what is shown
// is decoded by the log or the printer, not twice.
class ProtocolDutyRunner : public QObject
{
    Q_OBJECT
public:
    // protocolOrAuto: "auto" or a ProtocolDecoder id, as for ProtocolAnnotator ("none" makes no runner).
    explicit ProtocolDutyRunner(Connection *connection, const QString &protocolOrAuto, QObject *parent = nullptr);
    ~ProtocolDutyRunner() override;

    int answersSent() const { return m_answersSent; }

private:
    void onEventsAppended();
    void onTimer();
    void send(const QStringList &texts);
    void rearm();
    void stop();

    Connection *m_connection;
    ProtocolAnnotator m_annotator;
    std::unique_ptr<ProtocolDuties> m_duties;
    QTimer *m_timer;
    qsizetype m_nextRow = 0;
    int m_messagesSeen = 0;
    int m_answersSent = 0;
    bool m_stopped = false;
};

} // namespace wsi
