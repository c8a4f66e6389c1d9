#pragma once

#include <QJsonObject>
#include <QString>

namespace konbini::sandbox {

// An error answer in Stripe's shape: {"error": {type, code, message, param, payment_intent?}}.
// Thrown by the emulator's endpoints and turned into the HTTP answer by the server.
struct StripeError {
    int httpStatus = 400;
    QString type = QStringLiteral("invalid_request_error");
    QString code;
    QString message;
    QString param;
    QJsonObject paymentIntent;
    // Stripe stores an idempotent answer once the endpoint has started executing; parameter
    // validation failures are not stored, so a corrected retry with the same key may succeed.
    bool storedForIdempotency = true;

    QJsonObject toJson() const;

    static StripeError invalidParameter(const QString &param, const QString &message, const QString &code = {});
    static StripeError missingParameter(const QString &param);
    static StripeError invalidInteger(const QString &param, const QString &value);
    static StripeError noSuchObject(const QString &kind, const QString &id,
                                    const QString &param = QStringLiteral("id"));
    static StripeError unexpectedState(const QJsonObject &paymentIntent, const QString &message);
};

} // namespace konbini::sandbox
