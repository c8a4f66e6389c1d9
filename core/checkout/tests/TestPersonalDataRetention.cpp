#include "PersonalDataRetention.h"
#include "SampleSales.h"
#include "StripeBackend.h"
#include "TillHarness.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace konbini;
using namespace konbini::test;

// Customers' names, e-mail addresses and phones are erased from the ledger (and its search index
// and finished journal entries) once a voucher has been closed for the retention period, or at the
// customer's request; amounts and Stripe's ids stay. Runs on the sandbox's clock.
class TestPersonalDataRetention : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void paidVoucher_isErasedOnlyAfterNinetyDays();
    void openVoucher_isNeverErasedByRetention();
    void eraseCustomer_erasesClosedNowAndOpenOnesWhenTheyClose();
    void eraseCustomer_byPhoneWithAnySeparators();
    void returningCustomer_foundOnThisTerminalOnlyAndNeverAfterErasure();
    void erasedVoucher_cannotBeReissued();

private:
    qint64 issuePaid(const QString &email, const QString &phone, const QString &chain = QStringLiteral("lawson"));
    void syncOnce();
    bool ledgerFileContains(const QByteArray &text);
    qint64 now() const { return m_backend->sandbox()->now(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StripeBackend> m_backend;
    std::unique_ptr<TillHarness> m_till;
    std::unique_ptr<PersonalDataRetention> m_retention;
};

void TestPersonalDataRetention::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_backend = std::make_unique<StripeBackend>();
    if (!m_backend->sandbox())
        QSKIP("needs the sandbox's clock");
    m_till = std::make_unique<TillHarness>(*m_backend, m_dir->filePath(QStringLiteral("ledger.sqlite")));
    m_retention = std::make_unique<PersonalDataRetention>(m_till->ledger(), [this] { return now(); });
}

void TestPersonalDataRetention::cleanup()
{
    m_retention.reset();
    m_till.reset();
    m_backend.reset();
    m_dir.reset();
}

void TestPersonalDataRetention::syncOnce()
{
    QSignalSpy synced(&m_till->till().sync(), &EventSync::synced);
    m_till->till().sync().syncNow();
    QVERIFY(synced.wait(20000));
}

qint64 TestPersonalDataRetention::issuePaid(const QString &email, const QString &phone, const QString &chain)
{
    const CheckoutOutcome outcome = m_till->issue(sampleSale(email, phone));
    if (!outcome.ok())
        qFatal("issue failed");
    const QString pi = m_till->voucher(outcome.value().voucherId).paymentIntentId;
    if (m_backend->sandbox()->pay(pi, chain).status != 200)
        qFatal("pay failed");
    return outcome.value().voucherId;
}

