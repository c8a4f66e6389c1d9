#include "Ledger.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace konbini;

namespace {

VoucherRecord sale(const QString &orderRef)
{
    VoucherRecord v;
    v.orderRef = orderRef;
    v.store = QStringLiteral("shibuya");
    v.terminal = QStringLiteral("till-1");
    v.amountYen = 1500;
    v.customerName = QStringLiteral("山田 花子");
    v.email = QStringLiteral("hanako@example.jp");
    v.phone = QStringLiteral("090-1234-5678");
    v.confirmationNumber = QStringLiteral("09012345678");
    v.expiresAfterDays = 3;
    v.createdAt = 1000;
    return v;
}

PaymentIntent intent(PaymentIntentStatus status)
{
    PaymentIntent pi;
    pi.id = QStringLiteral("pi_1");
    pi.status = status;
    pi.amount = 1500;
    if (status == PaymentIntentStatus::RequiresAction)
        pi.voucher =
            KonbiniVoucherDetails{5000,
                                  QStringLiteral("https://example/v"),
                                  {{QStringLiteral("lawson"), QStringLiteral("LW1"), QStringLiteral("09012345678")}}};
    return pi;
}

} // namespace

class TestLedger : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void open_createsOwnerOnlyFileAtCurrentSchema();
    void open_refusesNewerSchema();
    void voucher_roundTrip();
    void oldestOpen_ignoresVouchersWithoutIntentOrClosed();
    void applyPaymentIntent_followsStripe();
    void refunds_decideRefundStatus();
    void rereadingUnchanged_writesNothing();
    void journal_keepsPendingOperations();
    void events_areAppliedOnce();
    void syncValues_persist();
    void transaction_rollsBackOnFailure();
    void transactions_nest();
    void fullDisk_isAnErrorValue_andNothingHalfWritten();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Ledger> m_ledger;
};

void TestLedger::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_ledger = std::make_unique<Ledger>(m_dir->filePath(QStringLiteral("data/ledger.sqlite")));
    const LedgerStatus opened = m_ledger->open();
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
}

void TestLedger::cleanup()
{
    m_ledger.reset();
    m_dir.reset();
}

void TestLedger::open_createsOwnerOnlyFileAtCurrentSchema()
{
    QCOMPARE(m_ledger->schemaVersion(), Ledger::kSchemaVersion);
    const QFileInfo file(m_ledger->path());
    QCOMPARE(
        file.permissions()
            & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
        QFileDevice::Permissions());
    // WAL is on.
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
    {
        db.setDatabaseName(m_ledger->path());
        QVERIFY(db.open());
        QSqlQuery query(db);
        query.exec(QStringLiteral("PRAGMA journal_mode"));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
        db.close();
    }
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("probe"));
    // Reopening keeps the data and the schema.
    const qint64 id = m_ledger->vouchers().insert(sale(QStringLiteral("a"))).value();
    const QString path = m_ledger->path();
    m_ledger = std::make_unique<Ledger>(path);
    QVERIFY(m_ledger->open().ok());
    QVERIFY(m_ledger->vouchers().voucher(id).ok());
    QCOMPARE(m_ledger->vouchers().voucher(id + 1).error().kind, LedgerError::Kind::NotFound);
}

void TestLedger::open_refusesNewerSchema()
{
    const QString path = m_ledger->path();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bump"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version=99"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bump"));
    Ledger newer(path);
    const LedgerStatus opened = newer.open();
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().kind, LedgerError::Kind::NewerSchema);
    QVERIFY(opened.error().message.contains(QStringLiteral("newer")));
}

void TestLedger::voucher_roundTrip()
{
    const qint64 id = m_ledger->vouchers().insert(sale(QStringLiteral("order-1"))).value();
    QVERIFY(id > 0);
    const LedgerResult<VoucherRecord> read = m_ledger->vouchers().voucher(id);
    QVERIFY(read.ok());
    QCOMPARE(read.value().orderRef, QStringLiteral("order-1"));
    QCOMPARE(read.value().customerName, QStringLiteral("山田 花子"));
    QCOMPARE(read.value().confirmationNumber, QStringLiteral("09012345678"));
    QCOMPARE(read.value().status, VoucherStatus::NotIssued);
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("UNIQUE constraint failed: vouchers.order_ref")));
    const LedgerResult<qint64> twice =
        m_ledger->vouchers().insert(sale(QStringLiteral("order-1"))); // order refs are unique
    QVERIFY(!twice.ok());
    QCOMPARE(twice.error().kind, LedgerError::Kind::Write);
    QCOMPARE(m_ledger->vouchers().count(), 1);
}

