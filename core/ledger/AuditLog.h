#pragma once

#include "LedgerDatabase.h"
#include "LedgerRecords.h"

namespace konbini {

class VoucherStore;

// The append-only audit log: who did what, when, to which voucher, with what result. SQLite
// triggers refuse any UPDATE or DELETE of its rows; it holds no customer's data.
class AuditLog
{
public:
    explicit AuditLog(LedgerDatabase &database) : m_db(database) {}

    LedgerResult<qint64> append(const AuditEntry &entry);
    enum class Amount { AsGiven, VouchersWhenNone };
    // The entry with the voucher's order reference (and with VouchersWhenNone, its amount when the
    // entry has none) filled in; a failure to write is logged, never in the way of the action.
    void record(AuditEntry entry, const VoucherStore &vouchers, Amount amount = Amount::AsGiven);
    // Oldest first; `from` inclusive, `until` exclusive (0: open).
    LedgerResult<QList<AuditEntry>> entries(qint64 from = 0, qint64 until = 0) const;

private:
    LedgerDatabase &m_db;
};

QString auditActionKey(AuditAction action);
std::optional<AuditAction> auditActionFromKey(const QString &key);
// The owner-facing label, translated (source text in English).
QString auditActionLabel(AuditAction action);
// A result as the owner reads it ("ok", "wrong_pin"… translated; Stripe's error codes as they are).
QString auditResultLabel(const QString &result);
// The detail as the owner reads it (an approval names its action).
QString auditDetailText(const AuditEntry &entry);

} // namespace konbini
