#include "StripeObjects.h"

#include <QJsonDocument>
#include <QTest>

using namespace konbini;

namespace {

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

const char *const kVoucher =
    R"({ "id": "pi_1", "object": "payment_intent", "amount": 1500, "amount_received": 0, "currency": "jpy", "created": 1795858524, "livemode": false, "status": "requires_action", "latest_charge": null, "payment_method": {"id": "pm_1", "object": "payment_method"}, "metadata": {"terminal": "till-1"}, "payment_method_options": {"konbini": {"product_description": "お弁当"}}, "some_future_field": {"ignored": true}, "next_action": {"type": "konbini_display_details", "konbini_display_details": { "expires_at": 1796137199, "hosted_voucher_url": "https://payments.stripe.com/konbini/voucher/test_x", "stores": {"familymart": {"confirmation_number": "09012345678", "payment_code": "123456"}, "lawson": {"confirmation_number": "09012345678", "payment_code": "LW1"}, "ministop": null, "seicomart": {"payment_code": "SM1", "confirmation_number": null}}}} })";

} // namespace

class TestStripeObjects : public QObject
{
    Q_OBJECT

private slots:
    void paymentIntent_withVoucher();
    void paymentIntent_expandedChargeGivesTheRefundedAmount_data();
    void paymentIntent_expandedChargeGivesTheRefundedAmount();
    void paymentIntent_paidDetailsFromTheExpandedCharge_data();
    void paymentIntent_paidDetailsFromTheExpandedCharge();
    void paymentIntent_malformed_data();
    void paymentIntent_malformed();
    void refund_waitingForBankDetails();
    void page_ofEvents();
    void page_malformedItemFailsWhole();
    void error_isClassified_data();
    void error_isClassified();
};

void TestStripeObjects::paymentIntent_withVoucher()
{
    const Result<PaymentIntent> decoded = decodePaymentIntent(parse(kVoucher));
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message));
    const PaymentIntent &pi = decoded.value();
    QCOMPARE(pi.id, QStringLiteral("pi_1"));
    QCOMPARE(pi.amount, 1500);
    QCOMPARE(pi.status, PaymentIntentStatus::RequiresAction);
    QCOMPARE(pi.paymentMethod, QStringLiteral("pm_1")); // expanded object: its id
    QCOMPARE(pi.latestCharge, QString());
    QCOMPARE(pi.productDescription, QStringLiteral("お弁当"));
    QCOMPARE(pi.metadata.value(QStringLiteral("terminal")), QStringLiteral("till-1"));
    QVERIFY(pi.voucher.has_value());
    QCOMPARE(pi.voucher->expiresAt, 1796137199);
    QCOMPARE(pi.voucher->hostedVoucherUrl, QStringLiteral("https://payments.stripe.com/konbini/voucher/test_x"));
    QCOMPARE(pi.voucher->stores.size(), 3); // ministop is null
    QCOMPARE(pi.voucher->stores.at(0).chain, QStringLiteral("familymart"));
    QCOMPARE(pi.voucher->stores.at(0).paymentCode, QStringLiteral("123456"));
    QCOMPARE(pi.voucher->stores.at(2).chain, QStringLiteral("seicomart"));
    QCOMPARE(pi.voucher->stores.at(2).confirmationNumber, QString());
}

void TestStripeObjects::paymentIntent_expandedChargeGivesTheRefundedAmount_data()
{
    QTest::addColumn<QJsonValue>("refunded");
    QTest::addColumn<qint64>("taken");
    QTest::newRow("part") << QJsonValue(500) << qint64(500);
    QTest::newRow("all") << QJsonValue(1500) << qint64(1500);
    // A lying answer is not believed: more than was paid, negative, fractional, text.
    QTest::newRow("more than paid") << QJsonValue(99999) << qint64(0);
    QTest::newRow("negative") << QJsonValue(-1) << qint64(0);
    QTest::newRow("fraction") << QJsonValue(1.5) << qint64(0);
    QTest::newRow("text") << QJsonValue(QStringLiteral("500")) << qint64(0);
}

