#include "SandboxServer.h"
#include "CheckoutEngine.h"
#include "ClerkMessages.h"
#include "KonbiniRules.h"
#include "SampleSales.h"
#include "StripeBackend.h"
#include "TillHarness.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace konbini;
using namespace konbini::test;
using namespace std::chrono_literals;

namespace {

// Paid after 3 minutes unless the e-mail or number says otherwise.
CheckoutRequest sale(const QString &email = QStringLiteral("hanako@test.com"),
                     const QString &phone = QStringLiteral("090-1234-5678"))
{
    return sampleSale(email, phone);
}

template <typename T>
QString why(const Expected<T, CheckoutError> &result)
{
    return result.ok() ? QString()
                       : ClerkMessages::details(result.error()) + u' ' + ClerkMessages::forAction(result.error());
}

} // namespace

Q_DECLARE_METATYPE(VoucherStatus)

class TestCheckoutEngine : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void issue_returnsVoucherAndRecordsIt();
    void issue_isOneRequest();
    void scenario_data();
    void scenario();
    void invalidInput_sendsNothing();
    void doubleSubmit_createsOnePaymentIntent();
    void dropAfterOnCreateAndConfirm_oneVoucher();
    void outageDuringCreate_resumesWithSameKey();
    void abandon_stopsResumeAndCancels();
    void rejectedConfirmationNumber_reconfirmsSameIntent();
    void konbiniErrors_areTyped_data();
    void konbiniErrors_areTyped();
    void cancel_pendingVoucher();
    void cancel_failsWhileCustomerPays();
    void reissue_afterExpiry();
    void refunds_throughTheirLifecycle();
    void storeVouchers_seesOtherTerminals();

private:
    QString ledgerPath(const QString &name) const { return m_dir->filePath(name + QStringLiteral(".sqlite")); }
    qsizetype paymentIntentCount() const
    {
        return m_backend->sandbox() ? m_backend->sandbox()->paymentIntentCount() : -1;
    }

    std::unique_ptr<StripeBackend> m_backend;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCheckoutEngine::init()
{
    m_backend = std::make_unique<StripeBackend>();
    m_dir = std::make_unique<QTemporaryDir>();
}

void TestCheckoutEngine::cleanup()
{
    m_backend.reset();
    m_dir.reset();
}

void TestCheckoutEngine::issue_returnsVoucherAndRecordsIt()
{
    TillHarness till(*m_backend, ledgerPath(QStringLiteral("a")));
    QSignalSpy issued(&till.engine(), &CheckoutEngine::voucherIssued);
    const CheckoutOutcome outcome = till.issue(sale());
    QVERIFY2(outcome.ok(), qPrintable(why(outcome)));
    const Voucher &voucher = outcome.value();
    QVERIFY(voucher.paymentIntentId.startsWith(QStringLiteral("pi_")));
    QCOMPARE(voucher.amountYen, 1500);
    QCOMPARE(voucher.confirmationNumber, QStringLiteral("09012345678"));
    QVERIFY(!voucher.hostedVoucherUrl.isEmpty());
    QCOMPARE((voucher.expiresAt + 9 * 3600) % 86400, 86399);
    QVERIFY(!voucher.stores.isEmpty());
    QCOMPARE(issued.count(), 1);
    const VoucherRecord record = till.voucher(voucher.voucherId);
    QCOMPARE(record.status, VoucherStatus::Pending);
    QCOMPARE(record.paymentIntentId, voucher.paymentIntentId);
    QCOMPARE(record.customerName, QStringLiteral("山田 花子"));
    QVERIFY(till.ledger().journal().pending().value().isEmpty());
    QVERIFY(!till.engine().isBusy());
    if (m_backend->sandbox()) {
        const HttpResult pi = m_backend->sandbox()->paymentIntent(voucher.paymentIntentId);
        const QJsonObject metadata = pi.json.value(QStringLiteral("metadata")).toObject();
        QCOMPARE(metadata.value(QStringLiteral("store")).toString(), QStringLiteral("shibuya"));
        QCOMPARE(metadata.value(QStringLiteral("terminal")).toString(), QStringLiteral("till-1"));
        QCOMPARE(metadata.value(QStringLiteral("order_ref")).toString(), record.orderRef);
        QVERIFY(metadata.contains(QStringLiteral("app_version")));
        QCOMPARE(pi.json.value(QStringLiteral("payment_method_options"))
                     .toObject()
                     .value(QStringLiteral("konbini"))
                     .toObject()
                     .value(QStringLiteral("product_description"))
                     .toString(),
                 QStringLiteral("お弁当"));
    }
}

