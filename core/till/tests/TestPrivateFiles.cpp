#include "Ledger.h"
#include "LogMasking.h"
#include "PrivateFiles.h"
#include "SampleSales.h"
#include "SandboxHttp.h"
#include "SandboxServer.h"

#include <QDir>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace konbini;
using namespace konbini::test;

namespace {

int modeOf(const QString &path)
{
    struct stat info = {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 0777) : -1;
}

} // namespace

// Files with customers' data are owner-only from their first byte, whatever the umask: the data
// folder, the ledger, the sandbox's state file and the log, with SQLite's side files.
class TestPrivateFiles : public QObject
{
    Q_OBJECT

private slots:
    void underUmask_data();
    void underUmask();
};

void TestPrivateFiles::underUmask_data()
{
    QTest::addColumn<int>("umask");
    QTest::newRow("umask 022") << 022;
    QTest::newRow("umask 000") << 0;
}

void TestPrivateFiles::underUmask()
{
    QFETCH(int, umask);
    const mode_t previous = ::umask(mode_t(umask));
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("share/konbini-pos"));
    QVERIFY(makePrivateDirectory(data));
    QCOMPARE(modeOf(data), 0700);

    {
        Ledger ledger(data + QStringLiteral("/ledger.sqlite"));
        QVERIFY(ledger.open().ok());
        VoucherRecord voucher;
        voucher.orderRef = QStringLiteral("o1");
        voucher.customerName = QStringLiteral("山田 花子");
        voucher.email = QStringLiteral("hanako@test.com");
        voucher.createdAt = 1;
        QVERIFY(ledger.vouchers().insert(voucher).ok());
        for (const char *suffix : {"", "-wal", "-shm"})
            QCOMPARE(modeOf(data + QStringLiteral("/ledger.sqlite") + QLatin1String(suffix)), 0600);
    }
    {
        sandbox::SandboxOptions options;
        options.statePath = data + QStringLiteral("/sandbox-state.sqlite");
        SandboxHttp sandbox(options);
        QVERIFY(sandbox.paymentIntentCount() == 0);
        sandbox.createPaymentIntent();
        for (const char *suffix : {"", "-wal"})
            QCOMPARE(modeOf(options.statePath + QLatin1String(suffix)), 0600);
        // The sandbox holds its file exclusively: its WAL index lives in memory, not in -shm.
        QVERIFY(!QFile::exists(options.statePath + QStringLiteral("-shm")));
    }
    {
        const QString log = data + QStringLiteral("/konbini-pos.log");
        installFileLog(log);
        qInfo("a line for the log");
        qInstallMessageHandler(nullptr);
        QCOMPARE(modeOf(log), 0600);
    }
    // A folder an earlier release made wider is narrowed.
    ::chmod(QFile::encodeName(data).constData(), 0755);
    QVERIFY(makePrivateDirectory(data));
    QCOMPARE(modeOf(data), 0700);
    ::umask(previous);
}

QTEST_GUILESS_MAIN(TestPrivateFiles)
#include "TestPrivateFiles.moc"
