#include "CheckoutEngine.h"
#include "EventSync.h"
#include "SandboxServer.h"
#include "StripeBackend.h"
#include "TillHarness.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace konbini;
using namespace konbini::test;
using namespace std::chrono_literals;

namespace {

CheckoutRequest sale(const QString &email)
{
    CheckoutRequest request;
    request.amountYen = 2000;
    request.customerName = QStringLiteral("佐藤 太郎");
    request.email = email;
    return request;
}

} // namespace

class TestEventSync : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void paidVoucher_raisesPaid();
    void expiredVoucher_raisesExpired();
    void canceledElsewhere_raisesCanceled();
    void refundLifecycle_updatesLedger();
    void secondPass_changesNothing();
    void paidVoucher_getsWhereAndWhenItWasPaidAndStripesFee();
    void othersVouchers_areIgnored();
    void staleCursor_rereadsOpenVouchers();
    void unknownCursor_rereadsOpenVouchers();
    void offline_backsOffAndRecovers();
    void accountWithoutEvents_costsOneRequestAPoll();
    void catchUp_listsPagesInsteadOfEachVoucher();
    void eventsInOurApiVersion_areAppliedWithoutRereading();
    void eventsInAnotherApiVersion_areReread();

private:
    CheckoutOutcome issue(const CheckoutRequest &request);
    void syncOnce();

    std::unique_ptr<StripeBackend> m_backend;
    std::unique_ptr<QTemporaryDir> m_dir;
    QNetworkAccessManager m_network;
    std::unique_ptr<TillHarness> m_till;
    // Into m_till, under the names the tests read best with.
    std::unique_ptr<FixedKeyProvider> m_key;
    StripeApi *m_api = nullptr;
    Ledger *m_ledger = nullptr;
    CheckoutEngine *m_engine = nullptr;
    std::unique_ptr<EventSync> m_sync;
};

void TestEventSync::init()
{
    m_backend = std::make_unique<StripeBackend>();
    m_dir = std::make_unique<QTemporaryDir>();
    m_till = std::make_unique<TillHarness>(*m_backend, m_dir->filePath(QStringLiteral("ledger.sqlite")));
    m_key = std::make_unique<FixedKeyProvider>(m_backend->key());
    m_api = &m_till->api();
    m_ledger = &m_till->ledger();
    m_engine = &m_till->engine();
    m_sync = std::make_unique<EventSync>(*m_api, *m_ledger, EventSync::Settings{1h, 2h, 30 * 24 * 3600});
    KONBINI_REQUIRE_SANDBOX(*m_backend);
}

void TestEventSync::cleanup()
{
    m_sync.reset();
    m_till.reset();
    m_backend.reset();
    m_dir.reset();
}

CheckoutOutcome TestEventSync::issue(const CheckoutRequest &request)
{
    return m_till->issue(request);
}

void TestEventSync::syncOnce()
{
    QSignalSpy done(m_sync.get(), &EventSync::synced);
    QSignalSpy failed(m_sync.get(), &EventSync::syncFailed);
    m_sync->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(done.count() + failed.count() == 1, 20000);
}

void TestEventSync::paidVoucher_raisesPaid()
{
    const CheckoutOutcome outcome = issue(sale(QStringLiteral("taro@test.com")));
    QVERIFY(outcome.ok());
    syncOnce(); // takes the cursor
    QSignalSpy paid(m_sync.get(), &EventSync::voucherPaid);
    syncOnce();
    QCOMPARE(paid.count(), 0);
    m_backend->sandbox()->advanceClock(180);
    syncOnce();
    QCOMPARE(paid.count(), 1);
    QCOMPARE(paid.first().first().toLongLong(), outcome.value().voucherId);
    QCOMPARE(m_ledger->vouchers().voucher(outcome.value().voucherId).value().status, VoucherStatus::Paid);
    QVERIFY(m_sync->lastSyncAt() > 0);
}

void TestEventSync::expiredVoucher_raisesExpired()
{
    syncOnce();
    const CheckoutOutcome outcome = issue(sale(QStringLiteral("taro+expire_immediately@test.com")));
    QSignalSpy expired(m_sync.get(), &EventSync::voucherExpired);
    m_backend->sandbox()->advanceClock(3600);
    syncOnce();
    QCOMPARE(expired.count(), 1);
    QCOMPARE(m_ledger->vouchers().voucher(outcome.value().voucherId).value().status, VoucherStatus::Expired);
}

