#include "StripeObjects.h"

#include "StoreChains.h"

#include <QJsonArray>

#include <algorithm>

namespace konbini {
namespace {

// Stripe's ids are a prefix and up to a few dozen letters and digits; anything else in an error
// body is not taken as an id the till would then act on.
bool isPaymentIntentId(const QString &id)
{
    if (!id.startsWith(u"pi_") || id.size() > 255)
        return false;
    return std::all_of(id.begin(), id.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_';
    });
}

// Reads fields and remembers the first problem, so a decoder reads straight through and
// reports once.
class FieldReader
{
public:
    FieldReader(const QJsonObject &json, QString objectName) : m_json(json), m_objectName(std::move(objectName)) {}

    QString requiredString(const QString &key)
    {
        const QJsonValue value = m_json.value(key);
        if (!value.isString())
            fail(key, QStringLiteral("a string"));
        return value.toString();
    }
    QString optionalString(const QString &key)
    {
        const QJsonValue value = m_json.value(key);
        if (!value.isString() && !value.isNull() && !value.isUndefined())
            fail(key, QStringLiteral("a string or null"));
        return value.toString();
    }
    qint64 requiredInteger(const QString &key)
    {
        const QJsonValue value = m_json.value(key);
        if (!value.isDouble() || value.toDouble() != double(value.toInteger()))
            fail(key, QStringLiteral("an integer"));
        return value.toInteger();
    }
    qint64 optionalInteger(const QString &key)
    {
        const QJsonValue value = m_json.value(key);
        if (value.isNull() || value.isUndefined())
            return 0;
        return requiredInteger(key);
    }
    QJsonObject optionalObject(const QString &key)
    {
        const QJsonValue value = m_json.value(key);
        if (!value.isObject() && !value.isNull() && !value.isUndefined())
            fail(key, QStringLiteral("an object or null"));
        return value.toObject();
    }
    QString idOrExpanded(const QString &key)
    {
        const QJsonValue value = m_json.value(key);
        if (value.isObject())
            return value.toObject().value(QStringLiteral("id")).toString();
        return optionalString(key);
    }
    void expectObjectType(const QString &expected)
    {
        if (m_json.value(QStringLiteral("object")).toString() != expected)
            fail(QStringLiteral("object"), QStringLiteral("\"%1\"").arg(expected));
    }
    void fail(const QString &key, const QString &expected)
    {
        if (m_problem.isEmpty())
            m_problem = QStringLiteral("%1.%2 should be %3").arg(m_objectName, key, expected);
    }
    template <typename T>
    Result<T> finish(T value) const
    {
        if (m_problem.isEmpty())
            return value;
        ApiError error;
        error.kind = ApiError::Kind::Decoding;
        error.message = QStringLiteral("Unexpected answer from Stripe: ") + m_problem;
        return error;
    }

private:
    const QJsonObject &m_json;
    QString m_objectName;
    QString m_problem;
};

QMap<QString, QString> metadataOf(const QJsonObject &json)
{
    QMap<QString, QString> metadata;
    const QJsonObject object = json.value(QStringLiteral("metadata")).toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        metadata.insert(it.key(), it->toString());
    return metadata;
}

template <typename T>
Result<Page<T>> decodePage(const QJsonObject &json, Result<T> (*decodeItem)(const QJsonObject &))
{
    FieldReader reader(json, QStringLiteral("list"));
    const QString objectType = reader.requiredString(QStringLiteral("object"));
    if (objectType != u"list" && objectType != u"search_result")
        reader.fail(QStringLiteral("object"), QStringLiteral("\"list\" or \"search_result\""));
    if (!json.value(QStringLiteral("data")).isArray())
        reader.fail(QStringLiteral("data"), QStringLiteral("an array"));
    if (!json.value(QStringLiteral("has_more")).isBool())
        reader.fail(QStringLiteral("has_more"), QStringLiteral("a boolean"));
    Page<T> page;
    page.hasMore = json.value(QStringLiteral("has_more")).toBool();
    page.nextPage = reader.optionalString(QStringLiteral("next_page"));
    for (const QJsonValue &item : json.value(QStringLiteral("data")).toArray()) {
        Result<T> decoded = decodeItem(item.toObject());
        if (!decoded.ok())
            return decoded.error();
        page.items.append(std::move(decoded.value()));
    }
    return reader.finish(std::move(page));
}

} // namespace

