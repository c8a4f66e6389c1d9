#pragma once

#include "SandboxHttp.h"

#include <QString>
#include <QUrl>

#include <memory>

namespace konbini::test {

// The Stripe the integration tests talk to: KONBINI_TEST_STRIPE_BASE and KONBINI_TEST_STRIPE_KEY
// when set (real Stripe test mode works), otherwise an in-process sandbox with a frozen clock.
class StripeBackend
{
public:
    StripeBackend();

    QUrl baseUrl() const { return m_baseUrl; }
    QString key() const { return m_key; }
    // The sandbox, or null against a real Stripe (tests that need its clock or helpers skip).
    SandboxHttp *sandbox() const { return m_sandbox.get(); }

private:
    std::unique_ptr<SandboxHttp> m_sandbox;
    QUrl m_baseUrl;
    QString m_key;
};

} // namespace konbini::test

// Skips the current test when it needs the sandbox's clock or customer helpers.
#define KONBINI_REQUIRE_SANDBOX(backend)                                                                               \
    do {                                                                                                               \
        if (!(backend).sandbox())                                                                                      \
            QSKIP("needs the sandbox's clock or customer helpers (KONBINI_TEST_STRIPE_BASE is set)");                  \
    } while (false)