void TestEventSync::canceledElsewhere_raisesCanceled()
{
    syncOnce();
    const CheckoutOutcome outcome = issue(sale(QStringLiteral("taro+fill_never@test.com")));
    // Canceled from the Dashboard, say: not through this till.
    m_backend->sandbox()->cancelPaymentIntent(outcome.value().paymentIntentId);
    QSignalSpy canceled(m_sync.get(), &EventSync::voucherCanceled);
    syncOnce();
    QCOMPARE(canceled.count(), 1);
    QCOMPARE(m_ledger->vouchers().voucher(outcome.value().voucherId).value().status, VoucherStatus::Canceled);
}

void TestEventSync::refundLifecycle_updatesLedger()
{
    const CheckoutOutcome outcome = issue(sale(QStringLiteral("taro+succeed_immediately@test.com")));
    syncOnce();
    std::optional<ActionResult<RefundRecord>> refund;
    m_engine->refund(outcome.value().voucherId, 0, QString(), [&](const ActionResult<RefundRecord> &r) { refund = r; });
    QTRY_VERIFY_WITH_TIMEOUT(refund.has_value(), 20000);
    QVERIFY(refund->ok());
    const QString refundId = refund->value().id;
    QSignalSpy changed(m_sync.get(), &EventSync::refundChanged);
    m_backend->sandbox()->submitBankDetails(refundId);
    syncOnce();
    QCOMPARE(m_ledger->refunds().refund(refundId).value().status, RefundStatus::Pending);
    m_backend->sandbox()->advanceClock(60);
    syncOnce();
    QCOMPARE(m_ledger->refunds().refund(refundId).value().status, RefundStatus::Succeeded);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.last().at(0).toString(), refundId);
    QCOMPARE(m_ledger->vouchers().voucher(outcome.value().voucherId).value().status, VoucherStatus::Refunded);
}

void TestEventSync::paidVoucher_getsWhereAndWhenItWasPaidAndStripesFee()
{
    syncOnce();
    const CheckoutOutcome outcome = issue(sale(QStringLiteral("taro+fill_never@test.com")));
    QVERIFY(outcome.ok());
    const qint64 voucherId = outcome.value().voucherId;
    const QString pi = m_ledger->vouchers().voucher(voucherId).value().paymentIntentId;
    m_backend->sandbox()->advanceClock(600);
    const qint64 paidAt = m_backend->sandbox()->now();
    QCOMPARE(m_backend->sandbox()->pay(pi, QStringLiteral("lawson")).status, 200);
    m_backend->sandbox()->advanceClock(120); // the till learns it a little later
    syncOnce();
    const VoucherRecord paid = m_ledger->vouchers().voucher(voucherId).value();
    QCOMPARE(paid.status, VoucherStatus::Paid);
    QVERIFY(paid.paidDetailsRead);
    QCOMPARE(paid.paidChain, QStringLiteral("lawson"));
    QCOMPARE(paid.paidAt, paidAt); // when the customer paid, not when the till heard
    const qint64 fee = (paid.amountYen * 36 + 500) / 1000; // the sandbox's 3.6 %
    QCOMPARE(paid.fee, std::optional<qint64>(fee));
    QCOMPARE(paid.net, std::optional<qint64>(paid.amountYen - fee));
    QVERIFY(paid.fundsAvailableAt > paidAt);
    // Read once: the next passes do not ask again.
    QSignalSpy received(m_backend->sandbox()->server(), &sandbox::SandboxServer::requestReceived);
    syncOnce();
    syncOnce();
    for (const QList<QVariant> &request : std::as_const(received))
        QVERIFY2(!request.at(1).toString().contains(pi), qPrintable(request.at(1).toString()));
    QVERIFY(m_ledger->vouchers().needingPaidDetails(10).value().isEmpty());
}