namespace {

bool isWholeNumber(const QJsonValue &value)
{
    return value.isDouble() && value.toDouble() == double(value.toInteger());
}

// Hostile or confused answers are not believed: a chain Stripe does not have, a fee above the
// amount, a net that is not amount − fee, funds available before the payment.
std::optional<PaidDetails> paidDetailsOf(const QJsonObject &charge, qint64 amount)
{
    if (charge.isEmpty() || !isWholeNumber(charge.value(QStringLiteral("created"))))
        return std::nullopt;
    PaidDetails paid;
    paid.paidAt = charge.value(QStringLiteral("created")).toInteger();
    if (paid.paidAt <= 0)
        return std::nullopt;
    const QString chain = charge.value(QStringLiteral("payment_method_details"))
                              .toObject()
                              .value(QStringLiteral("konbini"))
                              .toObject()
                              .value(QStringLiteral("store"))
                              .toObject()
                              .value(QStringLiteral("chain"))
                              .toString();
    if (storeChainKeys().contains(chain))
        paid.chain = chain;
    const QJsonObject transaction = charge.value(QStringLiteral("balance_transaction")).toObject();
    const QJsonValue fee = transaction.value(QStringLiteral("fee"));
    const QJsonValue net = transaction.value(QStringLiteral("net"));
    const QJsonValue availableOn = transaction.value(QStringLiteral("available_on"));
    if (isWholeNumber(fee) && isWholeNumber(net) && isWholeNumber(availableOn)
        && transaction.value(QStringLiteral("amount")).toInteger() == amount && fee.toInteger() >= 0
        && fee.toInteger() <= amount && net.toInteger() == amount - fee.toInteger()
        && availableOn.toInteger() >= paid.paidAt - 86400) {
        paid.feesKnown = true;
        paid.fee = fee.toInteger();
        paid.net = net.toInteger();
        paid.availableOn = availableOn.toInteger();
    }
    return paid;
}

} // namespace

Result<PaymentIntent> decodePaymentIntent(const QJsonObject &json)
{
    FieldReader reader(json, QStringLiteral("payment_intent"));
    reader.expectObjectType(QStringLiteral("payment_intent"));
    PaymentIntent pi;
    pi.id = reader.requiredString(QStringLiteral("id"));
    pi.status = paymentIntentStatusFromKey(reader.requiredString(QStringLiteral("status")));
    pi.amount = reader.requiredInteger(QStringLiteral("amount"));
    pi.amountReceived = reader.optionalInteger(QStringLiteral("amount_received"));
    pi.currency = reader.requiredString(QStringLiteral("currency"));
    pi.created = reader.requiredInteger(QStringLiteral("created"));
    pi.livemode = json.value(QStringLiteral("livemode")).toBool();
    pi.latestCharge = reader.idOrExpanded(QStringLiteral("latest_charge"));
    // Only a plausible figure is taken: between nothing and the whole amount.
    const QJsonValue refunded = json.value(QStringLiteral("latest_charge")).toObject().value(QStringLiteral("amount_refunded"));
    if (refunded.isDouble() && refunded.toDouble() == double(refunded.toInteger()) && refunded.toInteger() >= 0
        && refunded.toInteger() <= pi.amount)
        pi.amountRefunded = refunded.toInteger();
    pi.paid = paidDetailsOf(json.value(QStringLiteral("latest_charge")).toObject(), pi.amount);
    pi.paymentMethod = reader.idOrExpanded(QStringLiteral("payment_method"));
    pi.customerName = json.value(QStringLiteral("payment_method"))
                          .toObject()
                          .value(QStringLiteral("billing_details"))
                          .toObject()
                          .value(QStringLiteral("name"))
                          .toString();
    pi.cancellationReason = reader.optionalString(QStringLiteral("cancellation_reason"));
    pi.canceledAt = reader.optionalInteger(QStringLiteral("canceled_at"));
    pi.lastPaymentErrorCode =
        reader.optionalObject(QStringLiteral("last_payment_error")).value(QStringLiteral("code")).toString();
    pi.productDescription = reader.optionalObject(QStringLiteral("payment_method_options"))
                                .value(QStringLiteral("konbini"))
                                .toObject()
                                .value(QStringLiteral("product_description"))
                                .toString();
    pi.metadata = metadataOf(json);

    const QJsonObject nextAction = reader.optionalObject(QStringLiteral("next_action"));
    if (nextAction.value(QStringLiteral("type")).toString() == u"konbini_display_details") {
        const QJsonObject details = nextAction.value(QStringLiteral("konbini_display_details")).toObject();
        FieldReader detailsReader(details, QStringLiteral("next_action.konbini_display_details"));
        KonbiniVoucherDetails voucher;
        voucher.expiresAt = detailsReader.requiredInteger(QStringLiteral("expires_at"));
        voucher.hostedVoucherUrl = detailsReader.optionalString(QStringLiteral("hosted_voucher_url"));
        const QJsonObject stores = detailsReader.optionalObject(QStringLiteral("stores"));
        for (const QString &chain : storeChainKeys()) {
            const QJsonObject store = stores.value(chain).toObject();
            if (store.isEmpty())
                continue;
            FieldReader storeReader(store, QStringLiteral("stores.") + chain);
            KonbiniStore decoded{chain, storeReader.requiredString(QStringLiteral("payment_code")),
                                 storeReader.optionalString(QStringLiteral("confirmation_number"))};
            const Result<KonbiniStore> checked = storeReader.finish(decoded);
            if (!checked.ok())
                return checked.error();
            voucher.stores.append(decoded);
        }
        const Result<KonbiniVoucherDetails> checked = detailsReader.finish(voucher);
        if (!checked.ok())
            return checked.error();
        pi.voucher = voucher;
    }
    return reader.finish(std::move(pi));
}

