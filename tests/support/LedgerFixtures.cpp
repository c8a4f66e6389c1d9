#include "LedgerFixtures.h"

namespace konbini::test {

QList<VoucherRecord> syntheticVouchers(int count, qint64 now, const QString &terminal, int first, int total)
{
    static const VoucherStatus statuses[] = {
        VoucherStatus::Pending, VoucherStatus::Paid,          VoucherStatus::Expired,  VoucherStatus::Canceled,
        VoucherStatus::Paid,    VoucherStatus::RefundPending, VoucherStatus::Refunded, VoucherStatus::RefundFailed};
    using PI = PaymentIntentStatus;
    static const PI stripeStatuses[] = {PI::RequiresAction, PI::Succeeded, PI::RequiresPaymentMethod,
                                        PI::Canceled,       PI::Succeeded, PI::Succeeded,
                                        PI::Succeeded,      PI::Succeeded};
    static const QStringList surnames{QStringLiteral("山田"), QStringLiteral("佐藤"), QStringLiteral("鈴木"),
                                      QStringLiteral("高橋"), QStringLiteral("田中")};
    QList<VoucherRecord> vouchers;
    vouchers.reserve(count);
    if (total == 0)
        total = count;
    for (int i = first; i < first + count; ++i) {
        VoucherRecord v;
        v.orderRef = QStringLiteral("order-%1-%2").arg(terminal).arg(i);
        v.store = QStringLiteral("shibuya");
        v.terminal = terminal;
        v.paymentIntentId = QStringLiteral("pi_%1_%2").arg(terminal).arg(i, 8, 10, QLatin1Char('0'));
        v.amountYen = 120 + (i % 3000) * 7;
        v.customerName = surnames.at(i % surnames.size()) + QStringLiteral(" 顧客%1").arg(i);
        v.email = QStringLiteral("customer%1@example.jp").arg(i);
        const QString digits = QStringLiteral("%1").arg(i, 8, 10, QLatin1Char('0'));
        v.phone = QStringLiteral("090-%1-%2").arg(digits.left(4), digits.mid(4));
        v.confirmationNumber = QStringLiteral("090") + digits;
        const int kind = i % 8;
        v.status = statuses[kind];
        v.stripeStatus = stripeStatuses[kind];
        v.hadPaymentAttempt = true;
        v.createdAt = now - qint64(total - i) * 60; // one a minute, oldest first
        v.voucherExpiresAt = v.createdAt + 3 * 86400;
        v.hostedVoucherUrl = QStringLiteral("https://payments.example/voucher/%1").arg(i);
        v.stores = {
            {QStringLiteral("lawson"), QStringLiteral("LW%1").arg(i, 10, 10, QLatin1Char('0')), v.confirmationNumber}};
        v.paidAt = v.status == VoucherStatus::Pending || v.status == VoucherStatus::Expired
                || v.status == VoucherStatus::Canceled
            ? 0
            : v.createdAt + 600;
        v.canceledAt = v.status == VoucherStatus::Canceled ? v.createdAt + 300 : 0;
        vouchers.append(v);
    }
    return vouchers;
}

} // namespace konbini::test
