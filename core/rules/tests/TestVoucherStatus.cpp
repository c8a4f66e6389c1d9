#include "VoucherStatus.h"

#include <QTest>

using namespace konbini;

Q_DECLARE_METATYPE(VoucherStatus)

class TestVoucherStatus : public QObject
{
    Q_OBJECT

private slots:
    void derived_data();
    void derived();
    void keys_roundTrip();
    void stripeStatuses_roundTrip();
};

void TestVoucherStatus::derived_data()
{
    QTest::addColumn<QString>("paymentIntentStatus");
    QTest::addColumn<bool>("hadAttempt");
    QTest::addColumn<QStringList>("refunds");
    QTest::addColumn<VoucherStatus>("expected");
    QTest::newRow("created, not confirmed")
        << QStringLiteral("requires_payment_method") << false << QStringList() << VoucherStatus::NotIssued;
    QTest::newRow("voucher issued") << QStringLiteral("requires_action") << false << QStringList()
                                    << VoucherStatus::Pending;
    QTest::newRow("paid") << QStringLiteral("succeeded") << false << QStringList() << VoucherStatus::Paid;
    QTest::newRow("expired unpaid") << QStringLiteral("requires_payment_method") << true << QStringList()
                                    << VoucherStatus::Expired;
    QTest::newRow("canceled") << QStringLiteral("canceled") << false << QStringList() << VoucherStatus::Canceled;
    QTest::newRow("refund awaiting bank details")
        << QStringLiteral("succeeded") << false << QStringList{QStringLiteral("requires_action")}
        << VoucherStatus::RefundPending;
    QTest::newRow("refund paying out") << QStringLiteral("succeeded") << false << QStringList{QStringLiteral("pending")}
                                       << VoucherStatus::RefundPending;
    QTest::newRow("refunded") << QStringLiteral("succeeded") << false << QStringList{QStringLiteral("succeeded")}
                              << VoucherStatus::Refunded;
    QTest::newRow("refund failed") << QStringLiteral("succeeded") << false << QStringList{QStringLiteral("failed")}
                                   << VoucherStatus::RefundFailed;
    QTest::newRow("canceled refund only")
        << QStringLiteral("succeeded") << false << QStringList{QStringLiteral("canceled")} << VoucherStatus::Paid;
    QTest::newRow("one partial done, one waiting")
        << QStringLiteral("succeeded") << false
        << QStringList{QStringLiteral("succeeded"), QStringLiteral("requires_action")} << VoucherStatus::RefundPending;
}

void TestVoucherStatus::derived()
{
    QFETCH(QString, paymentIntentStatus);
    QFETCH(bool, hadAttempt);
    QFETCH(QStringList, refunds);
    QFETCH(VoucherStatus, expected);
    QList<RefundStatus> refundStatuses;
    for (const QString &refund : refunds)
        refundStatuses.append(refundStatusFromKey(refund));
    QCOMPARE(voucherStatusFrom(paymentIntentStatusFromKey(paymentIntentStatus), hadAttempt, refundStatuses), expected);
}

void TestVoucherStatus::keys_roundTrip()
{
    for (VoucherStatus status : {VoucherStatus::NotIssued, VoucherStatus::Pending, VoucherStatus::Paid,
                                 VoucherStatus::Expired, VoucherStatus::Canceled, VoucherStatus::RefundPending,
                                 VoucherStatus::Refunded, VoucherStatus::RefundFailed}) {
        QCOMPARE(voucherStatusFromKey(voucherStatusKey(status)), status);
        QVERIFY(!voucherStatusLabel(status).isEmpty());
    }
}

void TestVoucherStatus::stripeStatuses_roundTrip()
{
    for (const char *key :
         {"requires_payment_method", "requires_confirmation", "requires_action", "processing", "succeeded", "canceled"})
        QCOMPARE(statusKey(paymentIntentStatusFromKey(QString::fromLatin1(key))), QString::fromLatin1(key));
    for (const char *key : {"requires_action", "pending", "succeeded", "failed", "canceled"})
        QCOMPARE(statusKey(refundStatusFromKey(QString::fromLatin1(key))), QString::fromLatin1(key));
    QCOMPARE(paymentIntentStatusFromKey(u"requires_capture_someday"), PaymentIntentStatus::Unknown);
    QCOMPARE(refundStatusFromKey(u""), RefundStatus::Unknown);
    QCOMPARE(allVoucherStatuses().size(), 7);
    QVERIFY(!allVoucherStatuses().contains(VoucherStatus::NotIssued));
}

QTEST_GUILESS_MAIN(TestVoucherStatus)
#include "TestVoucherStatus.moc"
