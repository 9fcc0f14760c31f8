#pragma once

// Runs a function on a tap's own capture thread and waits for its result: a WireTap's state is read there only.

#include "capture/taphandle.h"
#include "capture/wiretap.h"

#include <QMetaObject>

template <typename F> auto onCaptureThread(wsi::TapHandle *handle, F f)
{
    decltype(f(handle->tapOnCaptureThread())) result {};
    wsi::WireTap *tap = handle->tapOnCaptureThread();
    QMetaObject::invokeMethod(
        tap, [&] { result = f(tap); }, Qt::BlockingQueuedConnection);
    return result;
}
