#include "StripeApi.h"

#include "StripePaths.h"

#include <QUrl>

namespace konbini {
namespace {

QString segment(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

PreparedRequest post(const QString &path, const FormParams &params)
{
    return PreparedRequest{"POST", path, params.encoded(), StripeClient::newIdempotencyKey()};
}

PreparedRequest get(const QString &path, const FormParams &query = {})
{
    return PreparedRequest{"GET", path, query.encoded(), {}};
}

template <typename T>
Result<T> (*decoderFor())(const QJsonObject &);
template <>
Result<PaymentIntent> (*decoderFor<PaymentIntent>())(const QJsonObject &)
{
    return &decodePaymentIntent;
}
template <>
Result<Refund> (*decoderFor<Refund>())(const QJsonObject &)
{
    return &decodeRefund;
}

} // namespace

namespace {

void addCustomer(FormParams &params, const KonbiniCustomer &customer)
{
    params.add(QStringLiteral("payment_method_data[type]"), QStringLiteral("konbini"));
    params.add(QStringLiteral("payment_method_data[billing_details][name]"), customer.name);
    params.add(QStringLiteral("payment_method_data[billing_details][email]"), customer.email);
    params.addIfNotEmpty(QStringLiteral("payment_method_options[konbini][confirmation_number]"),
                         customer.confirmationNumber);
}

} // namespace

PreparedRequest StripeApi::createPaymentIntent(const KonbiniPaymentIntentSpec &spec)
{
    FormParams params;
    params.add(QStringLiteral("amount"), spec.amountYen).add(QStringLiteral("currency"), QStringLiteral("jpy"));
    params.addList(QStringLiteral("payment_method_types"), {QStringLiteral("konbini")});
    params.addIfNotEmpty(QStringLiteral("payment_method_options[konbini][product_description]"),
                         spec.productDescription);
    if (spec.expiresAt > 0)
        params.add(QStringLiteral("payment_method_options[konbini][expires_at]"), spec.expiresAt);
    else
        params.add(QStringLiteral("payment_method_options[konbini][expires_after_days]"), spec.expiresAfterDays);
    for (auto it = spec.metadata.cbegin(); it != spec.metadata.cend(); ++it)
        params.add(QStringLiteral("metadata[%1]").arg(it.key()), it.value());
    if (spec.confirmFor) {
        params.add(QStringLiteral("confirm"), QStringLiteral("true"));
        addCustomer(params, *spec.confirmFor);
    }
    return post(StripePaths::paymentIntents(), params);
}

PreparedRequest StripeApi::confirmPaymentIntent(const QString &paymentIntentId, const KonbiniCustomer &customer)
{
    FormParams params;
    addCustomer(params, customer);
    return post(StripePaths::confirmPaymentIntent(segment(paymentIntentId)), params);
}

PreparedRequest StripeApi::cancelPaymentIntent(const QString &paymentIntentId, const QString &reason)
{
    FormParams params;
    params.addIfNotEmpty(QStringLiteral("cancellation_reason"), reason);
    return post(StripePaths::cancelPaymentIntent(segment(paymentIntentId)), params);
}

PreparedRequest StripeApi::createRefund(const QString &paymentIntentId, qint64 amountYen, const QString &reason,
                                        const QMap<QString, QString> &metadata)
{
    FormParams params;
    params.add(QStringLiteral("payment_intent"), paymentIntentId);
    if (amountYen > 0)
        params.add(QStringLiteral("amount"), amountYen);
    params.addIfNotEmpty(QStringLiteral("reason"), reason);
    for (auto it = metadata.cbegin(); it != metadata.cend(); ++it)
        params.add(QStringLiteral("metadata[%1]").arg(it.key()), it.value());
    return post(StripePaths::refunds(), params);
}

PreparedRequest StripeApi::cancelRefund(const QString &refundId)
{
    return post(StripePaths::cancelRefund(segment(refundId)), {});
}

template <typename T>
StripeCall *StripeApi::sendDecoded(const PreparedRequest &request, Result<T> (*decode)(const QJsonObject &),
                                   Callback<T> done)
{
    return m_client.send(request, [decode, done = std::move(done)](const Result<StripeResponse> &response) {
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
    });
}

template <typename T>
StripeCall *StripeApi::send(const PreparedRequest &request, Callback<T> done)
{
    return sendDecoded<T>(request, decoderFor<T>(), std::move(done));
}

template StripeCall *StripeApi::send<PaymentIntent>(const PreparedRequest &, Callback<PaymentIntent>);
template StripeCall *StripeApi::send<Refund>(const PreparedRequest &, Callback<Refund>);

StripeCall *StripeApi::retrievePaymentIntent(const QString &id, Callback<PaymentIntent> done)
{
    return sendDecoded<PaymentIntent>(get(StripePaths::paymentIntent(segment(id))), &decodePaymentIntent,
                                      std::move(done));
}

StripeCall *StripeApi::retrievePaidPaymentIntent(const QString &id, Callback<PaymentIntent> done)
{
    FormParams params;
    params.addList(QStringLiteral("expand"), {QStringLiteral("latest_charge.balance_transaction")});
    return sendDecoded<PaymentIntent>(get(StripePaths::paymentIntent(segment(id)), params), &decodePaymentIntent,
                                      std::move(done));
}

StripeCall *StripeApi::retrieveRefund(const QString &id, Callback<Refund> done)
{
    return sendDecoded<Refund>(get(StripePaths::refund(segment(id))), &decodeRefund, std::move(done));
}

StripeCall *StripeApi::listRefundsOf(const QString &paymentIntentId, Callback<Page<Refund>> done)
{
    FormParams query;
    query.add(QStringLiteral("payment_intent"), paymentIntentId).add(QStringLiteral("limit"), 100);
    return sendDecoded<Page<Refund>>(get(StripePaths::refunds(), query), &decodeRefundPage, std::move(done));
}

StripeCall *StripeApi::listEvents(const EventQuery &query, Callback<Page<Event>> done)
{
    FormParams params;
    params.addIfNotEmpty(QStringLiteral("ending_before"), query.endingBefore).add(QStringLiteral("limit"), query.limit);
    params.addList(QStringLiteral("types"), query.types);
    return sendDecoded<Page<Event>>(get(StripePaths::events(), params), &decodeEventPage, std::move(done));
}

StripeCall *StripeApi::listNewestPaymentIntent(Callback<Page<PaymentIntent>> done)
{
    FormParams query;
    query.add(QStringLiteral("limit"), 1);
    return sendDecoded<Page<PaymentIntent>>(get(StripePaths::paymentIntents(), query), &decodePaymentIntentPage,
                                            std::move(done));
}

StripeCall *StripeApi::listPaymentIntents(const PaymentIntentListQuery &query, Callback<Page<PaymentIntent>> done)
{
    FormParams params;
    params.add(QStringLiteral("limit"), query.limit);
    if (query.createdFrom > 0)
        params.add(QStringLiteral("created[gte]"), query.createdFrom);
    params.addIfNotEmpty(QStringLiteral("starting_after"), query.startingAfter);
    // A paid one's charge and fee come with it: no second read per paid voucher.
    params.addList(QStringLiteral("expand"), {QStringLiteral("data.latest_charge.balance_transaction")});
    return sendDecoded<Page<PaymentIntent>>(get(StripePaths::paymentIntents(), params), &decodePaymentIntentPage,
                                            std::move(done));
}

StripeCall *StripeApi::searchPaymentIntents(const QString &query, const QString &page, int limit,
                                            Callback<Page<PaymentIntent>> done)
{
    FormParams params;
    params.add(QStringLiteral("query"), query)
        .add(QStringLiteral("limit"), limit)
        .addIfNotEmpty(QStringLiteral("page"), page);
    // The customer's name, and what was refunded (the all-terminals list tells partial refunds apart).
    params.addList(QStringLiteral("expand"), {QStringLiteral("data.payment_method"), QStringLiteral("data.latest_charge")});
    return sendDecoded<Page<PaymentIntent>>(get(StripePaths::paymentIntentSearch(), params), &decodePaymentIntentPage,
                                            std::move(done));
}

QString StripeApi::storeQuery(const QString &store)
{
    QString escaped = store;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
    return QStringLiteral("metadata['store']:'%1'").arg(escaped);
}

} // namespace konbini
