#pragma once

#include "Ledger.h"

namespace konbini::test {

// `count` synthetic vouchers spread over the days before `now`, every status represented, for
// model tests and benchmarks. Voucher i has the e-mail customer<i>@example.jp, the phone
// 090-<i padded to 8 digits>, the payment code LW<i padded to 10> and amount 120 + (i % 3000) * 7.
// `first`/`total` make one chunk of a larger set (i from first to first + count - 1 of total).
QList<VoucherRecord> syntheticVouchers(int count, qint64 now, const QString &terminal = QStringLiteral("till-1"),
                                       int first = 0, int total = 0);

} // namespace konbini::test
