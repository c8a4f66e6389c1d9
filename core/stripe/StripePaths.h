#pragma once

#include <QString>

// Where Stripe's endpoints are, for everything in this project that calls them: StripeApi, the
// benchmarks' raw clients and the tests' sandbox helper. Ids are put in as given (StripeApi
// percent-encodes what it did not make itself). The sandbox's own route table is Stripe's side of
// the same paths and is checked against Stripe's OpenAPI operations instead.
namespace konbini::StripePaths {

inline QString paymentIntents()
{
    return QStringLiteral("/v1/payment_intents");
}
inline QString paymentIntentSearch()
{
    return paymentIntents() + QStringLiteral("/search");
}
inline QString paymentIntent(const QString &id)
{
    return paymentIntents() + u'/' + id;
}
inline QString confirmPaymentIntent(const QString &id)
{
    return paymentIntent(id) + QStringLiteral("/confirm");
}
inline QString cancelPaymentIntent(const QString &id)
{
    return paymentIntent(id) + QStringLiteral("/cancel");
}
inline QString refunds()
{
    return QStringLiteral("/v1/refunds");
}
inline QString refund(const QString &id)
{
    return refunds() + u'/' + id;
}
inline QString cancelRefund(const QString &id)
{
    return refund(id) + QStringLiteral("/cancel");
}
inline QString events()
{
    return QStringLiteral("/v1/events");
}

} // namespace konbini::StripePaths
