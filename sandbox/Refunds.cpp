#include "Refunds.h"

#include "Listing.h"

namespace konbini::sandbox {
namespace {

constexpr qint64 kRefundExpirySeconds = 45 * 24 * 3600;
// How long "Stripe processing" takes after the customer submitted bank details.
constexpr qint64 kBankProcessingSeconds = 60;
const QString kTestRoutingNumber = QStringLiteral("1100000");
const QString kTestAccountNumber = QStringLiteral("0001234");
const QString kStatus = QStringLiteral("status");

} // namespace

const Record &Refunds::existing(const QString &id) const
{
    const Record *record = id.startsWith(u"re_") ? m_state.find(id) : nullptr;
    if (!record)
        throw StripeError::noSuchObject(QStringLiteral("refund"), id, QStringLiteral("refund"));
    return *record;
}

void Refunds::requestBankDetails(QJsonObject &refund, qint64 at) const
{
    const QString email = refund.value(QStringLiteral("instructions_email")).toString();
    const qint64 expiresAt = refund.value(QStringLiteral("created")).toInteger() + kRefundExpirySeconds;
    refund.insert(QStringLiteral("next_action"),
                  QJsonObject{{QStringLiteral("type"), QStringLiteral("display_details")},
                              {QStringLiteral("display_details"),
                               QJsonObject{{QStringLiteral("email_sent"),
                                            QJsonObject{{QStringLiteral("email_sent_at"), at},
                                                        {QStringLiteral("email_sent_to"), email}}},
                                           {QStringLiteral("expires_at"), expiresAt}}}});
}

QJsonObject Refunds::create(const ParamReader &params, const Call &call)
{
    const std::optional<QString> reason = params.oneOf(
        QStringLiteral("reason"),
        {QStringLiteral("duplicate"), QStringLiteral("fraudulent"), QStringLiteral("requested_by_customer")});
    QString paymentIntentId = params.string(QStringLiteral("payment_intent")).value_or(QString());
    const QString chargeParam = params.string(QStringLiteral("charge")).value_or(QString());
    if (paymentIntentId.isEmpty() && chargeParam.isEmpty())
        throw StripeError::missingParameter(QStringLiteral("payment_intent"));
    if (paymentIntentId.isEmpty()) {
        const Record *charge = chargeParam.startsWith(u"ch_") ? m_state.find(chargeParam) : nullptr;
        if (!charge)
            throw StripeError::noSuchObject(QStringLiteral("charge"), chargeParam, QStringLiteral("charge"));
        paymentIntentId = charge->object.value(QStringLiteral("payment_intent")).toString();
    }
    const Record *paymentIntent = paymentIntentId.startsWith(u"pi_") ? m_state.find(paymentIntentId) : nullptr;
    if (!paymentIntent)
        throw StripeError::noSuchObject(QStringLiteral("payment_intent"), paymentIntentId,
                                        QStringLiteral("payment_intent"));
    const QString chargeId = paymentIntent->object.value(QStringLiteral("latest_charge")).toString();
    if (paymentIntent->object.value(kStatus).toString() != u"succeeded" || chargeId.isEmpty()) {
        throw StripeError::unexpectedState(
            paymentIntent->object, QStringLiteral("This PaymentIntent does not have a successful charge to refund."));
    }
    const QJsonObject charge = m_state.find(chargeId)->object;
    const qint64 remaining = charge.value(QStringLiteral("amount")).toInteger()
        - charge.value(QStringLiteral("amount_refunded")).toInteger();
    const std::optional<qint64> requested = params.integer(QStringLiteral("amount"));
    if (requested && *requested <= 0) {
        throw StripeError::invalidParameter(QStringLiteral("amount"),
                                            QStringLiteral("Refund amount must be a positive integer."),
                                            QStringLiteral("parameter_invalid_integer"));
    }
    if (remaining <= 0) {
        StripeError error = StripeError::invalidParameter(
            QStringLiteral("payment_intent"), QStringLiteral("Charge %1 has already been refunded.").arg(chargeId),
            QStringLiteral("charge_already_refunded"));
        error.storedForIdempotency = true;
        throw error;
    }
    const qint64 amount = requested.value_or(remaining);
    if (amount > remaining) {
        throw StripeError::invalidParameter(
            QStringLiteral("amount"),
            QStringLiteral("Refund amount (¥%1) is greater than unrefunded amount on charge (¥%2)")
                .arg(amount)
                .arg(remaining),
            QStringLiteral("amount_too_large"));
    }
    const QJsonObject metadata = params.object(QStringLiteral("metadata"));
    if (metadata.size() > 50)
        throw StripeError::invalidParameter(QStringLiteral("metadata"),
                                            QStringLiteral("Invalid metadata: at most 50 keys are allowed."));

    const QString id = m_state.newId(QStringLiteral("re_"));
    const QString email =
        charge.value(QStringLiteral("billing_details")).toObject().value(QStringLiteral("email")).toString();
    QJsonObject refund{
        {QStringLiteral("id"), id},
        {QStringLiteral("object"), QStringLiteral("refund")},
        {QStringLiteral("amount"), amount},
        {QStringLiteral("balance_transaction"), QJsonValue()},
        {QStringLiteral("charge"), chargeId},
        {QStringLiteral("created"), call.now},
        {QStringLiteral("currency"), QStringLiteral("jpy")},
        {QStringLiteral("destination_details"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("jp_bank_transfer")},
                     {QStringLiteral("jp_bank_transfer"),
                      QJsonObject{{QStringLiteral("reference"), QJsonValue()},
                                  {QStringLiteral("reference_status"), QStringLiteral("pending")}}}}},
        {QStringLiteral("instructions_email"), email},
        {QStringLiteral("metadata"), metadata},
        {QStringLiteral("payment_intent"), paymentIntentId},
        {QStringLiteral("reason"), reason ? QJsonValue(*reason) : QJsonValue()},
        {QStringLiteral("receipt_number"), QJsonValue()},
        {QStringLiteral("source_transfer_reversal"), QJsonValue()},
        {QStringLiteral("status"), QStringLiteral("requires_action")},
        {QStringLiteral("transfer_reversal"), QJsonValue()},
    };
    requestBankDetails(refund, call.now);
    const qint64 failAt = call.now + kRefundExpirySeconds;
    m_state.insert(id, Record{refund, QJsonObject{{QStringLiteral("fail_at"), failAt}}});
    m_state.schedule(failAt, id);

