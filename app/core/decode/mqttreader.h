// MqttReader: a bounds-checked cursor over one MQTT packet's bytes (integers, varints, strings, properties).
#pragma once

#include "language/recordedtext.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

namespace wsi {

// Every read checks what is left; the first failure sticks (failed(), error()) and later reads return
// zeros, so a parser reads its fields in order and checks once.
class MqttReader
{
public:
    explicit MqttReader(QByteArrayView bytes);
    explicit MqttReader(QByteArray &&) = delete; // the reader keeps a view: the bytes must outlive it

    quint8 byte();
    quint16 u16();
    quint32 u32();
    quint32 varint(); // MQTT Variable Byte Integer: at most 4 bytes
    QString string(); // UTF-8 Encoded String: u16 length + bytes
    QByteArrayView binary(); // Binary Data: u16 length + bytes
    QByteArrayView rest();
    QJsonObject properties(); // MQTT 5 properties: varint length then identifier/value pairs

    qsizetype remaining() const { return m_bytes.size() - m_at; }
    bool atEnd() const { return m_at >= m_bytes.size(); }
    bool failed() const { return !m_errorId.isEmpty(); }
    QString errorId() const { return m_errorId; }
    QString error() const { return m_error.english(); }
    const RecordedText &errorText() const { return m_error; } // the same words, for the message's note
    // text: spelled with QT_TRANSLATE_NOOP("wsi::DecodedMessage", ...), it becomes the message's note.
    void fail(const QString &id, const RecordedText &text);

private:
    // what: a QT_TRANSLATE_NOOP("wsi::DecodedMessage", ...) noun phrase ("a byte") for the note.
    bool need(qsizetype n, const char *what);

    QByteArrayView m_bytes;
    qsizetype m_at = 0;
    QString m_errorId;
    RecordedText m_error;
};

} // namespace wsi
