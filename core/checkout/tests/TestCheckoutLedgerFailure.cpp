#include "ClerkMessages.h"
#include "SampleSales.h"
#include "StripeBackend.h"
#include "TillHarness.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace konbini;
using namespace konbini::test;

namespace {

// The ledger file stops taking writes, as a read-only or full disk would.
void setWritable(Ledger &ledger, bool writable)
{
    QSqlQuery(ledger.database().database()).exec(QStringLiteral("PRAGMA query_only=%1").arg(writable ? 0 : 1));
}

} // namespace

// The disk fails mid-sale: the clerk is told plainly, nothing is half-written, and once the disk
// takes writes again the same sale completes with the same PaymentIntent.
class TestCheckoutLedgerFailure : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void beforeAnythingIsSent_nothingReachesStripe();
    void whileRecordingTheCreate_resumesSameIntent();

private:
    std::unique_ptr<StripeBackend> m_backend;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TillHarness> m_till;
};

void TestCheckoutLedgerFailure::init()
{
    m_backend = std::make_unique<StripeBackend>();
    m_dir = std::make_unique<QTemporaryDir>();
    m_till = std::make_unique<TillHarness>(*m_backend, m_dir->filePath(QStringLiteral("ledger.sqlite")));
}

void TestCheckoutLedgerFailure::cleanup()
{
    m_till.reset();
    m_backend.reset();
    m_dir.reset();
}

void TestCheckoutLedgerFailure::beforeAnythingIsSent_nothingReachesStripe()
{
    KONBINI_REQUIRE_SANDBOX(*m_backend);
    CheckoutSession &session = m_till->session();
    QSignalSpy failed(&session, &CheckoutSession::saleFailed);
    setWritable(m_till->ledger(), false);
    QVERIFY(session.submit(sampleSale()));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    const CheckoutError error = failed.first().first().value<CheckoutError>();
    QCOMPARE(error.kind, CheckoutError::Kind::Ledger);
    QVERIFY(!error.resumable);
    QCOMPARE(session.state(), CheckoutSession::State::Failed);
    QVERIFY(!session.hasUnfinishedSale());
    QVERIFY(ClerkMessages::forCheckout(error).contains(QStringLiteral("nothing was sent")));
    QCOMPARE(m_backend->sandbox()->paymentIntentCount(), 0);
    setWritable(m_till->ledger(), true);
    QCOMPARE(m_till->ledger().vouchers().count(), 0);
    QVERIFY(m_till->ledger().journal().pending().value().isEmpty());
}

void TestCheckoutLedgerFailure::whileRecordingTheCreate_resumesSameIntent()
{
    KONBINI_REQUIRE_SANDBOX(*m_backend);
    CheckoutSession &session = m_till->session();
    QSignalSpy failed(&session, &CheckoutSession::saleFailed);
    QSignalSpy issued(&session, &CheckoutSession::voucherIssued);
    m_till->engine().setStepHook([this](CheckoutEngine::Step step) {
        if (step == CheckoutEngine::Step::CreateJournaled)
            setWritable(m_till->ledger(), false); // the create goes out; its answer cannot be written
    });
    QVERIFY(session.submit(sampleSale()));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    const CheckoutError error = failed.first().first().value<CheckoutError>();
    QCOMPARE(error.kind, CheckoutError::Kind::Ledger);
    QVERIFY(error.resumable);
    QVERIFY(session.hasUnfinishedSale());
    QVERIFY(ClerkMessages::forCheckout(error).contains(QStringLiteral("same sale is continued")));
    QCOMPARE(m_backend->sandbox()->paymentIntentCount(), 1);

    // Nothing half-written: no PaymentIntent id, the create still pending, no confirm journaled.
    setWritable(m_till->ledger(), true);
    m_till->engine().setStepHook({});
    const VoucherRecord before = m_till->voucher(error.voucherId);
    QVERIFY(before.paymentIntentId.isEmpty());
    const QList<JournalEntry> pending = m_till->ledger().journal().pending().value();
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.first().operation, JournalOperation::CreatePaymentIntent);

    // The disk takes writes again: Enter with the same sale finishes it, same PaymentIntent.
    QVERIFY(session.submit(sampleSale()));
    QTRY_COMPARE_WITH_TIMEOUT(issued.count(), 1, 20000);
    const Voucher voucher = issued.first().first().value<Voucher>();
    QCOMPARE(voucher.voucherId, error.voucherId);
    QCOMPARE(m_backend->sandbox()->paymentIntentCount(), 1);
    QVERIFY(m_till->ledger().journal().pending().value().isEmpty());
    QCOMPARE(m_till->voucher(voucher.voucherId).status, VoucherStatus::Pending);
}

QTEST_GUILESS_MAIN(TestCheckoutLedgerFailure)
#include "TestCheckoutLedgerFailure.moc"
