#include "TillHarness.h"

#include "ClerkMessages.h"

namespace konbini::test {

using namespace std::chrono_literals;

TillConfig TillHarness::configFor(const StripeBackend &backend, const QString &ledgerPath, const QString &terminal,
                                  QList<QPair<QByteArray, QByteArray>> extraHeaders, const QString &store)
{
    TillConfig config;
    config.baseUrl = backend.baseUrl();
    config.sandbox = backend.baseUrl().scheme() == u"http"; // the in-process sandbox, with its own key
    config.apiKey = backend.key();
    config.ledgerPath = ledgerPath;
    config.terminal = TerminalIdentity{store, terminal};
    config.retry.initialDelay = 1ms;
    config.retry.maxDelay = 4ms;
    config.extraHeaders = std::move(extraHeaders);
    return config;
}

TillHarness::TillHarness(const StripeBackend &backend, const QString &ledgerPath, const QString &terminal,
                         QList<QPair<QByteArray, QByteArray>> extraHeaders, const QString &store)
    : m_till(std::make_unique<Till>(network, configFor(backend, ledgerPath, terminal, std::move(extraHeaders), store)))
{
    const LedgerStatus opened = m_till->open();
    if (!opened)
        qFatal("ledger: %s", qPrintable(opened.error().message));
}

CheckoutOutcome TillHarness::issue(const CheckoutRequest &request)
{
    std::optional<CheckoutOutcome> outcome;
    engine().issueVoucher(request, [&](const CheckoutOutcome &o) { outcome = o; });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 20000))
        qFatal("checkout did not finish");
    return *outcome;
}

VoucherRecord TillHarness::refresh(qint64 voucherId)
{
    const ActionResult<VoucherRecord> refreshed =
        wait<VoucherRecord>([&](auto done) { engine().refreshVoucher(voucherId, done); });
    if (!refreshed.ok())
        qFatal("refresh failed: %s", qPrintable(ClerkMessages::details(refreshed.error())));
    return refreshed.value();
}

VoucherRecord TillHarness::voucher(qint64 voucherId)
{
    const LedgerResult<VoucherRecord> found = ledger().vouchers().voucher(voucherId);
    if (!found)
        qFatal("no voucher %lld: %s", voucherId, qPrintable(found.error().message));
    return found.value();
}

} // namespace konbini::test
