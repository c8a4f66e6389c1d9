#include "StripeApi.h"

#include <QUrl>

namespace konbini {
namespace {

QString segment(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

} // namespace

template <typename T>
StripeCall *StripeApi::call(const QByteArray &method, const QString &path, const FormParams &params, const QString &idempotencyKey,
                            Result<T> (*decode)(const QJsonObject &), Callback<T> done)
{
    return m_client.send(
        method, path, params,
        [decode, done = std::move(done)](const Result<StripeResponse> &response) {
            if (!response.ok()) {
                done(response.error());
                return;
            }
            Result<T> decoded = decode(response.value().json);
            if (!decoded.ok()) {
                ApiError error = decoded.error();
                error.requestId = response.value().requestId;
                error.httpStatus = response.value().httpStatus;
                done(error);
                return;
            }
            done(decoded);
        },
        idempotencyKey);
}

StripeCall *StripeApi::createPaymentIntent(const FormParams &params, const QString &idempotencyKey, Callback<PaymentIntent> done)
{
    return call<PaymentIntent>("POST", QStringLiteral("/v1/payment_intents"), params, idempotencyKey, &decodePaymentIntent, std::move(done));
}

StripeCall *StripeApi::confirmPaymentIntent(const QString &id, const FormParams &params, const QString &idempotencyKey,
                                            Callback<PaymentIntent> done)
{
    return call<PaymentIntent>("POST", QStringLiteral("/v1/payment_intents/%1/confirm").arg(segment(id)), params, idempotencyKey,
                               &decodePaymentIntent, std::move(done));
}

StripeCall *StripeApi::retrievePaymentIntent(const QString &id, Callback<PaymentIntent> done)
{
    return call<PaymentIntent>("GET", QStringLiteral("/v1/payment_intents/%1").arg(segment(id)), {}, {}, &decodePaymentIntent, std::move(done));
}

StripeCall *StripeApi::updatePaymentIntent(const QString &id, const FormParams &params, const QString &idempotencyKey,
                                           Callback<PaymentIntent> done)
{
    return call<PaymentIntent>("POST", QStringLiteral("/v1/payment_intents/%1").arg(segment(id)), params, idempotencyKey,
                               &decodePaymentIntent, std::move(done));
}

StripeCall *StripeApi::cancelPaymentIntent(const QString &id, const QString &reason, const QString &idempotencyKey,
                                           Callback<PaymentIntent> done)
{
    FormParams params;
    params.addIfNotEmpty(QStringLiteral("cancellation_reason"), reason);
    return call<PaymentIntent>("POST", QStringLiteral("/v1/payment_intents/%1/cancel").arg(segment(id)), params, idempotencyKey,
                               &decodePaymentIntent, std::move(done));
}

StripeCall *StripeApi::listPaymentIntents(const FormParams &query, Callback<Page<PaymentIntent>> done)
{
    return call<Page<PaymentIntent>>("GET", QStringLiteral("/v1/payment_intents"), query, {}, &decodePaymentIntentPage, std::move(done));
}

StripeCall *StripeApi::searchPaymentIntents(const QString &query, const QString &page, int limit, Callback<Page<PaymentIntent>> done)
{
    FormParams params;
    params.add(QStringLiteral("query"), query).add(QStringLiteral("limit"), limit).addIfNotEmpty(QStringLiteral("page"), page);
    params.addList(QStringLiteral("expand"), {QStringLiteral("data.payment_method")}); // the customer's name
    return call<Page<PaymentIntent>>("GET", QStringLiteral("/v1/payment_intents/search"), params, {}, &decodePaymentIntentPage,
                                     std::move(done));
}

StripeCall *StripeApi::createRefund(const FormParams &params, const QString &idempotencyKey, Callback<Refund> done)
{
    return call<Refund>("POST", QStringLiteral("/v1/refunds"), params, idempotencyKey, &decodeRefund, std::move(done));
}

StripeCall *StripeApi::retrieveRefund(const QString &id, Callback<Refund> done)
{
    return call<Refund>("GET", QStringLiteral("/v1/refunds/%1").arg(segment(id)), {}, {}, &decodeRefund, std::move(done));
}

StripeCall *StripeApi::listRefunds(const FormParams &query, Callback<Page<Refund>> done)
{
    return call<Page<Refund>>("GET", QStringLiteral("/v1/refunds"), query, {}, &decodeRefundPage, std::move(done));
}

StripeCall *StripeApi::cancelRefund(const QString &id, const QString &idempotencyKey, Callback<Refund> done)
{
    return call<Refund>("POST", QStringLiteral("/v1/refunds/%1/cancel").arg(segment(id)), {}, idempotencyKey, &decodeRefund,
                        std::move(done));
}

StripeCall *StripeApi::listEvents(const FormParams &query, Callback<Page<Event>> done)
{
    return call<Page<Event>>("GET", QStringLiteral("/v1/events"), query, {}, &decodeEventPage, std::move(done));
}

} // namespace konbini
