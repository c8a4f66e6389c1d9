#include "TillHarness.h"

namespace konbini::test {

using namespace std::chrono_literals;

TillHarness::TillHarness(const StripeBackend &backend, const QString &ledgerPath, const QString &terminal,
                         QList<QPair<QByteArray, QByteArray>> extraHeaders, const QString &store)
    : key(backend.key()), ledger(ledgerPath)
{
    StripeClientConfig config;
    config.baseUrl = backend.baseUrl();
    config.retry.initialDelay = 1ms;
    config.retry.maxDelay = 4ms;
    config.extraHeaders = std::move(extraHeaders);
    client = std::make_unique<StripeClient>(network, key, config);
    api = std::make_unique<StripeApi>(*client);
    QString error;
    if (!ledger.open(error))
        qFatal("ledger: %s", qPrintable(error));
    engine = std::make_unique<CheckoutEngine>(*api, ledger, TerminalIdentity{store, terminal});
}

CheckoutOutcome TillHarness::issue(const CheckoutRequest &request)
{
    std::optional<CheckoutOutcome> outcome;
    engine->issueVoucher(request, [&](const CheckoutOutcome &o) { outcome = o; });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 20000))
        qFatal("checkout did not finish");
    return *outcome;
}

VoucherRecord TillHarness::refresh(qint64 voucherId)
{
    const Result<VoucherRecord> refreshed = wait<VoucherRecord>([&](auto done) { engine->refreshVoucher(voucherId, done); });
    if (!refreshed.ok())
        qFatal("refresh failed: %s", qPrintable(refreshed.error().describe()));
    return refreshed.value();
}

} // namespace konbini::test
