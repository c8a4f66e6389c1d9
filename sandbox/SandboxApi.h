#pragma once

#include "Events.h"
#include "FaultPlan.h"
#include "PaymentIntents.h"
#include "Refunds.h"
#include "SandboxState.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace konbini::sandbox {

// One HTTP request as the API sees it, copied out of the server's request object so it can be
// answered later (`delay=MS`).
struct ApiRequest {
    QByteArray method;
    QString path;
    QByteArray query;
    QByteArray body;
    QByteArray authorization;
    QByteArray idempotencyKey;
    QByteArray fault;
    QByteArray stripeVersion;
    QByteArray requestId;
    QByteArray host;
};

struct ApiAnswer {
    int httpStatus = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
};

// Stripe's API for the Konbini subset, independent of the HTTP server that carries it:
// authentication, routing, parameter decoding and checking, idempotency, the endpoints, and
// persistence after each change.
class SandboxApi
{
public:
    explicit SandboxApi(QString voucherBaseUrl);
    // Only this key is accepted from now on (empty: any test key).
    void setRequiredKey(const QString &key) { m_requiredKey = key; }
    // Stripe's fee for a paid Konbini charge, in percent of the amount.
    void setKonbiniFeePercent(double percent) { m_paymentIntents.setFeeBasisPoints(qRound(percent * 100)); }
    ~SandboxApi();

    // Keeps the state in this file (read on demand, written at each request); without one the
    // state lives in SQLite's private temporary database.
    bool usePersistence(const QString &path, QString &error);

    // The 401 answer for a request without a usable test key; nullopt when it may go on.
    std::optional<ApiAnswer> authenticate(const ApiRequest &request) const;
    // Whether server-wide random faults may hit this request (Stripe's endpoints only).
    bool acceptsRandomFaults(const ApiRequest &request) const;
    // The answer a fault produces in place of processing.
    ApiAnswer faultAnswer(FaultPlan::Kind kind, const ApiRequest &request);
    // Marks the request's idempotency key as in flight; a 409 answer if it already is.
    std::optional<ApiAnswer> reserve(const ApiRequest &request);
    void release(const ApiRequest &request);
    // Processes the request (releasing its reservation) and returns the answer.
    ApiAnswer execute(const ApiRequest &request);

    // The PaymentIntent whose voucher page a hosted_voucher_url token opens; empty once it is
    // paid, expired or canceled.
    QJsonObject voucherPage(const QString &token);

    SandboxState &state() { return m_state; }

private:
    QString m_requiredKey;
    struct Route;
    ApiAnswer dispatch(const ApiRequest &request, const Call &call);
    ApiAnswer json(int httpStatus, const QJsonObject &body, const ApiRequest &request) const;
    ApiAnswer error(const StripeError &error, const ApiRequest &request) const;
    void processDueTransitions(qint64 now);
    QJsonObject clock(const ParamReader &params);

    SandboxState m_state;
    PaymentIntents m_paymentIntents;
    Refunds m_refunds;
    Events m_events;
    QSet<QByteArray> m_keysInFlight;
    std::vector<Route> m_routes;
};

} // namespace konbini::sandbox
