// DirectAppender: appends byte-exact whatever the sizes, after existing content of any length, with the whole
// blocks written directly where the file system takes O_DIRECT, and never creates a file.
#include "files/directappender.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#ifdef Q_OS_LINUX
#include <fcntl.h>
#include <unistd.h>
#endif

using namespace wsi;

namespace {

// Whether the file system under `path` takes O_DIRECT at all (tmpfs before Linux 6.6 does not): asked of the
// file system, so that the test checks direct writes wherever they can happen.
bool takesDirectWrites(const QString &path)
{
#if defined(Q_OS_LINUX) && defined(O_DIRECT)
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_DIRECT);
    if (fd < 0)
        return false;
    ::close(fd);
    return true;
#else
    Q_UNUSED(path);
    return false;
#endif
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class tst_DirectAppender : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void appendsByteExactAfterAnyExistingContent_data()
    {
        QTest::addColumn<int>("existing");
        QTest::newRow("empty file") << 0;
        QTest::newRow("a short header") << 57;
        QTest::newRow("exactly one block") << 4096;
        QTest::newRow("a block and a bit") << 5000;
    }

    void appendsByteExactAfterAnyExistingContent()
    {
        QFETCH(int, existing);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("journal.jsonl"));
        QByteArray expected(existing, 'h');
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write(expected), qint64(existing));
        }
        DirectAppender appender;
        if (!appender.attach(path)) {
            QVERIFY2(!takesDirectWrites(path), "the file system takes O_DIRECT, yet the appender did not attach");
            return;
        }
        QRandomGenerator random(quint32(existing) + 7);
        // Sizes from a byte to more than the buffer, so that appends straddle blocks and the buffer alike.
        for (int i = 0; i < 120; ++i) {
            const int size
                = i % 10 == 9 ? int(DirectAppender::kBufferBytes) + random.bounded(9000) : random.bounded(1, 70000);
            QByteArray chunk(size, Qt::Uninitialized);
            for (int k = 0; k < size; ++k)
                chunk[k] = char('a' + (i + k) % 26);
            QVERIFY2(appender.append(chunk.constData(), chunk.size()), qPrintable(appender.errorString()));
            expected += chunk;
            if (i % 17 == 0) // every byte is in the kernel once append() returns, as another reader sees it
                QCOMPARE(fileBytes(path), expected);
        }
        QCOMPARE(fileBytes(path), expected);
        QVERIFY(appender.directBytes() > expected.size() / 2);
        QCOMPARE(appender.directBytes() % DirectAppender::kBlock, 0);
        appender.detach();
        QCOMPARE(fileBytes(path), expected);

        // Attached again to the same file (a journal reopened after being parked), it goes on at its end.
        QVERIFY(appender.attach(path));
        QVERIFY(appender.append("tail\n", 5));
        QCOMPARE(fileBytes(path), expected + "tail\n");
    }

    void neverCreatesAFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("deleted.jsonl"));
        DirectAppender appender;
        QVERIFY(!appender.attach(path));
        QVERIFY(!appender.attached());
        QVERIFY(!appender.append("x", 1));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(tst_DirectAppender)
#include "tst_directappender.moc"
