#pragma once

#include "ParamReader.h"
#include "SandboxState.h"

#include <QJsonObject>

namespace konbini::sandbox {

// What an endpoint needs to know about the request it serves.
struct Call {
    qint64 now = 0;
    RequestOrigin origin;
};

// The PaymentIntent endpoints for Konbini, the customer's actions at the store, and the
// delayed transitions (paid, expired) as Stripe's test mode performs them.
class PaymentIntents
{
public:
    PaymentIntents(SandboxState &state, QString voucherBaseUrl);

    QJsonObject create(const ParamReader &params, const Call &call);
    QJsonObject retrieve(const QString &id, const ParamReader &params) const;
    QJsonObject update(const QString &id, const ParamReader &params, const Call &call);
    QJsonObject confirm(const QString &id, const ParamReader &params, const Call &call);
    QJsonObject cancel(const QString &id, const ParamReader &params, const Call &call);
    QJsonObject list(const ParamReader &params) const;
    QJsonObject search(const ParamReader &params) const;

    // Sandbox-only: the customer starts paying at a kiosk (cancellation then fails), or pays.
    QJsonObject startPaymentAtStore(const QString &id, const Call &call);
    // `chain` (familymart, lawson, ministop, seicomart) is where; without it, one that depends
    // only on the PaymentIntent.
    QJsonObject payAtStore(const QString &id, const ParamReader &params, const Call &call);
    // Stripe's fee for a paid Konbini charge, in hundredths of a percent of the amount (360: 3.6 %).
    void setFeeBasisPoints(int basisPoints) { m_feeBasisPoints = basisPoints; }

    // Applies the transition due for this PaymentIntent at `dueAt`, if it is still due.
    void applyDueTransition(const QString &id, qint64 dueAt);

    // The voucher page's data for a hosted_voucher_url token, or an empty object.
    QJsonObject findByVoucherToken(const QString &token) const;

private:
    const Record &existing(const QString &id) const;
    void applyKonbiniOptions(QJsonObject &paymentIntent, const ParamReader &params, const Call &call) const;
    void applyCommonFields(QJsonObject &paymentIntent, const ParamReader &params) const;
    QString attachPaymentMethod(const ParamReader &params, const Call &call);
    void issueVoucher(Record &record, const Call &call);
    void succeed(const QString &id, qint64 at, const RequestOrigin &origin, QString chain = {});
    // The paid charge's balance transaction: Stripe's fee, the net, when the funds are available.
    QString addBalanceTransaction(const QString &chargeId, qint64 amount, qint64 at);
    void expire(const QString &id, qint64 at);

    SandboxState &m_state;
    QString m_voucherBaseUrl;
    int m_feeBasisPoints = 360; // Stripe Japan's published Konbini price: 3.6 % (README)
};

} // namespace konbini::sandbox
