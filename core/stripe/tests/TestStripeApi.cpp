#include "SandboxHttp.h"
#include "StripeApi.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <optional>

using namespace konbini;
using namespace konbini::test;
using namespace std::chrono_literals;

// StripeApi is the one place that knows endpoints and parameters: what it prepares is what is
// journaled and sent.
class TestStripeApi : public QObject
{
    Q_OBJECT

private slots:
    void create_carriesEverythingStripeNeeds();
    void create_withDeadline();
    void confirm_carriesCustomerAndNumber();
    void ids_arePercentEncodedInPaths();
    void everyPost_hasItsOwnFreshKey();
    void refund_andCancel();
    void preparedBytes_areSentUnchanged_andReplayedBySameKey();
};

void TestStripeApi::create_carriesEverythingStripeNeeds()
{
    KonbiniPaymentIntentSpec spec;
    spec.amountYen = 1500;
    spec.productDescription = QStringLiteral("お弁当");
    spec.expiresAfterDays = 3;
    spec.metadata = {{QStringLiteral("terminal"), QStringLiteral("till-1")}};
    const PreparedRequest request = StripeApi::createPaymentIntent(spec);
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QStringLiteral("/v1/payment_intents"));
    const FormParams create = FormParams::fromEncoded(request.body);
    QCOMPARE(create.value(QStringLiteral("amount")), QStringLiteral("1500"));
    QCOMPARE(create.value(QStringLiteral("currency")), QStringLiteral("jpy"));
    QCOMPARE(create.value(QStringLiteral("payment_method_types[0]")), QStringLiteral("konbini"));
    QCOMPARE(create.value(QStringLiteral("payment_method_options[konbini][product_description]")),
             QStringLiteral("お弁当"));
    QCOMPARE(create.value(QStringLiteral("payment_method_options[konbini][expires_after_days]")), QStringLiteral("3"));
    QCOMPARE(create.value(QStringLiteral("metadata[terminal]")), QStringLiteral("till-1"));
    QVERIFY(!request.body.contains("expires_at"));
}

void TestStripeApi::create_withDeadline()
{
    KonbiniPaymentIntentSpec spec;
    spec.amountYen = 1500;
    spec.expiresAt = 1796137199;
    const FormParams create = FormParams::fromEncoded(StripeApi::createPaymentIntent(spec).body);
    QCOMPARE(create.value(QStringLiteral("payment_method_options[konbini][expires_at]")), QStringLiteral("1796137199"));
    QVERIFY(!StripeApi::createPaymentIntent(spec).body.contains("expires_after_days"));
}

void TestStripeApi::confirm_carriesCustomerAndNumber()
{
    const PreparedRequest request = StripeApi::confirmPaymentIntent(
        QStringLiteral("pi_1"),
        {QStringLiteral("山田 花子"), QStringLiteral("hanako@example.jp"), QStringLiteral("09012345678")});
    QCOMPARE(request.path, QStringLiteral("/v1/payment_intents/pi_1/confirm"));
    const FormParams confirm = FormParams::fromEncoded(request.body);
    QCOMPARE(confirm.value(QStringLiteral("payment_method_data[type]")), QStringLiteral("konbini"));
    QCOMPARE(confirm.value(QStringLiteral("payment_method_data[billing_details][name]")), QStringLiteral("山田 花子"));
    QCOMPARE(confirm.value(QStringLiteral("payment_method_data[billing_details][email]")),
             QStringLiteral("hanako@example.jp"));
    QCOMPARE(confirm.value(QStringLiteral("payment_method_options[konbini][confirmation_number]")),
             QStringLiteral("09012345678"));
    const PreparedRequest noNumber =
        StripeApi::confirmPaymentIntent(QStringLiteral("pi_1"), {QStringLiteral("a"), QStringLiteral("b@c.jp"), {}});
    QVERIFY(!noNumber.body.contains("confirmation_number"));
}

