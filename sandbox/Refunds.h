#pragma once

#include "PaymentIntents.h"

namespace konbini::sandbox {

// Konbini refunds: Stripe emails the customer for bank details, the refund waits in
// requires_action, goes pending once the details arrive, then succeeds or returns to
// requires_action when the bank returns the money; still waiting 45 days after creation, it fails.
class Refunds
{
public:
    explicit Refunds(SandboxState &state) : m_state(state) {}

    QJsonObject create(const ParamReader &params, const Call &call);
    QJsonObject retrieve(const QString &id) const;
    QJsonObject update(const QString &id, const ParamReader &params);
    QJsonObject list(const ParamReader &params) const;
    QJsonObject cancel(const QString &id, const Call &call);
    // Stripe's test helper: the 45-day expiry, now.
    QJsonObject expire(const QString &id, const Call &call);
    // Sandbox-only: the customer submits bank details on Stripe's page.
    QJsonObject submitBankDetails(const QString &id, const ParamReader &params, const Call &call);

    void applyDueTransition(const QString &id, qint64 dueAt);

private:
    const Record &existing(const QString &id) const;
    void setStatus(const QString &id, const QString &status, qint64 at, const RequestOrigin &origin);
    void requestBankDetails(QJsonObject &refund, qint64 at) const;
    void releaseFromCharge(const QString &chargeId, qint64 amount);

    SandboxState &m_state;
};

} // namespace konbini::sandbox
