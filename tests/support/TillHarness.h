#pragma once

#include "StripeBackend.h"
#include "Till.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <memory>
#include <optional>

namespace konbini::test {

// One till as the app wires it (konbini::Till: its own ledger, client, API, engine, session and
// sync) against a backend, with fast retries so tests do not wait out Stripe's backoff.
class TillHarness
{
public:
    TillHarness(const StripeBackend &backend, const QString &ledgerPath,
                const QString &terminal = QStringLiteral("till-1"),
                QList<QPair<QByteArray, QByteArray>> extraHeaders = {},
                const QString &store = QStringLiteral("shibuya"));

    CheckoutEngine &engine() { return m_till->engine(); }
    Ledger &ledger() { return m_till->ledger(); }
    StripeApi &api() { return m_till->api(); }
    CheckoutSession &session() { return m_till->session(); }
    Till &till() { return *m_till; }

    CheckoutOutcome issue(const CheckoutRequest &request);
    VoucherRecord refresh(qint64 voucherId);
    VoucherRecord voucher(qint64 voucherId);

    // Runs one asynchronous call to completion: wait<T>([&](auto done) { engine().x(…, done); }).
    template <typename T, typename Start>
    ActionResult<T> wait(Start start)
    {
        std::optional<ActionResult<T>> result;
        start([&](const ActionResult<T> &answer) { result = answer; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
            qFatal("no answer within 20 s");
        return *result;
    }

    static TillConfig configFor(const StripeBackend &backend, const QString &ledgerPath,
                                const QString &terminal = QStringLiteral("till-1"),
                                QList<QPair<QByteArray, QByteArray>> extraHeaders = {},
                                const QString &store = QStringLiteral("shibuya"));

    QNetworkAccessManager network;

private:
    std::unique_ptr<Till> m_till;
};

} // namespace konbini::test