// Where event sync's catch-up starts listing: the oldest open voucher that has a PaymentIntent.
void TestLedger::oldestOpen_ignoresVouchersWithoutIntentOrClosed()
{
    VoucherStore &vouchers = m_ledger->vouchers();
    const QList<VoucherStatus> open{VoucherStatus::NotIssued, VoucherStatus::Pending};
    QCOMPARE(vouchers.oldestCreatedWithStatus(open).value(), 0);
    VoucherRecord noIntent = sale(QStringLiteral("no-intent"));
    noIntent.createdAt = 100; // oldest, but never reached Stripe
    vouchers.insert(noIntent).value();
    QCOMPARE(vouchers.oldestCreatedWithStatus(open).value(), 0);
    VoucherRecord pending = sale(QStringLiteral("pending"));
    pending.createdAt = 700;
    const qint64 pendingId = vouchers.insert(pending).value();
    QVERIFY(vouchers.setPaymentIntent(pendingId, QStringLiteral("pi_1"), PaymentIntentStatus::RequiresAction, 700).ok());
    VoucherRecord later = sale(QStringLiteral("later"));
    later.createdAt = 900;
    const qint64 laterId = vouchers.insert(later).value();
    QVERIFY(vouchers.setPaymentIntent(laterId, QStringLiteral("pi_2"), PaymentIntentStatus::RequiresAction, 900).ok());
    QCOMPARE(vouchers.oldestCreatedWithStatus(open).value(), 700);
    QCOMPARE(vouchers.oldestCreatedWithStatus({VoucherStatus::Paid}).value(), 0);
}

void TestLedger::applyPaymentIntent_followsStripe()
{
    VoucherStore &vouchers = m_ledger->vouchers();
    const qint64 id = vouchers.insert(sale(QStringLiteral("order-2"))).value();
    StatusChange change = vouchers.applyPaymentIntent(id, intent(PaymentIntentStatus::RequiresAction), 2000).value();
    QCOMPARE(change.before, VoucherStatus::NotIssued);
    QCOMPARE(change.after, VoucherStatus::Pending);
    const VoucherRecord pending = *vouchers.byPaymentIntent(QStringLiteral("pi_1")).value();
    QCOMPARE(pending.stripeStatus, PaymentIntentStatus::RequiresAction);
    QCOMPARE(pending.voucherExpiresAt, 5000);
    QCOMPARE(pending.stores.size(), 1);
    QCOMPARE(pending.stores.first().paymentCode, QStringLiteral("LW1"));
    QCOMPARE(vouchers.withStatus({VoucherStatus::Pending}).value().size(), 1);
    QVERIFY(!vouchers.byPaymentIntent(QStringLiteral("pi_other")).value().has_value());

    PaymentIntent expired = intent(PaymentIntentStatus::RequiresPaymentMethod);
    expired.lastPaymentErrorCode = QStringLiteral("payment_intent_payment_attempt_expired");
    change = vouchers.applyPaymentIntent(id, expired, 3000).value();
    QCOMPARE(change.after, VoucherStatus::Expired);
    change = vouchers.applyPaymentIntent(id, intent(PaymentIntentStatus::Succeeded), 4000).value();
    QCOMPARE(change.before, VoucherStatus::Expired);
    QCOMPARE(change.after, VoucherStatus::Paid);
    QCOMPARE(vouchers.voucher(id).value().paidAt, 4000);
    QCOMPARE(vouchers.applyPaymentIntent(id + 100, intent(PaymentIntentStatus::Succeeded), 4000).error().kind,
             LedgerError::Kind::NotFound);
}

