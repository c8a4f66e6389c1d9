#include "CheckoutSession.h"
#include "SampleSales.h"
#include "StripeBackend.h"
#include "TillHarness.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace konbini;
using namespace konbini::test;

namespace {

using State = CheckoutSession::State;

} // namespace

// What Enter means at the counter, decided in core and tested without widgets.
class TestCheckoutSession : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void issue_goesThroughSendingToIssued();
    void secondSubmitWhileSending_isIgnored();
    void afterTransientFailure_sameSaleContinues();
    void rejectedNumber_newPhoneReconfirmsSameIntent();
    void changedSaleAfterFailure_abandonsTheOldOne();
    void invalidInput_staysEditing();
    void stopWaiting_keepsTheSaleResumable();
    void abandoningAnUnansweredSale_cancelsWhatItMadeAtStripe();
    void abandoningWhileStripeIsUnreachable_keepsTheSale();

private:
    qsizetype paymentIntents() const { return m_backend->sandbox()->paymentIntentCount(); }

    std::unique_ptr<StripeBackend> m_backend;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCheckoutSession::init()
{
    m_backend = std::make_unique<StripeBackend>();
    m_dir = std::make_unique<QTemporaryDir>();
}

void TestCheckoutSession::cleanup()
{
    m_backend.reset();
    m_dir.reset();
}

void TestCheckoutSession::issue_goesThroughSendingToIssued()
{
    TillHarness till(*m_backend, m_dir->filePath(QStringLiteral("a.sqlite")));
    CheckoutSession &session = till.session();
    QSignalSpy states(&session, &CheckoutSession::stateChanged);
    QSignalSpy issued(&session, &CheckoutSession::voucherIssued);
    QCOMPARE(session.state(), State::Editing);
    QVERIFY(session.submit(sampleSale()));
    QCOMPARE(session.state(), State::Sending);
    QTRY_COMPARE_WITH_TIMEOUT(issued.count(), 1, 20000);
    QCOMPARE(session.state(), State::Issued);
    QCOMPARE(states.count(), 2);
    session.startNew();
    QCOMPARE(session.state(), State::Editing);
    QVERIFY(!session.hasUnfinishedSale());
}

void TestCheckoutSession::secondSubmitWhileSending_isIgnored()
{
    KONBINI_REQUIRE_SANDBOX(*m_backend);
    TillHarness till(*m_backend, m_dir->filePath(QStringLiteral("d.sqlite")));
    CheckoutSession &session = till.session();
    QSignalSpy issued(&session, &CheckoutSession::voucherIssued);
    QVERIFY(session.submit(sampleSale()));
    QVERIFY(!session.submit(sampleSale()));
    QTRY_COMPARE_WITH_TIMEOUT(issued.count(), 1, 20000);
    QCOMPARE(paymentIntents(), 1);
}

void TestCheckoutSession::afterTransientFailure_sameSaleContinues()
{
    KONBINI_REQUIRE_SANDBOX(*m_backend);
    // The first three attempts of each request fail: one call's worth of retries.
    TillHarness till(*m_backend, m_dir->filePath(QStringLiteral("t.sqlite")), QStringLiteral("till-1"),
                     {{"X-Sandbox-Fault", "503,count=3"}});
    CheckoutSession &session = till.session();
    QSignalSpy failed(&session, &CheckoutSession::saleFailed);
    QSignalSpy issued(&session, &CheckoutSession::voucherIssued);
    QVERIFY(session.submit(sampleSale()));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QCOMPARE(session.state(), State::Failed);
    QVERIFY(session.lastError().resumable);
    QVERIFY(session.hasUnfinishedSale());
    QCOMPARE(paymentIntents(), 0);
    // Enter again, nothing changed: the same sale, the same key. The sale's one request (create
    // with confirm=true) goes through on its fourth attempt.
    QVERIFY(session.submit(sampleSale()));
    QTRY_COMPARE_WITH_TIMEOUT(issued.count(), 1, 20000);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(issued.first().first().value<Voucher>().voucherId, session.lastError().voucherId);
    QCOMPARE(till.ledger().vouchers().count(), 1);
    QCOMPARE(paymentIntents(), 1);
}

