#include "VoucherActions.h"

#include <QTest>

using namespace konbini;

namespace {

VoucherRecord voucher(PaymentIntentStatus stripe, VoucherStatus status, qint64 amount = 1500, qint64 refunded = 0)
{
    VoucherRecord v;
    v.id = 1;
    v.paymentIntentId = QStringLiteral("pi_1");
    v.stripeStatus = stripe;
    v.status = status;
    v.amountYen = amount;
    v.amountRefunded = refunded;
    v.hostedVoucherUrl = QStringLiteral("https://example/v");
    return v;
}

} // namespace

Q_DECLARE_METATYPE(ActionRefusal)

// The money rules of the merchant's actions, without widgets: the voucher list enables its buttons
// by these and the engine refuses by the same.
class TestVoucherActions : public QObject
{
    Q_OBJECT

private slots:
    void cancel_data();
    void cancel();
    void reissue();
    void reconfirm();
    void refund_data();
    void refund();
    void cancelRefund();
    void show();
};

void TestVoucherActions::cancel_data()
{
    QTest::addColumn<int>("stripe");
    QTest::addColumn<int>("status");
    QTest::addColumn<ActionRefusal>("refusal");
    using PI = PaymentIntentStatus;
    using V = VoucherStatus;
    QTest::newRow("waiting for payment") << int(PI::RequiresAction) << int(V::Pending) << ActionRefusal::None;
    QTest::newRow("created, never confirmed")
        << int(PI::RequiresPaymentMethod) << int(V::NotIssued) << ActionRefusal::None;
    QTest::newRow("expired") << int(PI::RequiresPaymentMethod) << int(V::Expired) << ActionRefusal::None;
    QTest::newRow("paid") << int(PI::Succeeded) << int(V::Paid) << ActionRefusal::NotOpen;
    QTest::newRow("canceled") << int(PI::Canceled) << int(V::Canceled) << ActionRefusal::NotOpen;
    QTest::newRow("processing") << int(PI::Processing) << int(V::Pending) << ActionRefusal::NotOpen;
}

void TestVoucherActions::cancel()
{
    QFETCH(int, stripe);
    QFETCH(int, status);
    QFETCH(ActionRefusal, refusal);
    QCOMPARE(canCancel(voucher(PaymentIntentStatus(stripe), VoucherStatus(status))).refusal, refusal);
    VoucherRecord local = voucher(PaymentIntentStatus(stripe), VoucherStatus(status));
    local.paymentIntentId.clear();
    QCOMPARE(canCancel(local).refusal, ActionRefusal::NoPaymentIntent);
}

void TestVoucherActions::reissue()
{
    QVERIFY(canReissue(voucher(PaymentIntentStatus::RequiresPaymentMethod, VoucherStatus::Expired)));
    QCOMPARE(canReissue(voucher(PaymentIntentStatus::RequiresAction, VoucherStatus::Pending)).refusal,
             ActionRefusal::NotExpired);
    QCOMPARE(canReissue(voucher(PaymentIntentStatus::RequiresPaymentMethod, VoucherStatus::NotIssued)).refusal,
             ActionRefusal::NotExpired);
}

void TestVoucherActions::reconfirm()
{
    QVERIFY(canReconfirm(voucher(PaymentIntentStatus::RequiresPaymentMethod, VoucherStatus::NotIssued)));
    QVERIFY(canReconfirm(voucher(PaymentIntentStatus::RequiresPaymentMethod, VoucherStatus::Expired)));
    QCOMPARE(canReconfirm(voucher(PaymentIntentStatus::RequiresAction, VoucherStatus::Pending)).refusal,
             ActionRefusal::NotReconfirmable);
    QCOMPARE(canReconfirm(voucher(PaymentIntentStatus::Succeeded, VoucherStatus::Paid)).refusal,
             ActionRefusal::NotReconfirmable);
}

void TestVoucherActions::refund_data()
{
    QTest::addColumn<int>("stripe");
    QTest::addColumn<qint64>("refunded");
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<ActionRefusal>("refusal");
    QTest::addColumn<qint64>("left");
    using PI = PaymentIntentStatus;
    QTest::newRow("all of it") << int(PI::Succeeded) << qint64(0) << qint64(0) << ActionRefusal::None << qint64(12000);
    QTest::newRow("part") << int(PI::Succeeded) << qint64(0) << qint64(5000) << ActionRefusal::None << qint64(12000);
    QTest::newRow("the rest after a part")
        << int(PI::Succeeded) << qint64(5000) << qint64(7000) << ActionRefusal::None << qint64(7000);
    QTest::newRow("more than is left") << int(PI::Succeeded) << qint64(5000) << qint64(7001)
                                       << ActionRefusal::AmountTooLarge << qint64(7000);
    QTest::newRow("negative") << int(PI::Succeeded) << qint64(0) << qint64(-1) << ActionRefusal::AmountTooLarge
                              << qint64(12000);
    QTest::newRow("nothing left") << int(PI::Succeeded) << qint64(12000) << qint64(0) << ActionRefusal::NothingToRefund
                                  << qint64(0);
    QTest::newRow("not paid") << int(PI::RequiresAction) << qint64(0) << qint64(0) << ActionRefusal::NotPaid
                              << qint64(0);
}

void TestVoucherActions::refund()
{
    QFETCH(int, stripe);
    QFETCH(qint64, refunded);
    QFETCH(qint64, amount);
    QFETCH(ActionRefusal, refusal);
    QFETCH(qint64, left);
    const VoucherRecord v = voucher(PaymentIntentStatus(stripe), VoucherStatus::Paid, 12000, refunded);
    QCOMPARE(canRefund(v, amount).refusal, refusal);
    QCOMPARE(refundableYen(v), left);
}

void TestVoucherActions::cancelRefund()
{
    RefundRecord refund;
    refund.status = RefundStatus::RequiresAction;
    QVERIFY(canCancelRefund(refund));
    for (RefundStatus status :
         {RefundStatus::Pending, RefundStatus::Succeeded, RefundStatus::Failed, RefundStatus::Canceled}) {
        refund.status = status;
        QCOMPARE(canCancelRefund(refund).refusal, ActionRefusal::NoRefundWaiting);
    }
}

void TestVoucherActions::show()
{
    QVERIFY(canShowVoucher(voucher(PaymentIntentStatus::RequiresAction, VoucherStatus::Pending)));
    QCOMPARE(canShowVoucher(voucher(PaymentIntentStatus::Succeeded, VoucherStatus::Paid)).refusal,
             ActionRefusal::NotOpen);
    VoucherRecord noUrl = voucher(PaymentIntentStatus::RequiresAction, VoucherStatus::Pending);
    noUrl.hostedVoucherUrl.clear();
    QCOMPARE(canShowVoucher(noUrl).refusal, ActionRefusal::NoPaymentIntent);
}

QTEST_GUILESS_MAIN(TestVoucherActions)
#include "TestVoucherActions.moc"
