#include "ConnectionCheck.h"
#include "SandboxHttp.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <optional>

using namespace konbini;
using namespace konbini::test;

// "Test connection": one cheap call tells a test account from a live one and a wrong key from a
// missing permission (against the sandbox, whose own key may go over loopback http).
class TestConnectionCheck : public QObject
{
    Q_OBJECT

private slots:
    void testKey_reportsTestAccount();
    void refusedKey_isAuthentication();
    void storedKeyOverHttp_isRefusedBeforeSending();

private:
    Result<ConnectionCheckResult> check(const QString &key, bool sandbox);

    SandboxHttp m_sandbox;
    QNetworkAccessManager m_network;
};

Result<ConnectionCheckResult> TestConnectionCheck::check(const QString &key, bool sandbox)
{
    std::optional<Result<ConnectionCheckResult>> result;
    checkConnection(m_network, m_sandbox.baseUrl(), key, [&](const Result<ConnectionCheckResult> &r) { result = r; }, sandbox);
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
        qFatal("no answer");
    return *result;
}

void TestConnectionCheck::testKey_reportsTestAccount()
{
    const Result<ConnectionCheckResult> test = check(QStringLiteral("sk_test_check"), true);
    QVERIFY(test.ok());
    QCOMPARE(test.value().mode, KeyMode::Test);
    QVERIFY(!test.value().restricted);
    const Result<ConnectionCheckResult> restricted = check(QStringLiteral("rk_test_check"), true);
    QVERIFY(restricted.value().restricted);
}

void TestConnectionCheck::refusedKey_isAuthentication()
{
    QCOMPARE(check(QStringLiteral("sk_live_no_sandbox"), true).error().kind, ApiError::Kind::Authentication);
}

void TestConnectionCheck::storedKeyOverHttp_isRefusedBeforeSending()
{
    QCOMPARE(check(QStringLiteral("sk_test_check"), false).error().kind, ApiError::Kind::InsecureTransport);
}

QTEST_GUILESS_MAIN(TestConnectionCheck)
#include "TestConnectionCheck.moc"