void TestCheckoutSession::rejectedNumber_newPhoneReconfirmsSameIntent()
{
    KONBINI_REQUIRE_SANDBOX(*m_backend);
    TillHarness till(*m_backend, m_dir->filePath(QStringLiteral("r.sqlite")));
    CheckoutSession &session = till.session();
    QSignalSpy failed(&session, &CheckoutSession::saleFailed);
    QSignalSpy issued(&session, &CheckoutSession::voucherIssued);
    QVERIFY(session.submit(sampleSale(QStringLiteral("hanako+fill_never@test.com"), QStringLiteral("012-3456-7890"))));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QCOMPARE(session.state(), State::NumberRejected);
    QVERIFY(session.lastError().isNumberRejected());
    const QString intent = till.voucher(session.unfinishedVoucherId()).paymentIntentId;
    QVERIFY(session.submit(sampleSale(QStringLiteral("hanako+fill_never@test.com"), QStringLiteral("080-1111-2222"))));
    QTRY_COMPARE_WITH_TIMEOUT(issued.count(), 1, 20000);
    const Voucher voucher = issued.first().first().value<Voucher>();
    QCOMPARE(voucher.paymentIntentId, intent);
    QCOMPARE(voucher.confirmationNumber, QStringLiteral("08011112222"));
    QCOMPARE(paymentIntents(), 1);
}

void TestCheckoutSession::changedSaleAfterFailure_abandonsTheOldOne()
{
    KONBINI_REQUIRE_SANDBOX(*m_backend);
    TillHarness till(*m_backend, m_dir->filePath(QStringLiteral("c.sqlite")));
    CheckoutSession &session = till.session();
    QSignalSpy failed(&session, &CheckoutSession::saleFailed);
    QSignalSpy issued(&session, &CheckoutSession::voucherIssued);
    QVERIFY(session.submit(sampleSale(QStringLiteral("hanako+fill_never@test.com"), QStringLiteral("012-3456-7890"))));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    const qint64 oldVoucher = session.unfinishedVoucherId();
    // The clerk changes the amount: that is another sale; the old PaymentIntent must not live on.
    QVERIFY(session.submit(
        sampleSale(QStringLiteral("hanako+fill_never@test.com"), QStringLiteral("080-1111-2222"), 2000)));
    QTRY_COMPARE_WITH_TIMEOUT(issued.count(), 1, 20000);
    QVERIFY(issued.first().first().value<Voucher>().voucherId != oldVoucher);
    QTRY_COMPARE_WITH_TIMEOUT(till.voucher(oldVoucher).status, VoucherStatus::Canceled, 20000);
    QCOMPARE(paymentIntents(), 2);
}

void TestCheckoutSession::invalidInput_staysEditing()
{
    TillHarness till(*m_backend, m_dir->filePath(QStringLiteral("i.sqlite")));
    CheckoutSession &session = till.session();
    QSignalSpy failed(&session, &CheckoutSession::saleFailed);
    CheckoutRequest bad = sampleSale();
    bad.amountYen = 100;
    QVERIFY(session.submit(bad));
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(session.state(), State::Editing);
    QCOMPARE(failed.first().first().value<CheckoutError>().kind, CheckoutError::Kind::Invalid);
    QCOMPARE(till.ledger().vouchers().count(), 0);
}

