#pragma once

#include "CheckoutEngine.h"
#include "StripeBackend.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <memory>
#include <optional>

namespace konbini::test {

// One till as the app wires it (its own ledger, client, API and engine) against a backend, with
// fast retries so tests do not wait out Stripe's backoff.
class TillHarness
{
public:
    TillHarness(const StripeBackend &backend, const QString &ledgerPath, const QString &terminal = QStringLiteral("till-1"),
                QList<QPair<QByteArray, QByteArray>> extraHeaders = {}, const QString &store = QStringLiteral("shibuya"));

    CheckoutOutcome issue(const CheckoutRequest &request);
    VoucherRecord refresh(qint64 voucherId);

    // Runs one asynchronous call to completion: wait<T>([&](auto done) { engine->x(…, done); }).
    template <typename T, typename Start>
    Result<T> wait(Start start)
    {
        std::optional<Result<T>> result;
        start([&](const Result<T> &answer) { result = answer; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
            qFatal("no answer within 20 s");
        return *result;
    }

    QNetworkAccessManager network;
    FixedKeyProvider key;
    Ledger ledger;
    std::unique_ptr<StripeClient> client;
    std::unique_ptr<StripeApi> api;
    std::unique_ptr<CheckoutEngine> engine;
};

} // namespace konbini::test