void TestStripeObjects::paymentIntent_expandedChargeGivesTheRefundedAmount()
{
    QFETCH(QJsonValue, refunded);
    QFETCH(qint64, taken);
    QJsonObject json = parse(kVoucher);
    json.insert(QStringLiteral("latest_charge"), QJsonObject{{QStringLiteral("id"), QStringLiteral("ch_1")},
                                                             {QStringLiteral("object"), QStringLiteral("charge")},
                                                             {QStringLiteral("amount_refunded"), refunded}});
    const Result<PaymentIntent> decoded = decodePaymentIntent(json);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.value().latestCharge, QStringLiteral("ch_1"));
    QCOMPARE(decoded.value().amountRefunded, taken);
}

void TestStripeObjects::paymentIntent_paidDetailsFromTheExpandedCharge_data()
{
    QTest::addColumn<QString>("chain");
    QTest::addColumn<QJsonValue>("fee");
    QTest::addColumn<QJsonValue>("net");
    QTest::addColumn<QJsonValue>("availableOn");
    QTest::addColumn<QString>("chainTaken");
    QTest::addColumn<bool>("feesKnown");
    // The PaymentIntent's amount is the voucher's (kVoucher): 1500.
    QTest::newRow("as Stripe answers") << "lawson" << QJsonValue(54) << QJsonValue(1446) << QJsonValue(1800000000)
                                       << "lawson" << true;
    QTest::newRow("a chain Stripe does not have") << "seven_eleven" << QJsonValue(54) << QJsonValue(1446)
                                                  << QJsonValue(1800000000) << "" << true;
    QTest::newRow("net that does not add up") << "ministop" << QJsonValue(54) << QJsonValue(1500)
                                              << QJsonValue(1800000000) << "ministop" << false;
    QTest::newRow("fee above the amount") << "ministop" << QJsonValue(9999) << QJsonValue(-8499)
                                          << QJsonValue(1800000000) << "ministop" << false;
    QTest::newRow("negative fee") << "seicomart" << QJsonValue(-54) << QJsonValue(1554) << QJsonValue(1800000000)
                                  << "seicomart" << false;
    QTest::newRow("fee as text") << "familymart" << QJsonValue(QStringLiteral("54")) << QJsonValue(1446)
                                 << QJsonValue(1800000000) << "familymart" << false;
    QTest::newRow("available before it was paid") << "lawson" << QJsonValue(54) << QJsonValue(1446)
                                                  << QJsonValue(1000) << "lawson" << false;
}

void TestStripeObjects::paymentIntent_paidDetailsFromTheExpandedCharge()
{
    QFETCH(QString, chain);
    QFETCH(QJsonValue, fee);
    QFETCH(QJsonValue, net);
    QFETCH(QJsonValue, availableOn);
    QFETCH(QString, chainTaken);
    QFETCH(bool, feesKnown);
    QJsonObject json = parse(kVoucher);
    const qint64 paidAt = 1'799'600'000;
    json.insert(QStringLiteral("latest_charge"),
                QJsonObject{{QStringLiteral("id"), QStringLiteral("ch_1")},
                            {QStringLiteral("object"), QStringLiteral("charge")},
                            {QStringLiteral("created"), paidAt},
                            {QStringLiteral("payment_method_details"),
                             QJsonObject{{QStringLiteral("type"), QStringLiteral("konbini")},
                                         {QStringLiteral("konbini"),
                                          QJsonObject{{QStringLiteral("store"),
                                                       QJsonObject{{QStringLiteral("chain"), chain}}}}}}},
                            {QStringLiteral("balance_transaction"),
                             QJsonObject{{QStringLiteral("id"), QStringLiteral("txn_1")},
                                         {QStringLiteral("object"), QStringLiteral("balance_transaction")},
                                         {QStringLiteral("amount"), 1500},
                                         {QStringLiteral("fee"), fee},
                                         {QStringLiteral("net"), net},
                                         {QStringLiteral("available_on"), availableOn}}}});
    const Result<PaymentIntent> decoded = decodePaymentIntent(json);
    QVERIFY(decoded.ok()); // what is not believed is left out; the PaymentIntent itself stands
    QVERIFY(decoded.value().paid.has_value());
    const PaidDetails paid = *decoded.value().paid;
    QCOMPARE(paid.paidAt, paidAt);
    QCOMPARE(paid.chain, chainTaken);
    QCOMPARE(paid.feesKnown, feesKnown);
    if (feesKnown) {
        QCOMPARE(paid.fee, fee.toInteger());
        QCOMPARE(paid.net, net.toInteger());
        QCOMPARE(paid.availableOn, availableOn.toInteger());
    }
    // Not expanded: nothing is claimed.
    QVERIFY(!decodePaymentIntent(parse(kVoucher)).value().paid.has_value());
}

