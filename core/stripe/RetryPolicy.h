#pragma once

#include <QByteArray>
#include <QString>

#include <chrono>
#include <functional>

namespace konbini {

struct RetrySettings {
    int maxNetworkRetries = 2;          // as stripe-node
    int maxKonbiniRateLimitRetries = 3; // payment_method_rate_limit_exceeded, then surfaced
    std::chrono::milliseconds initialDelay{500};
    std::chrono::milliseconds maxDelay{5000};
};

// What one attempt of a request came to, as far as retrying is concerned.
struct AttemptOutcome {
    bool connectionFailed = false; // no HTTP answer at all (refused, reset, DNS)
    bool connectionReset = false;  // the connection closed under the request
    bool timedOut = false;
    int httpStatus = 0;
    QByteArray shouldRetryHeader; // Stripe-Should-Retry: "true", "false" or empty
    QString errorCode;            // Stripe's error code, if any
};

// The official clients' retry rules (CLIENT_CONVENTIONS.md): connection failures, timeouts,
// 409, 429 and 5xx are retried unless Stripe-Should-Retry says false; a reset on the first
// attempt is retried once even with retries off; Konbini's own rate limit has its own budget.
// Backoff: min(initial × 2^(n−1), max), jittered into [½, 1] of that, never below initial.
class RetryPolicy
{
public:
    explicit RetryPolicy(RetrySettings settings = {}, std::function<double()> uniformRandom = {});

    // `retriesDone`: retries already made for this request.
    bool shouldRetry(const AttemptOutcome &outcome, int retriesDone) const;
    std::chrono::milliseconds delayBeforeRetry(int retryNumber) const;
    const RetrySettings &settings() const { return m_settings; }

private:
    RetrySettings m_settings;
    std::function<double()> m_uniformRandom;
};

} // namespace konbini
