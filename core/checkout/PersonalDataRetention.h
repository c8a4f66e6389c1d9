#pragma once

#include "Ledger.h"

#include <functional>

namespace konbini {

// Customers' names, e-mail addresses and phone numbers are kept for `retentionDays` after a
// voucher closes (PersonalData says when that is), then erased; and erased on request. Each
// erasure is one line of the audit log, with how many vouchers it touched and no customer's data.
class PersonalDataRetention
{
public:
    static constexpr int kDefaultRetentionDays = 90;
    using Clock = std::function<qint64()>;

    PersonalDataRetention(Ledger &ledger, Clock clock) : m_ledger(ledger), m_clock(std::move(clock)) {}

    void setRetentionDays(int days) { m_days = days; }
    int retentionDays() const { return m_days; }

    // Erases what is due now; how many vouchers (-1: the ledger failed).
    int sweep();
    // The customer asked (by e-mail or phone), signed by `clerk`; nullopt when nothing matched.
    LedgerResult<PersonalData::CustomerErasure> eraseCustomer(const QString &emailOrPhone, const QString &clerk);

private:
    Ledger &m_ledger;
    Clock m_clock;
    int m_days = kDefaultRetentionDays;
};

} // namespace konbini
