#include "SandboxHttp.h"

#include <QTest>

using namespace konbini::test;

namespace {

const QString kPaymentIntents = QStringLiteral("/v1/payment_intents");

Form createForm(qint64 amount)
{
    return {{QStringLiteral("amount"), QString::number(amount)},
            {QStringLiteral("currency"), QStringLiteral("jpy")},
            {QStringLiteral("payment_method_types[]"), QStringLiteral("konbini")}};
}

Headers key(const QByteArray &value)
{
    return {{"Idempotency-Key", value}};
}

} // namespace

class TestSandboxIdempotency : public QObject
{
    Q_OBJECT

private slots:
    void sameKeySameParams_replaysFirstAnswer();
    void sameKeyOtherParams_isIdempotencyError();
    void sameKeyOtherEndpoint_isInvalidRequest();
    void validationFailure_isNotStored();
    void executedError_isReplayed();
    void concurrentDuplicate_isConflict();
    void keys_expireAfter24Hours();
    void getRequests_ignoreKeys();

private:
    SandboxHttp m_http;
};

void TestSandboxIdempotency::sameKeySameParams_replaysFirstAnswer()
{
    const qsizetype before = m_http.count(kPaymentIntents);
    const HttpResult first = m_http.post(kPaymentIntents, createForm(1500), key("replay-1"));
    const HttpResult second = m_http.post(kPaymentIntents, createForm(1500), key("replay-1"));
    QCOMPARE(first.status, 200);
    QCOMPARE(second.status, 200);
    QCOMPARE(second.body, first.body);
    QVERIFY(!first.headers.contains("idempotent-replayed"));
    QCOMPARE(second.headers.value("idempotent-replayed"), QByteArray("true"));
    QVERIFY(second.headers.value("request-id") != first.headers.value("request-id"));
    QCOMPARE(m_http.count(kPaymentIntents), before + 1);
    // Confirm is idempotent too: one voucher, one event.
    const QString id = first.value(QStringLiteral("id"));
    const Form confirm{
        {QStringLiteral("payment_method_data[type]"), QStringLiteral("konbini")},
        {QStringLiteral("payment_method_data[billing_details][name]"), QStringLiteral("Hanako")},
        {QStringLiteral("payment_method_data[billing_details][email]"), QStringLiteral("hanako@test.com")}};
    const HttpResult confirmed =
        m_http.post(kPaymentIntents + u'/' + id + QStringLiteral("/confirm"), confirm, key("confirm-1"));
    const HttpResult again =
        m_http.post(kPaymentIntents + u'/' + id + QStringLiteral("/confirm"), confirm, key("confirm-1"));
    QCOMPARE(again.body, confirmed.body);
    QCOMPARE(m_http.count(QStringLiteral("/v1/events"),
                          {{QStringLiteral("type"), QStringLiteral("payment_intent.requires_action")}}),
             1);
}

void TestSandboxIdempotency::sameKeyOtherParams_isIdempotencyError()
{
    QCOMPARE(m_http.post(kPaymentIntents, createForm(1500), key("params-1")).status, 200);
    const HttpResult other = m_http.post(kPaymentIntents, createForm(1600), key("params-1"));
    QCOMPARE(other.status, 400);
    QCOMPARE(other.error().value(QStringLiteral("type")).toString(), QStringLiteral("idempotency_error"));
    QVERIFY(other.error().value(QStringLiteral("message")).toString().contains(QStringLiteral("same parameters")));
}

void TestSandboxIdempotency::sameKeyOtherEndpoint_isInvalidRequest()
{
    const QString id = m_http.post(kPaymentIntents, createForm(1500), key("endpoint-1")).value(QStringLiteral("id"));
    const HttpResult other =
        m_http.post(kPaymentIntents + u'/' + id + QStringLiteral("/cancel"), {}, key("endpoint-1"));
    QCOMPARE(other.status, 400);
    QCOMPARE(other.error().value(QStringLiteral("type")).toString(), QStringLiteral("invalid_request_error"));
    QVERIFY(other.error().value(QStringLiteral("message")).toString().contains(QStringLiteral("same endpoint")));
    QCOMPARE(m_http.get(kPaymentIntents + u'/' + id).value(QStringLiteral("status")),
             QStringLiteral("requires_payment_method"));
}

