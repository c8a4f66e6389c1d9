#include "SandboxServer.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace konbini::sandbox;

namespace {

const QByteArray kKey = QByteArrayLiteral("sk_test_connections");

// A client that writes exactly the bytes given and keeps everything the server sends.
struct RawClient {
    QTcpSocket socket;
    QByteArray received;

    explicit RawClient(const QUrl &base)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, [this] { received += socket.readAll(); });
        socket.connectToHost(base.host(), quint16(base.port()));
    }
    bool connected() { return socket.waitForConnected(5000); }
    bool closedByServer() const { return socket.state() == QAbstractSocket::UnconnectedState; }
    int answers() const { return int(received.count("HTTP/1.1 ") - received.count("HTTP/1.1 100 Continue")); }
};

QByteArray get(const QByteArray &path, const QByteArray &extraHeaders = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + kKey + "\r\n" + extraHeaders + "\r\n";
}

QByteArray statusLine(const QByteArray &received)
{
    return received.left(received.indexOf("\r\n"));
}

} // namespace

// The sandbox's HTTP connections against peers that are slow, silent, greedy or malformed: each is
// answered with a clear status or closed, without buffering what it did not ask for.
class TestHttpConnection : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void keepAlive_servesRequestsInTurn();
    void pipelinedRequests_areAnsweredInOrder();
    void connectionClose_isHonoured();
    void bodyOverTheCap_isRefusedBeforeAuthentication();
    void requestWithoutKey_isRefusedBeforeItsBodyIsSent();
    void credentialLessUploads_doNotAccumulate();
    void expectContinue_isAnsweredAfterTheHeadIsAccepted();
    void slowHead_isTimedOut();
    void slowBody_isTimedOut();
    void idleConnection_isClosed();
    void connectionsBeyondTheLimit_areClosed();
    void malformedHeads_areRefused_data();
    void malformedHeads_areRefused();
    void requestTargets_splitAsQUrlSplitsThem();

private:
    QUrl startServer(const HttpLimits &limits = {});
    std::unique_ptr<SandboxServer> m_server;
};

void TestHttpConnection::init()
{
    m_server.reset();
}

void TestHttpConnection::cleanup()
{
    m_server.reset();
}

QUrl TestHttpConnection::startServer(const HttpLimits &limits)
{
    SandboxOptions options;
    options.http = limits;
    m_server = std::make_unique<SandboxServer>(options);
    QString error;
    if (!m_server->start(error))
        qFatal("sandbox did not start: %s", qPrintable(error));
    return m_server->baseUrl();
}

void TestHttpConnection::keepAlive_servesRequestsInTurn()
{
    RawClient client(startServer());
    QVERIFY(client.connected());
    client.socket.write(get("/v1/payment_intents"));
    QTRY_COMPARE(client.answers(), 1);
    client.socket.write(get("/v1/events"));
    QTRY_COMPARE(client.answers(), 2);
    QVERIFY(!client.closedByServer());
    QVERIFY(!client.received.contains("Connection: close"));
    QCOMPARE(m_server->openConnections(), 1);
}

void TestHttpConnection::pipelinedRequests_areAnsweredInOrder()
{
    RawClient client(startServer());
    QVERIFY(client.connected());
    client.socket.write(get("/v1/payment_intents") + get("/v1/nowhere") + get("/v1/events"));
    QTRY_COMPARE(client.answers(), 3);
    const qsizetype first = client.received.indexOf("HTTP/1.1 200");
    const qsizetype second = client.received.indexOf("HTTP/1.1 404");
    const qsizetype third = client.received.indexOf("HTTP/1.1 200", first + 1);
    QVERIFY(first >= 0 && first < second && second < third);
}

void TestHttpConnection::connectionClose_isHonoured()
{
    RawClient client(startServer());
    QVERIFY(client.connected());
    client.socket.write(get("/v1/payment_intents", "Connection: close\r\n"));
    QTRY_VERIFY(client.closedByServer());
    QCOMPARE(statusLine(client.received), QByteArray("HTTP/1.1 200 OK"));
    QVERIFY(client.received.contains("Connection: close\r\n"));
    QTRY_COMPARE(m_server->openConnections(), 0);
}

void TestHttpConnection::bodyOverTheCap_isRefusedBeforeAuthentication()
{
    RawClient client(startServer());
    QVERIFY(client.connected());
    // No key, and a body announced far over the cap: the answer is about the size, at once.
    client.socket.write("POST /v1/payment_intents HTTP/1.1\r\nHost: x\r\nContent-Length: 20971520\r\n\r\n");
    QTRY_VERIFY(client.closedByServer());
    QCOMPARE(statusLine(client.received), QByteArray("HTTP/1.1 413 Content Too Large"));
    QVERIFY(client.received.contains("invalid_request_error"));
}