// The clerk waits for one round trip: the PaymentIntent is created and confirmed by one POST, and
// nothing is read back after it (the answer is the voucher).
void TestCheckoutEngine::issue_isOneRequest()
{
    KONBINI_REQUIRE_SANDBOX(*m_backend);
    TillHarness till(*m_backend, ledgerPath(QStringLiteral("one")));
    QSignalSpy received(m_backend->sandbox()->server(), &sandbox::SandboxServer::requestReceived);
    const CheckoutOutcome outcome = till.issue(sale());
    QVERIFY2(outcome.ok(), qPrintable(why(outcome)));
    QCOMPARE(received.count(), 1);
    QCOMPARE(received.first().at(0).toByteArray(), QByteArray("POST"));
    QCOMPARE(received.first().at(1).toString(), StripeApi::createPaymentIntent({}).path);
    QCOMPARE(till.voucher(outcome.value().voucherId).status, VoucherStatus::Pending);
    QCOMPARE(m_backend->sandbox()->eventCount(QStringLiteral("payment_intent.requires_action")), 1);
}

void TestCheckoutEngine::scenario_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("phone");
    QTest::addColumn<qint64>("advance");
    QTest::addColumn<VoucherStatus>("expected");
    constexpr qint64 kDay = 86400;
    QTest::newRow("paid after 3 minutes")
        << QStringLiteral("hanako@test.com") << QString() << qint64(180) << VoucherStatus::Paid;
    QTest::newRow("11111111110") << QStringLiteral("hanako@test.com") << QStringLiteral("11111111110") << qint64(180)
                                 << VoucherStatus::Paid;
    QTest::newRow("succeed immediately") << QStringLiteral("h+succeed_immediately@test.com") << QString() << qint64(0)
                                         << VoucherStatus::Paid;
    QTest::newRow("22222222220") << QStringLiteral("hanako@test.com") << QStringLiteral("22222222220") << qint64(0)
                                 << VoucherStatus::Paid;
    QTest::newRow("expire immediately") << QStringLiteral("h+expire_immediately@test.com") << QString() << qint64(3600)
                                        << VoucherStatus::Expired;
    QTest::newRow("33333333330") << QStringLiteral("hanako@test.com") << QStringLiteral("33333333330") << qint64(3600)
                                 << VoucherStatus::Expired;
    QTest::newRow("expire with delay") << QStringLiteral("h+expire_with_delay@test.com") << QString()
                                       << qint64(180 + 3600) << VoucherStatus::Expired;
    QTest::newRow("44444444440") << QStringLiteral("hanako@test.com") << QStringLiteral("44444444440")
                                 << qint64(180 + 3600) << VoucherStatus::Expired;
    QTest::newRow("fill never, still pending")
        << QStringLiteral("h+fill_never@test.com") << QString() << qint64(kDay) << VoucherStatus::Pending;
    QTest::newRow("fill never, expired") << QStringLiteral("h+fill_never@test.com") << QString() << qint64(5 * kDay)
                                         << VoucherStatus::Expired;
    QTest::newRow("55555555550") << QStringLiteral("hanako@test.com") << QStringLiteral("55555555550")
                                 << qint64(5 * kDay) << VoucherStatus::Expired;
}

