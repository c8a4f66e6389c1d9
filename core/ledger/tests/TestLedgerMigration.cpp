#include "SandboxHttp.h"
#include "SandboxServer.h"
#include "Till.h"

#include <QFile>
#include <QSqlQuery>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace konbini;
using namespace konbini::test;
using namespace std::chrono_literals;

// Tills in the field keep their ledgers: a ledger written by the release before the core redesign
// (schema 2; tests/fixtures/ledger-schema2, with the sandbox state it talked to) opens with nothing
// lost, and its pending journal entries are still resumed, with their own keys, to vouchers.
namespace {

// The till the fixtures were written by: its store, terminal and key, with fast retries.
TillConfig fixtureTill(const QUrl &sandbox, const QString &ledgerPath)
{
    TillConfig config;
    config.baseUrl = sandbox;
    config.sandbox = true;
    config.apiKey = QStringLiteral("sk_test_fixture");
    config.ledgerPath = ledgerPath;
    config.terminal = {QStringLiteral("shibuya"), QStringLiteral("till-1")};
    config.retry.initialDelay = 1ms;
    config.retry.maxDelay = 4ms;
    config.keepWarmEvery = 0ms;
    return config;
}

struct Resumed {
    QSet<qint64> recovered; // the vouchers of the sales finished
    int failed = 0;
};

// Resumes what the journal holds and waits for `sales` sales to be reported.
Resumed resumeAll(Till &till, int sales)
{
    QSignalSpy recovered(&till.session(), &CheckoutSession::saleRecovered);
    QSignalSpy failed(&till.session(), &CheckoutSession::saleRecoveryFailed);
    till.engine().resumeUnfinished();
    // Short of `sales` after 20 s, the caller's comparison of what was recovered fails.
    (void)QTest::qWaitFor([&] { return recovered.count() + failed.count() >= sales; }, 20000);
    Resumed resumed;
    for (const QList<QVariant> &signal : std::as_const(recovered))
        resumed.recovered.insert(signal.first().value<Voucher>().voucherId);
    resumed.failed = int(failed.count());
    return resumed;
}

} // namespace

class TestLedgerMigration : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void schema2_opensWithNothingLost();
    void schema2_pendingEntriesResume();
    void schema4_opensWithNothingLost();
    void schema4_pendingEntriesResume();
    void schema5_paidVoucherGetsItsDetailsAndPendingEntriesResume();
    void schema6_opensAnonymousWithCustomersKeptAndPendingEntriesResume();

private:
    QString copyOf(const QString &name, const QString &fixture = QStringLiteral("ledger-schema2"));

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestLedgerMigration::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

