#include "Ledger.h"
#include "WalCheckpointer.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace konbini;

namespace {

// Vouchers as the database file alone holds them, without its write-ahead log (what checkpoints
// have copied so far): read from a copy of the file made without the log.
int vouchersInTheDatabaseFile(const QString &path, const QTemporaryDir &dir)
{
    const QString copy = dir.filePath(QStringLiteral("file-only.sqlite"));
    QFile::remove(copy);
    QFile::remove(copy + QStringLiteral("-wal"));
    QFile::remove(copy + QStringLiteral("-shm"));
    if (!QFile::copy(path, copy))
        return -2;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(copy).constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return -1;
    }
    sqlite3_stmt *statement = nullptr;
    int count = -1;
    if (sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM vouchers", -1, &statement, nullptr) == SQLITE_OK
        && sqlite3_step(statement) == SQLITE_ROW)
        count = sqlite3_column_int(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return count;
}

} // namespace

// The ledger's checkpoints happen on a thread of their own, not inside a commit on the window's
// thread.
class TestWalCheckpointer : public QObject
{
    Q_OBJECT

private slots:
    void commits_leaveTheLogAndTheCheckpointerCopiesIt();
};

void TestWalCheckpointer::commits_leaveTheLogAndTheCheckpointerCopiesIt()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
    Ledger ledger(path);
    QVERIFY(ledger.open().ok());
    // No commit checkpoints: that is left to the checkpointer's thread.
    {
        LedgerResult<QSqlQuery> automatic = ledger.database().run(QStringLiteral("PRAGMA wal_autocheckpoint"));
        QVERIFY(automatic.ok());
        QVERIFY(automatic.value().next());
        QCOMPARE(automatic.value().value(0).toInt(), 0);
    }
    // Far more than SQLite's automatic threshold (1,000 pages), in a few commits.
    for (int chunk = 0; chunk < 30; ++chunk) {
        QList<VoucherRecord> vouchers;
        for (int i = 0; i < 100; ++i) {
            VoucherRecord voucher;
            voucher.orderRef = QStringLiteral("order-%1-%2").arg(chunk).arg(i);
            voucher.amountYen = 1500;
            voucher.customerName = QString(1000, u'花');
            voucher.createdAt = 1;
            vouchers.append(voucher);
        }
        QVERIFY(ledger.vouchers().insertMany(vouchers).ok());
    }
    WalCheckpointer checkpointer(path, std::chrono::milliseconds(1));
    QTRY_VERIFY(checkpointer.checkpoints() > 0);
    QTRY_COMPARE(vouchersInTheDatabaseFile(path, dir), 3000);
    QCOMPARE(ledger.vouchers().count(), 3000);
}

QTEST_GUILESS_MAIN(TestWalCheckpointer)
#include "TestWalCheckpointer.moc"
