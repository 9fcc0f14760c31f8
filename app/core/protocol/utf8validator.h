// Utf8Validator: incremental UTF-8 validation (RFC 3629) across frame and chunk boundaries.
#pragma once

#include <QtGlobal>

namespace wsi {

// Incremental UTF-8 validator (RFC 3629): rejects overlong forms, surrogates and code points above
// U+10FFFF as soon as the offending byte is seen. A code point may be split across feed() calls,
// which is how it arrives when a text message is fragmented.
class Utf8Validator
{
public:
    // Returns false once the input is known to be invalid; the validator then stays invalid.
    bool feed(const char *data, qsizetype size);

    // True when everything fed so far is valid and no code point is left unfinished.
    bool isComplete() const { return m_valid && m_needed == 0; }
    bool isValid() const { return m_valid; }
    // Offset (counted over every byte fed since reset()) of the first byte that made the input invalid.
    quint64 errorOffset() const { return m_errorOffset; }

    void reset();

    // Convenience for a whole buffer.
    static bool isValidUtf8(const char *data, qsizetype size);

private:
    quint64 m_fed = 0;
    quint64 m_errorOffset = 0;
    bool m_valid = true;
    quint8 m_needed = 0; // continuation bytes still expected
    quint8 m_lower = 0x80; // the next continuation byte's allowed range; narrower right after E0, ED, F0, F4
    quint8 m_upper = 0xBF;
};

} // namespace wsi