void TestCheckoutEngine::scenario()
{
    QFETCH(QString, email);
    QFETCH(QString, phone);
    QFETCH(qint64, advance);
    QFETCH(VoucherStatus, expected);
    TillHarness till(*m_backend, ledgerPath(QStringLiteral("s")));
    const CheckoutOutcome outcome = till.issue(sale(email, phone));
    QVERIFY2(outcome.ok(), qPrintable(why(outcome)));
    KONBINI_REQUIRE_SANDBOX(*m_backend);
    // Rows with an exact transition time check the second before it too; fill_never's
    // deadline depends on the time of day, so those rows only check well after it.
    const bool exact = !QByteArray(QTest::currentDataTag()).contains("expired")
        && !QByteArray(QTest::currentDataTag()).startsWith("555");
    if (advance > 0 && exact) {
        m_backend->sandbox()->advanceClock(advance - 1);
        QCOMPARE(till.refresh(outcome.value().voucherId).status, VoucherStatus::Pending);
        m_backend->sandbox()->advanceClock(1);
    } else if (advance > 0) {
        m_backend->sandbox()->advanceClock(advance);
    }
    QCOMPARE(till.refresh(outcome.value().voucherId).status, expected);
}

void TestCheckoutEngine::invalidInput_sendsNothing()
{
    TillHarness till(*m_backend, ledgerPath(QStringLiteral("i")));
    const qsizetype before = paymentIntentCount();
    CheckoutRequest bad = sale();
    bad.amountYen = 100;
    bad.productDescription = QStringLiteral("お弁当①");
    const CheckoutOutcome outcome = till.issue(bad);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().kind, CheckoutError::Kind::Invalid);
    QCOMPARE(outcome.error().problems.size(), 2);
    QCOMPARE(till.ledger().vouchers().count(), 0);
    QCOMPARE(paymentIntentCount(), before);
}

void TestCheckoutEngine::doubleSubmit_createsOnePaymentIntent()
{
    TillHarness till(*m_backend, ledgerPath(QStringLiteral("d")));
    const qsizetype before = paymentIntentCount();
    std::optional<CheckoutOutcome> first;
    std::optional<CheckoutOutcome> second;
    till.engine().issueVoucher(sale(), [&](const CheckoutOutcome &o) { first = o; });
    till.engine().issueVoucher(sale(), [&](const CheckoutOutcome &o) { second = o; });
    QTRY_VERIFY(first.has_value() && second.has_value());
    QVERIFY(first->ok());
    QCOMPARE(second->error().kind, CheckoutError::Kind::Busy);
    QCOMPARE(till.ledger().vouchers().count(), 1);
    if (before >= 0)
        QCOMPARE(paymentIntentCount(), before + 1);
}

void TestCheckoutEngine::dropAfterOnCreateAndConfirm_oneVoucher()
{
    KONBINI_REQUIRE_SANDBOX(*m_backend);
    // The first attempt of each POST is processed and committed, then its answer is lost.
    TillHarness till(*m_backend, ledgerPath(QStringLiteral("drop")), QStringLiteral("till-1"),
                     {{"X-Sandbox-Fault", "drop_after,count=1"}});
    const qsizetype before = paymentIntentCount();
    const CheckoutOutcome outcome = till.issue(sale());
    QVERIFY2(outcome.ok(), qPrintable(why(outcome)));
    QCOMPARE(paymentIntentCount(), before + 1);
    QCOMPARE(m_backend->sandbox()->eventCount(QStringLiteral("payment_intent.requires_action")), 1);
}

void TestCheckoutEngine::outageDuringCreate_resumesWithSameKey()
{
    KONBINI_REQUIRE_SANDBOX(*m_backend);
    const QString path = ledgerPath(QStringLiteral("outage"));
    const qsizetype before = paymentIntentCount();
    qint64 voucherId = 0;
    {
        // Every attempt reaches Stripe and is committed, every answer is lost: the till cannot
        // know whether the PaymentIntent exists.
        TillHarness down(*m_backend, path, QStringLiteral("till-1"), {{"X-Sandbox-Fault", "drop_after"}});
        const CheckoutOutcome outcome = down.issue(sale());
        QVERIFY(!outcome.ok());
        QCOMPARE(outcome.error().stripe.kind, ApiError::Kind::Offline);
        QVERIFY(outcome.error().resumable);
        voucherId = outcome.error().voucherId;
        QCOMPARE(down.ledger().journal().pending().value().size(), 1);
    }
    TillHarness up(*m_backend, path);
    std::optional<std::pair<int, int>> counts;
    up.engine().resumeUnfinished([&](int resumed, int failed) { counts = {resumed, failed}; });
    QTRY_VERIFY_WITH_TIMEOUT(counts.has_value(), 20000);
    QCOMPARE(counts->first, 1);
    QCOMPARE(counts->second, 0);
    QCOMPARE(paymentIntentCount(), before + 1);
    const VoucherRecord record = up.voucher(voucherId);
    QCOMPARE(record.status, VoucherStatus::Pending);
    QVERIFY(!record.hostedVoucherUrl.isEmpty());
    QVERIFY(up.ledger().journal().pending().value().isEmpty());
}