void TestHttpConnection::requestWithoutKey_isRefusedBeforeItsBodyIsSent()
{
    RawClient client(startServer());
    QVERIFY(client.connected());
    client.socket.write("POST /v1/payment_intents HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n");
    QTRY_VERIFY(client.closedByServer());
    QCOMPARE(statusLine(client.received), QByteArray("HTTP/1.1 401 Unauthorized"));
    QVERIFY(client.received.contains("You did not provide an API key"));
}

// The attack from the issue: 20 peers without a key each send 20 MB. Each is refused from its
// head; none is read, so the sandbox's memory stays where it was (bench/ measures the figure).
void TestHttpConnection::credentialLessUploads_doNotAccumulate()
{
    const QUrl base = startServer();
    std::vector<std::unique_ptr<RawClient>> clients;
    const QByteArray chunk(1024 * 1024, 'a');
    for (int i = 0; i < 20; ++i) {
        clients.push_back(std::make_unique<RawClient>(base));
        QVERIFY(clients.back()->connected());
        clients.back()->socket.write("POST /v1/payment_intents HTTP/1.1\r\nHost: x\r\nContent-Length: 20971520\r\n\r\n");
        for (int mb = 0; mb < 4; ++mb) // the benchmark sends the full 20 MB
            clients.back()->socket.write(chunk);
    }
    for (const auto &client : clients) {
        QTRY_VERIFY(client->closedByServer());
        QVERIFY(statusLine(client->received).startsWith("HTTP/1.1 413"));
    }
    QTRY_COMPARE(m_server->openConnections(), 0);
}

void TestHttpConnection::expectContinue_isAnsweredAfterTheHeadIsAccepted()
{
    RawClient client(startServer());
    QVERIFY(client.connected());
    const QByteArray body = "amount=1500&currency=jpy&payment_method_types[]=konbini";
    client.socket.write("POST /v1/payment_intents HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + kKey
                        + "\r\nExpect: 100-continue\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                        + QByteArray::number(body.size()) + "\r\n\r\n");
    QTRY_VERIFY(client.received.startsWith("HTTP/1.1 100 Continue\r\n\r\n"));
    QCOMPARE(client.answers(), 0);
    client.socket.write(body);
    QTRY_COMPARE(client.answers(), 1);
    QVERIFY(client.received.contains("HTTP/1.1 200 OK"));
    QVERIFY(client.received.contains("\"amount\":1500"));
}

void TestHttpConnection::slowHead_isTimedOut()
{
    HttpLimits limits;
    limits.headTimeoutMs = 200;
    RawClient client(startServer(limits));
    QVERIFY(client.connected());
    client.socket.write("GET /v1/payment_intents HTTP/1.1\r\nHost: x\r\n"); // and nothing more
    QTRY_VERIFY(client.closedByServer());
    QCOMPARE(statusLine(client.received), QByteArray("HTTP/1.1 408 Request Timeout"));
    QTRY_COMPARE(m_server->openConnections(), 0);
}

void TestHttpConnection::slowBody_isTimedOut()
{
    HttpLimits limits;
    limits.bodyTimeoutMs = 200;
    RawClient client(startServer(limits));
    QVERIFY(client.connected());
    client.socket.write("POST /v1/payment_intents HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + kKey
                        + "\r\nContent-Length: 100\r\n\r\namount=1");
    QTRY_VERIFY(client.closedByServer());
    QCOMPARE(statusLine(client.received), QByteArray("HTTP/1.1 408 Request Timeout"));
}

void TestHttpConnection::idleConnection_isClosed()
{
    HttpLimits limits;
    limits.idleTimeoutMs = 200;
    RawClient client(startServer(limits));
    QVERIFY(client.connected());
    QTRY_COMPARE(m_server->openConnections(), 1);
    QTRY_VERIFY(client.closedByServer());
    QVERIFY(client.received.isEmpty());
    QTRY_COMPARE(m_server->openConnections(), 0);
}

void TestHttpConnection::connectionsBeyondTheLimit_areClosed()
{
    HttpLimits limits;
    limits.maxConnections = 3;
    const QUrl base = startServer(limits);
    std::vector<std::unique_ptr<RawClient>> clients;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(std::make_unique<RawClient>(base));
        QVERIFY(clients.back()->connected());
    }
    QTRY_COMPARE(m_server->openConnections(), 3);
    RawClient extra(base);
    QVERIFY(extra.connected());
    QTRY_VERIFY(extra.closedByServer());
    // The first three still work.
    clients.front()->socket.write(get("/v1/payment_intents"));
    QTRY_COMPARE(clients.front()->answers(), 1);
}

