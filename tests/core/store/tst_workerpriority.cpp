// The window's worker threads run nicer than its GUI thread, so that a busy machine gives the GUI thread its share
// first (issue 12); the CLI's stay as the process.
#include "capture/capturethread.h"
#include "files/journalwriter.h"
#include "proxy/proxythread.h"
#include "store/workerpriority.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <QThread>

#include <sys/resource.h>
#include <unistd.h>

using namespace wsi;

namespace {

int niceOfThisThread()
{
    return ::getpriority(PRIO_PROCESS, id_t(::gettid()));
}

// The nice value of the worker thread `thread` runs, read on that thread.
int niceOn(const SharedThread &thread)
{
    int nice = -100;
    QMetaObject::invokeMethod(
        thread.context(), [&nice] { nice = niceOfThisThread(); }, Qt::BlockingQueuedConnection);
    return nice;
}

// How many of this process's threads run at `nice` (/proc/self/task/<tid>/stat: field 19).
int threadsAtNice(int nice)
{
    int count = 0;
    const QStringList tasks = QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &tid : tasks) {
        QFile stat(QStringLiteral("/proc/self/task/%1/stat").arg(tid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        // The name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 16 && fields.at(16).toInt() == nice)
            ++count;
    }
    return count;
}

} // namespace

class tst_WorkerPriority : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Declared first: enabling is for the whole process and cannot be undone.
    void workersRunAsTheProcessUntilEnabled()
    {
        QVERIFY(!WorkerPriority::enabled());
        const int base = niceOfThisThread();
        const std::shared_ptr<CaptureThread> capture = CaptureThread::acquire();
        QCOMPARE(niceOn(*capture), base);
    }

    void enabledWorkersRunNicerThanTheGuiThread()
    {
        QVERIFY(!CaptureThread::isRunning()); // the last test's thread is gone: the next one starts anew
        WorkerPriority::enableForWorkers();
        const int base = niceOfThisThread();
        const int nicer = qMin(base + WorkerPriority::kNicer, 19);
        QVERIFY(nicer > base);
        const std::shared_ptr<CaptureThread> capture = CaptureThread::acquire();
        QCOMPARE(niceOn(*capture), nicer);
        const std::shared_ptr<ProxyThread> proxy = ProxyThread::acquire();
        QCOMPARE(niceOn(*proxy), nicer);
        QCOMPARE(niceOfThisThread(), base); // the calling thread keeps its own
        // The journal's writer is a thread of its own (std::thread): one more thread at the nicer value.
        const int before = threadsAtNice(nicer);
        {
            JournalWriter writer;
            QTRY_COMPARE(threadsAtNice(nicer), before + 1);
        }
        QTRY_COMPARE(threadsAtNice(nicer), before);
    }
};

QTEST_MAIN(tst_WorkerPriority)
#include "tst_workerpriority.moc"