void TestCheckoutEngine::abandon_stopsResumeAndCancels()
{
    KONBINI_REQUIRE_SANDBOX(*m_backend);
    const QString path = ledgerPath(QStringLiteral("abandon"));
    qint64 voucherId = 0;
    {
        // Every answer lost: the sale made a PaymentIntent (and its voucher) the till does not know.
        TillHarness down(*m_backend, path, QStringLiteral("till-1"), {{"X-Sandbox-Fault", "drop_after"}});
        const CheckoutOutcome outcome = down.issue(sale());
        QVERIFY(outcome.error().resumable);
        voucherId = outcome.error().voucherId;
        // Abandoning cannot learn what Stripe made, so it gives nothing up: still pending.
        const ActionResult<VoucherRecord> abandoned =
            down.wait<VoucherRecord>([&](auto done) { down.engine().abandon(voucherId, done); });
        QVERIFY(!abandoned.ok());
        QVERIFY(abandoned.error().resumable);
        QCOMPARE(down.ledger().journal().pending().value().size(), 1);
    }
    // Stripe answers again: abandoning asks with the same key, learns the PaymentIntent, cancels it.
    TillHarness up(*m_backend, path);
    const ActionResult<VoucherRecord> abandoned =
        up.wait<VoucherRecord>([&](auto done) { up.engine().abandon(voucherId, done); });
    QVERIFY(abandoned.ok());
    QCOMPARE(abandoned.value().status, VoucherStatus::Canceled);
    QCOMPARE(paymentIntentCount(), 1);
    QVERIFY(up.ledger().journal().pending().value().isEmpty());
    std::optional<int> resumed;
    up.engine().resumeUnfinished([&](int count, int) { resumed = count; });
    QTRY_VERIFY(resumed.has_value());
    QCOMPARE(*resumed, 0);
}

void TestCheckoutEngine::rejectedConfirmationNumber_reconfirmsSameIntent()
{
    TillHarness till(*m_backend, ledgerPath(QStringLiteral("r")));
    const qsizetype before = paymentIntentCount();
    const CheckoutOutcome rejected =
        till.issue(sale(QStringLiteral("hanako@test.com"), QStringLiteral("012-3456-7890")));
    QVERIFY(!rejected.ok());
    QCOMPARE(rejected.error().stripe.kind, ApiError::Kind::ConfirmationNumberRejected);
    QVERIFY(!rejected.error().resumable);
    const qint64 voucherId = rejected.error().voucherId;
    const QString paymentIntentId = till.voucher(voucherId).paymentIntentId;
    QVERIFY(!paymentIntentId.isEmpty());

    std::optional<CheckoutOutcome> invalid;
    till.engine().reconfirm(voucherId, QStringLiteral("12"), [&](const CheckoutOutcome &o) { invalid = o; });
    QTRY_VERIFY(invalid.has_value());
    QCOMPARE(invalid->error().kind, CheckoutError::Kind::Invalid);
    QCOMPARE(invalid->error().problems.first().field, CheckoutField::Phone);

    std::optional<CheckoutOutcome> accepted;
    till.engine().reconfirm(voucherId, QStringLiteral("080-1111-2222"),
                            [&](const CheckoutOutcome &o) { accepted = o; });
    QTRY_VERIFY_WITH_TIMEOUT(accepted.has_value(), 20000);
    QVERIFY2(accepted->ok(), qPrintable(why(*accepted)));
    QCOMPARE(accepted->value().paymentIntentId, paymentIntentId);
    QCOMPARE(accepted->value().confirmationNumber, QStringLiteral("08011112222"));
    if (before >= 0)
        QCOMPARE(paymentIntentCount(), before + 1);
}

