#pragma once

#include "CheckoutEngine.h"

#include <QList>
#include <QObject>

namespace konbini {

// The sales a crash or a quit interrupted that the till could not finish at start: which sale
// (from the ledger), what went wrong, and whether sending it again can finish it. The counter
// lists them with what to do; a retry sends what the journal still holds, and a sale finished
// then leaves the list.
class FailedRecoveries : public QObject
{
    Q_OBJECT

public:
    struct Entry {
        qint64 voucherId = 0;
        VoucherRecord voucher; // as the ledger has it (amount, customer, when the sale was made)
        CheckoutError error;
        // Sending again may finish it (Stripe unreachable, disk full): the journal still holds it.
        bool retryable() const { return error.resumable; }
    };

    FailedRecoveries(CheckoutEngine &engine, const Ledger &ledger, QObject *parent = nullptr);

    const QList<Entry> &entries() const { return m_entries; }
    bool anyRetryable() const;
    // Whether a retry can start now (not while the till is already resuming sales).
    bool canRetry() const { return anyRetryable() && !m_engine.isReplaying(); }
    // Sends the journal's pending sales again; each is reported as at start. False when it cannot
    // start now (see canRetry).
    bool retry();

signals:
    void changed();

private:
    void failed(qint64 voucherId, const CheckoutError &error);
    void finished(qint64 voucherId);

    CheckoutEngine &m_engine;
    const Ledger &m_ledger;
    QList<Entry> m_entries;
};

} // namespace konbini
