#include "SandboxHttp.h"

#include <QJsonArray>
#include <QTest>

using namespace konbini::test;

namespace {

const QString kRefunds = QStringLiteral("/v1/refunds");
constexpr qint64 kBankProcessing = 60;
constexpr qint64 kFortyFiveDays = 45 * 24 * 3600;

} // namespace

class TestSandboxRefunds : public QObject
{
    Q_OBJECT

private slots:
    void create_waitsForBankDetails();
    void bankDetails_testAccount_succeeds();
    void bankDetails_otherAccount_returnsToRequiresAction();
    void partialRefunds_upToRemainingAmount();
    void refund_ofUnpaidPaymentIntent_fails();
    void cancel_onlyWhileRequiresAction();
    void expireHelper_failsRefund();
    void fortyFiveDays_failRefund();
    void list_filtersByPaymentIntent();

private:
    HttpResult refund(SandboxHttp &http, const QString &paymentIntent, const Form &extra = {})
    {
        return http.post(kRefunds, Form{{QStringLiteral("payment_intent"), paymentIntent}} + extra);
    }
    QString refundStatus(SandboxHttp &http, const QString &id)
    {
        return http.get(kRefunds + u'/' + id).value(QStringLiteral("status"));
    }
    HttpResult submitBankDetails(SandboxHttp &http, const QString &id, const QString &account)
    {
        return http.post(QStringLiteral("/v1/test_helpers/sandbox/refunds/%1/bank_details").arg(id),
                         {{QStringLiteral("routing_number"), QStringLiteral("1100000")},
                          {QStringLiteral("account_number"), account}});
    }

    SandboxHttp m_http;
};

void TestSandboxRefunds::create_waitsForBankDetails()
{
    const QJsonObject paid = m_http.paidPaymentIntent(3000);
    const HttpResult created = refund(m_http, paid.value(QStringLiteral("id")).toString(),
                                      {{QStringLiteral("reason"), QStringLiteral("requested_by_customer")},
                                       {QStringLiteral("metadata[order_ref]"), QStringLiteral("A-1")}});
    QCOMPARE(created.status, 200);
    const QJsonObject &re = created.json;
    QVERIFY(re.value(QStringLiteral("id")).toString().startsWith(QStringLiteral("re_")));
    QCOMPARE(re.value(QStringLiteral("object")).toString(), QStringLiteral("refund"));
    QCOMPARE(re.value(QStringLiteral("amount")).toInteger(), 3000);
    QCOMPARE(re.value(QStringLiteral("status")).toString(), QStringLiteral("requires_action"));
    QCOMPARE(re.value(QStringLiteral("charge")).toString(), paid.value(QStringLiteral("latest_charge")).toString());
    QCOMPARE(re.value(QStringLiteral("reason")).toString(), QStringLiteral("requested_by_customer"));
    QCOMPARE(re.value(QStringLiteral("instructions_email")).toString(),
             QStringLiteral("hanako+succeed_immediately@test.com"));
    const QJsonObject next = re.value(QStringLiteral("next_action")).toObject();
    QCOMPARE(next.value(QStringLiteral("type")).toString(), QStringLiteral("display_details"));
    const QJsonObject display = next.value(QStringLiteral("display_details")).toObject();
    QCOMPARE(display.value(QStringLiteral("email_sent")).toObject().value(QStringLiteral("email_sent_to")).toString(),
             QStringLiteral("hanako+succeed_immediately@test.com"));
    QCOMPARE(display.value(QStringLiteral("email_sent")).toObject().value(QStringLiteral("email_sent_at")).toInteger(),
             m_http.now());
    QCOMPARE(display.value(QStringLiteral("expires_at")).toInteger(), m_http.now() + kFortyFiveDays);
    QCOMPARE(m_http.count(QStringLiteral("/v1/events"), {{QStringLiteral("type"), QStringLiteral("refund.created")}}),
             1);
}

