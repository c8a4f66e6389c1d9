#include "SandboxHttp.h"

#include <QJsonArray>
#include <QTest>

using namespace konbini::test;

// What a hostile local process can send the sandbox (which runs inside the till in sandbox mode):
// each is refused with a Stripe-shaped error, and the sandbox goes on answering.
class TestSandboxHostile : public QObject
{
    Q_OBJECT

private slots:
    void deeplyNestedParameters_areRefused_data();
    void deeplyNestedParameters_areRefused();
    void integersAtTheEndsOfTheRange_areSafe();
};

void TestSandboxHostile::deeplyNestedParameters_areRefused_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("form");
    QTest::newRow("body: metadata + [a] x 30,000") << QByteArray("POST") << QByteArray("amount=1500&currency=jpy&metadata") + QByteArray("[a]").repeated(30'000) + "=1";
    // A query is part of the head, which is capped at 16 KiB (a longer one is a 431, below).
    QTest::newRow("query: [] x 5,000") << QByteArray("GET") << QByteArray("x") + QByteArray("[]").repeated(5'000) + "=1";
    QTest::newRow("query: [0] x 4,000") << QByteArray("GET") << QByteArray("x") + QByteArray("[0]").repeated(4'000) + "=1";
}

void TestSandboxHostile::deeplyNestedParameters_areRefused()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, form);
    SandboxHttp sandbox;
    const HttpResult answer = method == "POST" ? sandbox.postRaw(QStringLiteral("/v1/payment_intents"), form)
                                               : sandbox.getRaw(QStringLiteral("/v1/payment_intents"), form);
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.error().value(QStringLiteral("type")).toString(), QStringLiteral("invalid_request_error"));
    QVERIFY(answer.error().value(QStringLiteral("message")).toString().startsWith(QStringLiteral("Invalid request")));
    // Still up, still answering.
    QCOMPARE(sandbox.get(QStringLiteral("/v1/payment_intents")).status, 200);
}

// Signed overflow is undefined behaviour: under the ASan+UBSan preset these aborted the sandbox.
void TestSandboxHostile::integersAtTheEndsOfTheRange_areSafe()
{
    SandboxHttp sandbox;
    sandbox.createPaymentIntent();
    const HttpResult after = sandbox.get(QStringLiteral("/v1/payment_intents"), {{QStringLiteral("created[gt]"), QStringLiteral("9223372036854775807")}});
    QCOMPARE(after.status, 200);
    QCOMPARE(after.json.value(QStringLiteral("data")).toArray().size(), 0);
    const HttpResult before = sandbox.get(QStringLiteral("/v1/payment_intents"), {{QStringLiteral("created[lt]"), QStringLiteral("-9223372036854775808")}});
    QCOMPARE(before.status, 200);
    QCOMPARE(before.json.value(QStringLiteral("data")).toArray().size(), 0);
    const HttpResult tooFar = sandbox.post(QStringLiteral("/v1/test_helpers/sandbox/clock"), {{QStringLiteral("advance_seconds"), QStringLiteral("9223372036854775807")}});
    QCOMPARE(tooFar.status, 400);
    QCOMPARE(tooFar.errorCode(), QStringLiteral("parameter_invalid_integer"));
    QCOMPARE(sandbox.get(QStringLiteral("/v1/payment_intents")).json.value(QStringLiteral("data")).toArray().size(), 1);
}

QTEST_GUILESS_MAIN(TestSandboxHostile)
#include "TestSandboxHostile.moc"