void TestStripeApi::ids_arePercentEncodedInPaths()
{
    QCOMPARE(StripeApi::confirmPaymentIntent(QStringLiteral("pi_1/../../v1/refunds?x"), {}).path,
             QStringLiteral("/v1/payment_intents/pi_1%2F..%2F..%2Fv1%2Frefunds%3Fx/confirm"));
    QCOMPARE(StripeApi::cancelPaymentIntent(QStringLiteral("pi 2"), {}).path,
             QStringLiteral("/v1/payment_intents/pi%202/cancel"));
    QCOMPARE(StripeApi::cancelRefund(QStringLiteral("re_#1")).path, QStringLiteral("/v1/refunds/re_%231/cancel"));
}

void TestStripeApi::everyPost_hasItsOwnFreshKey()
{
    KonbiniPaymentIntentSpec spec;
    spec.amountYen = 1500;
    const PreparedRequest first = StripeApi::createPaymentIntent(spec);
    const PreparedRequest second = StripeApi::createPaymentIntent(spec);
    QVERIFY(first.idempotencyKey.startsWith(QStringLiteral("konbini-pos-")));
    QVERIFY(first.idempotencyKey != second.idempotencyKey);
    QCOMPARE(first.body, second.body);
}

void TestStripeApi::refund_andCancel()
{
    const PreparedRequest refund =
        StripeApi::createRefund(QStringLiteral("pi_1"), 500, QStringLiteral("requested_by_customer"),
                                {{QStringLiteral("terminal"), QStringLiteral("t")}});
    QCOMPARE(refund.path, QStringLiteral("/v1/refunds"));
    const FormParams params = FormParams::fromEncoded(refund.body);
    QCOMPARE(params.value(QStringLiteral("payment_intent")), QStringLiteral("pi_1"));
    QCOMPARE(params.value(QStringLiteral("amount")), QStringLiteral("500"));
    QCOMPARE(params.value(QStringLiteral("reason")), QStringLiteral("requested_by_customer"));
    QCOMPARE(params.value(QStringLiteral("metadata[terminal]")), QStringLiteral("t"));
    QVERIFY(!StripeApi::createRefund(QStringLiteral("pi_1"), 0, {}, {}).body.contains("amount"));
    const FormParams cancel = FormParams::fromEncoded(
        StripeApi::cancelPaymentIntent(QStringLiteral("pi_1"), QStringLiteral("abandoned")).body);
    QCOMPARE(cancel.value(QStringLiteral("cancellation_reason")), QStringLiteral("abandoned"));
}

void TestStripeApi::preparedBytes_areSentUnchanged_andReplayedBySameKey()
{
    SandboxHttp sandbox;
    QNetworkAccessManager network;
    FixedKeyProvider key(QStringLiteral("sk_test_api_tests"));
    StripeClientConfig config;
    config.baseUrl = sandbox.baseUrl();
    config.loopbackHttpAllowed = true;
    StripeClient client(network, key, config);
    StripeApi api(client);
    KonbiniPaymentIntentSpec spec;
    spec.amountYen = 2000;
    spec.productDescription = QStringLiteral("お弁当 & おにぎり=2");
    const PreparedRequest create = StripeApi::createPaymentIntent(spec);
    const auto send = [&](const PreparedRequest &request) {
        std::optional<Result<PaymentIntent>> answer;
        api.send<PaymentIntent>(request, [&](const Result<PaymentIntent> &r) { answer = r; });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 20000))
            qFatal("no answer");
        return *answer;
    };
    const Result<PaymentIntent> first = send(create);
    QVERIFY(first.ok());
    QCOMPARE(first.value().productDescription, spec.productDescription);
    // The same prepared request again (as a journal replay sends it): Stripe's stored answer.
    const Result<PaymentIntent> replayed = send(create);
    QVERIFY(replayed.ok());
    QCOMPARE(replayed.value().id, first.value().id);
    QCOMPARE(sandbox.count(QStringLiteral("/v1/payment_intents")), 1);
}

QTEST_GUILESS_MAIN(TestStripeApi)
#include "TestStripeApi.moc"