void TestCheckoutEngine::konbiniErrors_areTyped_data()
{
    QTest::addColumn<QByteArray>("fault");
    QTest::addColumn<int>("kind");
    QTest::newRow("not available") << QByteArray("not_available") << int(ApiError::Kind::MethodUnavailable);
    QTest::newRow("konbini rate limit") << QByteArray("konbini_rate_limit") << int(ApiError::Kind::KonbiniRateLimited);
}

void TestCheckoutEngine::konbiniErrors_areTyped()
{
    QFETCH(QByteArray, fault);
    QFETCH(int, kind);
    KONBINI_REQUIRE_SANDBOX(*m_backend);
    TillHarness till(*m_backend, ledgerPath(QStringLiteral("k")), QStringLiteral("till-1"),
                     {{"X-Sandbox-Fault", fault}});
    const CheckoutOutcome outcome = till.issue(sale());
    QVERIFY(!outcome.ok());
    QCOMPARE(int(outcome.error().stripe.kind), kind);
    QVERIFY(outcome.error().resumable);
    QVERIFY(!till.engine().isBusy());
}

void TestCheckoutEngine::cancel_pendingVoucher()
{
    TillHarness till(*m_backend, ledgerPath(QStringLiteral("c")));
    const CheckoutOutcome outcome = till.issue(sale(QStringLiteral("h+fill_never@test.com")));
    QVERIFY(outcome.ok());
    const ActionResult<VoucherRecord> canceled = till.wait<VoucherRecord>([&](auto done) {
        till.engine().cancelVoucher(outcome.value().voucherId, QStringLiteral("requested_by_customer"), done);
    });
    QVERIFY2(canceled.ok(), qPrintable(why(canceled)));
    QCOMPARE(canceled.value().status, VoucherStatus::Canceled);
    QVERIFY(canceled.value().canceledAt > 0);
}

void TestCheckoutEngine::cancel_failsWhileCustomerPays()
{
    KONBINI_REQUIRE_SANDBOX(*m_backend);
    TillHarness till(*m_backend, ledgerPath(QStringLiteral("p")));
    const CheckoutOutcome outcome = till.issue(sale(QStringLiteral("h+fill_never@test.com")));
    m_backend->sandbox()->startPayment(outcome.value().paymentIntentId);
    const ActionResult<VoucherRecord> refused = till.wait<VoucherRecord>(
        [&](auto done) { till.engine().cancelVoucher(outcome.value().voucherId, QString(), done); });
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().stripe.kind, ApiError::Kind::UnexpectedState);
    QCOMPARE(refused.error().stripe.paymentIntentStatus, PaymentIntentStatus::RequiresAction);
    // The clerk reads why, in the catalogue's words, not Stripe's English.
    QVERIFY(ClerkMessages::forAction(refused.error()).contains(QStringLiteral("paying")));
    QCOMPARE(till.voucher(outcome.value().voucherId).status, VoucherStatus::Pending);
}

void TestCheckoutEngine::reissue_afterExpiry()
{
    KONBINI_REQUIRE_SANDBOX(*m_backend);
    TillHarness till(*m_backend, ledgerPath(QStringLiteral("e")));
    const CheckoutOutcome outcome = till.issue(sale(QStringLiteral("h+expire_immediately@test.com")));
    m_backend->sandbox()->advanceClock(3600);
    QCOMPARE(till.refresh(outcome.value().voucherId).status, VoucherStatus::Expired);
    std::optional<CheckoutOutcome> reissued;
    till.engine().reissue(outcome.value().voucherId, [&](const CheckoutOutcome &o) { reissued = o; });
    QTRY_VERIFY_WITH_TIMEOUT(reissued.has_value(), 20000);
    QVERIFY2(reissued->ok(), qPrintable(why(*reissued)));
    QCOMPARE(reissued->value().paymentIntentId, outcome.value().paymentIntentId);
    QVERIFY(reissued->value().hostedVoucherUrl != outcome.value().hostedVoucherUrl);
    QCOMPARE(till.voucher(outcome.value().voucherId).status, VoucherStatus::Pending);
}