void TestEventSync::secondPass_changesNothing()
{
    syncOnce();
    issue(sale(QStringLiteral("taro@test.com")));
    m_backend->sandbox()->advanceClock(180);
    QSignalSpy changed(m_sync.get(), &EventSync::voucherChanged);
    syncOnce();
    syncOnce();
    syncOnce();
    QCOMPARE(changed.count(), 2); // paid, then its paid details; nothing after
}

void TestEventSync::othersVouchers_areIgnored()
{
    syncOnce();
    const QJsonObject foreign = m_backend->sandbox()->paidPaymentIntent(); // created by another till
    QSignalSpy changed(m_sync.get(), &EventSync::voucherChanged);
    syncOnce();
    QCOMPARE(changed.count(), 0);
    QVERIFY(!m_ledger->vouchers().byPaymentIntent(foreign.value(QStringLiteral("id")).toString()).value().has_value());
}

void TestEventSync::staleCursor_rereadsOpenVouchers()
{
    const CheckoutOutcome outcome = issue(sale(QStringLiteral("taro@test.com")));
    syncOnce();
    // The till was off for more than 30 days: Stripe no longer has the events after the cursor.
    m_ledger->syncState().setValue(QStringLiteral("event_cursor_created"),
                                   QString::number(QDateTime::currentSecsSinceEpoch() - 31 * 86400));
    m_backend->sandbox()->advanceClock(180);
    QSignalSpy caughtUp(m_sync.get(), &EventSync::caughtUp);
    QSignalSpy paid(m_sync.get(), &EventSync::voucherPaid);
    syncOnce();
    QCOMPARE(caughtUp.count(), 1);
    QCOMPARE(paid.count(), 1);
    QCOMPARE(m_ledger->vouchers().voucher(outcome.value().voucherId).value().status, VoucherStatus::Paid);
}

void TestEventSync::unknownCursor_rereadsOpenVouchers()
{
    issue(sale(QStringLiteral("taro@test.com")));
    syncOnce();
    m_ledger->syncState().setValue(QStringLiteral("event_cursor"), QStringLiteral("evt_forgotten"));
    m_backend->sandbox()->advanceClock(180);
    QSignalSpy caughtUp(m_sync.get(), &EventSync::caughtUp);
    QSignalSpy paid(m_sync.get(), &EventSync::voucherPaid);
    syncOnce();
    QCOMPARE(caughtUp.count(), 1);
    QCOMPARE(paid.count(), 1);
}

// A new till on an account without events: the first pass catches up, then each poll is one
// list of the newest events (it used to catch up again at every poll, re-reading every voucher).
void TestEventSync::accountWithoutEvents_costsOneRequestAPoll()
{
    QSignalSpy received(m_backend->sandbox()->server(), &sandbox::SandboxServer::requestReceived);
    QSignalSpy caughtUp(m_sync.get(), &EventSync::caughtUp);
    syncOnce();
    QCOMPARE(caughtUp.count(), 1);
    const qsizetype afterCatchUp = received.count();
    for (int poll = 0; poll < 3; ++poll)
        syncOnce();
    QCOMPARE(received.count() - afterCatchUp, 3);
    QCOMPARE(caughtUp.count(), 1);
    // A voucher paid after that is still seen, from its events.
    const CheckoutOutcome outcome = issue(sale(QStringLiteral("taro@test.com")));
    m_backend->sandbox()->advanceClock(180);
    QSignalSpy paid(m_sync.get(), &EventSync::voucherPaid);
    syncOnce();
    QCOMPARE(paid.count(), 1);
    QCOMPARE(m_ledger->vouchers().voucher(outcome.value().voucherId).value().status, VoucherStatus::Paid);
}

// Without a cursor, open vouchers are brought up to date by listing PaymentIntents 100 a page, not
// by one request each.
void TestEventSync::catchUp_listsPagesInsteadOfEachVoucher()
{
    const int vouchers = 150;
    for (int i = 0; i < vouchers; ++i)
        QVERIFY(issue(sale(QStringLiteral("taro@test.com"))).ok());
    m_backend->sandbox()->advanceClock(180); // every one of them is paid at the store
    m_ledger->syncState().setValue(QStringLiteral("event_cursor"), QString());
    QSignalSpy received(m_backend->sandbox()->server(), &sandbox::SandboxServer::requestReceived);
    QSignalSpy caughtUp(m_sync.get(), &EventSync::caughtUp);
    QSignalSpy paid(m_sync.get(), &EventSync::voucherPaid);
    syncOnce();
    QCOMPARE(caughtUp.count(), 1);
    QCOMPARE(paid.count(), vouchers);
    // The newest event, then two pages of PaymentIntents, each paid one with its charge and fee.
    QCOMPARE(received.count(), 1 + 2);
    QVERIFY(m_ledger->vouchers().needingPaidDetails(100).value().isEmpty());
}

