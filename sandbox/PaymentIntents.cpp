#include "PaymentIntents.h"

#include "CompactJson.h"
#include "KonbiniLimits.h"
#include "KonbiniScenario.h"
#include "Listing.h"
#include "RandomText.h"
#include "SearchQuery.h"

#include <QByteArray>
#include <QCborValue>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <utility>

namespace konbini::sandbox {
namespace {

using namespace KonbiniLimits;

constexpr qint64 kScenarioDelaySeconds = 3 * 60;
// Stripe waits about an hour after the deadline before failing the payment: a slip printed
// before the deadline can still be paid at the register.
constexpr qint64 kPaymentFailedBufferSeconds = 3600;
const QStringList kCancellationReasons = {QStringLiteral("duplicate"), QStringLiteral("fraudulent"),
                                          QStringLiteral("requested_by_customer"), QStringLiteral("abandoned")};

const QString kKonbiniOptions = QStringLiteral("payment_method_options.konbini");
const QString kStatus = QStringLiteral("status");

QString digits(int count)
{
    QString text;
    appendRandomCharacters(text, "0123456789", count);
    return text;
}

QString paymentCodeFor(const QString &chain)
{
    if (chain == u"familymart")
        return digits(6) + u'-' + digits(6); // 企業コード + 注文番号 style, 12 digits
    if (chain == u"lawson")
        return QStringLiteral("LW") + digits(10);
    if (chain == u"ministop")
        return QStringLiteral("MS") + digits(10);
    return QStringLiteral("SM") + digits(10);
}

QString randomConfirmationNumber()
{
    QString number;
    do {
        number = digits(11);
    } while (!isValidConfirmationNumber(number));
    return number;
}

QJsonObject nullFields(std::initializer_list<const char *> names)
{
    QJsonObject object;
    for (const char *name : names)
        object.insert(QLatin1String(name), QJsonValue());
    return object;
}

void validateMetadata(const ParamReader &params)
{
    const QJsonObject metadata = params.object(QStringLiteral("metadata"));
    if (metadata.size() > 50)
        throw StripeError::invalidParameter(QStringLiteral("metadata"),
                                            QStringLiteral("Invalid metadata: at most 50 keys are allowed."));
    for (auto it = metadata.begin(); it != metadata.end(); ++it) {
        const QString param = QStringLiteral("metadata[%1]").arg(it.key());
        if (it.key().size() > 40)
            throw StripeError::invalidParameter(param,
                                                QStringLiteral("Metadata keys can be at most 40 characters long."));
        if (!it->isString())
            throw StripeError::invalidParameter(param, QStringLiteral("Metadata values must be strings."));
        if (it->toString().size() > 500)
            throw StripeError::invalidParameter(param,
                                                QStringLiteral("Metadata values can be at most 500 characters long."));
    }
}

QJsonObject mergedMetadata(QJsonObject current, const ParamReader &params)
{
    if (params.isUnset(QStringLiteral("metadata")))
        return {};
    const QJsonObject changes = params.object(QStringLiteral("metadata"));
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (it->toString().isEmpty())
            current.remove(it.key());
        else
            current.insert(it.key(), *it);
    }
    return current;
}

// The next_action of a confirmed Konbini PaymentIntent: one confirmation number, a payment code
// per chain. Written as JSON text and parsed once: the dozen small objects inserted one by one
// cost more than the rest of a confirmation.
QJsonObject nextActionFor(const QString &number, qint64 expiresAt, const QString &voucherUrl)
{
    JsonTextWriter json(1024);
    json.punctuation('{');
    json.key(u"konbini_display_details");
    json.punctuation('{');
    json.key(u"expires_at");
    json.value(QCborValue(expiresAt));
    json.punctuation(',');
    json.key(u"hosted_voucher_url");
    json.string(voucherUrl);
    json.punctuation(',');
    json.key(u"stores");
    json.punctuation('{');
    bool first = true;
    for (const StoreChain &storeChain : kStoreChains) {
        if (!std::exchange(first, false))
            json.punctuation(',');
        const QString chain = QLatin1String(storeChain.key);
        json.key(chain);
        json.punctuation('{');
        json.key(u"confirmation_number");
        json.string(number);
        json.punctuation(',');
        json.key(u"payment_code");
        json.string(paymentCodeFor(chain));
        json.punctuation('}');
    }
    json.punctuation('}');
    json.punctuation('}');
    json.punctuation(',');
    json.key(u"type");
    json.string(u"konbini_display_details");
    json.punctuation('}');
    return QJsonDocument::fromJson(json.take()).object();
}

} // namespace

PaymentIntents::PaymentIntents(SandboxState &state, QString voucherBaseUrl)
    : m_state(state), m_voucherBaseUrl(std::move(voucherBaseUrl))
{
}

const Record &PaymentIntents::existing(const QString &id) const
{
    const Record *record = id.startsWith(u"pi_") ? m_state.find(id) : nullptr;
    if (!record)
        throw StripeError::noSuchObject(QStringLiteral("payment_intent"), id, QStringLiteral("intent"));
    return *record;
}

