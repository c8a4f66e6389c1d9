#pragma once

#include "ApiError.h"
#include "StripeStatus.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace konbini {

// The Stripe objects the till reads, typed. Decoding ignores fields it does not know and turns a
// missing or mistyped required field into an ApiError of kind Decoding.

struct KonbiniStore {
    QString chain; // a key of storeChainKeys(): familymart, lawson, ministop, seicomart
    QString paymentCode;
    QString confirmationNumber;
};

struct KonbiniVoucherDetails {
    qint64 expiresAt = 0;
    QString hostedVoucherUrl;
    QList<KonbiniStore> stores; // only the chains Stripe returned, in a fixed order
};

// When and where a voucher was paid, and what Stripe kept: from the PaymentIntent's latest_charge
// expanded with its balance_transaction. Figures that do not add up are left out (known false).
struct PaidDetails {
    qint64 paidAt = 0;  // the charge's created
    QString chain;      // familymart, lawson, ministop, seicomart; empty when Stripe did not say
    bool feesKnown = false;
    qint64 fee = 0;     // Stripe's fee, yen
    qint64 net = 0;     // amount − fee
    qint64 availableOn = 0; // when the funds can be paid out
};

struct PaymentIntent {
    QString id;
    PaymentIntentStatus status = PaymentIntentStatus::Unknown;
    qint64 amount = 0;
    qint64 amountReceived = 0;
    QString currency;
    qint64 created = 0;
    bool livemode = false;
    QString latestCharge;
    QString paymentMethod;
    QString customerName; // billing name, when payment_method was expanded
    qint64 amountRefunded = 0; // the charge's, when latest_charge was expanded
    std::optional<PaidDetails> paid; // when latest_charge was expanded (and its balance transaction for fees)
    QString cancellationReason;
    qint64 canceledAt = 0;
    QString lastPaymentErrorCode;
    QString productDescription;
    QMap<QString, QString> metadata;
    std::optional<KonbiniVoucherDetails> voucher; // while status is requires_action
};

struct Refund {
    QString id;
    RefundStatus status = RefundStatus::Unknown;
    qint64 amount = 0;
    QString paymentIntent;
    QString charge;
    qint64 created = 0;
    QString reason;
    QString instructionsEmail;
    qint64 emailSentAt = 0;
    qint64 actionExpiresAt = 0;
    QString failureReason;
    QMap<QString, QString> metadata;
};

struct Event {
    QString id;
    QString type;
    qint64 created = 0;
    QString objectType; // data.object.object
    QString objectId;   // data.object.id
    QJsonObject object;
    QString apiVersion; // the version data.object is rendered in (the account's default)
};

template <typename T>
struct Page {
    QList<T> items;
    bool hasMore = false;
    QString nextPage; // search results only
};

Result<PaymentIntent> decodePaymentIntent(const QJsonObject &json);
Result<Refund> decodeRefund(const QJsonObject &json);
Result<Event> decodeEvent(const QJsonObject &json);
Result<Page<PaymentIntent>> decodePaymentIntentPage(const QJsonObject &json);
Result<Page<Refund>> decodeRefundPage(const QJsonObject &json);
Result<Page<Event>> decodeEventPage(const QJsonObject &json);

// An error answer ({"error": {...}}) with its HTTP status and request id, classified.
ApiError decodeError(int httpStatus, const QJsonObject &json, const QString &requestId);

} // namespace konbini