bool TestPersonalDataRetention::ledgerFileContains(const QByteArray &text)
{
    m_till->ledger().database().run(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    QFile file(m_till->ledger().path());
    return file.open(QIODevice::ReadOnly) && file.readAll().contains(text);
}

void TestPersonalDataRetention::paidVoucher_isErasedOnlyAfterNinetyDays()
{
    const qint64 id = issuePaid(QStringLiteral("hanako+fill_never@test.com"), QStringLiteral("090-1234-5678"));
    syncOnce();
    const VoucherRecord paid = m_till->voucher(id);
    QCOMPARE(paid.status, VoucherStatus::Paid);
    QVERIFY(ledgerFileContains("hanako+fill_never@test.com"));

    m_backend->sandbox()->advanceClock(89 * 86400);
    QCOMPARE(m_retention->sweep(), 0);
    QCOMPARE(m_till->voucher(id).email, QStringLiteral("hanako+fill_never@test.com"));

    m_backend->sandbox()->advanceClock(86400 + 60);
    QCOMPARE(m_retention->sweep(), 1);
    const VoucherRecord erased = m_till->voucher(id);
    QCOMPARE(erased.customerName, QString());
    QCOMPARE(erased.email, QString());
    QCOMPARE(erased.phone, QString());
    QCOMPARE(erased.confirmationNumber, QString());
    QVERIFY(erased.personalDataErasedAt > 0);
    // Amounts and Stripe's ids stay.
    QCOMPARE(erased.amountYen, paid.amountYen);
    QCOMPARE(erased.paymentIntentId, paid.paymentIntentId);
    QCOMPARE(erased.fee, paid.fee);
    QCOMPARE(erased.paidChain, QStringLiteral("lawson"));
    QCOMPARE(erased.stores.size(), paid.stores.size()); // payment codes stay, the stores' copies of the phone go
    for (const KonbiniStore &store : erased.stores) {
        QVERIFY(!store.paymentCode.isEmpty());
        QCOMPARE(store.confirmationNumber, QString());
    }
    // Not in the search index, and nowhere in the file (journal bodies, freed pages, old index segments).
    VoucherQuery byEmail;
    byEmail.text = QStringLiteral("hanako");
    QCOMPARE(m_till->ledger().search().page(byEmail, 0, 10).value().size(), 0);
    VoucherQuery byName;
    byName.text = QStringLiteral("山田");
    QCOMPARE(m_till->ledger().search().page(byName, 0, 10).value().size(), 0);
    QVERIFY(!ledgerFileContains("hanako+fill_never@test.com"));
    QVERIFY(!ledgerFileContains("09012345678"));
    QVERIFY(!ledgerFileContains(QStringLiteral("山田").toUtf8()));
    const AuditEntry logged = m_till->ledger().audit().entries().value().last();
    QCOMPARE(logged.action, AuditAction::RetentionErase);
    QVERIFY(logged.detail.startsWith(QStringLiteral("1 vouchers")));
    QCOMPARE(m_retention->sweep(), 0); // once
}

void TestPersonalDataRetention::openVoucher_isNeverErasedByRetention()
{
    const CheckoutOutcome waiting = m_till->issue(sampleSale());
    QVERIFY(waiting.ok());
    m_backend->sandbox()->advanceClock(200 * 86400); // Stripe would have expired it; the till has not heard
    QCOMPARE(m_retention->sweep(), 0);
    QCOMPARE(m_till->voucher(waiting.value().voucherId).customerName, QStringLiteral("山田 花子"));
    // Once the till learns it expired, the 90 days count from the deadline: long past.
    QCOMPARE(m_till->refresh(waiting.value().voucherId).status, VoucherStatus::Expired);
    QCOMPARE(m_retention->sweep(), 1);
}

void TestPersonalDataRetention::eraseCustomer_erasesClosedNowAndOpenOnesWhenTheyClose()
{
    const qint64 paid = issuePaid(QStringLiteral("Taro+fill_never@test.com"), QStringLiteral("080-2222-3333"));
    syncOnce();
    const CheckoutOutcome open = m_till->issue(sampleSale(QStringLiteral("taro+fill_never@test.com"), {}));
    const CheckoutOutcome someoneElse = m_till->issue(sampleSale(QStringLiteral("jiro+fill_never@test.com"), {}));
    QVERIFY(open.ok() && someoneElse.ok());

    const auto erased = m_retention->eraseCustomer(QStringLiteral(" TARO+fill_never@test.com "), QStringLiteral("店長"));
    QVERIFY(erased.ok());
    QCOMPARE(erased.value().erased, 1);
    QCOMPARE(erased.value().waiting, 1);
    QCOMPARE(m_till->voucher(paid).email, QString());
    QCOMPARE(m_till->voucher(open.value().voucherId).email, QStringLiteral("taro+fill_never@test.com"));
    QCOMPARE(m_till->voucher(someoneElse.value().voucherId).email, QStringLiteral("jiro+fill_never@test.com"));
    // The log is in time order and the sales were logged on the machine's clock, the erasure on
    // the sandbox's (frozen): find the erasure's line.
    const QList<AuditEntry> entries = m_till->ledger().audit().entries().value();
    const auto erasure = std::find_if(entries.begin(), entries.end(),
                                      [](const AuditEntry &e) { return e.action == AuditAction::EraseCustomer; });
    QVERIFY(erasure != entries.end());
    const AuditEntry logged = *erasure;
    QCOMPARE(logged.clerk, QStringLiteral("店長"));
    QVERIFY(!logged.detail.contains(QStringLiteral("taro"), Qt::CaseInsensitive));

    // The open one is erased at the first sweep after it closes, without waiting 90 days.
    QCOMPARE(m_retention->sweep(), 0);
    const QString pi = m_till->voucher(open.value().voucherId).paymentIntentId;
    QCOMPARE(m_backend->sandbox()->pay(pi).status, 200);
    syncOnce();
    QCOMPARE(m_retention->sweep(), 1);
    QCOMPARE(m_till->voucher(open.value().voucherId).email, QString());
    QCOMPARE(m_till->voucher(someoneElse.value().voucherId).customerName, QStringLiteral("山田 花子"));
}

void TestPersonalDataRetention::eraseCustomer_byPhoneWithAnySeparators()
{
    const qint64 paid = issuePaid(QStringLiteral("a+fill_never@test.com"), QStringLiteral("090-5555-6666"));
    syncOnce();
    QCOMPARE(m_retention->eraseCustomer(QStringLiteral("０９０ ５５５５ ６６６６"), {}).value().erased, 1);
    QCOMPARE(m_till->voucher(paid).phone, QString());
    QCOMPARE(m_retention->eraseCustomer(QStringLiteral("12"), {}).value().erased, 0); // not a phone
}

void TestPersonalDataRetention::returningCustomer_foundOnThisTerminalOnlyAndNeverAfterErasure()
{
    PersonalData &data = m_till->ledger().personalData();
    QVERIFY(!data.returningCustomer(QStringLiteral("till-1"), QStringLiteral("hanako+fill_never@test.com")).value());
    const CheckoutOutcome first = m_till->issue(sampleSale());
    QVERIFY(first.ok());
    const auto byEmail = data.returningCustomer(QStringLiteral("till-1"), QStringLiteral("HANAKO+fill_never@test.com"));
    QVERIFY(byEmail.value().has_value());
    QCOMPARE(byEmail.value()->name, QStringLiteral("山田 花子"));
    QCOMPARE(byEmail.value()->phone, QStringLiteral("090-1234-5678"));
    const auto byPhone = data.returningCustomer(QStringLiteral("till-1"), QStringLiteral("09012345678"));
    QVERIFY(byPhone.value().has_value());
    QCOMPARE(byPhone.value()->email, QStringLiteral("hanako+fill_never@test.com"));
    QVERIFY(!data.returningCustomer(QStringLiteral("till-2"), QStringLiteral("09012345678")).value());
    // Asked to be forgotten: never offered again, even while the voucher is still open.
    m_retention->eraseCustomer(QStringLiteral("hanako+fill_never@test.com"), {});
    QVERIFY(!data.returningCustomer(QStringLiteral("till-1"), QStringLiteral("09012345678")).value());
}

void TestPersonalDataRetention::erasedVoucher_cannotBeReissued()
{
    const CheckoutOutcome waiting = m_till->issue(sampleSale());
    m_backend->sandbox()->advanceClock(5 * 86400);
    QCOMPARE(m_till->refresh(waiting.value().voucherId).status, VoucherStatus::Expired);
    QVERIFY(canReissue(m_till->voucher(waiting.value().voucherId)));
    m_retention->eraseCustomer(QStringLiteral("hanako+fill_never@test.com"), {});
    QCOMPARE(canReissue(m_till->voucher(waiting.value().voucherId)).refusal, ActionRefusal::CustomerErased);
    const CheckoutOutcome reissued =
        m_till->wait<Voucher>([&](auto done) { m_till->engine().reissue(waiting.value().voucherId, done); });
    QVERIFY(!reissued.ok());
    QCOMPARE(reissued.error().refusal, ActionRefusal::CustomerErased);
}

QTEST_MAIN(TestPersonalDataRetention)
#include "TestPersonalDataRetention.moc"