    Record &chargeRecord = m_state.edit(chargeId);
    const qint64 refunded = chargeRecord.object.value(QStringLiteral("amount_refunded")).toInteger() + amount;
    chargeRecord.object.insert(QStringLiteral("amount_refunded"), refunded);
    QJsonObject refundList = chargeRecord.object.value(QStringLiteral("refunds")).toObject();
    if (!refundList.isEmpty()) {
        refundList.insert(QStringLiteral("has_more"), true);
        chargeRecord.object.insert(QStringLiteral("refunds"), refundList);
    }
    chargeRecord.object.insert(QStringLiteral("refunded"),
                               refunded == chargeRecord.object.value(QStringLiteral("amount")).toInteger());
    m_state.emitEvent(QStringLiteral("refund.created"), refund, call.now, call.origin);
    return refund;
}

QJsonObject Refunds::retrieve(const QString &id) const
{
    return existing(id).object;
}

QJsonObject Refunds::update(const QString &id, const ParamReader &params)
{
    existing(id);
    Record &record = m_state.edit(id);
    QJsonObject metadata = record.object.value(QStringLiteral("metadata")).toObject();
    const QJsonObject changes = params.object(QStringLiteral("metadata"));
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (it->toString().isEmpty())
            metadata.remove(it.key());
        else
            metadata.insert(it.key(), *it);
    }
    record.object.insert(QStringLiteral("metadata"), metadata);
    return record.object;
}

QJsonObject Refunds::list(const ParamReader &params) const
{
    const CreatedFilter created(params);
    const std::optional<QString> paymentIntent = params.string(QStringLiteral("payment_intent"));
    const std::optional<QString> charge = params.string(QStringLiteral("charge"));
    const ListSource source = recordListSource(m_state, QStringLiteral("re"), created, [&](const QJsonObject &refund) {
        return (!paymentIntent || refund.value(QStringLiteral("payment_intent")).toString() == *paymentIntent)
            && (!charge || refund.value(QStringLiteral("charge")).toString() == *charge);
    });
    return listPage(source, params, QStringLiteral("/v1/refunds"), QStringLiteral("refund"));
}

void Refunds::releaseFromCharge(const QString &chargeId, qint64 amount)
{
    Record &charge = m_state.edit(chargeId);
    const qint64 refunded = charge.object.value(QStringLiteral("amount_refunded")).toInteger() - amount;
    charge.object.insert(QStringLiteral("amount_refunded"), refunded);
    charge.object.insert(QStringLiteral("refunded"), false);
}

