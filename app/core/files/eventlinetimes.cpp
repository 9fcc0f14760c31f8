// EventLineTimes: the "t" and "t_us" members every event line ends its common part with.
#include "files/eventlinetimes.h"

#include "files/jsonline.h"

#include <QDateTime>

#include <cstring>

namespace wsi {

namespace {

// The members "t" and "t_us" of every event within one second, as one text: only the sub-second digits change
// from event to event, so a flood's lines copy it and patch nine digits instead of formatting a date and a
// 16-digit number (formatting both was a tenth of the CLI's time in a flood).
struct TimesOfSecond
{
    static constexpr qsizetype kIsoAt = 5; // after "t":"
    qint64 second = -1;
    qsizetype size = 0;
    char text[64];

    // For times in [1 s, 2^53 us] of years 1970-9999; false outside.
    bool reset(qint64 newSecond)
    {
        char *p = text;
        std::memcpy(p, "\"t\":\"", 5);
        if (!EventLineTimes::formatIso(newSecond * 1000, p + kIsoAt))
            return false;
        p += kIsoAt + 24;
        std::memcpy(p, "\",\"t_us\":", 9);
        p += 9;
        char digits[24];
        char *d = digits + sizeof digits;
        for (qint64 rest = newSecond; rest != 0; rest /= 10)
            *--d = char('0' + rest % 10);
        const qsizetype count = digits + sizeof digits - d;
        std::memcpy(p, d, size_t(count));
        p += count + 6; // the microseconds, patched per event
        size = p - text;
        second = newSecond;
        return true;
    }
    QByteArrayView at(qint64 timeUs)
    {
        int micro = int(timeUs % 1000000);
        int milli = micro / 1000;
        for (qsizetype i = size - 1; i >= size - 6; --i, micro /= 10)
            text[i] = char('0' + micro % 10);
        for (qsizetype i = kIsoAt + 22; i >= kIsoAt + 20; --i, milli /= 10)
            text[i] = char('0' + milli % 10);
        return QByteArrayView(text, size);
    }
};

} // namespace

bool EventLineTimes::formatIso(qint64 ms, char *out)
{
    constexpr qint64 kEnd = 253402300800000; // 10000-01-01T00:00:00Z
    if (ms < 0 || ms >= kEnd)
        return false;
    const qint64 days = ms / 86400000;
    qint64 rest = ms % 86400000;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm, proleptic Gregorian).
    const qint64 z = days + 719468;
    const qint64 era = z / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const int year = int(yoe + era * 400 + (month <= 2 ? 1 : 0));
    const int hour = int(rest / 3600000);
    rest %= 3600000;
    const int minute = int(rest / 60000);
    rest %= 60000;
    const int second = int(rest / 1000);
    const int milli = int(rest % 1000);
    auto put = [](char *p, int value, int width) {
        for (int i = width - 1; i >= 0; --i) {
            p[i] = char('0' + value % 10);
            value /= 10;
        }
    };
    put(out, year, 4);
    out[4] = '-';
    put(out + 5, month, 2);
    out[7] = '-';
    put(out + 8, day, 2);
    out[10] = 'T';
    put(out + 11, hour, 2);
    out[13] = ':';
    put(out + 14, minute, 2);
    out[16] = ':';
    put(out + 17, second, 2);
    out[19] = '.';
    put(out + 20, milli, 3);
    out[23] = 'Z';
    return true;
}

void EventLineTimes::put(JsonLine &line, qint64 us)
{
    thread_local TimesOfSecond cached;
    if (us >= 1000000 && quint64(us) <= JsonLine::kMaxExactInteger
        && (us / 1000000 == cached.second || cached.reset(us / 1000000))) {
        line.member(cached.at(us));
        return;
    }
    char iso[24];
    if (formatIso(us / 1000, iso))
        line.utf8("t", QByteArrayView(iso, sizeof iso));
    else
        line.text("t", QDateTime::fromMSecsSinceEpoch(us / 1000, Qt::UTC).toString(Qt::ISODateWithMs));
    line.largeInteger("t_us", us);
}

} // namespace wsi
