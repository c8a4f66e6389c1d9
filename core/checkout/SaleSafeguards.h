#pragma once

#include "CheckoutTypes.h"
#include "Ledger.h"

#include <QList>

#include <functional>

#include <optional>

namespace konbini {

// Two money safeguards at the counter, both answered from the ledger.
//
// A likely second voucher: the same customer (e-mail, or the phone's digits) already has a voucher
// of the same amount waiting for payment, issued in the last 30 minutes — typically a sale re-typed
// after a crash or by a clerk who did not see the first slip. The counter asks before issuing.
//
// Vouchers on the clerk's screen: a voucher shown after a sale stays recorded until the clerk
// closes it (the customer has the slip). If the till goes away first (kill, power cut), the next
// start shows it again instead of leaving the customer without a slip.
class SaleSafeguards
{
public:
    static constexpr qint64 kDuplicateWindowSeconds = 30 * 60;

    using Clock = std::function<qint64()>;
    // `clock` empty: the machine's.
    explicit SaleSafeguards(Ledger &ledger, Clock clock = {});

    // The newest such voucher, if any (nullopt too when the ledger cannot be read: never block a sale).
    std::optional<VoucherRecord> likelyDuplicate(const CheckoutRequest &request) const;

    void voucherShown(qint64 voucherId);
    void voucherHandedOver(qint64 voucherId);
    // Shown and never closed before the till went away, oldest first.
    QList<VoucherRecord> vouchersNotHandedOver() const;

private:
    QList<qint64> shownIds() const;
    void storeShownIds(const QList<qint64> &ids);

    Ledger &m_ledger;
    Clock m_clock;
};

} // namespace konbini