void PaymentIntents::applyCommonFields(QJsonObject &paymentIntent, const ParamReader &params) const
{
    validateMetadata(params);
    if (params.has(QStringLiteral("metadata")))
        paymentIntent.insert(QStringLiteral("metadata"),
                             mergedMetadata(paymentIntent.value(QStringLiteral("metadata")).toObject(), params));
    for (const QString &field : {QStringLiteral("description"), QStringLiteral("receipt_email"),
                                 QStringLiteral("statement_descriptor"), QStringLiteral("statement_descriptor_suffix"),
                                 QStringLiteral("transfer_group"), QStringLiteral("customer")}) {
        if (const auto text = params.string(field))
            paymentIntent.insert(field, text->isEmpty() ? QJsonValue() : QJsonValue(*text));
    }
    if (params.has(QStringLiteral("payment_method_types"))) {
        const QStringList types = params.stringList(QStringLiteral("payment_method_types"));
        if (types != QStringList{QStringLiteral("konbini")}) {
            throw StripeError::invalidParameter(
                QStringLiteral("payment_method_types"),
                QStringLiteral("The Konbini sandbox emulates only `konbini`: send payment_method_types[]=konbini."),
                QStringLiteral("payment_intent_invalid_parameter"));
        }
    }
}

void PaymentIntents::applyKonbiniOptions(QJsonObject &paymentIntent, const ParamReader &params, const Call &call) const
{
    QJsonObject methodOptions = paymentIntent.value(QStringLiteral("payment_method_options")).toObject();
    QJsonObject konbini = methodOptions.value(QStringLiteral("konbini")).toObject();
    static const QString daysPath = kKonbiniOptions + QStringLiteral(".expires_after_days");
    static const QString atPath = kKonbiniOptions + QStringLiteral(".expires_at");
    static const QString descriptionPath = kKonbiniOptions + QStringLiteral(".product_description");
    static const QString numberPath = kKonbiniOptions + QStringLiteral(".confirmation_number");

    const std::optional<qint64> days = params.integer(daysPath);
    const std::optional<qint64> expiresAt = params.integer(atPath);
    if (days && expiresAt) {
        throw StripeError::invalidParameter(
            ParamReader::bracketed(atPath),
            QStringLiteral("You cannot specify both `expires_after_days` and `expires_at` for Konbini."),
            QStringLiteral("parameters_exclusive"));
    }
    if (days) {
        if (*days < kStripe.daysMin || *days > kStripe.daysMax) {
            throw StripeError::invalidParameter(ParamReader::bracketed(daysPath),
                                                QStringLiteral("expires_after_days must be between 1 and 60."),
                                                QStringLiteral("parameter_invalid_integer"));
        }
        konbini.insert(QStringLiteral("expires_after_days"), *days);
        konbini.insert(QStringLiteral("expires_at"), QJsonValue());
    } else if (params.isUnset(daysPath)) {
        konbini.insert(QStringLiteral("expires_after_days"), QJsonValue());
    }
    if (expiresAt) {
        if (*expiresAt < call.now + kStripe.deadlineLeadMin) {
            throw StripeError::invalidParameter(ParamReader::bracketed(atPath),
                                                QStringLiteral("expires_at must be at least 30 minutes in the future."),
                                                QStringLiteral("parameter_invalid_integer"));
        }
        if (*expiresAt >= call.now + kStripe.deadlineLeadMax) {
            throw StripeError::invalidParameter(ParamReader::bracketed(atPath),
                                                QStringLiteral("expires_at must be less than 60 days in the future."),
                                                QStringLiteral("parameter_invalid_integer"));
        }
        konbini.insert(QStringLiteral("expires_at"), *expiresAt);
        konbini.insert(QStringLiteral("expires_after_days"), QJsonValue());
    } else if (params.isUnset(atPath)) {
        konbini.insert(QStringLiteral("expires_at"), QJsonValue());
    }
    if (const auto description = params.string(descriptionPath)) {
        if (characterCount(*description) > kStripe.descriptionCharacters) {
            throw StripeError::invalidParameter(
                ParamReader::bracketed(descriptionPath),
                QStringLiteral("Invalid string: %1; must be at most 22 characters").arg(*description));
        }
        const QString unprintable = unprintableCharacters(*description);
        if (!unprintable.isEmpty()) {
            throw StripeError::invalidParameter(
                ParamReader::bracketed(descriptionPath),
                QStringLiteral(
                    "product_description may only contain characters of Shift JIS (JIS X 0208:1997); these are not: %1")
                    .arg(unprintable),
                QStringLiteral("invalid_characters"));
        }
        konbini.insert(QStringLiteral("product_description"),
                       description->isEmpty() ? QJsonValue() : QJsonValue(*description));
    }
    if (const auto number = params.string(numberPath)) {
        if (!number->isEmpty() && !isValidConfirmationNumber(*number)) {
            throw StripeError::invalidParameter(
                ParamReader::bracketed(numberPath),
                QStringLiteral("Invalid confirmation_number: it must be 10 or 11 digits and not all zeros."));
        }
        konbini.insert(QStringLiteral("confirmation_number"), number->isEmpty() ? QJsonValue() : QJsonValue(*number));
    }
    for (const QString &key :
         {QStringLiteral("confirmation_number"), QStringLiteral("expires_after_days"), QStringLiteral("expires_at"),
          QStringLiteral("product_description")}) { // setup_future_usage is not nullable: Stripe omits it
        if (!konbini.contains(key))
            konbini.insert(key, QJsonValue());
    }
    methodOptions.insert(QStringLiteral("konbini"), konbini);
    paymentIntent.insert(QStringLiteral("payment_method_options"), methodOptions);
}

