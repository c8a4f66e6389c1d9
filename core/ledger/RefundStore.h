#pragma once

#include "LedgerDatabase.h"
#include "LedgerRecords.h"
#include "VoucherStore.h"

namespace konbini {

// The refunds of this till's vouchers; each write keeps its voucher's clerk status current.
class RefundStore
{
public:
    RefundStore(LedgerDatabase &database, VoucherStore &vouchers) : m_db(database), m_vouchers(vouchers) {}

    // Inserts or updates; the voucher's clerk status before and after.
    LedgerResult<StatusChange> upsert(const RefundRecord &refund, qint64 now);
    // NotFound when there is no such refund.
    LedgerResult<RefundRecord> refund(const QString &id) const;
    LedgerResult<QList<RefundRecord>> of(qint64 voucherId) const;
    // Refunds still waiting for bank details or paying out.
    LedgerResult<QList<RefundRecord>> open() const;

private:
    LedgerResult<QList<RefundRecord>> select(const QString &where, const QVariantList &values) const;

    LedgerDatabase &m_db;
    VoucherStore &m_vouchers;
};

} // namespace konbini
