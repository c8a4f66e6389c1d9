#include "ClerkMessages.h"
#include "SampleSales.h"
#include "StripeBackend.h"
#include "TillHarness.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace konbini;
using namespace konbini::test;

// The interrupted sales a till could not finish at start: listed with the sale from the ledger and
// what to do, retried on request, and gone from the list once finished.
class TestFailedRecoveries : public QObject
{
    Q_OBJECT

private slots:
    void unreachableStripe_isListedRetryableAndRetryFinishesIt();
    void refusedSale_isListedNotRetryable();

private:
    // A sale whose request never reached Stripe (the connection dropped each time): it stays in
    // the journal, as after a crash.
    qint64 leaveUnfinishedSale(const StripeBackend &backend, const QString &ledgerPath, const CheckoutRequest &sale);
};

qint64 TestFailedRecoveries::leaveUnfinishedSale(const StripeBackend &backend, const QString &ledgerPath,
                                                 const CheckoutRequest &sale)
{
    TillHarness till(backend, ledgerPath, QStringLiteral("till-1"), {{"X-Sandbox-Fault", "drop_before"}});
    const CheckoutOutcome outcome = till.issue(sale);
    if (outcome.ok() || !outcome.error().resumable)
        qFatal("the dropped sale should fail and stay resumable");
    if (till.ledger().journal().pending().value().size() != 1)
        qFatal("the dropped sale should stay in the journal");
    return outcome.error().voucherId;
}

void TestFailedRecoveries::unreachableStripe_isListedRetryableAndRetryFinishesIt()
{
    StripeBackend backend;
    KONBINI_REQUIRE_SANDBOX(backend);
    QTemporaryDir dir;
    const QString ledgerPath = dir.filePath(QStringLiteral("ledger.sqlite"));
    CheckoutRequest sale = sampleSale(QStringLiteral("hanako@test.com"), QStringLiteral("090-1234-5678"), 12000);
    sale.customerName = QStringLiteral("山田 花子");
    const qint64 voucherId = leaveUnfinishedSale(backend, ledgerPath, sale);

    // The next start cannot reach Stripe: each of the client's 3 attempts gets a 503; a fourth passes.
    TillHarness restarted(backend, ledgerPath, QStringLiteral("till-1"), {{"X-Sandbox-Fault", "503,count=3"}});
    FailedRecoveries &failures = restarted.till().failedRecoveries();
    QSignalSpy recovered(&restarted.session(), &CheckoutSession::saleRecovered);
    QSignalSpy changed(&failures, &FailedRecoveries::changed);
    restarted.till().start();
    QVERIFY(!failures.canRetry()); // not while the till is resuming
    QTRY_COMPARE_WITH_TIMEOUT(failures.entries().size(), 1, 20000);
    QTRY_VERIFY(!restarted.engine().isReplaying());
    const FailedRecoveries::Entry entry = failures.entries().first();
    QCOMPARE(entry.voucherId, voucherId);
    QCOMPARE(entry.voucher.amountYen, 12000);
    QCOMPARE(entry.voucher.customerName, QStringLiteral("山田 花子"));
    QVERIFY(entry.voucher.createdAt > 0);
    QVERIFY(entry.retryable());
    QVERIFY(failures.canRetry());
    ApiError unreachable;
    unreachable.kind = ApiError::Kind::Offline;
    QCOMPARE(ClerkMessages::forFailedRecovery(entry.error),
             ClerkMessages::forFailedRecovery(CheckoutError::fromStripe(unreachable, 0, true)));
    QVERIFY(ClerkMessages::forFailedRecovery(entry.error).contains(QStringLiteral("Retry")));
    QCOMPARE(recovered.count(), 0);
    QCOMPARE(backend.sandbox()->paymentIntentCount(), 0);

    QVERIFY(failures.retry());
    QVERIFY(!failures.retry()); // a second press while the first runs does nothing
    QTRY_COMPARE_WITH_TIMEOUT(recovered.count(), 1, 20000);
    QCOMPARE(recovered.first().first().value<Voucher>().voucherId, voucherId);
    QTRY_VERIFY(failures.entries().isEmpty());
    QVERIFY(!failures.anyRetryable());
    QVERIFY(changed.count() >= 2);
    QCOMPARE(backend.sandbox()->paymentIntentCount(), 1);
    QVERIFY(restarted.ledger().journal().pending().value().isEmpty());
}

void TestFailedRecoveries::refusedSale_isListedNotRetryable()
{
    StripeBackend backend;
    KONBINI_REQUIRE_SANDBOX(backend);
    QTemporaryDir dir;
    const QString ledgerPath = dir.filePath(QStringLiteral("ledger.sqlite"));
    const qint64 voucherId = leaveUnfinishedSale(
        backend, ledgerPath, sampleSale(QStringLiteral("taro@test.com"), QStringLiteral("080-2222-3333"), 3000));

    // Stripe refuses the sale for good when it is sent again (the key was replaced by a wrong one).
    QNetworkAccessManager network;
    TillConfig config = TillHarness::configFor(backend, ledgerPath);
    config.apiKey = QStringLiteral("pk_test_a_publishable_key"); // Stripe answers 401
    Till restarted(network, config);
    QVERIFY(restarted.open().ok());
    FailedRecoveries &failures = restarted.failedRecoveries();
    restarted.start();
    QTRY_COMPARE_WITH_TIMEOUT(failures.entries().size(), 1, 20000);
    QTRY_VERIFY(!restarted.engine().isReplaying());
    const FailedRecoveries::Entry entry = failures.entries().first();
    QCOMPARE(entry.voucherId, voucherId);
    QCOMPARE(entry.voucher.amountYen, 3000);
    QVERIFY(!entry.retryable());
    QVERIFY(!failures.canRetry());
    QVERIFY(!failures.retry());
    // The clerk is told no voucher exists, not to press Enter on a form that is empty.
    const QString advice = ClerkMessages::forFailedRecovery(entry.error);
    QVERIFY2(advice.contains(QStringLiteral("No voucher was issued")), qPrintable(advice));
    QVERIFY(!advice.contains(QStringLiteral("Enter")));
}

QTEST_GUILESS_MAIN(TestFailedRecoveries)
#include "TestFailedRecoveries.moc"
