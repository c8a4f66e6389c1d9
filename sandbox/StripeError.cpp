#include "StripeError.h"

namespace konbini::sandbox {

QJsonObject StripeError::toJson() const
{
    QJsonObject error{{QStringLiteral("type"), type}, {QStringLiteral("message"), message}};
    if (!code.isEmpty()) {
        error.insert(QStringLiteral("code"), code);
        error.insert(QStringLiteral("doc_url"),
                     QStringLiteral("https://stripe.com/docs/error-codes/") + QString(code).replace(u'_', u'-'));
    }
    if (!param.isEmpty())
        error.insert(QStringLiteral("param"), param);
    if (!paymentIntent.isEmpty())
        error.insert(QStringLiteral("payment_intent"), paymentIntent);
    return QJsonObject{{QStringLiteral("error"), error}};
}

StripeError StripeError::invalidParameter(const QString &param, const QString &message, const QString &code)
{
    StripeError error;
    error.param = param;
    error.message = message;
    error.code = code;
    error.storedForIdempotency = false;
    return error;
}

StripeError StripeError::missingParameter(const QString &param)
{
    return invalidParameter(param, QStringLiteral("Missing required param: %1.").arg(param),
                            QStringLiteral("parameter_missing"));
}

StripeError StripeError::invalidInteger(const QString &param, const QString &value)
{
    return invalidParameter(param, QStringLiteral("Invalid integer: %1").arg(value),
                            QStringLiteral("parameter_invalid_integer"));
}

StripeError StripeError::noSuchObject(const QString &kind, const QString &id, const QString &param)
{
    StripeError error =
        invalidParameter(param, QStringLiteral("No such %1: '%2'").arg(kind, id), QStringLiteral("resource_missing"));
    error.httpStatus = 404;
    return error;
}

StripeError StripeError::unexpectedState(const QJsonObject &paymentIntent, const QString &message)
{
    StripeError error;
    error.code = QStringLiteral("payment_intent_unexpected_state");
    error.message = message;
    error.paymentIntent = paymentIntent;
    return error;
}

} // namespace konbini::sandbox