void TestSandboxIdempotency::validationFailure_isNotStored()
{
    const HttpResult invalid = m_http.post(kPaymentIntents, createForm(50), key("fix-1"));
    QCOMPARE(invalid.errorCode(), QStringLiteral("amount_too_small"));
    const HttpResult corrected = m_http.post(kPaymentIntents, createForm(500), key("fix-1"));
    QCOMPARE(corrected.status, 200);
    QVERIFY(!corrected.headers.contains("idempotent-replayed"));
}

void TestSandboxIdempotency::executedError_isReplayed()
{
    const QString id = m_http.createPaymentIntent().value(QStringLiteral("id")).toString();
    const Form confirm{
        {QStringLiteral("payment_method_data[type]"), QStringLiteral("konbini")},
        {QStringLiteral("payment_method_data[billing_details][name]"), QStringLiteral("Hanako")},
        {QStringLiteral("payment_method_data[billing_details][email]"), QStringLiteral("hanako@test.com")},
        {QStringLiteral("payment_method_options[konbini][confirmation_number]"), QStringLiteral("01234567890")}};
    const QString path = kPaymentIntents + u'/' + id + QStringLiteral("/confirm");
    const HttpResult rejected = m_http.post(path, confirm, key("rejected-1"));
    QCOMPARE(rejected.errorCode(), QStringLiteral("payment_intent_konbini_rejected_confirmation_number"));
    const HttpResult replayed = m_http.post(path, confirm, key("rejected-1"));
    QCOMPARE(replayed.status, 400);
    QCOMPARE(replayed.body, rejected.body);
    QCOMPARE(replayed.headers.value("idempotent-replayed"), QByteArray("true"));
}

void TestSandboxIdempotency::concurrentDuplicate_isConflict()
{
    const qsizetype before = m_http.count(kPaymentIntents);
    QNetworkReply *slow = m_http.start("POST", kPaymentIntents, createForm(1500),
                                       {{"Idempotency-Key", "busy-1"}, {"X-Sandbox-Fault", "delay=400"}});
    QNetworkReply *duplicate = m_http.start("POST", kPaymentIntents, createForm(1500), key("busy-1"));
    const HttpResult conflict = SandboxHttp::wait(duplicate);
    QCOMPARE(conflict.status, 409);
    QCOMPARE(conflict.errorCode(), QStringLiteral("idempotency_key_in_use"));
    const HttpResult first = SandboxHttp::wait(slow);
    QCOMPARE(first.status, 200);
    QCOMPARE(m_http.count(kPaymentIntents), before + 1);
    // Once the first finished, the same request replays.
    QCOMPARE(m_http.post(kPaymentIntents, createForm(1500), key("busy-1")).body, first.body);
}

void TestSandboxIdempotency::keys_expireAfter24Hours()
{
    SandboxHttp http;
    QCOMPARE(http.post(kPaymentIntents, createForm(1500), key("day-1")).status, 200);
    http.advanceClock(24 * 3600 - 1);
    QCOMPARE(http.post(kPaymentIntents, createForm(1600), key("day-1")).status, 400);
    http.advanceClock(1);
    const HttpResult fresh = http.post(kPaymentIntents, createForm(1600), key("day-1"));
    QCOMPARE(fresh.status, 200);
    QCOMPARE(fresh.json.value(QStringLiteral("amount")).toInteger(), 1600);
    QCOMPARE(http.count(kPaymentIntents), 2);
}

void TestSandboxIdempotency::getRequests_ignoreKeys()
{
    const HttpResult first = m_http.get(kPaymentIntents, {}, key("get-1"));
    m_http.createPaymentIntent();
    const HttpResult second = m_http.get(kPaymentIntents, {}, key("get-1"));
    QVERIFY(!second.headers.contains("idempotent-replayed"));
    QVERIFY(second.body != first.body);
}

QTEST_GUILESS_MAIN(TestSandboxIdempotency)
#include "TestSandboxIdempotency.moc"