void TestStripeObjects::paymentIntent_malformed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("not a payment intent")
        << QByteArray(R"({"id":"re_1","object":"refund","amount":1,"currency":"jpy","created":1,"status":"x"})")
        << QStringLiteral("object");
    QTest::newRow("missing id") << QByteArray(
        R"({"object":"payment_intent","amount":1,"currency":"jpy","created":1,"status":"x"})")
                                << QStringLiteral("id");
    QTest::newRow("amount as string") << QByteArray(
        R"({"id":"pi","object":"payment_intent","amount":"1500","currency":"jpy","created":1,"status":"x"})")
                                      << QStringLiteral("amount");
    QTest::newRow("amount fractional") << QByteArray(
        R"({"id":"pi","object":"payment_intent","amount":15.5,"currency":"jpy","created":1,"status":"x"})")
                                       << QStringLiteral("amount");
    QTest::newRow("status missing") << QByteArray(
        R"({"id":"pi","object":"payment_intent","amount":1,"currency":"jpy","created":1})")
                                    << QStringLiteral("status");
    QTest::newRow("voucher without expires_at") << QByteArray(
        R"({"id":"pi","object":"payment_intent","amount":1,"currency":"jpy","created":1,"status":"requires_action", "next_action":{"type":"konbini_display_details","konbini_display_details":{"stores":{}}}})")
                                                << QStringLiteral("expires_at");
    QTest::newRow("store without payment code") << QByteArray(
        R"({"id":"pi","object":"payment_intent","amount":1,"currency":"jpy","created":1,"status":"requires_action", "next_action":{"type":"konbini_display_details","konbini_display_details":{"expires_at":1,"stores":{"lawson":{"confirmation_number":"1"}}}}})")
                                                << QStringLiteral("payment_code");
    QTest::newRow("metadata as number (ignored) but next_action as string") << QByteArray(
        R"({"id":"pi","object":"payment_intent","amount":1,"currency":"jpy","created":1,"status":"x","next_action":"soon"})")
                                                                            << QStringLiteral("next_action");
    QTest::newRow("empty object") << QByteArray("{}") << QStringLiteral("object");
}

void TestStripeObjects::paymentIntent_malformed()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    const Result<PaymentIntent> decoded = decodePaymentIntent(QJsonDocument::fromJson(json).object());
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().kind, ApiError::Kind::Decoding);
    QVERIFY2(decoded.error().message.contains(mentions), qPrintable(decoded.error().message));
}

void TestStripeObjects::refund_waitingForBankDetails()
{
    const Result<Refund> decoded = decodeRefund(parse(
        R"({"id":"re_1","object":"refund","amount":500,"currency":"jpy","created":10, "status":"requires_action","payment_intent":"pi_1","charge":"ch_1","reason":null,"instructions_email":"h@test.com", "next_action":{"type":"display_details","display_details":{"email_sent":{"email_sent_at":11,"email_sent_to":"h@test.com"},"expires_at":99}}})"));
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.value().amount, 500);
    QCOMPARE(decoded.value().instructionsEmail, QStringLiteral("h@test.com"));
    QCOMPARE(decoded.value().emailSentAt, 11);
    QCOMPARE(decoded.value().actionExpiresAt, 99);
    QVERIFY(!decodeRefund(parse(R"({"id":"re_1","object":"refund","created":10,"status":"pending"})")).ok());
}

