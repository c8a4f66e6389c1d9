#include "ClerkMessages.h"
#include "HostileServer.h"
#include "SampleSales.h"
#include "Till.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSignalSpy>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace konbini;
using namespace konbini::test;
using namespace std::chrono_literals;

namespace {

QByteArray paymentIntentJson(qint64 amount, const QString &status, const QJsonObject &nextAction = {},
                             const QString &currency = QStringLiteral("jpy"))
{
    QJsonObject pi{{QStringLiteral("id"), QStringLiteral("pi_hostile")},
                   {QStringLiteral("object"), QStringLiteral("payment_intent")},
                   {QStringLiteral("amount"), amount},
                   {QStringLiteral("currency"), currency},
                   {QStringLiteral("created"), QDateTime::currentSecsSinceEpoch()},
                   {QStringLiteral("status"), status}};
    if (!nextAction.isEmpty())
        pi.insert(QStringLiteral("next_action"), nextAction);
    return QJsonDocument(pi).toJson(QJsonDocument::Compact);
}

QJsonObject voucherAction(const QString &url, const QString &code = QStringLiteral("LW123456"), qint64 expiresAt = 0)
{
    const QJsonObject details{
        {QStringLiteral("expires_at"), expiresAt ? expiresAt : QDateTime::currentSecsSinceEpoch() + 3 * 86400},
        {QStringLiteral("hosted_voucher_url"), url},
        {QStringLiteral("stores"),
         QJsonObject{{QStringLiteral("lawson"),
                      QJsonObject{{QStringLiteral("payment_code"), code}, {QStringLiteral("confirmation_number"), QStringLiteral("09012345678")}}}}}};
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("konbini_display_details")},
                       {QStringLiteral("konbini_display_details"), details}};
}

// Answers every request (the sale's one create-and-confirm) with `bytes`.
HostileServer::Answer everyAnswer(QByteArray bytes)
{
    return [bytes](QTcpSocket *socket, const QByteArray &) { socket->write(bytes); };
}

} // namespace

// A server at the API address that lies, trickles or floods: the clerk gets a clear error the sale
// can be resumed from, and never a voucher made of what the server invented.
class TestHostileServer : public QObject
{
    Q_OBJECT

private slots:
    void lyingAnswers_neverBecomeVouchers_data();
    void lyingAnswers_neverBecomeVouchers();
    void hugeAnswer_isCutOff();
    void tricklingAnswer_endsAtTheDeadline();
    void plausibleAnswer_isAVoucher();
    void errorCarryingAPaymentIntent_keepsItForTheNextConfirm_data();
    void errorCarryingAPaymentIntent_keepsItForTheNextConfirm();
    void endlessEventPages_areBoundedPerPoll();

private:
    CheckoutOutcome sell(const QUrl &base, std::chrono::milliseconds deadline = 45s);

    QTemporaryDir m_dir;
    int m_ledgers = 0;
};

CheckoutOutcome TestHostileServer::sell(const QUrl &base, std::chrono::milliseconds deadline)
{
    QNetworkAccessManager network;
    TillConfig config;
    config.baseUrl = base;
    config.sandbox = true; // plain http on loopback: the hostile server sits where a sandbox would
    config.apiKey = QStringLiteral("sk_test_hostile");
    config.ledgerPath = m_dir.filePath(QStringLiteral("ledger-%1.sqlite").arg(++m_ledgers));
    config.terminal = {QStringLiteral("shibuya"), QStringLiteral("till-1")};
    config.retry.maxNetworkRetries = 0;
    config.callDeadline = deadline;
    config.maxAnswerBytes = 64 * 1024;
    Till till(network, config);
    if (!till.open())
        qFatal("ledger");
    std::optional<CheckoutOutcome> outcome;
    till.engine().issueVoucher(sampleSale(), [&](const CheckoutOutcome &o) { outcome = o; });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 20000))
        qFatal("no outcome");
    return *outcome;
}

