#pragma once

#include "CheckoutRequest.h"

namespace konbini::test {

// A valid sale as a clerk types it: お弁当 for 山田 花子. The default e-mail is one the sandbox never
// pays (…fill_never@), so the voucher stays waiting unless a test moves it.
CheckoutRequest sampleSale(const QString &email = QStringLiteral("hanako+fill_never@test.com"),
                           const QString &phone = QStringLiteral("090-1234-5678"), qint64 amountYen = 1500);

} // namespace konbini::test