QJsonObject PaymentIntents::create(const ParamReader &params, const Call &call)
{
    const std::optional<qint64> amount = params.integer(QStringLiteral("amount"));
    if (!amount)
        throw StripeError::missingParameter(QStringLiteral("amount"));
    const std::optional<QString> currency = params.string(QStringLiteral("currency"));
    if (!currency || currency->isEmpty())
        throw StripeError::missingParameter(QStringLiteral("currency"));
    if (!params.has(QStringLiteral("payment_method_types"))) {
        throw StripeError::invalidParameter(
            QStringLiteral("payment_method_types"),
            QStringLiteral("The Konbini sandbox emulates only `konbini`: send payment_method_types[]=konbini."),
            QStringLiteral("parameter_missing"));
    }
    if (currency->toLower() != u"jpy") {
        throw StripeError::invalidParameter(
            QStringLiteral("currency"),
            QStringLiteral(
                "The currency provided (%1) is invalid for one or more payment method types on this PaymentIntent. "
                "The payment method type `konbini` only supports the following currencies: jpy.")
                .arg(*currency),
            QStringLiteral("payment_intent_invalid_parameter"));
    }
    if (*amount < kStripe.amountMin) {
        throw StripeError::invalidParameter(QStringLiteral("amount"),
                                            QStringLiteral("Amount must be at least ¥120 jpy"),
                                            QStringLiteral("amount_too_small"));
    }
    if (*amount > kStripe.amountMax) {
        throw StripeError::invalidParameter(QStringLiteral("amount"),
                                            QStringLiteral("Amount must be no more than ¥300,000 jpy"),
                                            QStringLiteral("amount_too_large"));
    }
    const std::optional<bool> confirmNow = params.boolean(QStringLiteral("confirm"));

    const QString id = m_state.newId(QStringLiteral("pi_"));
    static const QJsonObject kNullFields = nullFields({"application",
                                            "application_fee_amount",
                                            "automatic_payment_methods",
                                            "canceled_at",
                                            "cancellation_reason",
                                            "customer",
                                            "description",
                                            "invoice",
                                            "last_payment_error",
                                            "latest_charge",
                                            "next_action",
                                            "on_behalf_of",
                                            "payment_method",
                                            "payment_method_configuration_details",
                                            "processing",
                                            "receipt_email",
                                            "review",
                                            "setup_future_usage",
                                            "shipping",
                                            "source",
                                            "statement_descriptor",
                                            "statement_descriptor_suffix",
                                            "transfer_data",
                                            "transfer_group"});
    // Every field of a new PaymentIntent, built once: each request copies it and sets the few
    // that differ (inserting some forty keys one by one cost a visible share of a create).
    static const QJsonObject kNewPaymentIntent = [] {
        QJsonObject fields = kNullFields;
        fields.insert(QStringLiteral("id"), QString());
        fields.insert(QStringLiteral("object"), QStringLiteral("payment_intent"));
        fields.insert(QStringLiteral("amount"), 0);
        fields.insert(QStringLiteral("amount_capturable"), 0);
        fields.insert(QStringLiteral("amount_details"), QJsonObject{{QStringLiteral("tip"), QJsonObject()}});
        fields.insert(QStringLiteral("amount_received"), 0);
        fields.insert(QStringLiteral("capture_method"), QStringLiteral("automatic"));
        fields.insert(QStringLiteral("client_secret"), QString());
        fields.insert(QStringLiteral("confirmation_method"), QStringLiteral("automatic"));
        fields.insert(QStringLiteral("created"), 0);
        fields.insert(QStringLiteral("currency"), QStringLiteral("jpy"));
        fields.insert(QStringLiteral("livemode"), false);
        fields.insert(QStringLiteral("metadata"), QJsonObject());
        fields.insert(QStringLiteral("payment_method_options"),
                      QJsonObject{{QStringLiteral("konbini"),
                                   nullFields({"confirmation_number", "expires_after_days", "expires_at",
                                               "product_description"})}});
        fields.insert(QStringLiteral("payment_method_types"), QJsonArray{QStringLiteral("konbini")});
        fields.insert(kStatus, QStringLiteral("requires_payment_method"));
        return fields;
    }();
    QJsonObject paymentIntent = kNewPaymentIntent;
    paymentIntent[QStringLiteral("id")] = id;
    paymentIntent[QStringLiteral("amount")] = *amount;
    paymentIntent[QStringLiteral("client_secret")] = id + QStringLiteral("_secret_") + m_state.newId(QString());
    paymentIntent[QStringLiteral("created")] = call.now;
    applyCommonFields(paymentIntent, params);
    applyKonbiniOptions(paymentIntent, params, call);
    // A payment method sent without confirm=true is only checked when confirming.
    if (!confirmNow.value_or(false) && params.has(QStringLiteral("payment_method_data")))
        throw StripeError::invalidParameter(
            QStringLiteral("payment_method_data"),
            QStringLiteral("payment_method_data is only accepted together with confirm=true."));

    m_state.insert(id, Record{paymentIntent, {}});
    m_state.emitEvent(QStringLiteral("payment_intent.created"), paymentIntent, call.now, call.origin);
    if (confirmNow.value_or(false))
        return confirm(id,
                       ParamReader(QJsonObject{
                           {QStringLiteral("payment_method_data"), params.value(QStringLiteral("payment_method_data"))},
                           {QStringLiteral("payment_method"), params.value(QStringLiteral("payment_method"))}}),
                       call);
    return paymentIntent;
}