void TestHostileServer::lyingAnswers_neverBecomeVouchers_data()
{
    QTest::addColumn<QByteArray>("confirm");
    const auto ok = [](const QByteArray &body) { return HostileServer::response(200, body); };
    const QString action = QStringLiteral("requires_action");
    QTest::newRow("garbage") << ok("<<<not json>>>");
    QTest::newRow("truncated") << ok(paymentIntentJson(1500, action, voucherAction(QStringLiteral("https://x/v"))).left(40));
    QTest::newRow("wrong type") << ok(R"({"id":"pi_hostile","object":"refund","amount":1500,"currency":"jpy","created":1,"status":"pending"})");
    QTest::newRow("amount 2^53-1") << ok(paymentIntentJson(9007199254740991, action, voucherAction(QStringLiteral("https://x/v"))));
    QTest::newRow("amount -5") << ok(paymentIntentJson(-5, action, voucherAction(QStringLiteral("https://x/v"))));
    QTest::newRow("currency usd") << ok(paymentIntentJson(1500, action, voucherAction(QStringLiteral("https://x/v")), QStringLiteral("usd")));
    QTest::newRow("deadline in year 285428751")
        << ok(paymentIntentJson(1500, action, voucherAction(QStringLiteral("https://x/v"), QStringLiteral("LW1"), 9007199254740991)));
    QTest::newRow("empty payment code") << ok(paymentIntentJson(1500, action, voucherAction(QStringLiteral("https://x/v"), QString())));
    QTest::newRow("markup as payment code")
        << ok(paymentIntentJson(1500, action, voucherAction(QStringLiteral("https://x/v"), QStringLiteral("<img src=file:///etc/passwd>"))));
    QTest::newRow("javascript: voucher page") << ok(paymentIntentJson(1500, action, voucherAction(QStringLiteral("javascript:alert(1)"))));
    QTest::newRow("http voucher page elsewhere") << ok(paymentIntentJson(1500, action, voucherAction(QStringLiteral("http://evil.example/v"))));
    QTest::newRow("file: voucher page") << ok(paymentIntentJson(1500, action, voucherAction(QStringLiteral("file:///etc/passwd"))));
}

void TestHostileServer::lyingAnswers_neverBecomeVouchers()
{
    QFETCH(QByteArray, confirm);
    HostileServer server(everyAnswer(confirm));
    const CheckoutOutcome outcome = sell(server.baseUrl());
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().kind, CheckoutError::Kind::Stripe);
    QCOMPARE(outcome.error().stripe.kind, ApiError::Kind::Decoding);
    QVERIFY(!ClerkMessages::forCheckout(outcome.error()).isEmpty());
}

void TestHostileServer::hugeAnswer_isCutOff()
{
    HostileServer server(everyAnswer(HostileServer::response(200, QByteArray(1024 * 1024, ' ') + "{}")));
    const CheckoutOutcome outcome = sell(server.baseUrl());
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().stripe.kind, ApiError::Kind::Decoding);
    QVERIFY(outcome.error().stripe.message.contains(QStringLiteral("larger than")));
}

void TestHostileServer::tricklingAnswer_endsAtTheDeadline()
{
    // Headers, then one byte every 50 ms of a body that never ends: the transfer never stalls long
    // enough for Qt's per-attempt timeout, so only the call's own deadline can end it.
    HostileServer server([](QTcpSocket *socket, const QByteArray &) {
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2000\r\n\r\n{");
        auto *drip = new QTimer(socket);
        QObject::connect(drip, &QTimer::timeout, socket, [socket] { socket->write(" "); });
        drip->start(50);
    });
    const CheckoutOutcome outcome = sell(server.baseUrl(), 600ms);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().stripe.kind, ApiError::Kind::Timeout);
    QVERIFY(outcome.error().resumable); // the same sale, the same key, later
}

void TestHostileServer::plausibleAnswer_isAVoucher()
{
    // The same harness with an honest confirm: the checks above are not what refuses.
    HostileServer server(everyAnswer(HostileServer::response(
        200, paymentIntentJson(1500, QStringLiteral("requires_action"), voucherAction(QStringLiteral("https://payments.example/v/1"))))));
    const CheckoutOutcome outcome = sell(server.baseUrl());
    QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(ClerkMessages::details(outcome.error())));
    QCOMPARE(outcome.value().hostedVoucherUrl, QStringLiteral("https://payments.example/v/1"));
}

