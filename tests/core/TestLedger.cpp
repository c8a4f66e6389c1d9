#include "Ledger.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

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

PaymentIntent intent(const QString &status)
{
    PaymentIntent pi;
    pi.id = QStringLiteral("pi_1");
    pi.status = status;
    pi.amount = 1500;
    if (status == u"requires_action")
        pi.voucher = KonbiniVoucherDetails{5000, QStringLiteral("https://example/v"), {{QStringLiteral("lawson"), QStringLiteral("LW1"), QStringLiteral("09012345678")}}};
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
    void applyPaymentIntent_followsStripe();
    void refunds_decideRefundStatus();
    void journal_keepsPendingOperations();
    void events_areAppliedOnce();
    void syncValues_persist();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Ledger> m_ledger;
};

void TestLedger::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_ledger = std::make_unique<Ledger>(m_dir->filePath(QStringLiteral("data/ledger.sqlite")));
    QString error;
    QVERIFY2(m_ledger->open(error), qPrintable(error));
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
    QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
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
    const qint64 id = m_ledger->insertVoucher(sale(QStringLiteral("a")));
    const QString path = m_ledger->path();
    m_ledger = std::make_unique<Ledger>(path);
    QString error;
    QVERIFY(m_ledger->open(error));
    QVERIFY(m_ledger->voucher(id).has_value());
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
    QString error;
    QVERIFY(!newer.open(error));
    QVERIFY(error.contains(QStringLiteral("newer")));
}

void TestLedger::voucher_roundTrip()
{
    const qint64 id = m_ledger->insertVoucher(sale(QStringLiteral("order-1")));
    QVERIFY(id > 0);
    const std::optional<VoucherRecord> read = m_ledger->voucher(id);
    QVERIFY(read.has_value());
    QCOMPARE(read->orderRef, QStringLiteral("order-1"));
    QCOMPARE(read->customerName, QStringLiteral("山田 花子"));
    QCOMPARE(read->confirmationNumber, QStringLiteral("09012345678"));
    QCOMPARE(read->status, VoucherStatus::NotIssued);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("UNIQUE constraint failed: vouchers.order_ref")));
    QCOMPARE(m_ledger->insertVoucher(sale(QStringLiteral("order-1"))), 0); // order refs are unique
    QCOMPARE(m_ledger->voucherCount(), 1);
}

void TestLedger::applyPaymentIntent_followsStripe()
{
    const qint64 id = m_ledger->insertVoucher(sale(QStringLiteral("order-2")));
    auto [before, after] = m_ledger->applyPaymentIntent(id, intent(QStringLiteral("requires_action")), 2000);
    QCOMPARE(before, VoucherStatus::NotIssued);
    QCOMPARE(after, VoucherStatus::Pending);
    const VoucherRecord pending = *m_ledger->voucherByPaymentIntent(QStringLiteral("pi_1"));
    QCOMPARE(pending.voucherExpiresAt, 5000);
    QCOMPARE(pending.stores.size(), 1);
    QCOMPARE(pending.stores.first().paymentCode, QStringLiteral("LW1"));
    QCOMPARE(m_ledger->vouchersWithStatus({VoucherStatus::Pending}).size(), 1);

    PaymentIntent expired = intent(QStringLiteral("requires_payment_method"));
    expired.lastPaymentErrorCode = QStringLiteral("payment_intent_payment_attempt_expired");
    std::tie(before, after) = m_ledger->applyPaymentIntent(id, expired, 3000);
    QCOMPARE(after, VoucherStatus::Expired);
    std::tie(before, after) = m_ledger->applyPaymentIntent(id, intent(QStringLiteral("succeeded")), 4000);
    QCOMPARE(before, VoucherStatus::Expired);
    QCOMPARE(after, VoucherStatus::Paid);
    QCOMPARE(m_ledger->voucher(id)->paidAt, 4000);
}

void TestLedger::refunds_decideRefundStatus()
{
    const qint64 id = m_ledger->insertVoucher(sale(QStringLiteral("order-3")));
    m_ledger->applyPaymentIntent(id, intent(QStringLiteral("succeeded")), 2000);
    RefundRecord refund{QStringLiteral("re_1"), id, 500, QStringLiteral("requires_action"), {}, QStringLiteral("hanako@example.jp"), 2100, 9000, {}, 2100, 0};
    QCOMPARE(m_ledger->upsertRefund(refund, 2100).second, VoucherStatus::RefundPending);
    QCOMPARE(m_ledger->voucher(id)->amountRefunded, 500);
    refund.status = QStringLiteral("succeeded");
    QCOMPARE(m_ledger->upsertRefund(refund, 2200).second, VoucherStatus::Refunded);
    refund.status = QStringLiteral("failed");
    QCOMPARE(m_ledger->upsertRefund(refund, 2300).second, VoucherStatus::RefundFailed);
    QCOMPARE(m_ledger->voucher(id)->amountRefunded, 0);
    refund.status = QStringLiteral("canceled");
    QCOMPARE(m_ledger->upsertRefund(refund, 2400).second, VoucherStatus::Paid);
    QCOMPARE(m_ledger->refundsOf(id).size(), 1);
    QCOMPARE(m_ledger->openRefunds().size(), 0);
}

void TestLedger::journal_keepsPendingOperations()
{
    const qint64 id = m_ledger->insertVoucher(sale(QStringLiteral("order-4")));
    JournalEntry entry{0, id, QStringLiteral("create"), QStringLiteral("key-1"), QStringLiteral("/v1/payment_intents"), "amount=1500",
                       JournalEntry::State::Pending, {}, 1000};
    const qint64 first = m_ledger->beginOperation(entry);
    entry.idempotencyKey = QStringLiteral("key-2");
    const qint64 second = m_ledger->beginOperation(entry);
    entry.idempotencyKey = QStringLiteral("key-1");
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("UNIQUE constraint failed: journal.idempotency_key")));
    QCOMPARE(m_ledger->beginOperation(entry), 0); // a key is used once
    QCOMPARE(m_ledger->unfinishedOperations().size(), 2);
    m_ledger->finishOperation(first, JournalEntry::State::Done, {}, 1100);
    const QList<JournalEntry> pending = m_ledger->unfinishedOperations();
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.first().id, second);
    QCOMPARE(pending.first().body, QByteArray("amount=1500"));
    m_ledger->failPendingOperations(id, QStringLiteral("abandoned"), 1200);
    QVERIFY(m_ledger->unfinishedOperations().isEmpty());
    QCOMPARE(m_ledger->operation(second)->resultCode, QStringLiteral("abandoned"));
}

void TestLedger::events_areAppliedOnce()
{
    QVERIFY(m_ledger->markEventProcessed(QStringLiteral("evt_1"), 1));
    QVERIFY(!m_ledger->markEventProcessed(QStringLiteral("evt_1"), 2));
    QVERIFY(m_ledger->markEventProcessed(QStringLiteral("evt_2"), 3));
}

void TestLedger::syncValues_persist()
{
    QCOMPARE(m_ledger->syncValue(QStringLiteral("cursor")), QString());
    m_ledger->setSyncValue(QStringLiteral("cursor"), QStringLiteral("evt_9"));
    m_ledger->setSyncValue(QStringLiteral("cursor"), QStringLiteral("evt_10"));
    QCOMPARE(m_ledger->syncValue(QStringLiteral("cursor")), QStringLiteral("evt_10"));
}

QTEST_GUILESS_MAIN(TestLedger)
#include "TestLedger.moc"
