#include "ClerkMessages.h"
#include "Ledger.h"
#include "StripeBackend.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace konbini;
using namespace konbini::test;

namespace {

struct ChildRun {
    int exitCode = -1;
    QJsonObject report;
};

// Runs the child till to completion while this process keeps serving the sandbox.
ChildRun runChild(const StripeBackend &backend, const QString &ledger, const QStringList &extra)
{
    QProcess child;
    child.setProgram(QStringLiteral(KONBINI_CHECKOUT_CHILD));
    child.setArguments(QStringList{QStringLiteral("--base"), backend.baseUrl().toString(), QStringLiteral("--key"),
                                   backend.key(), QStringLiteral("--ledger"), ledger}
                       + extra);
    QSignalSpy finished(&child, &QProcess::finished);
    child.start();
    if (!finished.wait(30000))
        return {};
    return {child.exitCode(), QJsonDocument::fromJson(child.readAllStandardOutput()).object()};
}

} // namespace

// KONBINI issue: a crash or power cut between create and confirm yields exactly one
// PaymentIntent and a voucher once the till restarts.
class TestCheckoutCrash : public QObject
{
    Q_OBJECT

private slots:
    void crash_thenResume_data();
    void crash_thenResume();
};

void TestCheckoutCrash::crash_thenResume_data()
{
    QTest::addColumn<QString>("step");
    QTest::addColumn<int>("recovered"); // sales the restarted till finishes and reports
    // One request per voucher: create with confirm=true.
    QTest::newRow("after writing the create, before sending it") << QStringLiteral("create-journaled") << 1;
    QTest::newRow("after Stripe created and confirmed it, before recording the answer")
        << QStringLiteral("create-answered") << 1;
    QTest::newRow("after recording the voucher") << QStringLiteral("create-recorded") << 0;
}

void TestCheckoutCrash::crash_thenResume()
{
    QFETCH(QString, step);
    QFETCH(int, recovered);
    StripeBackend backend;
    QTemporaryDir dir;
    const QString ledger = dir.filePath(QStringLiteral("ledger.sqlite"));
    const qsizetype before = backend.sandbox() ? backend.sandbox()->paymentIntentCount() : 0;

    const ChildRun crashed = runChild(backend, ledger, {QStringLiteral("--crash-at"), step});
    QCOMPARE(crashed.exitCode, 70);

    const ChildRun resumed = runChild(backend, ledger, {QStringLiteral("--resume")});
    QCOMPARE(resumed.exitCode, 0);
    QCOMPARE(resumed.report.value(QStringLiteral("failed")).toInt(), 0);
    QCOMPARE(resumed.report.value(QStringLiteral("unfinished")).toInt(), 0);
    QCOMPARE(resumed.report.value(QStringLiteral("recovered")).toInt(), recovered); // reported, for the counter to show
    const QJsonArray vouchers = resumed.report.value(QStringLiteral("vouchers")).toArray();
    QCOMPARE(vouchers.size(), 1);
    const QJsonObject voucher = vouchers.at(0).toObject();
    QCOMPARE(voucher.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    QVERIFY(!voucher.value(QStringLiteral("hosted_voucher_url")).toString().isEmpty());
    if (backend.sandbox()) {
        QCOMPARE(backend.sandbox()->paymentIntentCount(), before + 1);
        const HttpResult pi =
            backend.sandbox()->paymentIntent(voucher.value(QStringLiteral("payment_intent")).toString());
        QCOMPARE(pi.value(QStringLiteral("status")), QStringLiteral("requires_action"));
        QCOMPARE(backend.sandbox()->eventCount(QStringLiteral("payment_intent.requires_action")), 1);
    }
}

QTEST_GUILESS_MAIN(TestCheckoutCrash)
#include "TestCheckoutCrash.moc"
