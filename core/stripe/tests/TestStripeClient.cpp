#include "SandboxHttp.h"
#include "SandboxServer.h"
#include "StripeApi.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <optional>

using namespace konbini;
using namespace konbini::test;
using namespace std::chrono_literals;

namespace {

// Fast retries so tests do not wait out Stripe's half-second backoff.
StripeClientConfig fastConfig(const QUrl &base, QList<QPair<QByteArray, QByteArray>> headers = {})
{
    StripeClientConfig config;
    config.baseUrl = base;
    config.loopbackHttpAllowed = true; // the sandbox, with its test key
    config.retry.initialDelay = 1ms;
    config.retry.maxDelay = 4ms;
    config.extraHeaders = std::move(headers);
    return config;
}

PreparedRequest konbiniCreate(qint64 amount = 1500)
{
    KonbiniPaymentIntentSpec spec;
    spec.amountYen = amount;
    return StripeApi::createPaymentIntent(spec);
}

PreparedRequest getRequest(const QString &path)
{
    return PreparedRequest{"GET", path, {}, {}};
}

// Runs one asynchronous call to completion.
template <typename T, typename Start>
Result<T> complete(Start start)
{
    std::optional<Result<T>> result;
    start([&](const Result<T> &answer) { result = answer; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        qFatal("no answer within 20 s");
    return *result;
}

} // namespace

class TestStripeClient : public QObject
{
    Q_OBJECT

private slots:
    void create_sendsPinnedVersionKeyAndIdempotencyKey();
    void errors_areTyped();
    void retry_data();
    void retry();
    void dropAfterCreate_retrySameKeyMakesOnePaymentIntent();
    void konbiniRateLimit_isRetriedThenSurfaced();
    void methodUnavailable_isNotRetried();
    void timeout_endsAttempt();
    void cancel_endsCallAtOnce();
    void abandon_neverCallsBack();
    void postWithoutIdempotencyKey_isRefused();
    void keyNotKnownYet_sendsNothingUntilItIs();
    void offline_isReportedAfterRetries();
    void plainHttpToOtherHosts_isRefused();
    void plainHttpToLoopback_onlyForTheSandbox();
    void allowedBaseUrls();

private:
    SandboxHttp m_sandbox;
    QNetworkAccessManager m_network;
    FixedKeyProvider m_key{QStringLiteral("sk_test_client_tests")};
};

void TestStripeClient::create_sendsPinnedVersionKeyAndIdempotencyKey()
{
    StripeClient client(m_network, m_key, fastConfig(m_sandbox.baseUrl()));
    StripeApi api(client);
    QString key;
    const Result<PaymentIntent> created = complete<PaymentIntent>(
        [&](auto done) { key = api.send<PaymentIntent>(konbiniCreate(), done)->idempotencyKey(); });
    QVERIFY(created.ok());
    QCOMPARE(created.value().amount, 1500);
    QVERIFY(key.startsWith(QStringLiteral("konbini-pos-")));
    // The sandbox records the key on the event, and answers with the version we pinned.
    const HttpResult events =
        m_sandbox.get(QStringLiteral("/v1/events"), {{QStringLiteral("limit"), QStringLiteral("1")}});
    QCOMPARE(events.json.value(QStringLiteral("data"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("request"))
                 .toObject()
                 .value(QStringLiteral("idempotency_key"))
                 .toString(),
             key);
    std::optional<Result<StripeResponse>> raw;
    client.send(getRequest(QStringLiteral("/v1/payment_intents/") + created.value().id),
                [&](const Result<StripeResponse> &r) { raw = r; });
    QTRY_VERIFY(raw.has_value());
    QVERIFY(raw->ok());
    QVERIFY(raw->value().requestId.startsWith(QStringLiteral("req_")));
    QCOMPARE(raw->value().attempts, 1);
    QVERIFY(StripeClient::userAgent().startsWith("KonbiniPOS/"));
}

void TestStripeClient::errors_areTyped()
{
    StripeClient client(m_network, m_key, fastConfig(m_sandbox.baseUrl()));
    StripeApi api(client);
    const Result<PaymentIntent> tooSmall =
        complete<PaymentIntent>([&](auto done) { api.send<PaymentIntent>(konbiniCreate(100), done); });
    QVERIFY(!tooSmall.ok());
    QCOMPARE(tooSmall.error().kind, ApiError::Kind::InvalidRequest);
    QCOMPARE(tooSmall.error().code, QStringLiteral("amount_too_small"));
    QCOMPARE(tooSmall.error().param, QStringLiteral("amount"));
    QCOMPARE(tooSmall.error().httpStatus, 400);
    QVERIFY(tooSmall.error().requestId.startsWith(QStringLiteral("req_")));

    const Result<PaymentIntent> missing =
        complete<PaymentIntent>([&](auto done) { api.retrievePaymentIntent(QStringLiteral("pi_missing"), done); });
    QCOMPARE(missing.error().kind, ApiError::Kind::NotFound);

    FixedKeyProvider liveKey(QStringLiteral("sk_live_wrong"));
    StripeClient liveClient(m_network, liveKey, fastConfig(m_sandbox.baseUrl()));
    StripeApi liveApi(liveClient);
    const Result<Page<PaymentIntent>> refused =
        complete<Page<PaymentIntent>>([&](auto done) { liveApi.listNewestPaymentIntent(done); });
    QCOMPARE(refused.error().kind, ApiError::Kind::Authentication);

    // An answer of the wrong shape is a decoding error, not a crash.
    std::optional<Result<StripeResponse>> clock;
    client.send(getRequest(QStringLiteral("/v1/test_helpers/sandbox/clock")),
                [&](const Result<StripeResponse> &r) { clock = r; });
    QTRY_VERIFY(clock.has_value());
    const Result<PaymentIntent> wrongShape = decodePaymentIntent(clock->value().json);
    QCOMPARE(wrongShape.error().kind, ApiError::Kind::Decoding);
}

void TestStripeClient::retry_data()
{
    QTest::addColumn<QByteArray>("fault");
    QTest::addColumn<int>("attempts");
    QTest::newRow("500 once") << QByteArray("500,count=1") << 2;
    QTest::newRow("503 twice") << QByteArray("503,count=2") << 3;
    QTest::newRow("429 once") << QByteArray("429,count=1") << 2;
    // Qt's HTTP stack itself resends a request whose kept-alive connection was closed before
    // any answer, so the client may see one attempt or two; either way one PaymentIntent.
    QTest::newRow("drop_before once") << QByteArray("drop_before,count=1") << 0;
}

void TestStripeClient::retry()
{
    QFETCH(QByteArray, fault);
    QFETCH(int, attempts);
    StripeClient client(m_network, m_key, fastConfig(m_sandbox.baseUrl(), {{"X-Sandbox-Fault", fault}}));
    const qsizetype before = m_sandbox.count(QStringLiteral("/v1/payment_intents"));
    std::optional<Result<StripeResponse>> result;
    client.send(konbiniCreate(), [&](const Result<StripeResponse> &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
    QVERIFY2(result->ok(), result->ok() ? "" : qPrintable(result->error().describe()));
    if (attempts > 0)
        QCOMPARE(result->value().attempts, attempts);
    QCOMPARE(m_sandbox.count(QStringLiteral("/v1/payment_intents")), before + 1);
}

void TestStripeClient::dropAfterCreate_retrySameKeyMakesOnePaymentIntent()
{
    StripeClient client(m_network, m_key, fastConfig(m_sandbox.baseUrl(), {{"X-Sandbox-Fault", "drop_after,count=1"}}));
    const qsizetype before = m_sandbox.count(QStringLiteral("/v1/payment_intents"));
    std::optional<Result<StripeResponse>> result;
    client.send(konbiniCreate(), [&](const Result<StripeResponse> &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
    QVERIFY(result->ok());
    QVERIFY(result->value().replayed);
    QCOMPARE(m_sandbox.count(QStringLiteral("/v1/payment_intents")), before + 1);
}

void TestStripeClient::konbiniRateLimit_isRetriedThenSurfaced()
{
    StripeClient client(m_network, m_key, fastConfig(m_sandbox.baseUrl(), {{"X-Sandbox-Fault", "konbini_rate_limit"}}));
    std::optional<Result<StripeResponse>> result;
    client.send(konbiniCreate(), [&](const Result<StripeResponse> &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
    QCOMPARE(result->error().kind, ApiError::Kind::KonbiniRateLimited);
    // And with the limit lifting after two attempts, the third goes through.
    StripeClient recovering(m_network, m_key,
                            fastConfig(m_sandbox.baseUrl(), {{"X-Sandbox-Fault", "konbini_rate_limit,count=2"}}));
    std::optional<Result<StripeResponse>> recovered;
    recovering.send(konbiniCreate(), [&](const Result<StripeResponse> &r) { recovered = r; });
    QTRY_VERIFY_WITH_TIMEOUT(recovered.has_value(), 20000);
    QVERIFY(recovered->ok());
    QCOMPARE(recovered->value().attempts, 3);
}

void TestStripeClient::methodUnavailable_isNotRetried()
{
    StripeClient client(m_network, m_key,
                        fastConfig(m_sandbox.baseUrl(), {{"X-Sandbox-Fault", "not_available,count=1"}}));
    std::optional<Result<StripeResponse>> result;
    client.send(konbiniCreate(), [&](const Result<StripeResponse> &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QCOMPARE(result->error().kind, ApiError::Kind::MethodUnavailable);
}

void TestStripeClient::timeout_endsAttempt()
{
    StripeClientConfig config = fastConfig(m_sandbox.baseUrl(), {{"X-Sandbox-Fault", "delay=2000"}});
    config.timeout = 100ms;
    config.retry.maxNetworkRetries = 1;
    StripeClient client(m_network, m_key, config);
    std::optional<Result<StripeResponse>> result;
    client.send(getRequest(QStringLiteral("/v1/payment_intents")),
                [&](const Result<StripeResponse> &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    QCOMPARE(result->error().kind, ApiError::Kind::Timeout);
    QVERIFY(result->error().isTransient());
}

void TestStripeClient::cancel_endsCallAtOnce()
{
    StripeClient client(m_network, m_key, fastConfig(m_sandbox.baseUrl(), {{"X-Sandbox-Fault", "delay=5000"}}));
    std::optional<Result<StripeResponse>> result;
    int calls = 0;
    StripeCall *call =
        client.send(getRequest(QStringLiteral("/v1/payment_intents")), [&](const Result<StripeResponse> &r) {
            result = r;
            ++calls;
        });
    call->cancel();
    QVERIFY(result.has_value()); // at once, not when the 5 s answer would come
    QCOMPARE(result->error().kind, ApiError::Kind::Canceled);
    QCoreApplication::processEvents(); // the aborted reply finishes here; it must not call back again
    QCoreApplication::processEvents();
    QCOMPARE(calls, 1);
}

void TestStripeClient::abandon_neverCallsBack()
{
    StripeClient client(m_network, m_key, fastConfig(m_sandbox.baseUrl(), {{"X-Sandbox-Fault", "delay=300"}}));
    int calls = 0;
    QPointer<StripeCall> call = client.send(konbiniCreate(), [&](const Result<StripeResponse> &) { ++calls; });
    call->abandon();
    QTRY_VERIFY(call.isNull()); // deleted once control returns to the event loop
    // Whatever the aborted reply does now, nobody is called back.
    const Result<Page<PaymentIntent>> later =
        complete<Page<PaymentIntent>>([&](auto done) { StripeApi(client).listNewestPaymentIntent(done); });
    QVERIFY(later.ok());
    QCOMPARE(calls, 0);
}

void TestStripeClient::postWithoutIdempotencyKey_isRefused()
{
    StripeClient client(m_network, m_key, fastConfig(m_sandbox.baseUrl()));
    PreparedRequest unkeyed = konbiniCreate();
    unkeyed.idempotencyKey.clear();
    std::optional<Result<StripeResponse>> result;
    client.send(unkeyed, [&](const Result<StripeResponse> &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QCOMPARE(result->error().kind, ApiError::Kind::InvalidRequest);
}

void TestStripeClient::keyNotKnownYet_sendsNothingUntilItIs()
{
    HeldKeyProvider key;
    StripeClient client(m_network, key, fastConfig(m_sandbox.baseUrl()));
    const qsizetype before = m_sandbox.paymentIntentCount();
    std::optional<Result<StripeResponse>> early;
    client.send(konbiniCreate(), [&](const Result<StripeResponse> &r) { early = r; });
    QVERIFY(!early.has_value()); // never synchronously
    QTRY_VERIFY(early.has_value());
    QCOMPARE(early->error().kind, ApiError::Kind::Authentication);
    QCOMPARE(m_sandbox.paymentIntentCount(), before);

    key.setKey(m_key.apiKey());
    std::optional<Result<StripeResponse>> later;
    client.send(konbiniCreate(), [&](const Result<StripeResponse> &r) { later = r; });
    QTRY_VERIFY(later.has_value());
    QVERIFY(later->ok());
    QCOMPARE(m_sandbox.paymentIntentCount(), before + 1);
}

void TestStripeClient::offline_isReportedAfterRetries()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close(); // nothing listens there now
    StripeClient client(m_network, m_key, fastConfig(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))));
    std::optional<Result<StripeResponse>> result;
    client.send(konbiniCreate(), [&](const Result<StripeResponse> &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    QCOMPARE(result->error().kind, ApiError::Kind::Offline);
}

void TestStripeClient::plainHttpToOtherHosts_isRefused()
{
    StripeClient client(m_network, m_key, fastConfig(QUrl(QStringLiteral("http://api.stripe.com"))));
    std::optional<Result<StripeResponse>> result;
    client.send(getRequest(QStringLiteral("/v1/payment_intents")),
                [&](const Result<StripeResponse> &r) { result = r; });
    QVERIFY(!result.has_value()); // never synchronously
    QTRY_VERIFY(result.has_value());
    QCOMPARE(result->error().kind, ApiError::Kind::InsecureTransport);
}

void TestStripeClient::plainHttpToLoopback_onlyForTheSandbox()
{
    // A client that is not on the sandbox (a stored Stripe key) never sends its key over http,
    // not even to this computer: whoever binds the port first would receive it.
    StripeClientConfig config = fastConfig(m_sandbox.baseUrl());
    config.loopbackHttpAllowed = false;
    StripeClient client(m_network, m_key, config);
    QSignalSpy received(m_sandbox.server(), &sandbox::SandboxServer::requestReceived);
    std::optional<Result<StripeResponse>> result;
    client.send(getRequest(QStringLiteral("/v1/payment_intents")), [&](const Result<StripeResponse> &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QCOMPARE(result->error().kind, ApiError::Kind::InsecureTransport);
    QCOMPARE(received.count(), 0);
}

void TestStripeClient::allowedBaseUrls()
{
    QVERIFY(StripeClient::isAllowedBaseUrl(QUrl(QStringLiteral("https://api.stripe.com"))));
    QVERIFY(StripeClient::isAllowedBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:12111"))));
    QVERIFY(StripeClient::isAllowedBaseUrl(QUrl(QStringLiteral("http://127.8.0.1:80"))));
    QVERIFY(StripeClient::isAllowedBaseUrl(QUrl(QStringLiteral("http://[::1]:8080"))));
    QVERIFY(StripeClient::isAllowedBaseUrl(QUrl(QStringLiteral("http://localhost:8080"))));
    QVERIFY(!StripeClient::isAllowedBaseUrl(QUrl(QStringLiteral("http://api.stripe.com"))));
    QVERIFY(!StripeClient::isAllowedBaseUrl(QUrl(QStringLiteral("http://192.168.1.10:8080"))));
    QVERIFY(!StripeClient::isAllowedBaseUrl(QUrl(QStringLiteral("http://localhost.example.com"))));
    QVERIFY(!StripeClient::isAllowedBaseUrl(QUrl(QStringLiteral("ftp://api.stripe.com"))));
    QVERIFY(!StripeClient::isAllowedBaseUrl(QUrl(QStringLiteral("not a url"))));
}

QTEST_GUILESS_MAIN(TestStripeClient)
#include "TestStripeClient.moc"
