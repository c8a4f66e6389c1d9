#pragma once

#include <QString>

// The sandbox's own endpoints (not Stripe's): its clock and what a customer does at the store.
// Its route table, the tests' helper and the benchmarks all build them here.
namespace konbini::sandbox::SandboxPaths {

inline QString helpers()
{
    return QStringLiteral("/v1/test_helpers/sandbox");
}
inline QString clock()
{
    return helpers() + QStringLiteral("/clock");
}
inline QString startPayment(const QString &paymentIntentId)
{
    return helpers() + QStringLiteral("/payment_intents/") + paymentIntentId + QStringLiteral("/start_payment");
}
inline QString pay(const QString &paymentIntentId)
{
    return helpers() + QStringLiteral("/payment_intents/") + paymentIntentId + QStringLiteral("/pay");
}
inline QString refundBankDetails(const QString &refundId)
{
    return helpers() + QStringLiteral("/refunds/") + refundId + QStringLiteral("/bank_details");
}

} // namespace konbini::sandbox::SandboxPaths
