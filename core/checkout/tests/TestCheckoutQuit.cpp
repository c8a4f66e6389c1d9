#include "ClerkMessages.h"
#include "SampleSales.h"
#include "SandboxServer.h"
#include "StripeBackend.h"
#include "TillHarness.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace konbini;
using namespace konbini::test;

namespace {

} // namespace

// Quitting is no less safe than crashing: the till quits (its Till destroyed, as main() does when the
// event loop ends) while Stripe holds a request it has not answered; the next start finishes the sale
// with the same keys and reports it, and Stripe has exactly one PaymentIntent.
class TestCheckoutQuit : public QObject
{
    Q_OBJECT

private slots:
    void quitWhileRequestInFlight_data();
    void quitWhileRequestInFlight();
};

void TestCheckoutQuit::quitWhileRequestInFlight_data()
{
    QTest::addColumn<QString>("quitDuring");
    // A sale is one request (create with confirm=true); the confirm endpoint is only used again
    // after a rejected confirmation number (TestCheckoutEngine).
    QTest::newRow("during the sale's create-and-confirm") << StripeApi::createPaymentIntent({}).path;
}

void TestCheckoutQuit::quitWhileRequestInFlight()
{
    QFETCH(QString, quitDuring);
    StripeBackend backend;
    KONBINI_REQUIRE_SANDBOX(backend);
    QTemporaryDir dir;
    const QString ledgerPath = dir.filePath(QStringLiteral("ledger.sqlite"));
    SandboxHttp &sandbox = *backend.sandbox();
    QSignalSpy received(sandbox.server(), &sandbox::SandboxServer::requestReceived);
    const auto arrived = [&] {
        for (const QList<QVariant> &request : std::as_const(received)) {
            if (request.at(1).toString().endsWith(quitDuring))
                return true;
        }
        return false;
    };

    qint64 voucherId = 0;
    int answered = 0;
    {
        // Stripe holds every request for 3 s before it processes and answers it.
        TillHarness till(backend, ledgerPath, QStringLiteral("till-1"), {{"X-Sandbox-Fault", "delay=3000"}});
        till.engine().issueVoucher(
            sampleSale(QStringLiteral("hanako+fill_never@test.com"), QStringLiteral("090-1234-5678"), 2480),
            [&](const CheckoutOutcome &) { ++answered; });
        QTRY_VERIFY_WITH_TIMEOUT(arrived(), 10000);
        voucherId = till.ledger().vouchers().withStatus({VoucherStatus::NotIssued}).value().first().id;
        QCOMPARE(answered, 0);
        // Quit now: the request is at Stripe and unanswered.
    }
    {
        // Nothing the old till left behind called back or marked its entry failed.
        Ledger ledger(ledgerPath);
        QVERIFY(ledger.open().ok());
        const QList<JournalEntry> pending = ledger.journal().pending().value();
        QCOMPARE(pending.size(), 1);
        QVERIFY(pending.first().request.path.endsWith(quitDuring));
    }
    // Stripe processes what it holds (as it would after the till went away); nobody is called back.
    QTRY_COMPARE_WITH_TIMEOUT(sandbox.paymentIntentCount(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(sandbox.eventCount(QStringLiteral("payment_intent.requires_action")), 1, 10000);

    QCOMPARE(answered, 0);

    TillHarness restarted(backend, ledgerPath);
    QSignalSpy recovered(&restarted.session(), &CheckoutSession::saleRecovered);
    QSignalSpy failed(&restarted.session(), &CheckoutSession::saleRecoveryFailed);
    QSignalSpy states(&restarted.session(), &CheckoutSession::stateChanged);
    restarted.till().start();
    QCOMPARE(restarted.session().state(), CheckoutSession::State::Recovering); // Enter waits, the counter says why
    QTRY_COMPARE_WITH_TIMEOUT(recovered.count(), 1, 20000);
    QCOMPARE(failed.count(), 0);
    const Voucher voucher = recovered.first().first().value<Voucher>();
    QCOMPARE(voucher.voucherId, voucherId);
    QCOMPARE(voucher.amountYen, 2480);
    QVERIFY(!voucher.hostedVoucherUrl.isEmpty());
    QVERIFY(voucher.issuedAt > 0); // the time of the original sale, for the counter to show
    QTRY_COMPARE(restarted.session().state(), CheckoutSession::State::Editing);
    QCOMPARE(sandbox.paymentIntentCount(), 1);
    QCOMPARE(sandbox.eventCount(QStringLiteral("payment_intent.requires_action")), 1);
    QVERIFY(restarted.ledger().journal().pending().value().isEmpty());
    QCOMPARE(restarted.voucher(voucherId).status, VoucherStatus::Pending);
}

QTEST_GUILESS_MAIN(TestCheckoutQuit)
#include "TestCheckoutQuit.moc"