Result<Refund> decodeRefund(const QJsonObject &json)
{
    FieldReader reader(json, QStringLiteral("refund"));
    reader.expectObjectType(QStringLiteral("refund"));
    Refund refund;
    refund.id = reader.requiredString(QStringLiteral("id"));
    refund.status = refundStatusFromKey(reader.requiredString(QStringLiteral("status")));
    refund.amount = reader.requiredInteger(QStringLiteral("amount"));
    refund.paymentIntent = reader.idOrExpanded(QStringLiteral("payment_intent"));
    refund.charge = reader.idOrExpanded(QStringLiteral("charge"));
    refund.created = reader.requiredInteger(QStringLiteral("created"));
    refund.reason = reader.optionalString(QStringLiteral("reason"));
    refund.instructionsEmail = reader.optionalString(QStringLiteral("instructions_email"));
    refund.failureReason = reader.optionalString(QStringLiteral("failure_reason"));
    const QJsonObject display =
        reader.optionalObject(QStringLiteral("next_action")).value(QStringLiteral("display_details")).toObject();
    refund.emailSentAt =
        display.value(QStringLiteral("email_sent")).toObject().value(QStringLiteral("email_sent_at")).toInteger();
    refund.actionExpiresAt = display.value(QStringLiteral("expires_at")).toInteger();
    refund.metadata = metadataOf(json);
    return reader.finish(std::move(refund));
}

Result<Event> decodeEvent(const QJsonObject &json)
{
    FieldReader reader(json, QStringLiteral("event"));
    reader.expectObjectType(QStringLiteral("event"));
    Event event;
    event.id = reader.requiredString(QStringLiteral("id"));
    event.type = reader.requiredString(QStringLiteral("type"));
    event.created = reader.requiredInteger(QStringLiteral("created"));
    event.object = reader.optionalObject(QStringLiteral("data")).value(QStringLiteral("object")).toObject();
    if (event.object.isEmpty())
        reader.fail(QStringLiteral("data.object"), QStringLiteral("an object"));
    event.objectType = event.object.value(QStringLiteral("object")).toString();
    event.objectId = event.object.value(QStringLiteral("id")).toString();
    event.apiVersion = reader.optionalString(QStringLiteral("api_version"));
    return reader.finish(std::move(event));
}

Result<Page<PaymentIntent>> decodePaymentIntentPage(const QJsonObject &json)
{
    return decodePage<PaymentIntent>(json, &decodePaymentIntent);
}

Result<Page<Refund>> decodeRefundPage(const QJsonObject &json)
{
    return decodePage<Refund>(json, &decodeRefund);
}

Result<Page<Event>> decodeEventPage(const QJsonObject &json)
{
    return decodePage<Event>(json, &decodeEvent);
}

ApiError decodeError(int httpStatus, const QJsonObject &json, const QString &requestId)
{
    const QJsonObject body = json.value(QStringLiteral("error")).toObject();
    ApiError error;
    error.httpStatus = httpStatus;
    error.requestId = requestId;
    error.type = body.value(QStringLiteral("type")).toString();
    error.code = body.value(QStringLiteral("code")).toString();
    error.message = body.value(QStringLiteral("message")).toString();
    error.param = body.value(QStringLiteral("param")).toString();
    const QJsonObject paymentIntent = body.value(QStringLiteral("payment_intent")).toObject();
    error.paymentIntentStatus = paymentIntentStatusFromKey(paymentIntent.value(QStringLiteral("status")).toString());
    if (const QString id = paymentIntent.value(QStringLiteral("id")).toString(); isPaymentIntentId(id))
        error.paymentIntentId = id;
    using Kind = ApiError::Kind;
    if (error.code == u"payment_intent_konbini_rejected_confirmation_number")
        error.kind = Kind::ConfirmationNumberRejected;
    else if (error.code == u"payment_method_rate_limit_exceeded")
        error.kind = Kind::KonbiniRateLimited;
    else if (error.code == u"payment_method_not_available")
        error.kind = Kind::MethodUnavailable;
    else if (error.code == u"payment_intent_unexpected_state")
        error.kind = Kind::UnexpectedState;
    else if (httpStatus == 429 || error.code == u"rate_limit")
        error.kind = Kind::RateLimited;
    else if (error.type == u"idempotency_error")
        error.kind = Kind::Idempotency;
    else if (httpStatus == 401)
        error.kind = Kind::Authentication;
    else if (httpStatus == 403)
        error.kind = Kind::Permission;
    else if (httpStatus == 404)
        error.kind = Kind::NotFound;
    else if (httpStatus >= 500)
        error.kind = Kind::Server;
    else
        error.kind = Kind::InvalidRequest;
    if (body.isEmpty() && error.message.isEmpty())
        error.message = QStringLiteral("HTTP %1 without a Stripe error body").arg(httpStatus);
    return error;
}

} // namespace konbini
