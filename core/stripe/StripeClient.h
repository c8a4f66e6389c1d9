#pragma once

#include "ApiError.h"
#include "ApiKeyProvider.h"
#include "FormParams.h"
#include "PreparedRequest.h"
#include "RetryPolicy.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace konbini {

// The API version every request pins (Stripe-Version), in one place.
inline constexpr char kStripeApiVersion[] = "2026-10-28.endive";

struct StripeClientConfig {
    QUrl baseUrl{QStringLiteral("https://api.stripe.com")};
    std::chrono::milliseconds timeout{30000}; // per attempt, without a byte moving
    // The whole call, every attempt and backoff included, whatever trickles in: then it ends with
    // a Timeout (transient: a journaled request is resumed with its key).
    std::chrono::milliseconds callDeadline{45000};
    // An answer larger than this is not Stripe's: the transfer is aborted and the call fails.
    qint64 maxAnswerBytes = 4 * 1024 * 1024;
    // Plain http to a loopback address is for a sandbox on this computer and its own key only: a
    // stored Stripe key is only ever sent over https, so this stays false unless the till is on a
    // sandbox.
    bool loopbackHttpAllowed = false;
    RetrySettings retry;
    // Sent with every request; tests use it for the sandbox's X-Sandbox-Fault.
    QList<QPair<QByteArray, QByteArray>> extraHeaders;
};

struct StripeResponse {
    int httpStatus = 0;
    QJsonObject json;
    QString requestId;
    bool replayed = false; // Idempotent-Replayed: true
    int attempts = 0;
};

// One logical request with all its attempts; cancel() ends it with an error of kind Canceled,
// abandon() ends it without calling back (its owner is going away; the request may still have
// reached Stripe, which is why journaled requests are resumed at the next start).
class StripeCall : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const Result<StripeResponse> &)>;

    const QString &idempotencyKey() const { return m_request.idempotencyKey; }
    void cancel();
    void abandon();

private:
    friend class StripeClient;
    StripeCall(QObject *parent) : QObject(parent) {}

    PreparedRequest m_request;
    Callback m_callback;
    int m_retriesDone = 0;
    QPointer<QNetworkReply> m_reply;
    bool m_timedOut = false;
    bool m_tooLarge = false;
    bool m_done = false;
};

// Talks to Stripe (or the sandbox) over QNetworkAccessManager: asynchronous only, one
// Idempotency-Key per POST reused by every retry, retries and timeouts as the official clients,
// https required except on loopback, TLS errors never ignored, the key never logged.
class StripeClient : public QObject
{
    Q_OBJECT

public:
    StripeClient(QNetworkAccessManager &network, const ApiKeyProvider &keys, StripeClientConfig config = {},
                 QObject *parent = nullptr);

    // Sends the request's bytes unchanged (a POST without an idempotency key is refused). `done`
    // is called exactly once, later, on this thread, unless the call is abandoned.
    StripeCall *send(const PreparedRequest &request, StripeCall::Callback done);

    // Opens (TLS included) a connection to the API ahead of the next request, so it does not wait
    // for a handshake; nothing is sent. Does nothing for an address requests may not go to.
    void warmUp();

    const StripeClientConfig &config() const { return m_config; }
    void setRetryPolicy(RetryPolicy policy) { m_retryPolicy = std::move(policy); }

    // Whether requests may go to `url`: https, or http to a loopback host (the sandbox).
    static bool isAllowedBaseUrl(const QUrl &url);
    static QString newIdempotencyKey();
    static QByteArray userAgent();

private:
    void startAttempt(StripeCall *call);
    void onAttemptFinished(StripeCall *call, QNetworkReply *reply);
    void finish(StripeCall *call, const Result<StripeResponse> &result);

    QNetworkAccessManager &m_network;
    const ApiKeyProvider &m_keys;
    StripeClientConfig m_config;
    RetryPolicy m_retryPolicy;
};

} // namespace konbini