QJsonObject PaymentIntents::retrieve(const QString &id, const ParamReader &params) const
{
    Q_UNUSED(params);
    return existing(id).object;
}

QJsonObject PaymentIntents::update(const QString &id, const ParamReader &params, const Call &call)
{
    const Record &record = existing(id);
    const QString status = record.object.value(kStatus).toString();
    QJsonObject paymentIntent = record.object;
    QJsonObject previous;
    // Notes (metadata, description, …) may change at any time; anything about the payment
    // itself only before it is final.
    const bool onlyNotes = !params.has(QStringLiteral("amount"))
        && !params.has(QStringLiteral("payment_method_options")) && !params.has(QStringLiteral("currency"))
        && !params.has(QStringLiteral("payment_method_types"));
    if ((status == u"succeeded" || status == u"canceled") && !onlyNotes) {
        throw StripeError::unexpectedState(
            record.object,
            QStringLiteral("You cannot update this PaymentIntent because it has a status of %1.").arg(status));
    }
    if (status == u"requires_action" && record.hidden.value(QStringLiteral("paying_at_store")).toBool()) {
        throw StripeError::unexpectedState(
            record.object,
            QStringLiteral("This PaymentIntent cannot be updated: the customer is paying for it at a convenience store "
                           "right now. Try again later."));
    }
    if (const auto amount = params.integer(QStringLiteral("amount"))) {
        if (*amount < kStripe.amountMin)
            throw StripeError::invalidParameter(QStringLiteral("amount"),
                                                QStringLiteral("Amount must be at least ¥120 jpy"),
                                                QStringLiteral("amount_too_small"));
        if (*amount > kStripe.amountMax)
            throw StripeError::invalidParameter(QStringLiteral("amount"),
                                                QStringLiteral("Amount must be no more than ¥300,000 jpy"),
                                                QStringLiteral("amount_too_large"));
        paymentIntent.insert(QStringLiteral("amount"), *amount);
    }
    if (const auto currency = params.string(QStringLiteral("currency")); currency && currency->toLower() != u"jpy") {
        throw StripeError::invalidParameter(
            QStringLiteral("currency"),
            QStringLiteral("The payment method type `konbini` only supports the following currencies: jpy."),
            QStringLiteral("payment_intent_invalid_parameter"));
    }
    applyCommonFields(paymentIntent, params);
    if (params.has(QStringLiteral("payment_method_options")))
        applyKonbiniOptions(paymentIntent, params, call);

    Record &stored = m_state.edit(id);
    // Updating a pending Konbini PaymentIntent invalidates the voucher already handed out.
    if (status == u"requires_action" && !onlyNotes) {
        previous.insert(kStatus, status);
        paymentIntent.insert(kStatus, QStringLiteral("requires_payment_method"));
        paymentIntent.insert(QStringLiteral("next_action"), QJsonValue());
        paymentIntent.insert(QStringLiteral("payment_method"), QJsonValue());
        stored.hidden = {};
    }
    stored.object = paymentIntent;
    return paymentIntent;
}