// A burst of payments costs the pages of events that report it, not a read per voucher.
void TestEventSync::eventsInOurApiVersion_areAppliedWithoutRereading()
{
    const int vouchers = 30;
    for (int i = 0; i < vouchers; ++i)
        QVERIFY(issue(sale(QStringLiteral("taro@test.com"))).ok());
    syncOnce();
    m_backend->sandbox()->advanceClock(180);
    QSignalSpy received(m_backend->sandbox()->server(), &sandbox::SandboxServer::requestReceived);
    QSignalSpy paid(m_sync.get(), &EventSync::voucherPaid);
    syncOnce();
    QCOMPARE(paid.count(), vouchers);
    // One page of events, no voucher read again; then the paid details of 20 of them (20 a pass).
    QCOMPARE(received.count(), 1 + 20);
    QCOMPARE(received.first().at(1).toString(), QStringLiteral("/v1/events"));
    for (const QList<QVariant> &request : received.mid(1))
        QVERIFY(request.at(1).toString().startsWith(QStringLiteral("/v1/payment_intents/pi_")));
}

// An account whose default API version is not the till's renders events the till cannot trust
// field by field: each object is read again in the till's version.
void TestEventSync::eventsInAnotherApiVersion_areReread()
{
    m_backend->sandbox()->server()->api().state().accountApiVersion = QByteArrayLiteral("2022-11-15");
    const int vouchers = 3;
    for (int i = 0; i < vouchers; ++i)
        QVERIFY(issue(sale(QStringLiteral("taro@test.com"))).ok());
    syncOnce();
    m_backend->sandbox()->advanceClock(180);
    QSignalSpy received(m_backend->sandbox()->server(), &sandbox::SandboxServer::requestReceived);
    QSignalSpy paid(m_sync.get(), &EventSync::voucherPaid);
    syncOnce();
    QCOMPARE(paid.count(), vouchers);
    // The page, then each PaymentIntent, read with its charge and fee.
    QCOMPARE(received.count(), 1 + vouchers);
    QVERIFY(m_ledger->vouchers().needingPaidDetails(100).value().isEmpty());
}

void TestEventSync::offline_backsOffAndRecovers()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    StripeClientConfig config;
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    config.loopbackHttpAllowed = true;
    config.retry.maxNetworkRetries = 0;
    StripeClient offlineClient(m_network, *m_key, config);
    StripeApi offlineApi(offlineClient);
    EventSync sync(offlineApi, *m_ledger, EventSync::Settings{1s, 5s, 30 * 24 * 3600});
    QSignalSpy offline(&sync, &EventSync::offlineChanged);
    QSignalSpy failed(&sync, &EventSync::syncFailed);
    sync.syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QCOMPARE(offline.count(), 1);
    QVERIFY(sync.isOffline());
    QCOMPARE(sync.currentInterval(), 2s);
    sync.syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 20000);
    QCOMPARE(sync.currentInterval(), 4s);
    sync.syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 3, 20000);
    QCOMPARE(sync.currentInterval(), 5s); // capped
    QCOMPARE(offline.count(), 1);
    sync.stop();
    // Back online: the real API answers, the interval resets and the state flips once.
    EventSync online(*m_api, *m_ledger, EventSync::Settings{1s, 5s, 30 * 24 * 3600});
    QSignalSpy synced(&online, &EventSync::synced);
    online.syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(synced.count(), 1, 20000);
    QVERIFY(!online.isOffline());
    QCOMPARE(online.currentInterval(), 1s);
    online.stop();
}

QTEST_GUILESS_MAIN(TestEventSync)
#include "TestEventSync.moc"