void TestLedger::refunds_decideRefundStatus()
{
    const qint64 id = m_ledger->vouchers().insert(sale(QStringLiteral("order-3"))).value();
    QVERIFY(m_ledger->vouchers().applyPaymentIntent(id, intent(PaymentIntentStatus::Succeeded), 2000).ok());
    RefundStore &refunds = m_ledger->refunds();
    RefundRecord refund{QStringLiteral("re_1"),
                        id,
                        500,
                        RefundStatus::RequiresAction,
                        {},
                        QStringLiteral("hanako@example.jp"),
                        2100,
                        9000,
                        {},
                        2100,
                        0,
                        {}};
    QCOMPARE(refunds.upsert(refund, 2100).value().after, VoucherStatus::RefundPending);
    QCOMPARE(m_ledger->vouchers().voucher(id).value().amountRefunded, 500);
    QCOMPARE(refunds.open().value().size(), 1);
    refund.status = RefundStatus::Succeeded;
    QCOMPARE(refunds.upsert(refund, 2200).value().after, VoucherStatus::Refunded);
    refund.status = RefundStatus::Failed;
    QCOMPARE(refunds.upsert(refund, 2300).value().after, VoucherStatus::RefundFailed);
    QCOMPARE(m_ledger->vouchers().voucher(id).value().amountRefunded, 0);
    refund.status = RefundStatus::Canceled;
    QCOMPARE(refunds.upsert(refund, 2400).value().after, VoucherStatus::Paid);
    QCOMPARE(refunds.of(id).value().size(), 1);
    QCOMPARE(refunds.refund(QStringLiteral("re_1")).value().status, RefundStatus::Canceled);
    QCOMPARE(refunds.open().value().size(), 0);
    QCOMPARE(refunds.refund(QStringLiteral("re_2")).error().kind, LedgerError::Kind::NotFound);
}

// Reading again what the ledger already holds changes nothing, not even the time of the last change:
// a refund that succeeded yesterday stays in yesterday's day report when sync reads it today.
void TestLedger::rereadingUnchanged_writesNothing()
{
    VoucherStore &vouchers = m_ledger->vouchers();
    const qint64 id = vouchers.insert(sale(QStringLiteral("order-5"))).value();
    QVERIFY(vouchers.applyPaymentIntent(id, intent(PaymentIntentStatus::RequiresAction), 2000).ok());
    const StatusChange same = vouchers.applyPaymentIntent(id, intent(PaymentIntentStatus::RequiresAction), 2500).value();
    QCOMPARE(same.before, VoucherStatus::Pending);
    QVERIFY(!same.changed());
    QCOMPARE(vouchers.voucher(id).value().updatedAt, 2000);
    // A change is still written.
    PaymentIntent moved = intent(PaymentIntentStatus::RequiresAction);
    moved.voucher->hostedVoucherUrl = QStringLiteral("https://example/v2");
    QVERIFY(vouchers.applyPaymentIntent(id, moved, 2600).ok());
    QCOMPARE(vouchers.voucher(id).value().hostedVoucherUrl, QStringLiteral("https://example/v2"));
    QCOMPARE(vouchers.voucher(id).value().updatedAt, 2600);
    QVERIFY(vouchers.applyPaymentIntent(id, intent(PaymentIntentStatus::Succeeded), 3000).ok());
    QCOMPARE(vouchers.voucher(id).value().paidAt, 3000);

    RefundStore &refunds = m_ledger->refunds();
    RefundRecord refund{QStringLiteral("re_9"), id, 500, RefundStatus::Succeeded, {}, {}, 0, 0, {}, 3100, 0, {}};
    QVERIFY(refunds.upsert(refund, 3100).ok());
    QVERIFY(refunds.upsert(refund, 90000).ok()); // read again the next day
    QCOMPARE(refunds.refund(QStringLiteral("re_9")).value().updatedAt, 3100);
    refund.status = RefundStatus::Failed;
    QVERIFY(refunds.upsert(refund, 95000).ok());
    QCOMPARE(refunds.refund(QStringLiteral("re_9")).value().updatedAt, 95000);
}

void TestLedger::journal_keepsPendingOperations()
{
    const qint64 id = m_ledger->vouchers().insert(sale(QStringLiteral("order-4"))).value();
    Journal &journal = m_ledger->journal();
    JournalEntry entry{
        0,
        id,
        JournalOperation::CreatePaymentIntent,
        PreparedRequest{"POST", QStringLiteral("/some/journaled/path"), "amount=1500", QStringLiteral("key-1")},
        JournalEntry::State::Pending,
        {},
        1000};
    const qint64 first = journal.begin(entry).value();
    entry.request.idempotencyKey = QStringLiteral("key-2");
    entry.operation = JournalOperation::CancelRefund;
    const qint64 second = journal.begin(entry).value();
    entry.request.idempotencyKey = QStringLiteral("key-1");
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("UNIQUE constraint failed: journal.idempotency_key")));
    QVERIFY(!journal.begin(entry).ok()); // a key is used once
    QCOMPARE(journal.pending().value().size(), 2);
    QVERIFY(journal.finish(first, JournalEntry::State::Done, {}, 1100).ok());
    const QList<JournalEntry> pending = journal.pending().value();
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.first().id, second);
    QCOMPARE(pending.first().operation, JournalOperation::CancelRefund);
    // The prepared request comes back whole, byte for byte.
    QCOMPARE(pending.first().request,
             (PreparedRequest{"POST", QStringLiteral("/some/journaled/path"), "amount=1500", QStringLiteral("key-2")}));
    QVERIFY(journal.failPending(id, QStringLiteral("abandoned"), 1200).ok());
    QVERIFY(journal.pending().value().isEmpty());
    QCOMPARE(journal.entry(second).value().resultCode, QStringLiteral("abandoned"));
    QCOMPARE(journal.entry(second).value().state, JournalEntry::State::Failed);
}