QString PaymentIntents::attachPaymentMethod(const ParamReader &params, const Call &call)
{
    if (const auto existingId = params.string(QStringLiteral("payment_method")); existingId && !existingId->isEmpty()) {
        const Record *method = m_state.find(*existingId);
        if (!existingId->startsWith(u"pm_") || !method)
            throw StripeError::noSuchObject(QStringLiteral("PaymentMethod"), *existingId,
                                            QStringLiteral("payment_method"));
        return *existingId;
    }
    if (!params.has(QStringLiteral("payment_method_data"))) {
        throw StripeError::invalidParameter(QStringLiteral("payment_method_data"),
                                            QStringLiteral("You cannot confirm this PaymentIntent because it's missing "
                                                           "a payment method. Pass payment_method_data[type]=konbini."),
                                            QStringLiteral("parameter_missing"));
    }
    const std::optional<QString> type = params.string(QStringLiteral("payment_method_data.type"));
    if (!type)
        throw StripeError::missingParameter(QStringLiteral("payment_method_data[type]"));
    if (*type != u"konbini") {
        throw StripeError::invalidParameter(
            QStringLiteral("payment_method_data[type]"),
            QStringLiteral("The Konbini sandbox emulates only payment_method_data[type]=konbini."),
            QStringLiteral("payment_intent_invalid_parameter"));
    }
    const QString name = params.string(QStringLiteral("payment_method_data.billing_details.name")).value_or(QString());
    const QString email =
        params.string(QStringLiteral("payment_method_data.billing_details.email")).value_or(QString());
    if (name.trimmed().isEmpty())
        throw StripeError::missingParameter(QStringLiteral("payment_method_data[billing_details][name]"));
    if (email.trimmed().isEmpty())
        throw StripeError::missingParameter(QStringLiteral("payment_method_data[billing_details][email]"));
    const qsizetype at = email.indexOf(u'@');
    if (at <= 0 || at == email.size() - 1 || email.contains(u' ')) {
        throw StripeError::invalidParameter(QStringLiteral("payment_method_data[billing_details][email]"),
                                            QStringLiteral("Invalid email address: %1").arg(email),
                                            QStringLiteral("email_invalid"));
    }
    const QJsonObject address = params.object(QStringLiteral("payment_method_data.billing_details.address"));
    const QString phone =
        params.string(QStringLiteral("payment_method_data.billing_details.phone")).value_or(QString());
    const QJsonObject metadata = params.object(QStringLiteral("payment_method_data.metadata"));

    // Every field of a new PaymentMethod, built once; each confirm sets the ones it knows.
    static const QJsonObject kNewMethod{
        {QStringLiteral("id"), QString()},
        {QStringLiteral("object"), QStringLiteral("payment_method")},
        {QStringLiteral("billing_details"),
         QJsonObject{{QStringLiteral("address"),
                      nullFields({"city", "country", "line1", "line2", "postal_code", "state"})},
                     {QStringLiteral("email"), QString()},
                     {QStringLiteral("name"), QString()},
                     {QStringLiteral("phone"), QJsonValue()}}},
        {QStringLiteral("created"), 0},
        {QStringLiteral("customer"), QJsonValue()},
        {QStringLiteral("konbini"), QJsonObject()},
        {QStringLiteral("livemode"), false},
        {QStringLiteral("metadata"), QJsonObject()},
        {QStringLiteral("type"), QStringLiteral("konbini")},
    };
    static const QString kBillingDetails = QStringLiteral("billing_details");
    QJsonObject billing = kNewMethod.value(kBillingDetails).toObject();
    if (!address.isEmpty()) {
        QJsonObject fullAddress = billing.value(QStringLiteral("address")).toObject();
        for (auto it = address.begin(); it != address.end(); ++it)
            fullAddress.insert(it.key(), *it);
        billing[QStringLiteral("address")] = fullAddress;
    }
    billing[QStringLiteral("email")] = email;
    billing[QStringLiteral("name")] = name;
    if (!phone.isEmpty())
        billing[QStringLiteral("phone")] = phone;

    const QString id = m_state.newId(QStringLiteral("pm_"));
    QJsonObject method = kNewMethod;
    method[QStringLiteral("id")] = id;
    method[kBillingDetails] = billing;
    method[QStringLiteral("created")] = call.now;
    if (!metadata.isEmpty())
        method[QStringLiteral("metadata")] = metadata;
    m_state.insert(id, Record{method, {}});
    return id;
}

QJsonObject PaymentIntents::confirm(const QString &id, const ParamReader &params, const Call &call)
{
    const Record &record = existing(id);
    const QString status = record.object.value(kStatus).toString();
    if (status != u"requires_payment_method" && status != u"requires_confirmation") {
        throw StripeError::unexpectedState(
            record.object,
            QStringLiteral("You cannot confirm this PaymentIntent because it has a status of %1. "
                           "Only a PaymentIntent with one of the following statuses may be confirmed: "
                           "requires_confirmation, requires_payment_method.")
                .arg(status));
    }
    QJsonObject paymentIntent = record.object;
    if (params.has(QStringLiteral("payment_method_types")) || params.has(QStringLiteral("receipt_email")))
        applyCommonFields(paymentIntent, params);
    applyKonbiniOptions(paymentIntent, params, call);
    const QString methodId = attachPaymentMethod(params, call);
    const QJsonObject method = m_state.find(methodId)->object;
    const QString email =
        method.value(QStringLiteral("billing_details")).toObject().value(QStringLiteral("email")).toString();
    const QJsonObject konbini = paymentIntent.value(QStringLiteral("payment_method_options"))
                                    .toObject()
                                    .value(QStringLiteral("konbini"))
                                    .toObject();
    const QString requestedNumber = konbini.value(QStringLiteral("confirmation_number")).toString();

    if (requestedNumber == kRejectedConfirmationNumber) {
        StripeError error;
        error.code = QStringLiteral("payment_intent_konbini_rejected_confirmation_number");
        error.param = QStringLiteral("payment_method_options[konbini][confirmation_number]");
        error.message = QStringLiteral(
            "The confirmation number was rejected because it is too common. Provide a different confirmation number.");
        error.paymentIntent = paymentIntent;
        throw error;
    }

    const KonbiniScenario scenario = scenarioFor(email, requestedNumber);
    qint64 expiresAt = 0;
    if (!konbini.value(QStringLiteral("expires_at")).isNull())
        expiresAt = konbini.value(QStringLiteral("expires_at")).toInteger();
    else if (!konbini.value(QStringLiteral("expires_after_days")).isNull())
        expiresAt = deadlineAfterDays(call.now, konbini.value(QStringLiteral("expires_after_days")).toInt());
    else
        expiresAt = deadlineAfterDays(paymentIntent.value(QStringLiteral("created")).toInteger(), kStripe.daysDefault);
    if (scenario == KonbiniScenario::ExpireImmediately)
        expiresAt = call.now;
    else if (scenario == KonbiniScenario::ExpireWithDelay)
        expiresAt = call.now + kScenarioDelaySeconds;

    const QString token = QStringLiteral("test_") + m_state.newId(QString()) + m_state.newId(QString());
    const QString number = requestedNumber.isEmpty() ? randomConfirmationNumber() : requestedNumber;
    paymentIntent.insert(QStringLiteral("next_action"),
                         nextActionFor(number, expiresAt,
                                       m_voucherBaseUrl + QStringLiteral("/konbini/voucher/") + token));
    paymentIntent.insert(QStringLiteral("payment_method"), methodId);
    paymentIntent.insert(QStringLiteral("last_payment_error"), QJsonValue());
    paymentIntent.insert(kStatus, QStringLiteral("requires_action"));

    QJsonObject hidden{{QStringLiteral("scenario"), scenarioName(scenario)},
                       {QStringLiteral("voucher_token"), token},
                       {QStringLiteral("expires_at"), expiresAt}};
    const bool paid = scenario == KonbiniScenario::SucceedAfterDelay || scenario == KonbiniScenario::SucceedImmediately;
    const qint64 dueAt = paid ? call.now + (scenario == KonbiniScenario::SucceedAfterDelay ? kScenarioDelaySeconds : 0)
                              : expiresAt + kPaymentFailedBufferSeconds;
    hidden.insert(paid ? QStringLiteral("succeed_at") : QStringLiteral("fail_at"), dueAt);

    Record &stored = m_state.edit(id);
    stored.object = paymentIntent;
    stored.hidden = hidden;
    m_state.schedule(dueAt, id);
    m_state.emitEvent(QStringLiteral("payment_intent.requires_action"), paymentIntent, call.now, call.origin,
                      QJsonObject{{kStatus, status}});
    return paymentIntent;
}