void TestStripeObjects::page_ofEvents()
{
    const Result<Page<Event>> decoded = decodeEventPage(parse(
        R"({"object":"list","has_more":true,"url":"/v1/events","data":[ {"id":"evt_2","object":"event","type":"payment_intent.succeeded","created":5,"data":{"object":{"id":"pi_1","object":"payment_intent"}}}, {"id":"evt_1","object":"event","type":"refund.created","created":4,"data":{"object":{"id":"re_1","object":"refund"}}}]})"));
    QVERIFY(decoded.ok());
    QVERIFY(decoded.value().hasMore);
    QCOMPARE(decoded.value().items.size(), 2);
    QCOMPARE(decoded.value().items.at(0).objectId, QStringLiteral("pi_1"));
    QCOMPARE(decoded.value().items.at(1).objectType, QStringLiteral("refund"));
}

void TestStripeObjects::page_malformedItemFailsWhole()
{
    QVERIFY(
        !decodeEventPage(
             parse(
                 R"({"object":"list","has_more":false,"data":[{"id":"evt_1","object":"event","type":"x","created":1}]})"))
             .ok());
    QVERIFY(!decodeEventPage(parse(R"({"object":"list","data":[]})")).ok());
    QVERIFY(!decodeEventPage(parse(R"({"object":"list","has_more":false,"data":{}})")).ok());
    const Result<Page<PaymentIntent>> search =
        decodePaymentIntentPage(parse(R"({"object":"search_result","has_more":true,"next_page":"page_x","data":[]})"));
    QVERIFY(search.ok());
    QCOMPARE(search.value().nextPage, QStringLiteral("page_x"));
}

void TestStripeObjects::error_isClassified_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    using K = ApiError::Kind;
    QTest::newRow("rejected number")
        << 400
        << QByteArray(
               R"({"error":{"type":"invalid_request_error","code":"payment_intent_konbini_rejected_confirmation_number"}})")
        << int(K::ConfirmationNumberRejected);
    QTest::newRow("konbini rate limit")
        << 429
        << QByteArray(R"({"error":{"type":"invalid_request_error","code":"payment_method_rate_limit_exceeded"}})")
        << int(K::KonbiniRateLimited);
    QTest::newRow("not available")
        << 400 << QByteArray(R"({"error":{"type":"invalid_request_error","code":"payment_method_not_available"}})")
        << int(K::MethodUnavailable);
    QTest::newRow("unexpected state")
        << 400
        << QByteArray(
               R"({"error":{"type":"invalid_request_error","code":"payment_intent_unexpected_state","payment_intent":{"status":"succeeded"}}})")
        << int(K::UnexpectedState);
    QTest::newRow("rate limit") << 429
                                << QByteArray(R"({"error":{"type":"invalid_request_error","code":"rate_limit"}})")
                                << int(K::RateLimited);
    QTest::newRow("idempotency") << 400 << QByteArray(R"({"error":{"type":"idempotency_error"}})")
                                 << int(K::Idempotency);
    QTest::newRow("auth") << 401 << QByteArray(R"({"error":{"type":"invalid_request_error"}})")
                          << int(K::Authentication);
    QTest::newRow("permission") << 403 << QByteArray(R"({"error":{"type":"invalid_request_error"}})")
                                << int(K::Permission);
    QTest::newRow("not found") << 404
                               << QByteArray(R"({"error":{"type":"invalid_request_error","code":"resource_missing"}})")
                               << int(K::NotFound);
    QTest::newRow("server") << 502 << QByteArray("<html>bad gateway</html>") << int(K::Server);
    QTest::newRow("plain invalid")
        << 400 << QByteArray(R"({"error":{"type":"invalid_request_error","code":"amount_too_small","param":"amount"}})")
        << int(K::InvalidRequest);
}

void TestStripeObjects::error_isClassified()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    const ApiError error = decodeError(status, QJsonDocument::fromJson(body).object(), QStringLiteral("req_1"));
    QCOMPARE(int(error.kind), kind);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.requestId, QStringLiteral("req_1"));
    QVERIFY(!error.describe().isEmpty());
    if (error.kind == ApiError::Kind::UnexpectedState)
        QCOMPARE(error.paymentIntentStatus, PaymentIntentStatus::Succeeded);
}

QTEST_GUILESS_MAIN(TestStripeObjects)
#include "TestStripeObjects.moc"
