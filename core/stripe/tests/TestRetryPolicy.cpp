#include "RetryPolicy.h"

#include <QTest>

using namespace konbini;
using namespace std::chrono_literals;

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private slots:
    void shouldRetry_data();
    void shouldRetry();
    void konbiniRateLimit_hasItsOwnBudget();
    void resetOnFirstAttempt_isRetriedEvenWithRetriesOff();
    void delay_data();
    void delay();
};

Q_DECLARE_METATYPE(AttemptOutcome)

namespace {

AttemptOutcome http(int status, QByteArray shouldRetry = {})
{
    AttemptOutcome outcome;
    outcome.httpStatus = status;
    outcome.shouldRetryHeader = std::move(shouldRetry);
    return outcome;
}

} // namespace

void TestRetryPolicy::shouldRetry_data()
{
    QTest::addColumn<AttemptOutcome>("outcome");
    QTest::addColumn<int>("retriesDone");
    QTest::addColumn<bool>("retry");
    AttemptOutcome refused;
    refused.connectionFailed = true;
    AttemptOutcome timedOut;
    timedOut.timedOut = true;
    QTest::newRow("connection refused") << refused << 0 << true;
    QTest::newRow("timeout") << timedOut << 1 << true;
    QTest::newRow("timeout, budget spent") << timedOut << 2 << false;
    QTest::newRow("409") << http(409) << 0 << true;
    QTest::newRow("429") << http(429) << 0 << true;
    QTest::newRow("500") << http(500) << 0 << true;
    QTest::newRow("503, second retry") << http(503) << 1 << true;
    QTest::newRow("503, budget spent") << http(503) << 2 << false;
    QTest::newRow("400") << http(400) << 0 << false;
    QTest::newRow("401") << http(401) << 0 << false;
    QTest::newRow("404") << http(404) << 0 << false;
    QTest::newRow("400 with Stripe-Should-Retry: true") << http(400, "true") << 0 << true;
    QTest::newRow("500 with Stripe-Should-Retry: false") << http(500, "false") << 0 << false;
    QTest::newRow("should-retry true, budget spent") << http(400, "true") << 2 << false;
}

void TestRetryPolicy::shouldRetry()
{
    QFETCH(AttemptOutcome, outcome);
    QFETCH(int, retriesDone);
    QFETCH(bool, retry);
    QCOMPARE(RetryPolicy().shouldRetry(outcome, retriesDone), retry);
}

void TestRetryPolicy::konbiniRateLimit_hasItsOwnBudget()
{
    RetrySettings settings;
    settings.maxNetworkRetries = 0;
    settings.maxKonbiniRateLimitRetries = 3;
    const RetryPolicy policy(settings);
    AttemptOutcome limited = http(429);
    limited.errorCode = QStringLiteral("payment_method_rate_limit_exceeded");
    QVERIFY(policy.shouldRetry(limited, 0));
    QVERIFY(policy.shouldRetry(limited, 2));
    QVERIFY(!policy.shouldRetry(limited, 3));
    QVERIFY(!policy.shouldRetry(http(429), 0));
}

void TestRetryPolicy::resetOnFirstAttempt_isRetriedEvenWithRetriesOff()
{
    RetrySettings settings;
    settings.maxNetworkRetries = 0;
    const RetryPolicy policy(settings);
    AttemptOutcome reset;
    reset.connectionFailed = true;
    reset.connectionReset = true;
    QVERIFY(policy.shouldRetry(reset, 0));
    QVERIFY(!policy.shouldRetry(reset, 1));
    AttemptOutcome refused;
    refused.connectionFailed = true;
    QVERIFY(!policy.shouldRetry(refused, 0));
}

void TestRetryPolicy::delay_data()
{
    QTest::addColumn<int>("retryNumber");
    QTest::addColumn<double>("random");
    QTest::addColumn<int>("expectedMs");
    // min(500 × 2^(n−1), 5000) × (½ + ½·random), at least 500.
    QTest::newRow("first, no jitter") << 1 << 1.0 << 500;
    QTest::newRow("first, full jitter is floored") << 1 << 0.0 << 500;
    QTest::newRow("second, no jitter") << 2 << 1.0 << 1000;
    QTest::newRow("second, half jitter") << 2 << 0.0 << 500;
    QTest::newRow("third") << 3 << 0.5 << 1500;
    QTest::newRow("fourth") << 4 << 1.0 << 4000;
    QTest::newRow("capped at 5 s") << 8 << 1.0 << 5000;
    QTest::newRow("capped, jittered") << 8 << 0.0 << 2500;
}

void TestRetryPolicy::delay()
{
    QFETCH(int, retryNumber);
    QFETCH(double, random);
    QFETCH(int, expectedMs);
    const RetryPolicy policy({}, [random] { return random; });
    QCOMPARE(policy.delayBeforeRetry(retryNumber).count(), expectedMs);
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "TestRetryPolicy.moc"
