#include "SaleSafeguards.h"

#include <QTemporaryDir>
#include <QTest>

using namespace konbini;

namespace {

constexpr qint64 kNow = 1'800'000'000;

VoucherRecord pendingVoucher(const QString &email, const QString &phone, qint64 amount, qint64 createdAt,
                             VoucherStatus status = VoucherStatus::Pending)
{
    static int next = 0;
    VoucherRecord voucher;
    voucher.orderRef = QStringLiteral("o%1").arg(++next);
    voucher.store = QStringLiteral("渋谷店");
    voucher.terminal = QStringLiteral("till-1");
    voucher.paymentIntentId = QStringLiteral("pi_test%1").arg(next);
    voucher.amountYen = amount;
    voucher.customerName = QStringLiteral("山田 花子");
    voucher.email = email;
    voucher.phone = phone;
    voucher.stripeStatus = PaymentIntentStatus::RequiresAction;
    voucher.status = status;
    voucher.createdAt = createdAt;
    return voucher;
}

CheckoutRequest sale(const QString &email, const QString &phone, qint64 amount)
{
    CheckoutRequest request;
    request.amountYen = amount;
    request.customerName = QStringLiteral("山田 花子");
    request.email = email;
    request.phone = phone;
    return request;
}

} // namespace

// The counter's safeguards against a second voucher for the same customer and a voucher the
// customer never received, decided from the ledger and tested without widgets.
class TestSaleSafeguards : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void likelyDuplicate_sameCustomerAndAmountWithinHalfAnHour_data();
    void likelyDuplicate_sameCustomerAndAmountWithinHalfAnHour();
    void vouchersOnScreen_surviveAReopenUntilHandedOver();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Ledger> m_ledger;
};

void TestSaleSafeguards::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_ledger = std::make_unique<Ledger>(m_dir->filePath(QStringLiteral("ledger.sqlite")));
    QVERIFY(m_ledger->open().ok());
}

void TestSaleSafeguards::likelyDuplicate_sameCustomerAndAmountWithinHalfAnHour_data()
{
    QTest::addColumn<VoucherRecord>("existing");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("phone");
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<bool>("duplicate");
    const VoucherRecord recent = pendingVoucher(QStringLiteral("Hanako@Example.jp"), QStringLiteral("090-1234-5678"),
                                                1500, kNow - 10 * 60);
    QTest::newRow("same e-mail, other case") << recent << "hanako@example.jp" << "" << qint64(1500) << true;
    QTest::newRow("same phone, typed differently") << recent << "" << "09012345678" << qint64(1500) << true;
    QTest::newRow("same phone, full-width digits") << recent << "other@example.jp" << "０９０１２３４５６７８"
                                                   << qint64(1500) << true;
    QTest::newRow("other amount") << recent << "hanako@example.jp" << "" << qint64(1600) << false;
    QTest::newRow("other customer") << recent << "taro@example.jp" << "080-0000-1111" << qint64(1500) << false;
    QTest::newRow("no e-mail, no phone") << recent << "" << "" << qint64(1500) << false;
    QTest::newRow("31 minutes ago") << pendingVoucher(QStringLiteral("hanako@example.jp"), {}, 1500, kNow - 31 * 60)
                                    << "hanako@example.jp" << "" << qint64(1500) << false;
    QTest::newRow("already paid") << pendingVoucher(QStringLiteral("hanako@example.jp"), {}, 1500, kNow - 60,
                                                    VoucherStatus::Paid)
                                  << "hanako@example.jp" << "" << qint64(1500) << false;
    QTest::newRow("canceled") << pendingVoucher(QStringLiteral("hanako@example.jp"), {}, 1500, kNow - 60,
                                                VoucherStatus::Canceled)
                              << "hanako@example.jp" << "" << qint64(1500) << false;
}

void TestSaleSafeguards::likelyDuplicate_sameCustomerAndAmountWithinHalfAnHour()
{
    QFETCH(VoucherRecord, existing);
    QFETCH(QString, email);
    QFETCH(QString, phone);
    QFETCH(qint64, amount);
    QFETCH(bool, duplicate);
    QVERIFY(m_ledger->vouchers().insertMany({existing}).ok());
    SaleSafeguards safeguards(*m_ledger, [] { return kNow; });
    const std::optional<VoucherRecord> found = safeguards.likelyDuplicate(sale(email, phone, amount));
    QCOMPARE(found.has_value(), duplicate);
    if (found)
        QCOMPARE(found->orderRef, existing.orderRef);
}

void TestSaleSafeguards::vouchersOnScreen_surviveAReopenUntilHandedOver()
{
    QVERIFY(m_ledger->vouchers()
                .insertMany({pendingVoucher(QStringLiteral("a@example.jp"), {}, 1500, kNow),
                             pendingVoucher(QStringLiteral("b@example.jp"), {}, 2500, kNow),
                             pendingVoucher(QStringLiteral("c@example.jp"), {}, 3500, kNow, VoucherStatus::Paid)})
                .ok());
    {
        SaleSafeguards safeguards(*m_ledger);
        safeguards.voucherShown(1);
        safeguards.voucherShown(2);
        safeguards.voucherShown(3);
        safeguards.voucherShown(2); // shown twice, listed once
        safeguards.voucherHandedOver(1);
    }
    m_ledger = std::make_unique<Ledger>(m_dir->filePath(QStringLiteral("ledger.sqlite")));
    QVERIFY(m_ledger->open().ok());
    SaleSafeguards safeguards(*m_ledger);
    const QList<VoucherRecord> shown = safeguards.vouchersNotHandedOver();
    // Voucher 3 was paid meanwhile: nothing to hand over any more.
    QCOMPARE(shown.size(), 1);
    QCOMPARE(shown.first().id, 2);
    safeguards.voucherHandedOver(2);
    QVERIFY(safeguards.vouchersNotHandedOver().isEmpty());
}

QTEST_GUILESS_MAIN(TestSaleSafeguards)
#include "TestSaleSafeguards.moc"