QJsonObject PaymentIntents::cancel(const QString &id, const ParamReader &params, const Call &call)
{
    const Record &record = existing(id);
    const QString status = record.object.value(kStatus).toString();
    const std::optional<QString> reason = params.oneOf(QStringLiteral("cancellation_reason"), kCancellationReasons);
    if (status == u"succeeded" || status == u"canceled" || status == u"processing") {
        throw StripeError::unexpectedState(
            record.object,
            QStringLiteral(
                "You cannot cancel this PaymentIntent because it has a status of %1. "
                "Only a PaymentIntent with one of the following statuses may be canceled: "
                "requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.")
                .arg(status));
    }
    if (record.hidden.value(QStringLiteral("paying_at_store")).toBool()) {
        throw StripeError::unexpectedState(record.object,
                                           QStringLiteral("This PaymentIntent cannot be canceled because the customer "
                                                          "is paying for it at a convenience store right now. "
                                                          "Try again later, after the voucher has expired."));
    }
    Record &stored = m_state.edit(id);
    stored.object.insert(kStatus, QStringLiteral("canceled"));
    stored.object.insert(QStringLiteral("canceled_at"), call.now);
    stored.object.insert(QStringLiteral("cancellation_reason"), reason ? QJsonValue(*reason) : QJsonValue());
    stored.object.insert(QStringLiteral("next_action"), QJsonValue());
    stored.hidden = {};
    m_state.emitEvent(QStringLiteral("payment_intent.canceled"), stored.object, call.now, call.origin,
                      QJsonObject{{kStatus, status}});
    return stored.object;
}

QJsonObject PaymentIntents::list(const ParamReader &params) const
{
    const CreatedFilter created(params);
    const std::optional<QString> customer = params.string(QStringLiteral("customer"));
    const ListSource source =
        recordListSource(m_state, QStringLiteral("pi"), created, [&customer](const QJsonObject &object) {
            return !customer || object.value(QStringLiteral("customer")).toString() == *customer;
        });
    return listPage(source, params, QStringLiteral("/v1/payment_intents"), QStringLiteral("payment_intent"));
}

QJsonObject PaymentIntents::search(const ParamReader &params) const
{
    const std::optional<QString> query = params.string(QStringLiteral("query"));
    if (!query)
        throw StripeError::missingParameter(QStringLiteral("query"));
    const SearchQuery parsed = SearchQuery::parse(*query);
    const qint64 limit = params.integer(QStringLiteral("limit")).value_or(10);
    if (limit < 1 || limit > 100) {
        throw StripeError::invalidParameter(QStringLiteral("limit"),
                                            QStringLiteral("This value must be between 1 and 100."),
                                            QStringLiteral("parameter_invalid_integer"));
    }
    qsizetype offset = 0;
    if (const auto page = params.string(QStringLiteral("page")); page && !page->isEmpty()) {
        bool ok = false;
        offset = QByteArray::fromBase64(page->mid(5).toLatin1()).toLongLong(&ok);
        if (!page->startsWith(u"page_") || !ok || offset < 0)
            throw StripeError::invalidParameter(QStringLiteral("page"), QStringLiteral("Invalid page: %1").arg(*page));
    }
    QJsonArray data;
    qsizetype matched = 0;
    bool hasMore = false;
    SandboxState::Scan scan;
    scan.kind = QStringLiteral("pi");
    m_state.scanRecords(scan, std::nullopt, [&](const QJsonObject &object) {
        if (!parsed.matches(object))
            return true;
        if (matched++ < offset)
            return true;
        if (data.size() == limit) {
            hasMore = true;
            return false;
        }
        data.append(object);
        return true;
    });
    const QJsonValue nextPage = hasMore
        ? QJsonValue(QStringLiteral("page_") + QString::fromLatin1(QByteArray::number(offset + limit).toBase64()))
        : QJsonValue();
    return QJsonObject{{QStringLiteral("object"), QStringLiteral("search_result")},
                       {QStringLiteral("data"), data},
                       {QStringLiteral("has_more"), hasMore},
                       {QStringLiteral("next_page"), nextPage},
                       {QStringLiteral("url"), QStringLiteral("/v1/payment_intents/search")}};
}

