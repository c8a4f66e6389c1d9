#include "SandboxHttp.h"
#include "SandboxServer.h"
#include "Till.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace konbini;
using namespace konbini::test;
using namespace std::chrono_literals;

// Tills in the field keep their ledgers: a ledger written by the release before the core redesign
// (schema 2; tests/fixtures/ledger-schema2, with the sandbox state it talked to) opens with nothing
// lost, and its pending journal entries are still resumed, with their own keys, to vouchers.
class TestLedgerMigration : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void schema2_opensWithNothingLost();
    void schema2_pendingEntriesResume();

private:
    QString copyOf(const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestLedgerMigration::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

QString TestLedgerMigration::copyOf(const QString &name)
{
    const QString copy = m_dir->filePath(name);
    if (!QFile::copy(QStringLiteral(KONBINI_FIXTURES_DIR "/ledger-schema2/") + name, copy))
        qFatal("no fixture %s", qPrintable(name));
    QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return copy;
}

void TestLedgerMigration::schema2_opensWithNothingLost()
{
    const QString path = copyOf(QStringLiteral("ledger.sqlite"));
    Ledger ledger(path);
    QCOMPARE(ledger.schemaVersion(), -1); // not open yet
    QVERIFY(ledger.open().ok());
    QCOMPARE(ledger.schemaVersion(), Ledger::kSchemaVersion);
    QCOMPARE(ledger.vouchers().count(), 4);
    // Schema 4 folded the old vouchers' search text: a full-width query finds them.
    VoucherQuery fullWidth;
    fullWidth.text = QStringLiteral("ＨＡＮＡＫＯ＠ｔｅｓｔ");
    const LedgerResult<QList<VoucherRecord>> found = ledger.search().page(fullWidth, 0, 10);
    QVERIFY(found.ok());
    QCOMPARE(found.value().size(), 1);
    QCOMPARE(found.value().first().id, 1);

    const VoucherRecord issued = ledger.vouchers().voucher(1).value();
    QCOMPARE(issued.customerName, QStringLiteral("山田 花子"));
    QCOMPARE(issued.status, VoucherStatus::Pending);
    QCOMPARE(issued.stripeStatus, PaymentIntentStatus::RequiresAction);
    QVERIFY(!issued.stores.isEmpty());
    QVERIFY(!issued.hostedVoucherUrl.isEmpty());

    const VoucherRecord refunded = ledger.vouchers().voucher(2).value();
    QCOMPARE(refunded.status, VoucherStatus::RefundPending);
    QCOMPARE(refunded.amountRefunded, 500);
    const QList<RefundRecord> refunds = ledger.refunds().of(2).value();
    QCOMPARE(refunds.size(), 1);
    QCOMPARE(refunds.first().status, RefundStatus::RequiresAction);
    QCOMPARE(refunds.first().amount, 500);

    QVERIFY(ledger.syncState().value(QStringLiteral("event_cursor")).value().startsWith(QStringLiteral("evt_")));

    const QList<JournalEntry> pending = ledger.journal().pending().value();
    QCOMPARE(pending.size(), 2);
    QCOMPARE(pending.at(0).operation, JournalOperation::CreatePaymentIntent);
    QCOMPARE(pending.at(0).voucherId, 3);
    QCOMPARE(pending.at(0).request.method, QByteArray("POST"));
    QCOMPARE(pending.at(0).request.path, StripeApi::createPaymentIntent({}).path);
    QVERIFY(pending.at(0).request.idempotencyKey.startsWith(QStringLiteral("konbini-pos-")));
    QCOMPARE(pending.at(1).operation, JournalOperation::ConfirmPaymentIntent);
    QCOMPARE(pending.at(1).voucherId, 4);
    QVERIFY(pending.at(1).request.path.endsWith(QStringLiteral("/confirm")));
    QCOMPARE(ledger.journal().entry(1).value().state, JournalEntry::State::Done);

    // Opening again changes nothing.
    Ledger again(path);
    QVERIFY(again.open().ok());
    QCOMPARE(again.journal().pending().value().size(), 2);
}

void TestLedgerMigration::schema2_pendingEntriesResume()
{
    sandbox::SandboxOptions options;
    options.statePath = copyOf(QStringLiteral("sandbox-state.sqlite"));
    SandboxHttp sandbox(options);
    QCOMPARE(sandbox.paymentIntentCount(), 3);

    QNetworkAccessManager network;
    TillConfig config;
    config.baseUrl = sandbox.baseUrl();
    config.sandbox = true;
    config.apiKey = QStringLiteral("sk_test_fixture");
    config.ledgerPath = copyOf(QStringLiteral("ledger.sqlite"));
    config.terminal = {QStringLiteral("shibuya"), QStringLiteral("till-1")};
    config.retry.initialDelay = 1ms;
    config.retry.maxDelay = 4ms;
    Till till(network, config);
    QVERIFY(till.open().ok());
    QSignalSpy recovered(&till.session(), &CheckoutSession::saleRecovered);
    QSignalSpy failed(&till.session(), &CheckoutSession::saleRecoveryFailed);
    till.engine().resumeUnfinished();
    QTRY_COMPARE_WITH_TIMEOUT(recovered.count() + failed.count(), 2, 20000);
    QCOMPARE(failed.count(), 0);
    QSet<qint64> vouchers;
    for (const QList<QVariant> &signal : std::as_const(recovered))
        vouchers.insert(signal.first().value<Voucher>().voucherId);
    QCOMPARE(vouchers, (QSet<qint64>{3, 4}));
    QVERIFY(till.ledger().journal().pending().value().isEmpty());
    for (qint64 id : {3, 4}) {
        const VoucherRecord voucher = till.ledger().vouchers().voucher(id).value();
        QCOMPARE(voucher.status, VoucherStatus::Pending);
        QVERIFY(!voucher.hostedVoucherUrl.isEmpty());
    }
    // One new PaymentIntent for the sale whose create never reached Stripe; none for the other.
    QCOMPARE(sandbox.paymentIntentCount(), 4);
    QCOMPARE(till.ledger().vouchers().voucher(4).value().paymentIntentId.isEmpty(), false);
}

QTEST_GUILESS_MAIN(TestLedgerMigration)
#include "TestLedgerMigration.moc"
