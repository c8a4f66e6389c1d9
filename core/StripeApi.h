#pragma once

#include "StripeClient.h"
#include "StripeObjects.h"

#include <functional>

namespace konbini {

// Stripe's endpoints the till uses, each a named operation with typed results.
class StripeApi
{
public:
    template <typename T>
    using Callback = std::function<void(const Result<T> &)>;

    explicit StripeApi(StripeClient &client) : m_client(client) {}
    StripeClient &client() { return m_client; }

    StripeCall *createPaymentIntent(const FormParams &params, const QString &idempotencyKey, Callback<PaymentIntent> done);
    StripeCall *confirmPaymentIntent(const QString &id, const FormParams &params, const QString &idempotencyKey,
                                     Callback<PaymentIntent> done);
    StripeCall *retrievePaymentIntent(const QString &id, Callback<PaymentIntent> done);
    StripeCall *updatePaymentIntent(const QString &id, const FormParams &params, const QString &idempotencyKey,
                                    Callback<PaymentIntent> done);
    StripeCall *cancelPaymentIntent(const QString &id, const QString &reason, const QString &idempotencyKey,
                                    Callback<PaymentIntent> done);
    StripeCall *listPaymentIntents(const FormParams &query, Callback<Page<PaymentIntent>> done);
    StripeCall *searchPaymentIntents(const QString &query, const QString &page, int limit, Callback<Page<PaymentIntent>> done);

    StripeCall *createRefund(const FormParams &params, const QString &idempotencyKey, Callback<Refund> done);
    StripeCall *retrieveRefund(const QString &id, Callback<Refund> done);
    StripeCall *listRefunds(const FormParams &query, Callback<Page<Refund>> done);
    StripeCall *cancelRefund(const QString &id, const QString &idempotencyKey, Callback<Refund> done);

    StripeCall *listEvents(const FormParams &query, Callback<Page<Event>> done);

private:
    template <typename T>
    StripeCall *call(const QByteArray &method, const QString &path, const FormParams &params, const QString &idempotencyKey,
                     Result<T> (*decode)(const QJsonObject &), Callback<T> done);

    StripeClient &m_client;
};

} // namespace konbini