QString TestLedgerMigration::copyOf(const QString &name, const QString &fixture)
{
    const QString copy = m_dir->filePath(name);
    if (!QFile::copy(QStringLiteral(KONBINI_FIXTURES_DIR "/") + fixture + u'/' + name, copy))
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
    Till till(network, fixtureTill(sandbox.baseUrl(), copyOf(QStringLiteral("ledger.sqlite"))));
    QVERIFY(till.open().ok());
    const Resumed resumed = resumeAll(till, 2);
    QCOMPARE(resumed.failed, 0);
    QCOMPARE(resumed.recovered, (QSet<qint64>{3, 4}));
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

// The release before the search's covering index (schema 4, tests/fixtures/ledger-schema4): a
// voucher on screen, a paid voucher not acknowledged, a refund waiting, two pending creates.
void TestLedgerMigration::schema4_opensWithNothingLost()
{
    const QString path = copyOf(QStringLiteral("ledger.sqlite"), QStringLiteral("ledger-schema4"));
    Ledger ledger(path);
    QVERIFY(ledger.open().ok());
    QCOMPARE(ledger.schemaVersion(), Ledger::kSchemaVersion);
    QCOMPARE(ledger.vouchers().count(), 4);
    // Schema 5: the date-ordered scan reads the search text from its index.
    QSqlQuery plan(ledger.database().database());
    QVERIFY(plan.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT id FROM vouchers WHERE instr(search_text, 'x') > 0 "
                                     "ORDER BY created_at DESC, id DESC")));
    QVERIFY(plan.next());
    QVERIFY2(plan.value(3).toString().contains(QStringLiteral("COVERING INDEX vouchers_created_search")),
             qPrintable(plan.value(3).toString()));
    // Searches of every kind still find the old vouchers: rare (index), common and short (scan).
    for (const auto &[text, ids] : {std::pair{QStringLiteral("やまだ"), QList<qint64>{}},
                                    std::pair{QStringLiteral("山田"), QList<qint64>{1}},
                                    std::pair{QStringLiteral("ＴＡＲＯ＠"), QList<qint64>{2}},
                                    std::pair{QStringLiteral("070-3333"), QList<qint64>{3}},
                                    std::pair{QStringLiteral("test.com"), QList<qint64>{4, 3, 2, 1}}}) {
        VoucherQuery query;
        query.text = text;
        QList<qint64> found;
        for (const VoucherRecord &v : ledger.search().page(query, 0, 10).value())
            found.append(v.id);
        QCOMPARE(found, ids);
    }
    QCOMPARE(ledger.vouchers().voucher(1).value().status, VoucherStatus::Pending);
    QCOMPARE(ledger.vouchers().voucher(2).value().status, VoucherStatus::RefundPending);
    QCOMPARE(ledger.refunds().of(2).value().first().status, RefundStatus::RequiresAction);
    QCOMPARE(ledger.syncState().value(QStringLiteral("paid_not_acknowledged")).value(), QStringLiteral("2"));
    QCOMPARE(ledger.syncState().value(QStringLiteral("vouchers_on_screen")).value(), QStringLiteral("1"));
    QVERIFY(ledger.syncState().value(QStringLiteral("event_cursor")).value().startsWith(QStringLiteral("evt_")));
    const QList<JournalEntry> pending = ledger.journal().pending().value();
    QCOMPARE(pending.size(), 2);
    QCOMPARE(pending.at(0).voucherId, 3);
    QCOMPARE(pending.at(1).voucherId, 4);
}

void TestLedgerMigration::schema4_pendingEntriesResume()
{
    sandbox::SandboxOptions options;
    options.statePath = copyOf(QStringLiteral("sandbox-state.sqlite"), QStringLiteral("ledger-schema4"));
    SandboxHttp sandbox(options);
    QCOMPARE(sandbox.paymentIntentCount(), 3); // voucher 4's create reached Stripe, 3's did not

    QNetworkAccessManager network;
    Till till(network, fixtureTill(sandbox.baseUrl(), copyOf(QStringLiteral("ledger.sqlite"), QStringLiteral("ledger-schema4"))));
    QVERIFY(till.open().ok());
    // What the clerk had not seen through is still there after the upgrade.
    QCOMPARE(till.paidInbox().count(), 1);
    QCOMPARE(till.paidInbox().vouchers().first().customerName, QStringLiteral("佐藤 太郎"));
    QCOMPARE(till.safeguards().vouchersNotHandedOver().size(), 1);
    QCOMPARE(till.safeguards().vouchersNotHandedOver().first().id, 1);

    const Resumed resumed = resumeAll(till, 2);
    QCOMPARE(resumed.failed, 0);
    QCOMPARE(resumed.recovered, (QSet<qint64>{3, 4}));
    QVERIFY(till.ledger().journal().pending().value().isEmpty());
    QVERIFY(till.failedRecoveries().entries().isEmpty());
    // One new PaymentIntent for the sale that never reached Stripe; voucher 4 got the one Stripe made.
    QCOMPARE(sandbox.paymentIntentCount(), 4);
    for (qint64 id : {3, 4})
        QCOMPARE(till.ledger().vouchers().voucher(id).value().status, VoucherStatus::Pending);
}

