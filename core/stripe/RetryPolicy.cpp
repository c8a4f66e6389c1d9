#include "RetryPolicy.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace konbini {

RetryPolicy::RetryPolicy(RetrySettings settings, std::function<double()> uniformRandom)
    : m_settings(settings), m_uniformRandom(std::move(uniformRandom))
{
    if (!m_uniformRandom)
        m_uniformRandom = [] { return QRandomGenerator::global()->generateDouble(); };
}

bool RetryPolicy::shouldRetry(const AttemptOutcome &outcome, int retriesDone) const
{
    if (outcome.errorCode == u"payment_method_rate_limit_exceeded")
        return retriesDone < m_settings.maxKonbiniRateLimitRetries;
    if (outcome.connectionReset && retriesDone == 0)
        return true; // the request most likely never reached Stripe
    if (retriesDone >= m_settings.maxNetworkRetries)
        return false;
    if (outcome.shouldRetryHeader == "false")
        return false;
    if (outcome.shouldRetryHeader == "true")
        return true;
    if (outcome.connectionFailed || outcome.timedOut)
        return true;
    return outcome.httpStatus == 409 || outcome.httpStatus == 429 || outcome.httpStatus >= 500;
}

std::chrono::milliseconds RetryPolicy::delayBeforeRetry(int retryNumber) const
{
    const double initial = double(m_settings.initialDelay.count());
    const double exponential =
        std::min(initial * std::pow(2.0, std::max(0, retryNumber - 1)), double(m_settings.maxDelay.count()));
    const double jittered = exponential * (0.5 * (1.0 + m_uniformRandom()));
    return std::chrono::milliseconds(qint64(std::max(initial, jittered)));
}

} // namespace konbini