void Refunds::setStatus(const QString &id, const QString &status, qint64 at, const RequestOrigin &origin)
{
    Record &record = m_state.edit(id);
    const QString previous = record.object.value(kStatus).toString();
    record.object.insert(kStatus, status);
    if (status == u"requires_action")
        requestBankDetails(record.object, at);
    else
        record.object.remove(QStringLiteral("next_action")); // not nullable: Stripe omits it
    if (status == u"failed" || status == u"canceled") {
        if (status == u"failed")
            record.object.insert(QStringLiteral("failure_reason"), QStringLiteral("expired_or_canceled_card"));
        record.hidden = {};
        releaseFromCharge(record.object.value(QStringLiteral("charge")).toString(),
                          record.object.value(QStringLiteral("amount")).toInteger());
    }
    const QString eventType = status == u"failed" ? QStringLiteral("refund.failed") : QStringLiteral("refund.updated");
    m_state.emitEvent(eventType, record.object, at, origin, QJsonObject{{kStatus, previous}});
}

QJsonObject Refunds::cancel(const QString &id, const Call &call)
{
    const Record &record = existing(id);
    const QString status = record.object.value(kStatus).toString();
    if (status != u"requires_action") {
        StripeError error;
        error.message =
            QStringLiteral(
                "You can only cancel a refund with a status of `requires_action`; this refund has a status of `%1`.")
                .arg(status);
        throw error;
    }
    setStatus(id, QStringLiteral("canceled"), call.now, call.origin);
    return m_state.find(id)->object;
}

QJsonObject Refunds::expire(const QString &id, const Call &call)
{
    const Record &record = existing(id);
    const QString status = record.object.value(kStatus).toString();
    if (status != u"requires_action") {
        StripeError error;
        error.message =
            QStringLiteral(
                "Only a refund with a status of `requires_action` can expire; this refund has a status of `%1`.")
                .arg(status);
        throw error;
    }
    setStatus(id, QStringLiteral("failed"), call.now, call.origin);
    return m_state.find(id)->object;
}

QJsonObject Refunds::submitBankDetails(const QString &id, const ParamReader &params, const Call &call)
{
    const Record &record = existing(id);
    const QString status = record.object.value(kStatus).toString();
    if (status != u"requires_action") {
        StripeError error;
        error.message =
            QStringLiteral(
                "Bank details are only requested while the refund has a status of `requires_action`; it has `%1`.")
                .arg(status);
        throw error;
    }
    const std::optional<QString> routing = params.string(QStringLiteral("routing_number"));
    const std::optional<QString> account = params.string(QStringLiteral("account_number"));
    if (!routing || routing->isEmpty())
        throw StripeError::missingParameter(QStringLiteral("routing_number"));
    if (!account || account->isEmpty())
        throw StripeError::missingParameter(QStringLiteral("account_number"));
    const bool accepted = *routing == kTestRoutingNumber && *account == kTestAccountNumber;
    const qint64 settleAt = call.now + kBankProcessingSeconds;
    setStatus(id, QStringLiteral("pending"), call.now, call.origin);
    Record &stored = m_state.edit(id);
    stored.hidden.insert(QStringLiteral("settle_at"), settleAt);
    stored.hidden.insert(QStringLiteral("bank_accepts"), accepted);
    m_state.schedule(settleAt, id);
    return stored.object;
}

void Refunds::applyDueTransition(const QString &id, qint64 dueAt)
{
    const Record *record = m_state.find(id);
    if (!record)
        return;
    const QString status = record->object.value(kStatus).toString();
    if (status == u"pending" && record->hidden.value(QStringLiteral("settle_at")).toInteger(-1) == dueAt) {
        const bool accepted = record->hidden.value(QStringLiteral("bank_accepts")).toBool();
        Record &stored = m_state.edit(id);
        stored.hidden.remove(QStringLiteral("settle_at"));
        stored.hidden.remove(QStringLiteral("bank_accepts"));
        if (accepted)
            stored.hidden.remove(QStringLiteral("fail_at"));
        setStatus(id, accepted ? QStringLiteral("succeeded") : QStringLiteral("requires_action"), dueAt, {});
    } else if (status == u"requires_action" && record->hidden.value(QStringLiteral("fail_at")).toInteger(-1) == dueAt) {
        setStatus(id, QStringLiteral("failed"), dueAt, {});
    }
}

} // namespace konbini::sandbox