void TestCheckoutEngine::refunds_throughTheirLifecycle()
{
    KONBINI_REQUIRE_SANDBOX(*m_backend);
    SandboxHttp &sandbox = *m_backend->sandbox();
    TillHarness till(*m_backend, ledgerPath(QStringLiteral("refund")));
    const CheckoutOutcome outcome = till.issue(sale(QStringLiteral("h+succeed_immediately@test.com")));
    const qint64 voucherId = outcome.value().voucherId;
    QCOMPARE(till.refresh(voucherId).status, VoucherStatus::Paid);

    const ActionResult<RefundRecord> tooMuch =
        till.wait<RefundRecord>([&](auto done) { till.engine().refund(voucherId, 1501, QString(), done); });
    QCOMPARE(tooMuch.error().kind, CheckoutError::Kind::NotAllowed);
    QCOMPARE(tooMuch.error().refusal, ActionRefusal::AmountTooLarge);

    const ActionResult<RefundRecord> partial = till.wait<RefundRecord>(
        [&](auto done) { till.engine().refund(voucherId, 500, QStringLiteral("requested_by_customer"), done); });
    QVERIFY2(partial.ok(), qPrintable(why(partial)));
    QCOMPARE(partial.value().status, RefundStatus::RequiresAction);
    QCOMPARE(partial.value().instructionsEmail, QStringLiteral("h+succeed_immediately@test.com"));
    QVERIFY(partial.value().actionExpiresAt > partial.value().createdAt);
    QCOMPARE(till.voucher(voucherId).status, VoucherStatus::RefundPending);

    // The customer's bank details arrive; Stripe pays out.
    sandbox.submitBankDetails(partial.value().id);
    sandbox.advanceClock(60);
    const ActionResult<RefundRecord> paidOut =
        till.wait<RefundRecord>([&](auto done) { till.engine().refreshRefund(partial.value().id, done); });
    QCOMPARE(paidOut.value().status, RefundStatus::Succeeded);
    QCOMPARE(till.voucher(voucherId).status, VoucherStatus::Refunded);

    // A second refund of the rest, canceled while it waits.
    const ActionResult<RefundRecord> rest =
        till.wait<RefundRecord>([&](auto done) { till.engine().refund(voucherId, 0, QString(), done); });
    QCOMPARE(rest.value().amount, 1000);
    QCOMPARE(till.voucher(voucherId).amountRefunded, 1500);
    const ActionResult<RefundRecord> canceled =
        till.wait<RefundRecord>([&](auto done) { till.engine().cancelRefund(rest.value().id, done); });
    QCOMPARE(canceled.value().status, RefundStatus::Canceled);
    QCOMPARE(till.voucher(voucherId).amountRefunded, 500);
    QCOMPARE(till.voucher(voucherId).status, VoucherStatus::Refunded);
    QVERIFY(till.ledger().journal().pending().value().isEmpty());
}

void TestCheckoutEngine::storeVouchers_seesOtherTerminals()
{
    TillHarness first(*m_backend, ledgerPath(QStringLiteral("t1")), QStringLiteral("till-1"));
    TillHarness second(*m_backend, ledgerPath(QStringLiteral("t2")), QStringLiteral("till-2"));
    QVERIFY(first.issue(sale()).ok());
    QVERIFY(second.issue(sale()).ok());
    KONBINI_REQUIRE_SANDBOX(*m_backend); // Stripe's search lags up to a minute behind
    std::optional<Result<QList<PaymentIntent>>> seen;
    first.till().storeSearch().storeVouchers([&](const Result<QList<PaymentIntent>> &answer) { seen = answer; });
    QTRY_VERIFY_WITH_TIMEOUT(seen.has_value(), 20000);
    QVERIFY(seen->ok());
    QSet<QString> terminals;
    for (const PaymentIntent &pi : seen->value())
        terminals.insert(pi.metadata.value(QStringLiteral("terminal")));
    QCOMPARE(terminals, (QSet<QString>{QStringLiteral("till-1"), QStringLiteral("till-2")}));
}

QTEST_GUILESS_MAIN(TestCheckoutEngine)
#include "TestCheckoutEngine.moc"
