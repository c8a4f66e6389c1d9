#pragma once

#include "StripeClient.h"
#include "StripeObjects.h"

#include <QMap>

#include <optional>

#include <functional>

namespace konbini {

// What the till asks Stripe to create for one Konbini sale.
// Who pays, for the voucher (billing details and the confirmation number).
struct KonbiniCustomer {
    QString name;
    QString email;
    QString confirmationNumber; // digits; empty: Stripe generates one
};

struct KonbiniPaymentIntentSpec {
    qint64 amountYen = 0;
    QString productDescription;
    int expiresAfterDays = 3; // used unless expiresAt is set
    qint64 expiresAt = 0;     // Unix seconds (23:59:59 JST of a chosen day); 0: by days
    QMap<QString, QString> metadata;
    // Set: created and confirmed in one request (confirm=true), so the answer is the voucher.
    std::optional<KonbiniCustomer> confirmFor;
};

// One page of PaymentIntents, newest first: created at or after createdFrom, older than startingAfter.
struct PaymentIntentListQuery {
    qint64 createdFrom = 0;
    QString startingAfter;
    int limit = 100;
};

struct EventQuery {
    QString endingBefore; // walk forward from this event; empty: the newest
    int limit = 100;
    QStringList types;
};

// Stripe's endpoints the till uses: the only place that knows endpoint paths (with
// percent-encoded ids) and parameter names. A POST is first prepared (method, path, form body and a
// fresh idempotency key), journaled by its caller exactly as prepared, then sent with send<T>();
// reads are sent at once. Every answer is decoded by the one decoder of its type.
class StripeApi
{
public:
    template <typename T>
    using Callback = std::function<void(const Result<T> &)>;

    explicit StripeApi(StripeClient &client) : m_client(client) {}
    // Talking to a sandbox on this computer over plain http (whose voucher pages are http too).
    bool isLoopbackSandbox() const { return m_client.config().baseUrl.scheme() == u"http"; }

    // POSTs, prepared for the journal; each gets a fresh idempotency key.
    static PreparedRequest createPaymentIntent(const KonbiniPaymentIntentSpec &spec);
    static PreparedRequest confirmPaymentIntent(const QString &paymentIntentId, const KonbiniCustomer &customer);
    static PreparedRequest cancelPaymentIntent(const QString &paymentIntentId, const QString &reason);
    // amountYen 0: the whole remaining amount.
    static PreparedRequest createRefund(const QString &paymentIntentId, qint64 amountYen, const QString &reason,
                                        const QMap<QString, QString> &metadata);
    static PreparedRequest cancelRefund(const QString &refundId);

    // Sends a prepared request unchanged and decodes the answer as T (PaymentIntent or Refund).
    template <typename T>
    StripeCall *send(const PreparedRequest &request, Callback<T> done);

    StripeCall *retrievePaymentIntent(const QString &id, Callback<PaymentIntent> done);
    // With its charge and the charge's balance transaction: where and when it was paid, the fee.
    StripeCall *retrievePaidPaymentIntent(const QString &id, Callback<PaymentIntent> done);
    StripeCall *retrieveRefund(const QString &id, Callback<Refund> done);
    StripeCall *listRefundsOf(const QString &paymentIntentId, Callback<Page<Refund>> done);
    StripeCall *listEvents(const EventQuery &query, Callback<Page<Event>> done);
    // The newest PaymentIntent: the cheapest call that proves a key works.
    StripeCall *listNewestPaymentIntent(Callback<Page<PaymentIntent>> done);
    // With each paid one's charge and balance transaction expanded (its paid details).
    StripeCall *listPaymentIntents(const PaymentIntentListQuery &query, Callback<Page<PaymentIntent>> done);
    // Stripe's Search API on PaymentIntents (with the billing details expanded for the name).
    StripeCall *searchPaymentIntents(const QString &query, const QString &page, int limit,
                                     Callback<Page<PaymentIntent>> done);
    // The search query for every PaymentIntent whose metadata names this store.
    static QString storeQuery(const QString &store);

private:
    template <typename T>
    StripeCall *sendDecoded(const PreparedRequest &request, Result<T> (*decode)(const QJsonObject &), Callback<T> done);

    StripeClient &m_client;
};

} // namespace konbini