QJsonObject PaymentIntents::startPaymentAtStore(const QString &id, const Call &call)
{
    const Record &record = existing(id);
    if (record.object.value(kStatus).toString() != u"requires_action") {
        throw StripeError::unexpectedState(
            record.object,
            QStringLiteral("Only a PaymentIntent with a voucher (status requires_action) can be paid at a store."));
    }
    if (call.now > record.hidden.value(QStringLiteral("expires_at")).toInteger()) {
        throw StripeError::unexpectedState(
            record.object,
            QStringLiteral("The voucher has expired: the customer can no longer start paying at a kiosk."));
    }
    m_state.edit(id).hidden.insert(QStringLiteral("paying_at_store"), true);
    return record.object;
}

QJsonObject PaymentIntents::payAtStore(const QString &id, const ParamReader &params, const Call &call)
{
    const Record &record = existing(id);
    const QString chain = params.string(QStringLiteral("chain")).value_or(QString());
    if (!chain.isEmpty()
        && std::none_of(std::begin(kStoreChains), std::end(kStoreChains),
                        [&](const StoreChain &known) { return chain == QLatin1String(known.key); })) {
        throw StripeError::invalidParameter(
            QStringLiteral("chain"),
            QStringLiteral("Invalid chain: must be one of familymart, lawson, ministop or seicomart."));
    }
    const bool started = record.hidden.value(QStringLiteral("paying_at_store")).toBool();
    if (record.object.value(kStatus).toString() != u"requires_action") {
        throw StripeError::unexpectedState(
            record.object,
            QStringLiteral("Only a PaymentIntent with a voucher (status requires_action) can be paid at a store."));
    }
    if (!started && call.now > record.hidden.value(QStringLiteral("expires_at")).toInteger()) {
        throw StripeError::unexpectedState(
            record.object,
            QStringLiteral("The voucher has expired: the customer can no longer start paying at a kiosk."));
    }
    succeed(id, call.now, call.origin, chain);
    return m_state.find(id)->object;
}

void PaymentIntents::applyDueTransition(const QString &id, qint64 dueAt)
{
    const Record *record = m_state.find(id);
    if (!record || record->object.value(kStatus).toString() != u"requires_action")
        return;
    if (record->hidden.value(QStringLiteral("succeed_at")).toInteger(-1) == dueAt)
        succeed(id, dueAt, {});
    else if (record->hidden.value(QStringLiteral("fail_at")).toInteger(-1) == dueAt)
        expire(id, dueAt);
}

