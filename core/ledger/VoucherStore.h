#pragma once

#include "LedgerDatabase.h"
#include "LedgerRecords.h"

#include <optional>

namespace konbini {

// The vouchers table: one row per sale of this till, with the clerk status kept current from
// Stripe's PaymentIntent and the voucher's refunds.
class VoucherStore
{
public:
    explicit VoucherStore(LedgerDatabase &database) : m_db(database) {}

    LedgerResult<qint64> insert(const VoucherRecord &voucher);
    // Many vouchers in one transaction (benchmarks, imports), statuses as given.
    LedgerStatus insertMany(const QList<VoucherRecord> &vouchers);

    // NotFound when there is no such voucher.
    LedgerResult<VoucherRecord> voucher(qint64 id) const;
    // nullopt when no voucher of this till has that PaymentIntent (another terminal's).
    LedgerResult<std::optional<VoucherRecord>> byPaymentIntent(const QString &paymentIntentId) const;
    LedgerResult<QList<VoucherRecord>> withStatus(const QList<VoucherStatus> &statuses) const;
    // Vouchers waiting for payment of this amount created at `since` or later, newest first.
    LedgerResult<QList<VoucherRecord>> pendingOfAmountSince(qint64 amountYen, qint64 since) const;
    // When the oldest voucher with one of these statuses and a PaymentIntent was created; 0 if none.
    LedgerResult<qint64> oldestCreatedWithStatus(const QList<VoucherStatus> &statuses) const;
    qint64 count() const;
    // Paid vouchers whose paid details were not read yet, the earliest paid first.
    LedgerResult<QList<VoucherRecord>> needingPaidDetails(int limit) const;
    // What Stripe said of the payment (details unknown to Stripe are stored as unknown); the
    // voucher is not asked about again.
    LedgerStatus setPaidDetails(qint64 voucherId, const PaidDetails &paid, qint64 now);

    LedgerStatus setPaymentIntent(qint64 voucherId, const QString &paymentIntentId, PaymentIntentStatus status,
                                  qint64 now);
    LedgerStatus setLastError(qint64 voucherId, const QString &code, qint64 now);
    LedgerStatus setConfirmationNumber(qint64 voucherId, const QString &phone, const QString &confirmationNumber,
                                       qint64 now);
    // Takes over Stripe's view of the PaymentIntent.
    LedgerResult<StatusChange> applyPaymentIntent(qint64 voucherId, const PaymentIntent &paymentIntent, qint64 now);
    // Derives the clerk status and refunded amount again from the PaymentIntent status and refunds.
    LedgerResult<VoucherStatus> recomputeStatus(qint64 voucherId, qint64 now);

    // The SELECT list a VoucherRecord is read from, and the reading.
    static const char *columns();
    static VoucherRecord fromRow(const QSqlQuery &row);

private:
    LedgerResult<QList<VoucherRecord>> select(const QString &where, const QVariantList &values) const;

    LedgerDatabase &m_db;
};

} // namespace konbini
