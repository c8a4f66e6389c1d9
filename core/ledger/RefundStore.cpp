#include "RefundStore.h"

namespace konbini {
namespace {

const char *const kRefundColumns = "id, voucher_id, amount, status, reason, instructions_email, email_sent_at, "
                                   "action_expires_at, failure_reason, created_at, updated_at, clerk";

RefundRecord refundFrom(const QSqlQuery &query)
{
    RefundRecord r;
    int i = 0;
    r.id = query.value(i++).toString();
    r.voucherId = query.value(i++).toLongLong();
    r.amount = query.value(i++).toLongLong();
    r.status = refundStatusFromKey(query.value(i++).toString());
    r.reason = query.value(i++).toString();
    r.instructionsEmail = query.value(i++).toString();
    r.emailSentAt = query.value(i++).toLongLong();
    r.actionExpiresAt = query.value(i++).toLongLong();
    r.failureReason = query.value(i++).toString();
    r.createdAt = query.value(i++).toLongLong();
    r.updatedAt = query.value(i++).toLongLong();
    r.clerk = query.value(i++).toString();
    return r;
}

} // namespace

LedgerResult<StatusChange> RefundStore::upsert(const RefundRecord &r, qint64 now)
{
    StatusChange change;
    const LedgerStatus written = m_db.transaction([&]() -> LedgerStatus {
        const LedgerResult<VoucherRecord> before = m_vouchers.voucher(r.voucherId);
        if (!before)
            return before.error();
        change.before = before.value().status;
        const auto upserted = m_db.run(
            QStringLiteral(
                "INSERT INTO refunds (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET"
                // Who sent it is known from this till's own request, never from an event.
                " clerk = CASE WHEN refunds.clerk = '' THEN excluded.clerk ELSE refunds.clerk END,"
                " amount = excluded.amount, status = excluded.status, reason = excluded.reason,"
                " instructions_email = excluded.instructions_email, email_sent_at = excluded.email_sent_at,"
                " action_expires_at = excluded.action_expires_at, failure_reason = excluded.failure_reason,"
                // The time it last changed (the day report counts a refund on the day it succeeded),
                // not the time it was last read.
                " updated_at = CASE WHEN refunds.status = excluded.status AND refunds.amount = excluded.amount"
                " THEN refunds.updated_at ELSE excluded.updated_at END")
                .arg(QLatin1String(kRefundColumns)),
            {r.id, r.voucherId, r.amount, statusKey(r.status), LedgerDatabase::text(r.reason),
             LedgerDatabase::text(r.instructionsEmail), r.emailSentAt, r.actionExpiresAt,
             LedgerDatabase::text(r.failureReason), r.createdAt, now, LedgerDatabase::text(r.clerk)});
        if (!upserted)
            return upserted.error();
        const LedgerResult<VoucherStatus> after = m_vouchers.recomputeStatus(r.voucherId, now);
        if (!after)
            return after.error();
        change.after = after.value();
        return {};
    });
    if (!written)
        return written.error();
    return change;
}

LedgerResult<QList<RefundRecord>> RefundStore::select(const QString &where, const QVariantList &values) const
{
    LedgerResult<QSqlQuery> query =
        m_db.run(QStringLiteral("SELECT %1 FROM refunds WHERE %2").arg(QLatin1String(kRefundColumns), where), values);
    if (!query)
        return query.error();
    QList<RefundRecord> found;
    while (query.value().next())
        found.append(refundFrom(query.value()));
    return found;
}

LedgerResult<RefundRecord> RefundStore::refund(const QString &id) const
{
    const LedgerResult<QList<RefundRecord>> found = select(QStringLiteral("id = ?"), {id});
    if (!found)
        return found.error();
    if (found.value().isEmpty())
        return LedgerError{LedgerError::Kind::NotFound, QStringLiteral("No refund %1 in the ledger.").arg(id)};
    return found.value().first();
}

LedgerResult<QList<RefundRecord>> RefundStore::of(qint64 voucherId) const
{
    return select(QStringLiteral("voucher_id = ? ORDER BY created_at, id"), {voucherId});
}

LedgerResult<QList<RefundRecord>> RefundStore::open() const
{
    return select(QStringLiteral("status IN (?, ?) ORDER BY created_at"),
                  {statusKey(RefundStatus::RequiresAction), statusKey(RefundStatus::Pending)});
}

} // namespace konbini
