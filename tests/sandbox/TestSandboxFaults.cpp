#include "SandboxHttp.h"
#include "SandboxServer.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace konbini::test;

namespace {

const QString kPaymentIntents = QStringLiteral("/v1/payment_intents");
const Form kCreate{{QStringLiteral("amount"), QStringLiteral("1500")},
                   {QStringLiteral("currency"), QStringLiteral("jpy")},
                   {QStringLiteral("payment_method_types[]"), QStringLiteral("konbini")}};

// What a raw connection receives, to see a dropped connection as exactly that.
struct RawExchange {
    QByteArray received;
    bool closedByServer = false;
};

RawExchange rawPost(const QUrl &base, const QByteArray &extraHeaders)
{
    const QByteArray body = encodeForm(kCreate);
    QTcpSocket socket;
    socket.connectToHost(base.host(), quint16(base.port()));
    if (!socket.waitForConnected(5000))
        return {};
    socket.write("POST /v1/payment_intents HTTP/1.1\r\nHost: sandbox\r\nAuthorization: Bearer sk_test_raw\r\n"
                 "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                 + QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body);
    RawExchange exchange;
    QSignalSpy disconnected(&socket, &QTcpSocket::disconnected);
    // Either the server answers (bytes arrive) or it closes the connection.
    while (disconnected.isEmpty() && exchange.received.isEmpty()) {
        if (!disconnected.wait(5000) && !socket.bytesAvailable())
            break;
        exchange.received += socket.readAll();
    }
    exchange.received += socket.readAll();
    exchange.closedByServer = !disconnected.isEmpty();
    return exchange;
}

} // namespace

class TestSandboxFaults : public QObject
{
    Q_OBJECT

private slots:
    void errorFault_data();
    void errorFault();
    void dropBefore_closesWithoutProcessing();
    void dropAfter_processesThenCloses();
    void delay_answersLater();
    void count_limitsFaultToFirstAttempts();
    void unknownFault_isRejected();
    void randomFaults_areReproducibleFromSeed();

private:
    SandboxHttp m_http;
};

void TestSandboxFaults::errorFault_data()
{
    QTest::addColumn<QByteArray>("fault");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QByteArray>("shouldRetry");
    QTest::newRow("500") << QByteArray("500") << 500 << QStringLiteral("api_error") << QString() << QByteArray();
    QTest::newRow("503") << QByteArray("503") << 503 << QStringLiteral("api_error") << QString() << QByteArray();
    QTest::newRow("429") << QByteArray("429") << 429 << QStringLiteral("invalid_request_error")
                         << QStringLiteral("rate_limit") << QByteArray("true");
    QTest::newRow("konbini rate limit") << QByteArray("konbini_rate_limit") << 429
                                        << QStringLiteral("invalid_request_error")
                                        << QStringLiteral("payment_method_rate_limit_exceeded") << QByteArray();
    QTest::newRow("not available") << QByteArray("not_available") << 400 << QStringLiteral("invalid_request_error")
                                   << QStringLiteral("payment_method_not_available") << QByteArray("false");
}

void TestSandboxFaults::errorFault()
{
    QFETCH(QByteArray, fault);
    QFETCH(int, status);
    QFETCH(QString, type);
    QFETCH(QString, code);
    QFETCH(QByteArray, shouldRetry);
    const qsizetype before = m_http.count(kPaymentIntents);
    const HttpResult result =
        m_http.post(kPaymentIntents, kCreate, {{"X-Sandbox-Fault", fault}, {"Idempotency-Key", "fault-" + fault}});
    QCOMPARE(result.status, status);
    QCOMPARE(result.error().value(QStringLiteral("type")).toString(), type);
    QCOMPARE(result.errorCode(), code);
    QCOMPARE(result.headers.value("stripe-should-retry"), shouldRetry);
    QVERIFY(result.headers.value("request-id").startsWith("req_"));
    QCOMPARE(m_http.count(kPaymentIntents), before);
    // An injected failure is not stored: the retry with the same key goes through.
    const HttpResult retry = m_http.post(kPaymentIntents, kCreate, {{"Idempotency-Key", "fault-" + fault}});
    QCOMPARE(retry.status, 200);
    QVERIFY(!retry.headers.contains("idempotent-replayed"));
}

void TestSandboxFaults::dropBefore_closesWithoutProcessing()
{
    const qsizetype before = m_http.count(kPaymentIntents);
    const RawExchange exchange =
        rawPost(m_http.baseUrl(), "X-Sandbox-Fault: drop_before\r\nIdempotency-Key: drop-before-1\r\n");
    QVERIFY(exchange.closedByServer);
    QCOMPARE(exchange.received, QByteArray());
    QCOMPARE(m_http.count(kPaymentIntents), before);
    // Nothing was stored for the key either.
    const HttpResult retry = m_http.post(kPaymentIntents, kCreate, {{"Idempotency-Key", "drop-before-1"}});
    QCOMPARE(retry.status, 200);
    QVERIFY(!retry.headers.contains("idempotent-replayed"));
}

void TestSandboxFaults::dropAfter_processesThenCloses()
{
    const qsizetype before = m_http.count(kPaymentIntents);
    const RawExchange exchange =
        rawPost(m_http.baseUrl(), "X-Sandbox-Fault: drop_after\r\nIdempotency-Key: drop-after-1\r\n");
    QVERIFY(exchange.closedByServer);
    QCOMPARE(exchange.received, QByteArray());
    QCOMPARE(m_http.count(kPaymentIntents), before + 1);
    // The client's retry with the same key gets the committed answer: still one PaymentIntent.
    const HttpResult retry = m_http.post(kPaymentIntents, kCreate, {{"Idempotency-Key", "drop-after-1"}});
    QCOMPARE(retry.status, 200);
    QCOMPARE(retry.headers.value("idempotent-replayed"), QByteArray("true"));
    QCOMPARE(m_http.count(kPaymentIntents), before + 1);
}

void TestSandboxFaults::delay_answersLater()
{
    QElapsedTimer timer;
    timer.start();
    const HttpResult result = m_http.get(kPaymentIntents, {}, {{"X-Sandbox-Fault", "delay=300"}});
    QCOMPARE(result.status, 200);
    QVERIFY(timer.elapsed() >= 300); // a lower bound only: a timer never fires early
    const HttpResult combined = m_http.get(kPaymentIntents, {}, {{"X-Sandbox-Fault", "delay=50,503"}});
    QCOMPARE(combined.status, 503);
}

void TestSandboxFaults::count_limitsFaultToFirstAttempts()
{
    const Headers headers{{"X-Sandbox-Fault", "503,count=2"}, {"Idempotency-Key", "count-1"}};
    QCOMPARE(m_http.post(kPaymentIntents, kCreate, headers).status, 503);
    QCOMPARE(m_http.post(kPaymentIntents, kCreate, headers).status, 503);
    QCOMPARE(m_http.post(kPaymentIntents, kCreate, headers).status, 200);
    // Another key starts its own count; without a key, method and path count.
    QCOMPARE(m_http.post(kPaymentIntents, kCreate, {{"X-Sandbox-Fault", "503,count=1"}, {"Idempotency-Key", "count-2"}})
                 .status,
             503);
    const Headers getHeaders{{"X-Sandbox-Fault", "429,count=1"}};
    QCOMPARE(m_http.get(QStringLiteral("/v1/events"), {}, getHeaders).status, 429);
    QCOMPARE(m_http.get(QStringLiteral("/v1/events"), {}, getHeaders).status, 200);
    QCOMPARE(m_http.get(kPaymentIntents, {}, {{"X-Sandbox-Fault", "count=0"}}).status, 400);
}

void TestSandboxFaults::unknownFault_isRejected()
{
    const HttpResult result = m_http.get(kPaymentIntents, {}, {{"X-Sandbox-Fault", "meteor"}});
    QCOMPARE(result.status, 400);
    QCOMPARE(result.error().value(QStringLiteral("param")).toString(), QStringLiteral("X-Sandbox-Fault"));
    QCOMPARE(m_http.get(kPaymentIntents, {}, {{"X-Sandbox-Fault", "delay=-5"}}).status, 400);
}

void TestSandboxFaults::randomFaults_areReproducibleFromSeed()
{
    const auto outcomes = [](quint64 seed) {
        SandboxHttp http([seed] {
            konbini::sandbox::SandboxOptions options;
            options.faultRate = 0.5;
            options.faultSeed = seed;
            return options;
        }());
        QList<int> statuses;
        for (int i = 0; i < 40; ++i) {
            // Fresh key per request; drops show as status 0.
            statuses.append(http.post(kPaymentIntents, kCreate, {{"Idempotency-Key", QByteArray::number(i)}}).status);
        }
        return statuses;
    };
    const QList<int> first = outcomes(7);
    QCOMPARE(outcomes(7), first);
    QVERIFY(first.count(200) > 5);
    QVERIFY(first.count(200) < 35);
    QVERIFY(first.contains(500) || first.contains(503) || first.contains(429) || first.contains(0));
    QVERIFY(outcomes(8) != first);
}

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "TestSandboxFaults.moc"