void TestSandboxRefunds::bankDetails_testAccount_succeeds()
{
    SandboxHttp http;
    const QString id =
        refund(http, http.paidPaymentIntent().value(QStringLiteral("id")).toString()).value(QStringLiteral("id"));
    const HttpResult pending = submitBankDetails(http, id, QStringLiteral("0001234"));
    QCOMPARE(pending.status, 200);
    QCOMPARE(pending.value(QStringLiteral("status")), QStringLiteral("pending"));
    QVERIFY(!pending.json.contains(QStringLiteral("next_action"))); // not nullable: omitted, as Stripe does
    http.advanceClock(kBankProcessing - 1);
    QCOMPARE(refundStatus(http, id), QStringLiteral("pending"));
    http.advanceClock(1);
    QCOMPARE(refundStatus(http, id), QStringLiteral("succeeded"));
    // Succeeded refunds never fail at 45 days.
    http.advanceClock(kFortyFiveDays);
    QCOMPARE(refundStatus(http, id), QStringLiteral("succeeded"));
    QCOMPARE(http.count(QStringLiteral("/v1/events"), {{QStringLiteral("type"), QStringLiteral("refund.updated")}}), 2);
}

void TestSandboxRefunds::bankDetails_otherAccount_returnsToRequiresAction()
{
    SandboxHttp http;
    const QString id =
        refund(http, http.paidPaymentIntent().value(QStringLiteral("id")).toString()).value(QStringLiteral("id"));
    QCOMPARE(submitBankDetails(http, id, QStringLiteral("9999999")).value(QStringLiteral("status")),
             QStringLiteral("pending"));
    http.advanceClock(kBankProcessing);
    const HttpResult returned = http.get(kRefunds + u'/' + id);
    QCOMPARE(returned.value(QStringLiteral("status")), QStringLiteral("requires_action"));
    QCOMPARE(returned.json.value(QStringLiteral("next_action"))
                 .toObject()
                 .value(QStringLiteral("display_details"))
                 .toObject()
                 .value(QStringLiteral("email_sent"))
                 .toObject()
                 .value(QStringLiteral("email_sent_at"))
                 .toInteger(),
             http.now());
    // The customer tries again with the right account.
    submitBankDetails(http, id, QStringLiteral("0001234"));
    http.advanceClock(kBankProcessing);
    QCOMPARE(refundStatus(http, id), QStringLiteral("succeeded"));
    QCOMPARE(http.post(QStringLiteral("/v1/test_helpers/sandbox/refunds/%1/bank_details").arg(id), {}).status, 400);
}

void TestSandboxRefunds::partialRefunds_upToRemainingAmount()
{
    const QString pi = m_http.paidPaymentIntent(1000).value(QStringLiteral("id")).toString();
    QCOMPARE(refund(m_http, pi, {{QStringLiteral("amount"), QStringLiteral("400")}})
                 .json.value(QStringLiteral("amount"))
                 .toInteger(),
             400);
    const HttpResult tooMuch = refund(m_http, pi, {{QStringLiteral("amount"), QStringLiteral("601")}});
    QCOMPARE(tooMuch.status, 400);
    QCOMPARE(tooMuch.errorCode(), QStringLiteral("amount_too_large"));
    QCOMPARE(tooMuch.error().value(QStringLiteral("param")).toString(), QStringLiteral("amount"));
    QCOMPARE(refund(m_http, pi, {{QStringLiteral("amount"), QStringLiteral("0")}}).status, 400);
    const HttpResult rest = refund(m_http, pi);
    QCOMPARE(rest.status, 200);
    QCOMPARE(rest.json.value(QStringLiteral("amount")).toInteger(), 600);
    QCOMPARE(refund(m_http, pi).errorCode(), QStringLiteral("charge_already_refunded"));
}

void TestSandboxRefunds::refund_ofUnpaidPaymentIntent_fails()
{
    const QString pending =
        m_http.issueVoucher(QStringLiteral("x+fill_never@test.com")).value(QStringLiteral("id")).toString();
    const HttpResult result = refund(m_http, pending);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.errorCode(), QStringLiteral("payment_intent_unexpected_state"));
    QCOMPARE(refund(m_http, QStringLiteral("pi_unknown")).status, 404);
    QCOMPARE(m_http.post(kRefunds, {}).errorCode(), QStringLiteral("parameter_missing"));
    QCOMPARE(refund(m_http, pending, {{QStringLiteral("reason"), QStringLiteral("boredom")}})
                 .error()
                 .value(QStringLiteral("param"))
                 .toString(),
             QStringLiteral("reason"));
}