void TestHostileServer::endlessEventPages_areBoundedPerPoll()
{
    // Every page says there is more, each with a new event: a pass must still end.
    int served = 0;
    HostileServer server([&served](QTcpSocket *socket, const QByteArray &) {
        ++served;
        const QJsonObject event{{QStringLiteral("id"), QStringLiteral("evt_%1").arg(served)},
                                {QStringLiteral("object"), QStringLiteral("event")},
                                {QStringLiteral("type"), QStringLiteral("payment_intent.succeeded")},
                                {QStringLiteral("created"), QDateTime::currentSecsSinceEpoch()},
                                {QStringLiteral("data"), QJsonObject{{QStringLiteral("object"),
                                                                      QJsonObject{{QStringLiteral("id"), QStringLiteral("pi_not_ours")},
                                                                                  {QStringLiteral("object"), QStringLiteral("payment_intent")}}}}}};
        const QJsonObject page{{QStringLiteral("object"), QStringLiteral("list")},
                               {QStringLiteral("has_more"), true},
                               {QStringLiteral("data"), QJsonArray{event}}};
        socket->write(HostileServer::response(200, QJsonDocument(page).toJson(QJsonDocument::Compact)));
    });
    QNetworkAccessManager network;
    TillConfig config;
    config.baseUrl = server.baseUrl();
    config.sandbox = true;
    config.apiKey = QStringLiteral("sk_test_hostile");
    config.ledgerPath = m_dir.filePath(QStringLiteral("events.sqlite"));
    config.sync.interval = 1h; // one pass, no timer firing during the test
    Till till(network, config);
    QVERIFY(till.open().ok());
    QVERIFY(till.ledger().syncState().setValue(QStringLiteral("event_cursor"), QStringLiteral("evt_0")).ok());
    QVERIFY(till.ledger().syncState().setValue(QStringLiteral("event_cursor_created"), QString::number(QDateTime::currentSecsSinceEpoch())).ok());
    QSignalSpy synced(&till.sync(), &EventSync::synced);
    till.sync().syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(synced.count(), 1, 20000);
    QCOMPARE(served, config.sync.maxPagesPerPass);
    // The cursor moved as far as was read; the next poll goes on from there.
    QCOMPARE(till.ledger().syncState().value(QStringLiteral("event_cursor")).value(), QStringLiteral("evt_%1").arg(served));
}

void TestHostileServer::errorCarryingAPaymentIntent_keepsItForTheNextConfirm_data()
{
    QTest::addColumn<QString>("paymentIntentId");
    QTest::addColumn<bool>("kept");
    QTest::newRow("a PaymentIntent id") << QStringLiteral("pi_3Hostile01") << true;
    QTest::newRow("markup for an id") << QStringLiteral("pi_<b>x</b>") << false;
    QTest::newRow("a path for an id") << QStringLiteral("pi_1/../../v1/refunds") << false;
}

// Created, then not confirmable for now (Konbini down): the voucher keeps that PaymentIntent and the
// journal holds a confirm of it, so resuming never creates a second one; an "id" that is not one is
// never taken into a request path.
void TestHostileServer::errorCarryingAPaymentIntent_keepsItForTheNextConfirm()
{
    QFETCH(QString, paymentIntentId);
    QFETCH(bool, kept);
    const QJsonObject error{{QStringLiteral("type"), QStringLiteral("invalid_request_error")},
                            {QStringLiteral("code"), QStringLiteral("payment_method_not_available")},
                            {QStringLiteral("message"), QStringLiteral("Konbini is down.")},
                            {QStringLiteral("payment_intent"),
                             QJsonObject{{QStringLiteral("id"), paymentIntentId},
                                         {QStringLiteral("status"), QStringLiteral("requires_payment_method")}}}};
    HostileServer server(everyAnswer(HostileServer::response(
        400, QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}).toJson(QJsonDocument::Compact))));
    const CheckoutOutcome outcome = sell(server.baseUrl());
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().stripe.kind, ApiError::Kind::MethodUnavailable);
    QVERIFY(outcome.error().resumable);

    Ledger ledger(m_dir.filePath(QStringLiteral("ledger-%1.sqlite").arg(m_ledgers)));
    QVERIFY(ledger.open().ok());
    const VoucherRecord voucher = ledger.vouchers().voucher(outcome.error().voucherId).value();
    const QList<JournalEntry> pending = ledger.journal().pending().value();
    QCOMPARE(pending.size(), 1);
    if (kept) {
        QCOMPARE(voucher.paymentIntentId, paymentIntentId);
        QCOMPARE(pending.first().operation, JournalOperation::ConfirmPaymentIntent);
        QCOMPARE(pending.first().request.path, StripeApi::confirmPaymentIntent(paymentIntentId, {}).path);
    } else {
        QVERIFY(voucher.paymentIntentId.isEmpty());
        QCOMPARE(pending.first().operation, JournalOperation::CreatePaymentIntent); // sent again, same key
    }
}

QTEST_GUILESS_MAIN(TestHostileServer)
#include "TestHostileServer.moc"
