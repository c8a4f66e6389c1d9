#include "OpenApiCheck.h"
#include "SandboxHttp.h"

#include <QTest>

using namespace konbini::test;

// The check every sandbox answer passes (SandboxHttp applies it to each): it must catch what the
// sandbox once got wrong, and accept what Stripe sends.
class TestOpenApiCheck : public QObject
{
    Q_OBJECT

private slots:
    void nullWhereStripeOmits_isCaught();
    void wrongTypesAndValues_areCaught();
    void sandboxAnswers_fit();
};

void TestOpenApiCheck::nullWhereStripeOmits_isCaught()
{
    const OpenApiCheck &check = OpenApiCheck::stripe();
    const QJsonObject refund{{QStringLiteral("id"), QStringLiteral("re_1")},
                             {QStringLiteral("object"), QStringLiteral("refund")},
                             {QStringLiteral("amount"), 500},
                             {QStringLiteral("created"), 1},
                             {QStringLiteral("currency"), QStringLiteral("jpy")}};
    QVERIFY(check.problemsWithSchema(QStringLiteral("refund"), refund).isEmpty());
    QJsonObject withNulls = refund;
    withNulls.insert(QStringLiteral("next_action"), QJsonValue());
    withNulls.insert(QStringLiteral("failure_reason"), QJsonValue());
    const QStringList problems = check.problemsWithSchema(QStringLiteral("refund"), withNulls);
    QCOMPARE(problems.size(), 2);
    QVERIFY(problems.join(u' ').contains(QStringLiteral("next_action: null")));
    QVERIFY(check
                .problemsWithSchema(QStringLiteral("payment_method_options_konbini"),
                                    QJsonObject{{QStringLiteral("setup_future_usage"), QJsonValue()}})
                .join(u' ')
                .contains(QStringLiteral("setup_future_usage")));
}

void TestOpenApiCheck::wrongTypesAndValues_areCaught()
{
    const OpenApiCheck &check = OpenApiCheck::stripe();
    QJsonObject refund{{QStringLiteral("id"), QStringLiteral("re_1")},
                       {QStringLiteral("object"), QStringLiteral("refund")},
                       {QStringLiteral("amount"), 1.5},
                       {QStringLiteral("currency"), QStringLiteral("jpy")},
                       {QStringLiteral("status"), 3}};
    const QString problems = check.problemsWithSchema(QStringLiteral("refund"), refund).join(u' ');
    QVERIFY2(problems.contains(QStringLiteral("amount: number, not an integer")), qPrintable(problems));
    QVERIFY2(problems.contains(QStringLiteral("created: required, missing")), qPrintable(problems));
    QVERIFY2(problems.contains(QStringLiteral("status: number, not a string")), qPrintable(problems));
    const QString status = check
                               .problemsWithSchema(QStringLiteral("payment_intent"),
                                                   QJsonObject{{QStringLiteral("status"), QStringLiteral("paid")}})
                               .join(u' ');
    QVERIFY2(status.contains(QStringLiteral("\"paid\" is not one of Stripe's values")), qPrintable(status));
}

// Through the whole life of a voucher and a refund, every answer fits (SandboxHttp checks each).
void TestOpenApiCheck::sandboxAnswers_fit()
{
    SandboxHttp sandbox;
    const QJsonObject created = sandbox.createPaymentIntent(1500);
    const QString id = created.value(QStringLiteral("id")).toString();
    const HttpResult confirmed = sandbox.confirm(id);
    QCOMPARE(confirmed.status, 200);
    QVERIFY(OpenApiCheck::stripe().problems("POST", QStringLiteral("/v1/payment_intents/%1/confirm").arg(id), 200,
                                            confirmed.json).isEmpty());
    QCOMPARE(sandbox.get(QStringLiteral("/v1/payment_intents/%1").arg(id)).status, 200);
    QCOMPARE(sandbox.get(QStringLiteral("/v1/events")).status, 200);
}

QTEST_GUILESS_MAIN(TestOpenApiCheck)
#include "TestOpenApiCheck.moc"
