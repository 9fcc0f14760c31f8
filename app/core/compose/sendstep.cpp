// SendStep: one thing a send sequence sends once the connection is open (a message, a ping, a raw frame).
#include "compose/sendstep.h"

#include <QCoreApplication>

namespace wsi {

bool SendStep::forPayload(const QByteArray &payload, bool isText, int frameSize, SendStep *step, QString *error)
{
    *step = SendStep();
    if (frameSize > 0 && payload.size() > frameSize) {
        const qint64 count = (qint64(payload.size()) + frameSize - 1) / frameSize;
        if (count > kMaxFragments) {
            *error = QCoreApplication::translate("SendStep",
                "A frame size of %1 bytes makes %2 frames; at most %3 are sent at once. Choose a larger frame size.")
                         .arg(frameSize)
                         .arg(count)
                         .arg(kMaxFragments);
            return false;
        }
        step->kind = Kind::Framed;
        step->bytes = payload;
        step->framedText = isText;
        step->frameSize = frameSize;
        return true;
    }
    if (isText) {
        step->kind = Kind::Text;
        step->text = QString::fromUtf8(payload);
        step->literal = true;
    } else {
        step->kind = Kind::Binary;
        step->bytes = payload;
    }
    return true;
}

qint64 SendStep::framedCount() const
{
    if (frameSize <= 0 || bytes.size() <= frameSize)
        return 1;
    return (qint64(bytes.size()) + frameSize - 1) / frameSize;
}

} // namespace wsi
