#pragma once

#include "LedgerDatabase.h"
#include "LedgerRecords.h"

namespace konbini {

// Customers' names, e-mail addresses and phone numbers in the ledger: found again for a returning
// customer, and erased once a voucher is closed and the retention period has passed, or at the
// customer's request. Amounts, statuses and Stripe's ids stay.
//
// A voucher is closed when nothing more can happen to it at this till: paid (from the payment),
// expired (from the deadline), canceled, its refunds settled, or a sale that never became a
// voucher and has nothing left to resume. A pending or refund-in-progress voucher is never erased.
class PersonalData
{
public:
    explicit PersonalData(LedgerDatabase &database) : m_db(database) {}

    // Erases the data of every voucher closed at or before `closedBefore`, and of those whose
    // customer asked for it once they closed. How many vouchers were erased.
    LedgerResult<int> eraseClosedBefore(qint64 closedBefore, qint64 now);

    struct CustomerErasure {
        int erased = 0;  // vouchers whose data is gone now
        int waiting = 0; // still open: erased as soon as they close
    };
    // Every voucher of the customer with this e-mail (any case) or phone number (any separators).
    LedgerResult<CustomerErasure> eraseCustomer(const QString &emailOrPhone, qint64 now);

    // The latest customer of `terminal` with this e-mail or phone (nullopt: none, or erased).
    LedgerResult<std::optional<CustomerOnFile>> returningCustomer(const QString &terminal,
                                                                  const QString &emailOrPhone) const;

private:
    LedgerStatus erase(const QList<qint64> &voucherIds, qint64 now);

    LedgerDatabase &m_db;
};

} // namespace konbini
