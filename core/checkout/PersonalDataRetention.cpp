#include "PersonalDataRetention.h"

#include "CheckoutLogging.h"

namespace konbini {

int PersonalDataRetention::sweep()
{
    const qint64 now = m_clock();
    const LedgerResult<int> erased = m_ledger.personalData().eraseClosedBefore(now - qint64(m_days) * 24 * 3600, now);
    if (!erased) {
        qCWarning(lcCheckout) << "could not erase customers' data:" << erased.error().message;
        return -1;
    }
    if (erased.value() > 0) {
        AuditEntry entry;
        entry.at = now;
        entry.action = AuditAction::RetentionErase;
        entry.result = QStringLiteral("ok");
        entry.detail = QStringLiteral("%1 vouchers, closed over %2 days ago or erasure requested")
                           .arg(erased.value())
                           .arg(m_days);
        m_ledger.audit().record(entry, m_ledger.vouchers());
    }
    return erased.value();
}

LedgerResult<PersonalData::CustomerErasure> PersonalDataRetention::eraseCustomer(const QString &emailOrPhone,
                                                                                 const QString &clerk)
{
    const qint64 now = m_clock();
    const LedgerResult<PersonalData::CustomerErasure> erased = m_ledger.personalData().eraseCustomer(emailOrPhone, now);
    AuditEntry entry;
    entry.at = now;
    entry.clerk = clerk;
    entry.action = AuditAction::EraseCustomer;
    entry.result = erased ? QStringLiteral("ok") : QStringLiteral("ledger_error");
    if (erased) {
        // Which customer is not written down: the log would keep what was erased.
        entry.detail = QStringLiteral("%1 vouchers erased, %2 erased when they close")
                           .arg(erased.value().erased)
                           .arg(erased.value().waiting);
    }
    m_ledger.audit().record(entry, m_ledger.vouchers());
    return erased;
}

} // namespace konbini