void TestSandboxRefunds::cancel_onlyWhileRequiresAction()
{
    SandboxHttp http;
    const QString pi = http.paidPaymentIntent(1000).value(QStringLiteral("id")).toString();
    const QString id = refund(http, pi).value(QStringLiteral("id"));
    const HttpResult canceled = http.post(kRefunds + u'/' + id + QStringLiteral("/cancel"));
    QCOMPARE(canceled.status, 200);
    QCOMPARE(canceled.value(QStringLiteral("status")), QStringLiteral("canceled"));
    QCOMPARE(http.post(kRefunds + u'/' + id + QStringLiteral("/cancel")).status, 400);
    // The canceled amount can be refunded again.
    const QString second = refund(http, pi).value(QStringLiteral("id"));
    QVERIFY(!second.isEmpty());
    submitBankDetails(http, second, QStringLiteral("0001234"));
    QCOMPARE(http.post(kRefunds + u'/' + second + QStringLiteral("/cancel")).status, 400);
}

void TestSandboxRefunds::expireHelper_failsRefund()
{
    SandboxHttp http;
    const QString id =
        refund(http, http.paidPaymentIntent().value(QStringLiteral("id")).toString()).value(QStringLiteral("id"));
    const HttpResult expired = http.post(QStringLiteral("/v1/test_helpers/refunds/%1/expire").arg(id));
    QCOMPARE(expired.status, 200);
    QCOMPARE(expired.value(QStringLiteral("status")), QStringLiteral("failed"));
    QVERIFY(!expired.value(QStringLiteral("failure_reason")).isEmpty());
    QCOMPARE(http.count(QStringLiteral("/v1/events"), {{QStringLiteral("type"), QStringLiteral("refund.failed")}}), 1);
    QCOMPARE(http.post(QStringLiteral("/v1/test_helpers/refunds/%1/expire").arg(id)).status, 400);
}

void TestSandboxRefunds::fortyFiveDays_failRefund()
{
    SandboxHttp http;
    const QString id =
        refund(http, http.paidPaymentIntent().value(QStringLiteral("id")).toString()).value(QStringLiteral("id"));
    http.advanceClock(kFortyFiveDays - 1);
    QCOMPARE(refundStatus(http, id), QStringLiteral("requires_action"));
    http.advanceClock(1);
    QCOMPARE(refundStatus(http, id), QStringLiteral("failed"));
    QCOMPARE(http.count(QStringLiteral("/v1/events"), {{QStringLiteral("type"), QStringLiteral("refund.failed")}}), 1);
}

void TestSandboxRefunds::list_filtersByPaymentIntent()
{
    SandboxHttp http;
    const QString first = http.paidPaymentIntent().value(QStringLiteral("id")).toString();
    const QString second = http.paidPaymentIntent().value(QStringLiteral("id")).toString();
    refund(http, first, {{QStringLiteral("amount"), QStringLiteral("200")}});
    refund(http, first, {{QStringLiteral("amount"), QStringLiteral("300")}});
    refund(http, second);
    QCOMPARE(http.count(kRefunds), 3);
    QCOMPARE(http.count(kRefunds, {{QStringLiteral("payment_intent"), first}}), 2);
    const HttpResult page =
        http.get(kRefunds, {{QStringLiteral("payment_intent"), first}, {QStringLiteral("limit"), QStringLiteral("1")}});
    QCOMPARE(
        page.json.value(QStringLiteral("data")).toArray().at(0).toObject().value(QStringLiteral("amount")).toInteger(),
        300);
    QVERIFY(page.json.value(QStringLiteral("has_more")).toBool());
}

QTEST_GUILESS_MAIN(TestSandboxRefunds)
#include "TestSandboxRefunds.moc"
