#include "ClerkMessages.h"

#include <QTest>

using namespace konbini;

// One function turns every error into the clerk's words; Stripe's own (English, possibly quoting
// customer input) stays in the details line.
class TestClerkMessages : public QObject
{
    Q_OBJECT

private slots:
    void stripeErrors_haveOwnMessage_data();
    void stripeErrors_haveOwnMessage();
    void otherKinds_haveMessages();
    void refusals_haveMessages();
    void statusText_saysPartialRefundsAndTheHourOfGrace_data();
    void statusText_saysPartialRefundsAndTheHourOfGrace();
};

void TestClerkMessages::stripeErrors_haveOwnMessage_data()
{
    QTest::addColumn<int>("kind");
    for (int kind = int(ApiError::Kind::Offline); kind <= int(ApiError::Kind::Decoding); ++kind)
        QTest::addRow("kind %d", kind) << kind;
}

void TestClerkMessages::stripeErrors_haveOwnMessage()
{
    QFETCH(int, kind);
    ApiError error;
    error.kind = ApiError::Kind(kind);
    error.code = QStringLiteral("some_code");
    error.message = QStringLiteral("<b>Stripe's own English</b> hanako@test.com");
    error.requestId = QStringLiteral("req_123");
    const CheckoutError failure = CheckoutError::fromStripe(error, 7, error.isTransient());
    for (const QString &message : {ClerkMessages::forCheckout(failure), ClerkMessages::forAction(failure)}) {
        QVERIFY(!message.isEmpty());
        QVERIFY2(!message.contains(error.message), qPrintable(message));
        QVERIFY(!message.contains(QStringLiteral("hanako")));
    }
    const QString details = ClerkMessages::details(failure);
    QVERIFY(details.contains(QStringLiteral("some_code")));
    QVERIFY(details.contains(QStringLiteral("req_123")));
}

void TestClerkMessages::otherKinds_haveMessages()
{
    QVERIFY(!ClerkMessages::forCheckout(CheckoutError::busy()).isEmpty());
    QVERIFY(!ClerkMessages::forCheckout(CheckoutError::invalid({})).isEmpty());
    const CheckoutError ledger = CheckoutError::fromLedger(
        LedgerError{LedgerError::Kind::Write, QStringLiteral("database or disk is full")}, 3, true);
    QVERIFY(ClerkMessages::forCheckout(ledger).contains(QStringLiteral("ledger")));
    QVERIFY(!ClerkMessages::forCheckout(ledger).contains(QStringLiteral("database or disk is full")));
    QCOMPARE(ClerkMessages::details(ledger), QStringLiteral("database or disk is full"));
    // Resumable or not, the clerk is told which: continue, or nothing was sent.
    QVERIFY(ClerkMessages::forCheckout(ledger) != ClerkMessages::forCheckout(CheckoutError::fromLedger(ledger.ledger)));
}

void TestClerkMessages::refusals_haveMessages()
{
    for (int refusal = int(ActionRefusal::NoSuchVoucher); refusal <= int(ActionRefusal::CustomerErased); ++refusal) {
        QVERIFY(!ClerkMessages::forRefusal(ActionRefusal(refusal)).isEmpty());
        QCOMPARE(ClerkMessages::forAction(CheckoutError::refused(ActionRefusal(refusal))),
                 ClerkMessages::forRefusal(ActionRefusal(refusal)));
    }
    QVERIFY(ClerkMessages::forRefusal(ActionRefusal::None).isEmpty());
}

void TestClerkMessages::statusText_saysPartialRefundsAndTheHourOfGrace_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("refunded");
    QTest::addColumn<qint64>("expiresAt");
    QTest::addColumn<QString>("shown");
    constexpr qint64 now = 1'800'000'000;
    QTest::newRow("paid") << int(VoucherStatus::Paid) << qint64(0) << now - 10 << "Paid";
    QTest::newRow("fully refunded") << int(VoucherStatus::Refunded) << qint64(12000) << now - 10 << "Refunded";
    QTest::newRow("partly refunded") << int(VoucherStatus::Refunded) << qint64(5000) << now - 10
                                     << "Partly refunded (¥5,000)";
    QTest::newRow("partial refund pending") << int(VoucherStatus::RefundPending) << qint64(5000) << now - 10
                                            << "Partial refund in progress (¥5,000)";
    QTest::newRow("refund pending") << int(VoucherStatus::RefundPending) << qint64(12000) << now - 10
                                    << "Refund in progress";
    QTest::newRow("waiting") << int(VoucherStatus::Pending) << qint64(0) << now + 10 << "Awaiting payment";
    QTest::newRow("past the deadline") << int(VoucherStatus::Pending) << qint64(0) << now - 10
                                       << "Expired (awaiting Stripe)";
}

void TestClerkMessages::statusText_saysPartialRefundsAndTheHourOfGrace()
{
    QFETCH(int, status);
    QFETCH(qint64, refunded);
    QFETCH(qint64, expiresAt);
    QFETCH(QString, shown);
    VoucherRecord voucher;
    voucher.amountYen = 12000;
    voucher.status = VoucherStatus(status);
    voucher.amountRefunded = refunded;
    voucher.voucherExpiresAt = expiresAt;
    QCOMPARE(ClerkMessages::statusText(voucher, 1'800'000'000), shown);
}

QTEST_GUILESS_MAIN(TestClerkMessages)
#include "TestClerkMessages.moc"