// The release before the paid details (schema 5, tests/fixtures/ledger-schema5): its paid voucher
// has none; the first sync after the upgrade reads them, and the pending sales still resume.
void TestLedgerMigration::schema5_paidVoucherGetsItsDetailsAndPendingEntriesResume()
{
    sandbox::SandboxOptions options;
    options.statePath = copyOf(QStringLiteral("sandbox-state.sqlite"), QStringLiteral("ledger-schema5"));
    SandboxHttp sandbox(options);
    QNetworkAccessManager network;
    Till till(network, fixtureTill(sandbox.baseUrl(), copyOf(QStringLiteral("ledger.sqlite"), QStringLiteral("ledger-schema5"))));
    QVERIFY(till.open().ok());
    QCOMPARE(till.ledger().schemaVersion(), Ledger::kSchemaVersion);
    const VoucherRecord before = till.ledger().vouchers().voucher(2).value();
    QCOMPARE(before.status, VoucherStatus::RefundPending);
    QVERIFY(!before.paidDetailsRead);
    QVERIFY(!before.fee.has_value());
    QCOMPARE(till.ledger().vouchers().needingPaidDetails(10).value().size(), 1);

    QSignalSpy synced(&till.sync(), &EventSync::synced);
    till.sync().syncNow();
    QVERIFY(synced.wait(20000));
    const VoucherRecord after = till.ledger().vouchers().voucher(2).value();
    QVERIFY(after.paidDetailsRead);
    QVERIFY(!after.paidChain.isEmpty());
    QCOMPARE(after.fee, std::optional<qint64>(108)); // 3.6 % of ¥3,000
    QCOMPARE(after.net, std::optional<qint64>(2892));
    QCOMPARE(after.amountRefunded, 500); // the refund waiting is still there
    QCOMPARE(till.paidInbox().count(), 1);

    const Resumed resumed = resumeAll(till, 2);
    QCOMPARE(resumed.failed, 0);
    QCOMPARE(resumed.recovered, (QSet<qint64>{3, 4}));
    QVERIFY(till.ledger().journal().pending().value().isEmpty());
    QCOMPARE(sandbox.paymentIntentCount(), 4);
}

// The release before clerks and retention (schema 6, tests/fixtures/ledger-schema6): its vouchers
// were issued with no clerk, its customers' data is all still there (none closed 90 days ago),
// the audit log starts empty, the till has no clerks (it works as before), and the pending sales
// resume, now logged.
void TestLedgerMigration::schema6_opensAnonymousWithCustomersKeptAndPendingEntriesResume()
{
    sandbox::SandboxOptions options;
    options.statePath = copyOf(QStringLiteral("sandbox-state.sqlite"), QStringLiteral("ledger-schema6"));
    SandboxHttp sandbox(options);
    QNetworkAccessManager network;
    Till till(network, fixtureTill(sandbox.baseUrl(), copyOf(QStringLiteral("ledger.sqlite"), QStringLiteral("ledger-schema6"))));
    QVERIFY(till.open().ok());
    QCOMPARE(till.ledger().schemaVersion(), Ledger::kSchemaVersion);
    const VoucherRecord paid = till.ledger().vouchers().voucher(2).value();
    QCOMPARE(paid.clerk, QString());
    QCOMPARE(paid.personalDataErasedAt, 0);
    QCOMPARE(paid.customerName, QStringLiteral("佐藤 太郎"));
    QCOMPARE(paid.paidChain, QStringLiteral("ministop"));
    QCOMPARE(paid.fee, std::optional<qint64>(108));
    QCOMPARE(till.ledger().refunds().of(2).value().first().clerk, QString());
    QVERIFY(!till.clerks().clerksInUse());
    QVERIFY(!till.clerks().ownerApprovalNeeded());
    QVERIFY(till.ledger().audit().entries().value().isEmpty());
    QCOMPARE(till.retention().sweep(), 0); // nothing closed long enough
    QCOMPARE(till.ledger().vouchers().voucher(1).value().email, QStringLiteral("hanako+fill_never@test.com"));
    const auto returning = till.ledger().personalData().returningCustomer(QStringLiteral("till-1"),
                                                                          QStringLiteral("080-2222-3333"));
    QCOMPARE(returning.value()->name, QStringLiteral("佐藤 太郎"));

    const Resumed resumed = resumeAll(till, 2);
    QCOMPARE(resumed.failed, 0);
    QCOMPARE(resumed.recovered, (QSet<qint64>{3, 4}));
    QVERIFY(till.ledger().journal().pending().value().isEmpty());
    QCOMPARE(sandbox.paymentIntentCount(), 4);
    // Now in the audit log, with no clerk (the sales had none).
    const QList<AuditEntry> logged = till.ledger().audit().entries().value();
    QCOMPARE(logged.size(), 2);
    for (const AuditEntry &entry : logged) {
        QCOMPARE(entry.action, AuditAction::Issue);
        QCOMPARE(entry.result, QStringLiteral("ok"));
        QCOMPARE(entry.detail, QStringLiteral("resumed after a restart"));
        QCOMPARE(entry.clerk, QString());
    }
}

QTEST_GUILESS_MAIN(TestLedgerMigration)
#include "TestLedgerMigration.moc"
