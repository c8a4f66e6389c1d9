#include "StripeBackend.h"

namespace konbini::test {

StripeBackend::StripeBackend()
{
    const QString base = qEnvironmentVariable("KONBINI_TEST_STRIPE_BASE");
    const QString key = qEnvironmentVariable("KONBINI_TEST_STRIPE_KEY");
    if (!base.isEmpty() && !key.isEmpty()) {
        m_baseUrl = QUrl(base);
        m_key = key;
        return;
    }
    m_sandbox = std::make_unique<SandboxHttp>();
    m_baseUrl = m_sandbox->baseUrl();
    m_key = QStringLiteral("sk_test_konbini_pos_tests");
}

} // namespace konbini::test
