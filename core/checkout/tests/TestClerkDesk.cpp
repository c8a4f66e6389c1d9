#include "ClerkDesk.h"
#include "SampleSales.h"
#include "StripeBackend.h"
#include "TillHarness.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QTemporaryDir>
#include <QTest>

using namespace konbini;
using namespace konbini::test;

// Clerks at the till: PINs kept only as salted hashes, sign-in with a lockout, the owner's PIN
// for the protected actions, and every one of them in the append-only audit log.
class TestClerkDesk : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void newTill_hasNoClerksAndWorksAnonymously();
    void addingClerks_checksNamesAndPins();
    void pins_areKeptOnlyAsSaltedHashes();
    void signIn_rightAndWrongPinAndFullWidthDigits();
    void fiveWrongPins_lockTheClerkOutForAMinute();
    void signedInClerk_isStampedIntoVoucherMetadataAndLog();
    void ownerApproval_neededOnlyWhenAskedForAndNotForTheOwner();
    void ownerApproval_wrongPinIsRefusedAndLogged();
    void auditLog_isAppendOnly();
    void settingsChange_namesTheKeysChanged();
    void removedClerk_cannotSignInButKeepsTheirName();

private:
    qint64 idOf(const QString &name) const;
    QList<AuditEntry> log() const { return m_till->ledger().audit().entries().value(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StripeBackend> m_backend;
    std::unique_ptr<TillHarness> m_till;
    std::unique_ptr<ClerkDesk> m_desk;
    qint64 m_now = 0; // the engine logs on the machine's clock: the desk's starts there
};

void TestClerkDesk::init()
{
    m_now = QDateTime::currentSecsSinceEpoch();
    m_dir = std::make_unique<QTemporaryDir>();
    m_backend = std::make_unique<StripeBackend>();
    m_till = std::make_unique<TillHarness>(*m_backend, m_dir->filePath(QStringLiteral("ledger.sqlite")));
    m_till->ledger().clerks().setPinIterationsForTests(1000);
    m_desk = std::make_unique<ClerkDesk>(m_till->ledger(), m_till->engine(), [this] { return m_now; });
}

void TestClerkDesk::cleanup()
{
    m_desk.reset();
    m_till.reset();
    m_backend.reset();
    m_dir.reset();
}

qint64 TestClerkDesk::idOf(const QString &name) const
{
    for (const ClerkRecord &clerk : m_desk->clerks()) {
        if (clerk.name == name)
            return clerk.id;
    }
    return 0;
}

void TestClerkDesk::newTill_hasNoClerksAndWorksAnonymously()
{
    QVERIFY(!m_desk->clerksInUse());
    QVERIFY(!m_desk->ownerApprovalNeeded());
    const CheckoutOutcome outcome = m_till->issue(sampleSale());
    QVERIFY(outcome.ok());
    QCOMPARE(m_till->voucher(outcome.value().voucherId).clerk, QString());
    QCOMPARE(log().size(), 1);
    QCOMPARE(log().first().action, AuditAction::Issue);
    QCOMPARE(log().first().result, QStringLiteral("ok"));
    QCOMPARE(log().first().amountYen, 1500);
}

void TestClerkDesk::addingClerks_checksNamesAndPins()
{
    QVERIFY(!m_desk->addClerk(QStringLiteral("佐藤"), QStringLiteral("1234"), false).isEmpty()); // owner first
    QVERIFY(!m_desk->addClerk(QStringLiteral("  "), QStringLiteral("1234"), true).isEmpty());
    QVERIFY(!m_desk->addClerk(QStringLiteral("店長"), QStringLiteral("123"), true).isEmpty());
    QVERIFY(!m_desk->addClerk(QStringLiteral("店長"), QStringLiteral("123456789"), true).isEmpty());
    QVERIFY(!m_desk->addClerk(QStringLiteral("店長"), QStringLiteral("12a4"), true).isEmpty());
    QVERIFY(!m_desk->addClerk(QString(41, u'長'), QStringLiteral("1234"), true).isEmpty());
    QCOMPARE(m_desk->addClerk(QStringLiteral("  店長 　太郎 "), QStringLiteral("2468"), true), QString());
    QVERIFY(!m_desk->addClerk(QStringLiteral("副店長"), QStringLiteral("1357"), true).isEmpty()); // one owner
    QCOMPARE(m_desk->addClerk(QStringLiteral("佐藤"), QStringLiteral("１３５７"), false), QString());
    QVERIFY(!m_desk->addClerk(QStringLiteral("佐藤"), QStringLiteral("9999"), false).isEmpty()); // taken
    const QList<ClerkRecord> clerks = m_desk->clerks();
    QCOMPARE(clerks.size(), 2);
    QCOMPARE(clerks.at(0).name, QStringLiteral("店長 太郎")); // owner first, spaces folded
    QVERIFY(clerks.at(0).isOwner);
    QCOMPARE(clerks.at(1).name, QStringLiteral("佐藤"));
    QVERIFY(m_desk->clerksInUse());
    int changes = 0;
    for (const AuditEntry &entry : log())
        changes += entry.action == AuditAction::ClerksChange;
    QCOMPARE(changes, 2);
}

void TestClerkDesk::pins_areKeptOnlyAsSaltedHashes()
{
    QCOMPARE(m_desk->addClerk(QStringLiteral("店長"), QStringLiteral("24682468"), true), QString());
    QCOMPARE(m_desk->addClerk(QStringLiteral("佐藤"), QStringLiteral("24682468"), false), QString());
    QSqlQuery rows(m_till->ledger().database().database());
    QVERIFY(rows.exec(QStringLiteral("SELECT pin_salt, pin_hash, pin_iterations FROM clerks")));
    QList<QByteArray> hashes;
    while (rows.next()) {
        QCOMPARE(rows.value(0).toByteArray().size(), 16);
        QCOMPARE(rows.value(1).toByteArray().size(), 32);
        QVERIFY(!rows.value(1).toByteArray().contains("2468"));
        hashes.append(rows.value(1).toByteArray());
    }
    QCOMPARE(hashes.size(), 2);
    QVERIFY(hashes.at(0) != hashes.at(1)); // the same PIN, different salts
    QFile file(m_till->ledger().path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("24682468"));
    // A row edited by hand to cost a billion iterations is refused, not computed.
    QVERIFY(rows.exec(QStringLiteral("UPDATE clerks SET pin_iterations = 1000000000 WHERE is_owner = 0")));
    QCOMPARE(m_desk->signIn(idOf(QStringLiteral("佐藤")), QStringLiteral("24682468")).kind,
             ClerkDesk::PinAnswer::Kind::Wrong);
}

void TestClerkDesk::signIn_rightAndWrongPinAndFullWidthDigits()
{
    QCOMPARE(m_desk->addClerk(QStringLiteral("店長"), QStringLiteral("2468"), true), QString());
    QCOMPARE(m_desk->addClerk(QStringLiteral("佐藤"), QStringLiteral("1357"), false), QString());
    QSignalSpy changed(m_desk.get(), &ClerkDesk::signedInChanged);
    QCOMPARE(m_desk->signIn(idOf(QStringLiteral("佐藤")), QStringLiteral("2468")).kind,
             ClerkDesk::PinAnswer::Kind::Wrong);
    QVERIFY(!m_desk->signedIn());
    QCOMPARE(changed.count(), 0);
    QVERIFY(m_desk->signIn(idOf(QStringLiteral("佐藤")), QStringLiteral("１３５７")).accepted());
    QCOMPARE(m_desk->signedIn()->name, QStringLiteral("佐藤"));
    QCOMPARE(m_till->engine().clerk(), QStringLiteral("佐藤"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_desk->signIn(9999, QStringLiteral("1357")).kind, ClerkDesk::PinAnswer::Kind::NoSuchClerk);
    m_desk->signOut();
    QVERIFY(!m_desk->signedIn());
    QCOMPARE(m_till->engine().clerk(), QString());
    const QList<AuditEntry> entries = log();
    QCOMPARE(entries.at(entries.size() - 3).action, AuditAction::SignIn);
    QCOMPARE(entries.at(entries.size() - 3).result, QStringLiteral("wrong_pin"));
    QCOMPARE(entries.at(entries.size() - 3).clerk, QStringLiteral("佐藤"));
    QCOMPARE(entries.at(entries.size() - 2).result, QStringLiteral("ok"));
    QCOMPARE(entries.last().action, AuditAction::SignOut);
}

void TestClerkDesk::fiveWrongPins_lockTheClerkOutForAMinute()
{
    QCOMPARE(m_desk->addClerk(QStringLiteral("店長"), QStringLiteral("2468"), true), QString());
    const qint64 owner = idOf(QStringLiteral("店長"));
    for (int i = 1; i < ClerkDesk::kTriesBeforeLockout; ++i)
        QCOMPARE(m_desk->signIn(owner, QStringLiteral("0000")).kind, ClerkDesk::PinAnswer::Kind::Wrong);
    QCOMPARE(m_desk->signIn(owner, QStringLiteral("0000")).kind, ClerkDesk::PinAnswer::Kind::LockedOut);
    // Even the right PIN waits out the minute.
    const ClerkDesk::PinAnswer locked = m_desk->signIn(owner, QStringLiteral("2468"));
    QCOMPARE(locked.kind, ClerkDesk::PinAnswer::Kind::LockedOut);
    QCOMPARE(locked.secondsLocked, ClerkDesk::kLockoutSeconds);
    // Restarting the app does not reset it.
    ClerkDesk restarted(m_till->ledger(), m_till->engine(), [this] { return m_now; });
    QCOMPARE(restarted.signIn(owner, QStringLiteral("2468")).kind, ClerkDesk::PinAnswer::Kind::LockedOut);
    m_now += ClerkDesk::kLockoutSeconds;
    QVERIFY(m_desk->signIn(owner, QStringLiteral("2468")).accepted());
    QCOMPARE(log().last().result, QStringLiteral("ok"));
    QCOMPARE(log().at(log().size() - 2).result, QStringLiteral("locked_out"));
    // A success starts the count again.
    for (int i = 1; i < ClerkDesk::kTriesBeforeLockout; ++i)
        QCOMPARE(m_desk->signIn(owner, QStringLiteral("0000")).kind, ClerkDesk::PinAnswer::Kind::Wrong);
}

void TestClerkDesk::signedInClerk_isStampedIntoVoucherMetadataAndLog()
{
    KONBINI_REQUIRE_SANDBOX(*m_backend);
    QCOMPARE(m_desk->addClerk(QStringLiteral("店長"), QStringLiteral("2468"), true), QString());
    QCOMPARE(m_desk->addClerk(QStringLiteral("佐藤"), QStringLiteral("1357"), false), QString());
    QVERIFY(m_desk->signIn(idOf(QStringLiteral("佐藤")), QStringLiteral("1357")).accepted());
    const CheckoutOutcome outcome = m_till->issue(sampleSale(QStringLiteral("hanako@test.com")));
    QVERIFY(outcome.ok());
    const VoucherRecord voucher = m_till->voucher(outcome.value().voucherId);
    QCOMPARE(voucher.clerk, QStringLiteral("佐藤"));
    const HttpResult atStripe = m_backend->sandbox()->paymentIntent(voucher.paymentIntentId);
    QCOMPARE(valueAt(atStripe.json, QStringLiteral("metadata.clerk")).toString(), QStringLiteral("佐藤"));
    const AuditEntry issued = log().last();
    QCOMPARE(issued.action, AuditAction::Issue);
    QCOMPARE(issued.clerk, QStringLiteral("佐藤"));
    QCOMPARE(issued.orderRef, voucher.orderRef);
    QCOMPARE(issued.voucherId, voucher.id);
    QCOMPARE(issued.amountYen, 1500);

    // A refund carries the clerk too, in its metadata and its ledger row.
    m_backend->sandbox()->advanceClock(180); // the customer pays
    QCOMPARE(m_till->refresh(voucher.id).status, VoucherStatus::Paid);
    const ActionResult<RefundRecord> refund = m_till->wait<RefundRecord>(
        [&](auto done) { m_till->engine().refund(voucher.id, 500, QStringLiteral("requested_by_customer"), done); });
    QVERIFY(refund.ok());
    QCOMPARE(refund.value().clerk, QStringLiteral("佐藤"));
    QCOMPARE(log().last().action, AuditAction::Refund);
    QCOMPARE(log().last().amountYen, 500);
    QCOMPARE(log().last().result, QStringLiteral("ok"));
    // No customer's data in the log.
    for (const AuditEntry &entry : log()) {
        QVERIFY(!entry.detail.contains(QStringLiteral("hanako")));
        QVERIFY(!entry.detail.contains(QStringLiteral("山田")));
    }
}

void TestClerkDesk::ownerApproval_neededOnlyWhenAskedForAndNotForTheOwner()
{
    QVERIFY(!m_desk->setOwnerApprovalRequired(true).isEmpty()); // no owner yet
    QCOMPARE(m_desk->addClerk(QStringLiteral("店長"), QStringLiteral("2468"), true), QString());
    QCOMPARE(m_desk->addClerk(QStringLiteral("佐藤"), QStringLiteral("1357"), false), QString());
    QVERIFY(!m_desk->ownerApprovalNeeded());
    QCOMPARE(m_desk->setOwnerApprovalRequired(true), QString());
    QVERIFY(m_desk->ownerApprovalNeeded());
    QVERIFY(m_desk->signIn(idOf(QStringLiteral("佐藤")), QStringLiteral("1357")).accepted());
    QVERIFY(m_desk->ownerApprovalNeeded());
    QVERIFY(m_desk->signIn(idOf(QStringLiteral("店長")), QStringLiteral("2468")).accepted());
    QVERIFY(!m_desk->ownerApprovalNeeded()); // the owner signed in with their PIN already
    // Kept in the ledger: a new desk (a restart) still asks.
    ClerkDesk restarted(m_till->ledger(), m_till->engine(), [this] { return m_now; });
    QVERIFY(restarted.ownerApprovalNeeded());
}

void TestClerkDesk::ownerApproval_wrongPinIsRefusedAndLogged()
{
    QCOMPARE(m_desk->addClerk(QStringLiteral("店長"), QStringLiteral("2468"), true), QString());
    QCOMPARE(m_desk->addClerk(QStringLiteral("佐藤"), QStringLiteral("1357"), false), QString());
    QCOMPARE(m_desk->setOwnerApprovalRequired(true), QString());
    QVERIFY(m_desk->signIn(idOf(QStringLiteral("佐藤")), QStringLiteral("1357")).accepted());
    QVERIFY(!m_desk->approveAsOwner(QStringLiteral("1357"), AuditAction::Refund, 0).accepted());
    AuditEntry refused = log().last();
    QCOMPARE(refused.action, AuditAction::OwnerApproval);
    QCOMPARE(refused.result, QStringLiteral("wrong_pin"));
    QCOMPARE(refused.detail, QStringLiteral("refund"));
    QCOMPARE(refused.clerk, QStringLiteral("佐藤"));
    QVERIFY(m_desk->approveAsOwner(QStringLiteral("2468"), AuditAction::Refund, 0).accepted());
    QCOMPARE(log().last().result, QStringLiteral("ok"));
}

void TestClerkDesk::auditLog_isAppendOnly()
{
    m_desk->record(AuditAction::Export, QStringLiteral("ok"), QStringLiteral("statement"));
    QSqlQuery query(m_till->ledger().database().database());
    QVERIFY(!query.exec(QStringLiteral("UPDATE audit_log SET result = 'forged'")));
    QVERIFY(query.lastError().text().contains(QStringLiteral("append-only")));
    QVERIFY(!query.exec(QStringLiteral("DELETE FROM audit_log")));
    QCOMPARE(log().size(), 1);
    QCOMPARE(log().first().result, QStringLiteral("ok"));
}

void TestClerkDesk::settingsChange_namesTheKeysChanged()
{
    QCOMPARE(m_desk->addClerk(QStringLiteral("店長"), QStringLiteral("2468"), true), QString());
    QVERIFY(m_desk->signIn(m_desk->owner()->id, QStringLiteral("2468")).accepted());
    m_desk->recordSettingsChange({});
    QCOMPARE(log().last().action, AuditAction::SignIn); // nothing changed, nothing logged
    m_desk->recordSettingsChange({QStringLiteral("printing/printer"), QStringLiteral("privacy/retention_days")});
    QCOMPARE(log().last().action, AuditAction::SettingsChange);
    QCOMPARE(log().last().clerk, QStringLiteral("店長"));
    QCOMPARE(log().last().detail, QStringLiteral("printing/printer, privacy/retention_days"));
}

void TestClerkDesk::removedClerk_cannotSignInButKeepsTheirName()
{
    QCOMPARE(m_desk->addClerk(QStringLiteral("店長"), QStringLiteral("2468"), true), QString());
    QCOMPARE(m_desk->addClerk(QStringLiteral("佐藤"), QStringLiteral("1357"), false), QString());
    const qint64 sato = idOf(QStringLiteral("佐藤"));
    QVERIFY(m_desk->signIn(sato, QStringLiteral("1357")).accepted());
    QVERIFY(!m_desk->removeClerk(idOf(QStringLiteral("店長"))).isEmpty()); // the owner goes last
    QCOMPARE(m_desk->removeClerk(sato), QString());
    QVERIFY(!m_desk->signedIn()); // signed out with it
    QCOMPARE(m_desk->signIn(sato, QStringLiteral("1357")).kind, ClerkDesk::PinAnswer::Kind::NoSuchClerk);
    QCOMPARE(m_desk->clerks().size(), 1);
    QCOMPARE(m_till->ledger().clerks().clerk(sato).value()->name, QStringLiteral("佐藤"));
}

QTEST_MAIN(TestClerkDesk)
#include "TestClerkDesk.moc"
