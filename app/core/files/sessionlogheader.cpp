// SessionLogHeader: the first line of a session log: its format version, the tool that wrote it and when.
#include "files/sessionlogheader.h"

#include "files/sessioneventdecoder.h"
#include "files/sessionlogwriter.h"

#include <QCoreApplication>

namespace wsi {

namespace {

// Version 1 lines mean the same in version 2, which only added what a proxy did to a message, and in version 3,
// which only added marks that come after their message ("proxy_mark" lines).
constexpr const char *kFormatVersion1 = "wsinspector-session/1";
constexpr const char *kFormatVersion2 = "wsinspector-session/2";
constexpr const char *kFormatVersion3 = "wsinspector-session/3";

// The reader's words (its translation context): an import's error names the file's problem the same way.
RecordedText said(const char *source)
{
    return RecordedText("wsi::SessionLogReader", source);
}

} // namespace

bool SessionLogHeader::read(const std::vector<JsonField> &fields)
{
    const JsonValue &format = SessionEventDecoder::field(fields, "format");
    if (!format.isString()) {
        m_error = said(QT_TRANSLATE_NOOP("wsi::SessionLogReader",
            "this is not a WS Inspector session log: the first line has no "
            "\"format\" field."));
        return false;
    }
    m_format = SessionEventDecoder::stringText(format);
    if (m_format != QLatin1String(SessionLogWriter::kFormat) && m_format != QLatin1String(kFormatVersion1)
        && m_format != QLatin1String(kFormatVersion2) && m_format != QLatin1String(kFormatVersion3)) {
        if (m_format.startsWith(QLatin1String("wsinspector-session/")))
            m_error = said(QT_TRANSLATE_NOOP("wsi::SessionLogReader",
                               "unsupported session log version \"%1\": this version of WS Inspector reads "
                               "\"%2\", \"%3\", \"%4\" and \"%5\" only; open the file with a newer one."))
                          .arg(m_format)
                          .arg(QString::fromLatin1(kFormatVersion1))
                          .arg(QString::fromLatin1(kFormatVersion2))
                          .arg(QString::fromLatin1(kFormatVersion3))
                          .arg(QString::fromLatin1(SessionLogWriter::kFormat));
        else
            m_error = said(QT_TRANSLATE_NOOP("wsi::SessionLogReader",
                               "unknown format \"%1\": this is not a WS Inspector session log "
                               "(expected \"%2\")."))
                          .arg(m_format)
                          .arg(QString::fromLatin1(SessionLogWriter::kFormat));
        return false;
    }
    m_tool = SessionEventDecoder::stringText(SessionEventDecoder::field(fields, "tool"));
    m_startedAt = SessionEventDecoder::stringText(SessionEventDecoder::field(fields, "t"));
    return true;
}

} // namespace wsi
