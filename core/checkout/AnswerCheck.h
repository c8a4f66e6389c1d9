#pragma once

#include "LedgerRecords.h"

#include <optional>

namespace konbini {

// Whether a PaymentIntent that came back is the one the till asked for, before it becomes a voucher:
// the amount and currency asked, a deadline inside Stripe's window, payment codes of a sane length
// and charset, a voucher page on https (or plain http to this computer, in a sandbox). A server that
// lies gets a clear, resumable error, never a slip. `nullopt`: plausible; otherwise why not.
std::optional<QString> implausibleAnswer(const PaymentIntent &answer, const VoucherRecord &asked, qint64 now,
                                         bool loopbackHttpAllowed);

} // namespace konbini