void TestHttpConnection::malformedHeads_areRefused_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("status");
    const QByteArray key = "Authorization: Bearer " + kKey + "\r\n";
    QTest::newRow("chunked body") << "POST /v1/payment_intents HTTP/1.1\r\nHost: x\r\n" + key + "Transfer-Encoding: chunked\r\n\r\n" << QByteArray("501");
    QTest::newRow("signed length") << "POST /v1/payment_intents HTTP/1.1\r\nHost: x\r\n" + key + "Content-Length: +5\r\n\r\n" << QByteArray("400");
    QTest::newRow("two lengths") << "POST /v1/payment_intents HTTP/1.1\r\nHost: x\r\n" + key + "Content-Length: 5\r\nContent-Length: 6\r\n\r\n" << QByteArray("400");
    QTest::newRow("huge length") << "POST /v1/payment_intents HTTP/1.1\r\nHost: x\r\n" + key + "Content-Length: 99999999999999999999999\r\n\r\n" << QByteArray("400");
    QTest::newRow("space before colon") << "GET /v1/events HTTP/1.1\r\nHost : x\r\n" + key + "\r\n" << QByteArray("400");
    QTest::newRow("folded header") << "GET /v1/events HTTP/1.1\r\nHost: x\r\n folded\r\n" + key + "\r\n" << QByteArray("400");
    QTest::newRow("absolute target") << "GET http://x/v1/events HTTP/1.1\r\nHost: x\r\n" + key + "\r\n" << QByteArray("400");
    QTest::newRow("HTTP/2.0") << "GET /v1/events HTTP/2.0\r\nHost: x\r\n" + key + "\r\n" << QByteArray("505");
    QTest::newRow("garbage") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15) << QByteArray("400");
    QTest::newRow("head over 16 KiB") << "GET /v1/events?x=" + QByteArray(20'000, 'a') + " HTTP/1.1\r\n\r\n" << QByteArray("431");
    QTest::newRow("too many headers") << "GET /v1/events HTTP/1.1\r\n" + QByteArray("X-A: 1\r\n").repeated(200) + "\r\n" << QByteArray("431");
}

void TestHttpConnection::malformedHeads_areRefused()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, status);
    RawClient client(startServer());
    QVERIFY(client.connected());
    client.socket.write(request);
    QTRY_VERIFY(client.closedByServer());
    QVERIFY2(statusLine(client.received).startsWith("HTTP/1.1 " + status), client.received.left(200).constData());
    // The sandbox goes on serving others.
    RawClient next(m_server->baseUrl());
    QVERIFY(next.connected());
    next.socket.write(get("/v1/payment_intents"));
    QTRY_COMPARE(next.answers(), 1);
}

// The server splits plain targets itself and leaves the rest to QUrl: either way the API sees the
// path and query QUrl gives (percent-encoding, fragments, spaces, bytes above ASCII, `//`).
void TestHttpConnection::requestTargets_splitAsQUrlSplitsThem()
{
    const auto viaQUrl = [](const QByteArray &target) {
        const QUrl url(QStringLiteral("http://sandbox") + QString::fromLatin1(target));
        return std::pair{url.path(), url.query(QUrl::FullyEncoded).toLatin1()};
    };
    QList<QByteArray> targets{"/v1/payment_intents",
                              "/v1/payment_intents/pi_123/confirm",
                              "/v1/payment_intents?limit=3&created[gte]=5",
                              "/v1/payment_intents/search?query=metadata['till']:'A b'",
                              "/v1/events?a=%41%2f&b=%zz",
                              "/v1/pi_%41/x#frag?y",
                              "//v1/x?y",
                              "/v1/\xe3\x81\x82?q=\xe3",
                              "/v1/a b?c d",
                              "/?",
                              "/v1/x??y?",
                              "/v1/./../x"};
    const QByteArray alphabet = QByteArrayLiteral("az09/?&=[]%#.~'+ :@!$(),;*_-\x7f\x80\xff\"\\");
    QRandomGenerator random(12);
    for (int i = 0; i < 5000; ++i) {
        QByteArray target("/");
        const int length = random.bounded(1, 24);
        for (int j = 0; j < length; ++j)
            target += alphabet.at(random.bounded(int(alphabet.size())));
        targets.append(target);
    }
    for (const QByteArray &target : std::as_const(targets)) {
        QString path;
        QByteArray query;
        splitRequestTarget(target, path, query);
        const auto [expectedPath, expectedQuery] = viaQUrl(target);
        QVERIFY2(path == expectedPath, target.constData());
        QVERIFY2(query == expectedQuery, target.constData());
    }
}

QTEST_GUILESS_MAIN(TestHttpConnection)
#include "TestHttpConnection.moc"
