// Utf8Validator: incremental UTF-8 validation (RFC 3629) across frame and chunk boundaries.
#include "protocol/utf8validator.h"

#include <cstring>

namespace wsi {

namespace {

constexpr quint64 kHighBits = 0x8080808080808080ULL;

} // namespace

void Utf8Validator::reset()
{
    *this = Utf8Validator();
}

bool Utf8Validator::isValidUtf8(const char *data, qsizetype size)
{
    Utf8Validator v;
    return v.feed(data, size) && v.isComplete();
}

bool Utf8Validator::feed(const char *data, qsizetype size)
{
    if (!m_valid)
        return false;
    const auto *p = reinterpret_cast<const unsigned char *>(data);
    qsizetype i = 0;
    while (i < size) {
        if (m_needed == 0) {
            // Most text on the wire is ASCII (JSON, logs): skip it 16 bytes at a time.
            while (size - i >= 16) {
                quint64 a, b;
                std::memcpy(&a, p + i, 8);
                std::memcpy(&b, p + i + 8, 8);
                if ((a | b) & kHighBits)
                    break;
                i += 16;
            }
            while (i < size && p[i] < 0x80)
                ++i;
            if (i == size)
                break;
            const unsigned char c = p[i];
            // The WHATWG decoder's table: the lead byte fixes the length and the first continuation range.
            if (c >= 0xC2 && c <= 0xDF) {
                m_needed = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                m_needed = 2;
                if (c == 0xE0)
                    m_lower = 0xA0; // below would be overlong
                else if (c == 0xED)
                    m_upper = 0x9F; // above would be a UTF-16 surrogate
            } else if (c >= 0xF0 && c <= 0xF4) {
                m_needed = 3;
                if (c == 0xF0)
                    m_lower = 0x90; // below would be overlong
                else if (c == 0xF4)
                    m_upper = 0x8F; // above would exceed U+10FFFF
            } else {
                m_valid = false;
                m_errorOffset = m_fed + quint64(i);
                return false;
            }
            ++i;
            continue;
        }
        const unsigned char c = p[i];
        if (c < m_lower || c > m_upper) {
            m_valid = false;
            m_errorOffset = m_fed + quint64(i);
            return false;
        }
        m_lower = 0x80;
        m_upper = 0xBF;
        --m_needed;
        ++i;
    }
    m_fed += quint64(size);
    return true;
}

} // namespace wsi