QString PaymentIntents::addBalanceTransaction(const QString &chargeId, qint64 amount, qint64 at)
{
    // Rounded to the yen, as JPY has no smaller unit.
    const qint64 fee = (amount * m_feeBasisPoints + 5000) / 10000;
    // Konbini funds become available for payout after 4 business days (JST weekdays), at midnight UTC.
    QDate day = QDateTime::fromSecsSinceEpoch(at + kJstOffsetSeconds, Qt::UTC).date();
    for (int businessDays = 0; businessDays < 4;) {
        day = day.addDays(1);
        businessDays += day.dayOfWeek() <= 5;
    }
    const qint64 availableOn = QDateTime(day, QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    const QString id = m_state.newId(QStringLiteral("txn_"));
    const QJsonObject transaction{
        {QStringLiteral("id"), id},
        {QStringLiteral("object"), QStringLiteral("balance_transaction")},
        {QStringLiteral("amount"), amount},
        {QStringLiteral("available_on"), availableOn},
        {QStringLiteral("created"), at},
        {QStringLiteral("currency"), QStringLiteral("jpy")},
        {QStringLiteral("description"), QJsonValue()},
        {QStringLiteral("exchange_rate"), QJsonValue()},
        {QStringLiteral("fee"), fee},
        {QStringLiteral("fee_details"),
         QJsonArray{QJsonObject{{QStringLiteral("amount"), fee},
                                {QStringLiteral("application"), QJsonValue()},
                                {QStringLiteral("currency"), QStringLiteral("jpy")},
                                {QStringLiteral("description"), QStringLiteral("Stripe processing fees")},
                                {QStringLiteral("type"), QStringLiteral("stripe_fee")}}}},
        {QStringLiteral("net"), amount - fee},
        {QStringLiteral("reporting_category"), QStringLiteral("charge")},
        {QStringLiteral("source"), chargeId},
        {QStringLiteral("status"), QStringLiteral("pending")},
        {QStringLiteral("type"), QStringLiteral("charge")},
    };
    m_state.insert(id, Record{transaction, {}});
    return id;
}

void PaymentIntents::succeed(const QString &id, qint64 at, const RequestOrigin &origin, QString chain)
{
    Record &record = m_state.edit(id);
    QJsonObject &paymentIntent = record.object;
    const qint64 amount = paymentIntent.value(QStringLiteral("amount")).toInteger();
    const QString methodId = paymentIntent.value(QStringLiteral("payment_method")).toString();
    const QJsonObject method = m_state.find(methodId)->object;
    if (chain.isEmpty()) // paid without the helper saying where: a chain that depends on the PaymentIntent only
        chain = QLatin1String(kStoreChains[qHash(id, size_t(0)) % std::size(kStoreChains)].key); // seed 0: the same in every run
    const QString chargeId = m_state.newId(QStringLiteral("ch_"));
    static const QJsonObject kChargeNullFields = nullFields({"application", "application_fee", "application_fee_amount", "balance_transaction",
                                     "customer", "description", "failure_code", "failure_message", "receipt_email",
                                     "receipt_url", "statement_descriptor", "transfer_data", "transfer_group"});
    QJsonObject charge = kChargeNullFields;
    charge.insert(QStringLiteral("id"), chargeId);
    charge.insert(QStringLiteral("object"), QStringLiteral("charge"));
    charge.insert(QStringLiteral("amount"), amount);
    charge.insert(QStringLiteral("amount_captured"), amount);
    charge.insert(QStringLiteral("amount_refunded"), 0);
    charge.insert(QStringLiteral("balance_transaction"), addBalanceTransaction(chargeId, amount, at));
    charge.insert(QStringLiteral("billing_details"), method.value(QStringLiteral("billing_details")));
    charge.insert(QStringLiteral("captured"), true);
    charge.insert(QStringLiteral("created"), at);
    charge.insert(QStringLiteral("currency"), QStringLiteral("jpy"));
    charge.insert(QStringLiteral("livemode"), false);
    charge.insert(QStringLiteral("metadata"), paymentIntent.value(QStringLiteral("metadata")));
    charge.insert(QStringLiteral("paid"), true);
    charge.insert(QStringLiteral("payment_intent"), id);
    charge.insert(QStringLiteral("payment_method"), methodId);
    charge.insert(QStringLiteral("payment_method_details"),
                  QJsonObject{{QStringLiteral("type"), QStringLiteral("konbini")},
                              {QStringLiteral("konbini"),
                               QJsonObject{{QStringLiteral("store"), QJsonObject{{QStringLiteral("chain"), chain}}}}}});
    charge.insert(QStringLiteral("disputed"), false); // Konbini payments cannot be disputed
    charge.insert(QStringLiteral("refunded"), false);
    // The sandbox does not embed refunds in the charge (GET /v1/refunds?charge= lists them):
    // has_more says whether there are any.
    charge.insert(QStringLiteral("refunds"),
                  QJsonObject{{QStringLiteral("object"), QStringLiteral("list")},
                              {QStringLiteral("data"), QJsonArray()},
                              {QStringLiteral("has_more"), false},
                              {QStringLiteral("url"), QStringLiteral("/v1/charges/%1/refunds").arg(chargeId)}});
    charge.insert(QStringLiteral("status"), QStringLiteral("succeeded"));
    m_state.insert(chargeId, Record{charge, {}});

    paymentIntent.insert(QStringLiteral("amount_received"), amount);
    paymentIntent.insert(QStringLiteral("latest_charge"), chargeId);
    paymentIntent.insert(QStringLiteral("next_action"), QJsonValue());
    paymentIntent.insert(kStatus, QStringLiteral("succeeded"));
    record.hidden = {};
    m_state.emitEvent(QStringLiteral("charge.succeeded"), charge, at, origin);
    m_state.emitEvent(QStringLiteral("payment_intent.succeeded"), paymentIntent, at, origin,
                      QJsonObject{{kStatus, QStringLiteral("requires_action")}});
}

void PaymentIntents::expire(const QString &id, qint64 at)
{
    Record &record = m_state.edit(id);
    QJsonObject &paymentIntent = record.object;
    const QString methodId = paymentIntent.value(QStringLiteral("payment_method")).toString();
    const Record *method = m_state.find(methodId);
    paymentIntent.insert(
        QStringLiteral("last_payment_error"),
        QJsonObject{
            {QStringLiteral("code"), QStringLiteral("payment_intent_payment_attempt_expired")},
            {QStringLiteral("message"),
             QStringLiteral(
                 "The payment attempt has expired: the customer did not pay the Konbini voucher before its deadline.")},
            {QStringLiteral("payment_method"), method ? method->object : QJsonObject()},
            {QStringLiteral("type"), QStringLiteral("invalid_request_error")}});
    paymentIntent.insert(QStringLiteral("next_action"), QJsonValue());
    paymentIntent.insert(QStringLiteral("payment_method"), QJsonValue());
    paymentIntent.insert(kStatus, QStringLiteral("requires_payment_method"));
    record.hidden = {};
    m_state.emitEvent(QStringLiteral("payment_intent.payment_failed"), paymentIntent, at, {},
                      QJsonObject{{kStatus, QStringLiteral("requires_action")}});
}

QJsonObject PaymentIntents::findByVoucherToken(const QString &token) const
{
    const std::optional<QString> id = m_state.paymentIntentWithVoucherToken(token);
    const Record *record = id ? m_state.find(*id) : nullptr;
    if (!record || record->object.value(kStatus).toString() != u"requires_action"
        || record->hidden.value(QStringLiteral("voucher_token")).toString() != token)
        return QJsonObject();
    return record->object;
}

} // namespace konbini::sandbox