void TestCheckoutSession::stopWaiting_keepsTheSaleResumable()
{
    KONBINI_REQUIRE_SANDBOX(*m_backend);
    // Stripe holds the first attempt of each request for 3 s.
    TillHarness till(*m_backend, m_dir->filePath(QStringLiteral("w.sqlite")), QStringLiteral("till-1"),
                     {{"X-Sandbox-Fault", "delay=3000,count=1"}});
    CheckoutSession &session = till.session();
    QSignalSpy failed(&session, &CheckoutSession::saleFailed);
    QSignalSpy issued(&session, &CheckoutSession::voucherIssued);
    QVERIFY(session.submit(sampleSale()));
    QCOMPARE(session.state(), State::Sending);
    session.stopWaiting();
    QCOMPARE(failed.count(), 1); // at once
    const CheckoutError error = failed.first().first().value<CheckoutError>();
    QCOMPARE(error.stripe.kind, ApiError::Kind::Canceled);
    QVERIFY(error.resumable);
    QCOMPARE(session.state(), State::Failed);
    QVERIFY(session.hasUnfinishedSale());
    QCOMPARE(till.ledger().journal().pending().value().size(), 1);
    // Enter again at once: Stripe still holds the first request (409, key in use): still resumable.
    QVERIFY(session.submit(sampleSale()));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 20000);
    QCOMPARE(failed.last().first().value<CheckoutError>().stripe.httpStatus, 409);
    QVERIFY(session.hasUnfinishedSale());
    // Once Stripe has processed it, Enter again: its stored answer, the same PaymentIntent.
    QTRY_COMPARE_WITH_TIMEOUT(paymentIntents(), 1, 10000);
    QVERIFY(session.submit(sampleSale()));
    QTRY_COMPARE_WITH_TIMEOUT(issued.count(), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(paymentIntents(), 1, 10000);
    QCOMPARE(m_backend->sandbox()->eventCount(QStringLiteral("payment_intent.requires_action")), 1);
}

void TestCheckoutSession::abandoningAnUnansweredSale_cancelsWhatItMadeAtStripe()
{
    KONBINI_REQUIRE_SANDBOX(*m_backend);
    // The sale's request reaches Stripe, but the clerk stopped waiting for its answer.
    TillHarness till(*m_backend, m_dir->filePath(QStringLiteral("a.sqlite")), QStringLiteral("till-1"),
                     {{"X-Sandbox-Fault", "delay=1000,count=1"}});
    CheckoutSession &session = till.session();
    QVERIFY(session.submit(sampleSale(QStringLiteral("hanako+fill_never@test.com"))));
    session.stopWaiting();
    QVERIFY(session.hasUnfinishedSale());
    const qint64 voucherId = session.unfinishedVoucherId();
    QTRY_COMPARE_WITH_TIMEOUT(paymentIntents(), 1, 20000); // a payable voucher the till does not know
    QVERIFY(till.voucher(voucherId).paymentIntentId.isEmpty());
    std::optional<ActionResult<VoucherRecord>> result;
    session.abandonUnfinished([&result](const ActionResult<VoucherRecord> &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
    QVERIFY(result->ok());
    QVERIFY(!session.hasUnfinishedSale());
    // Asked again with the same key, the till learned the PaymentIntent and canceled it.
    const VoucherRecord voucher = till.voucher(voucherId);
    QVERIFY(!voucher.paymentIntentId.isEmpty());
    QCOMPARE(voucher.status, VoucherStatus::Canceled);
    QCOMPARE(m_backend->sandbox()->paymentIntent(voucher.paymentIntentId).value(QStringLiteral("status")),
             QStringLiteral("canceled"));
    QCOMPARE(paymentIntents(), 1);
    QCOMPARE(till.ledger().journal().pending().value().size(), 0);
}

void TestCheckoutSession::abandoningWhileStripeIsUnreachable_keepsTheSale()
{
    KONBINI_REQUIRE_SANDBOX(*m_backend);
    TillHarness till(*m_backend, m_dir->filePath(QStringLiteral("u.sqlite")), QStringLiteral("till-1"),
                     {{"X-Sandbox-Fault", "drop_after"}});
    CheckoutSession &session = till.session();
    QSignalSpy failed(&session, &CheckoutSession::saleFailed);
    QVERIFY(session.submit(sampleSale(QStringLiteral("hanako+fill_never@test.com"))));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    const qint64 voucherId = session.unfinishedVoucherId();
    std::optional<ActionResult<VoucherRecord>> result;
    session.abandonUnfinished([&result](const ActionResult<VoucherRecord> &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000);
    QVERIFY(!result->ok());
    QVERIFY(result->error().resumable);
    // Nothing was given up: the sale is still there, its journal entry still pending.
    QVERIFY(session.hasUnfinishedSale());
    QCOMPARE(session.unfinishedVoucherId(), voucherId);
    QCOMPARE(till.ledger().journal().pending().value().size(), 1);
}

QTEST_MAIN(TestCheckoutSession)
#include "TestCheckoutSession.moc"
