#include "SampleSales.h"
#include "SandboxServer.h"
#include "StripeBackend.h"
#include "TillHarness.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace konbini;
using namespace konbini::test;

// The till's connections: the clerk's is open before the first sale and a sale never opens one;
// event sync polls on connections of its own.
class TestTill : public QObject
{
    Q_OBJECT

private slots:
    void clerksConnection_isWarmBeforeTheFirstSale();
    void syncPolls_neverUseTheClerksConnection();
};

void TestTill::clerksConnection_isWarmBeforeTheFirstSale()
{
    StripeBackend backend;
    KONBINI_REQUIRE_SANDBOX(backend);
    QTemporaryDir dir;
    TillConfig config = TillHarness::configFor(backend, dir.filePath(QStringLiteral("ledger.sqlite")));
    config.sync.interval = std::chrono::hours(1); // one pass at start, then quiet
    QNetworkAccessManager network;
    Till till(network, config);
    QVERIFY(till.open().ok());
    sandbox::SandboxServer &server = *backend.sandbox()->server();
    const int before = server.acceptedConnections();
    QSignalSpy synced(&till.sync(), &EventSync::synced);
    till.start();
    QTRY_COMPARE_WITH_TIMEOUT(synced.count(), 1, 20000);
    // The clerk's (warmed, no request sent) and sync's.
    QTRY_COMPARE(server.acceptedConnections(), before + 2);

    for (int sale = 0; sale < 3; ++sale) {
        std::optional<CheckoutOutcome> outcome;
        till.engine().issueVoucher(sampleSale(), [&](const CheckoutOutcome &o) { outcome = o; });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 20000);
        QVERIFY(outcome->ok());
    }
    QCOMPARE(server.acceptedConnections(), before + 2); // every sale went over the warm connection
}

void TestTill::syncPolls_neverUseTheClerksConnection()
{
    StripeBackend backend;
    KONBINI_REQUIRE_SANDBOX(backend);
    QTemporaryDir dir;
    TillConfig config = TillHarness::configFor(backend, dir.filePath(QStringLiteral("ledger.sqlite")));
    config.sync.interval = std::chrono::hours(1);
    QNetworkAccessManager network;
    Till till(network, config);
    QVERIFY(till.open().ok());
    QSignalSpy synced(&till.sync(), &EventSync::synced);
    till.start();
    QTRY_COMPARE_WITH_TIMEOUT(synced.count(), 1, 20000);
    // The clerk's client and sync's are separate, on separate connection pools.
    QVERIFY(&till.api() != &till.syncApi());
    QVERIFY(&till.client() != &till.syncClient());
    sandbox::SandboxServer &server = *backend.sandbox()->server();
    const int afterStart = server.acceptedConnections();
    // Polls while sales go on: sync keeps to its connection, sales to theirs, nobody opens another.
    for (int round = 0; round < 3; ++round) {
        till.sync().syncNow();
        std::optional<CheckoutOutcome> outcome;
        till.engine().issueVoucher(sampleSale(), [&](const CheckoutOutcome &o) { outcome = o; });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 20000);
        QVERIFY(outcome->ok());
        QTRY_COMPARE_WITH_TIMEOUT(synced.count(), 2 + round, 20000);
    }
    QCOMPARE(server.acceptedConnections(), afterStart);
}

QTEST_GUILESS_MAIN(TestTill)
#include "TestTill.moc"