void TestLedger::events_areAppliedOnce()
{
    SyncState &sync = m_ledger->syncState();
    QVERIFY(sync.markEventProcessed(QStringLiteral("evt_1"), 1).value());
    QVERIFY(!sync.markEventProcessed(QStringLiteral("evt_1"), 2).value());
    QVERIFY(sync.markEventProcessed(QStringLiteral("evt_2"), 3).value());
}

void TestLedger::syncValues_persist()
{
    SyncState &sync = m_ledger->syncState();
    QCOMPARE(sync.value(QStringLiteral("cursor")).value(), QString());
    QVERIFY(sync.setValue(QStringLiteral("cursor"), QStringLiteral("evt_9")).ok());
    QVERIFY(sync.setValue(QStringLiteral("cursor"), QStringLiteral("evt_10")).ok());
    QCOMPARE(sync.value(QStringLiteral("cursor")).value(), QStringLiteral("evt_10"));
}

void TestLedger::transaction_rollsBackOnFailure()
{
    const LedgerStatus failed = m_ledger->transaction([&]() -> LedgerStatus {
        if (!m_ledger->vouchers().insert(sale(QStringLiteral("kept?"))).ok())
            return LedgerError{LedgerError::Kind::Write, QStringLiteral("unexpected")};
        return LedgerError{LedgerError::Kind::Write, QStringLiteral("the second write failed")};
    });
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().message, QStringLiteral("the second write failed"));
    QCOMPARE(m_ledger->vouchers().count(), 0);
}

void TestLedger::transactions_nest()
{
    const LedgerStatus outer = m_ledger->transaction([&]() -> LedgerStatus {
        if (!m_ledger->vouchers().insert(sale(QStringLiteral("outer"))).ok())
            return LedgerError{};
        // An inner failure rolls back only what the inner one wrote, and says so.
        const LedgerStatus inner = m_ledger->transaction([&]() -> LedgerStatus {
            m_ledger->vouchers().insert(sale(QStringLiteral("inner")));
            return LedgerError{LedgerError::Kind::Write, QStringLiteral("inner failed")};
        });
        return inner.ok() ? LedgerStatus(LedgerError{}) : LedgerStatus();
    });
    QVERIFY(outer.ok());
    QCOMPARE(m_ledger->vouchers().count(), 1);
    QCOMPARE(m_ledger->vouchers().voucher(1).value().orderRef, QStringLiteral("outer"));
}

void TestLedger::fullDisk_isAnErrorValue_andNothingHalfWritten()
{
    const qint64 id = m_ledger->vouchers().insert(sale(QStringLiteral("before"))).value();
    QSqlQuery pragma(m_ledger->database().database());
    QVERIFY(pragma.exec(QStringLiteral("PRAGMA page_count")) && pragma.next());
    const int pages = pragma.value(0).toInt();
    QVERIFY(pragma.exec(QStringLiteral("PRAGMA max_page_count=%1").arg(pages)));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("SQL failed")));
    QList<VoucherRecord> many;
    for (int i = 0; i < 200; ++i)
        many.append(sale(QStringLiteral("bulk-%1").arg(i)));
    const LedgerStatus bulk = m_ledger->vouchers().insertMany(many);
    QVERIFY(!bulk.ok());
    QCOMPARE(bulk.error().kind, LedgerError::Kind::Write);
    QCOMPARE(m_ledger->vouchers().count(), 1); // none of the 200, not some
    QVERIFY(pragma.exec(QStringLiteral("PRAGMA max_page_count=1073741823")));
    QVERIFY(m_ledger->vouchers().insertMany(many).ok());
    QCOMPARE(m_ledger->vouchers().count(), 201);
    QVERIFY(m_ledger->vouchers().voucher(id).ok());
}

QTEST_GUILESS_MAIN(TestLedger)
#include "TestLedger.moc"
