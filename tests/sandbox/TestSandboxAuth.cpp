#include "SandboxHttp.h"
#include "SandboxServer.h"

#include <QTest>

using namespace konbini;
using namespace konbini::test;

class TestSandboxAuth : public QObject
{
    Q_OBJECT

private slots:
    void key_data();
    void key();
    void everyAnswer_carriesRequestIdAndJson();
    void unknownUrl_isStripeShaped404();
    void rejectedKey_isNeverEchoedWhole();
    void requiredKey_isTheOnlyOneAccepted();
    void foreignHost_isRefused();

private:
    SandboxHttp m_http;
};

void TestSandboxAuth::key_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("secret test key, Bearer") << QByteArray("Bearer sk_test_abc") << 200 << QString();
    QTest::newRow("restricted test key") << QByteArray("Bearer rk_test_abc") << 200 << QString();
    QTest::newRow("Basic with key as user (curl -u key:)")
        << ("Basic " + QByteArray("sk_test_abc:").toBase64()) << 200 << QString();
    QTest::newRow("Basic without colon") << ("Basic " + QByteArray("sk_test_abc").toBase64()) << 200 << QString();
    QTest::newRow("missing") << QByteArray() << 401 << QStringLiteral("did not provide an API key");
    QTest::newRow("live secret key") << QByteArray("Bearer sk_live_abc") << 401 << QStringLiteral("test mode only");
    QTest::newRow("live restricted key") << QByteArray("Bearer rk_live_abc") << 401 << QStringLiteral("test mode only");
    QTest::newRow("publishable key") << QByteArray("Bearer pk_test_abcdef") << 401 << QStringLiteral("Invalid API Key");
    QTest::newRow("garbage") << QByteArray("Bearer hello") << 401 << QStringLiteral("Invalid API Key");
    QTest::newRow("Bearer with trailing junk") << QByteArray("Bearer sk_test_abc junk") << 401
                                               << QStringLiteral("did not provide an API key");
    QTest::newRow("Bearer with two spaces") << QByteArray("Bearer  sk_test_abc") << 401
                                            << QStringLiteral("did not provide an API key");
    QTest::newRow("Basic, not base64") << QByteArray("Basic c2tfdGVzdF9hYmM6*") << 401
                                       << QStringLiteral("did not provide an API key");
    QTest::newRow("unknown scheme") << QByteArray("Token sk_test_abc") << 401
                                    << QStringLiteral("did not provide an API key");
}

void TestSandboxAuth::key()
{
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    QFETCH(QString, messagePart);
    const HttpResult result = m_http.get(QStringLiteral("/v1/payment_intents"), {}, {{"Authorization", authorization}});
    QCOMPARE(result.status, status);
    if (status == 401) {
        QCOMPARE(result.error().value(QStringLiteral("type")).toString(), QStringLiteral("invalid_request_error"));
        QVERIFY2(result.error().value(QStringLiteral("message")).toString().contains(messagePart),
                 result.body.constData());
    } else {
        QCOMPARE(result.value(QStringLiteral("object")), QStringLiteral("list"));
    }
}

void TestSandboxAuth::everyAnswer_carriesRequestIdAndJson()
{
    const QList<HttpResult> results{
        m_http.get(QStringLiteral("/v1/payment_intents")),
        m_http.get(QStringLiteral("/v1/payment_intents/pi_missing")),
        m_http.post(QStringLiteral("/v1/payment_intents"), {{QStringLiteral("amount"), QStringLiteral("1")}}),
        m_http.get(QStringLiteral("/v1/events"), {}, {{"Authorization", ""}}),
    };
    QSet<QByteArray> ids;
    for (const HttpResult &result : results) {
        QVERIFY(result.headers.value("request-id").startsWith("req_"));
        QVERIFY(result.headers.value("content-type").startsWith("application/json"));
        QVERIFY(!result.json.isEmpty());
        ids.insert(result.headers.value("request-id"));
    }
    QCOMPARE(ids.size(), results.size());
}

void TestSandboxAuth::unknownUrl_isStripeShaped404()
{
    const HttpResult result = m_http.get(QStringLiteral("/v1/customers"));
    QCOMPARE(result.status, 404);
    QVERIFY(result.error()
                .value(QStringLiteral("message"))
                .toString()
                .contains(QStringLiteral("Unrecognized request URL")));
    const HttpResult wrongMethod = m_http.wait(m_http.start("DELETE", QStringLiteral("/v1/payment_intents"), {}, {}));
    QCOMPARE(wrongMethod.status, 404);
}

void TestSandboxAuth::rejectedKey_isNeverEchoedWhole()
{
    const QByteArray key = "sk_prod_0123456789abcdefSECRET";
    const HttpResult result =
        m_http.get(QStringLiteral("/v1/payment_intents"), {}, {{"Authorization", "Bearer " + key}});
    QCOMPARE(result.status, 401);
    QVERIFY(!result.body.contains(key));
    QVERIFY(!result.body.contains("SECRET"));
}

void TestSandboxAuth::requiredKey_isTheOnlyOneAccepted()
{
    // The embedded sandbox's own key: any other test key of any local process is refused.
    sandbox::SandboxOptions options;
    options.requiredKey = QStringLiteral("sk_test_embedded_0123456789abcdef");
    SandboxHttp sandbox(options); // its own requests use another key: the clock is not frozen
    QCOMPARE(sandbox.get(QStringLiteral("/v1/payment_intents")).status, 401);
    sandbox.setKey("sk_test_someone_else");
    QCOMPARE(sandbox.get(QStringLiteral("/v1/payment_intents")).status, 401);
    sandbox.setKey(options.requiredKey.toLatin1());
    QCOMPARE(sandbox.get(QStringLiteral("/v1/payment_intents")).status, 200);
}

void TestSandboxAuth::foreignHost_isRefused()
{
    sandbox::SandboxOptions options;
    options.checkHost = true;
    SandboxHttp sandbox(options);
    QCOMPARE(sandbox.get(QStringLiteral("/v1/payment_intents")).status, 200); // its own address
    const HttpResult rebound = sandbox.get(QStringLiteral("/v1/payment_intents"), {}, {{"Host", "evil.example:80"}});
    QCOMPARE(rebound.status, 421);
    QCOMPARE(rebound.error().value(QStringLiteral("type")).toString(), QStringLiteral("invalid_request_error"));
}

QTEST_GUILESS_MAIN(TestSandboxAuth)
#include "TestSandboxAuth.moc"
