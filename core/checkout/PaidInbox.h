#pragma once

#include "Ledger.h"

#include <QList>
#include <QObject>

namespace konbini {

// Vouchers paid at a store that the clerk has not acknowledged yet: each one means goods to hand
// over. Kept in the ledger, so a restart does not lose one, and never overwritten by the next
// payment; the clerk acknowledges them one at a time or all at once.
class PaidInbox : public QObject
{
    Q_OBJECT

public:
    explicit PaidInbox(Ledger &ledger, QObject *parent = nullptr);
    // Reads what the ledger kept (once it is open).
    void load();

    // Oldest first; vouchers that were refunded or are gone meanwhile still show what was paid.
    QList<VoucherRecord> vouchers() const;
    qsizetype count() const { return m_ids.size(); }

    void add(qint64 voucherId);
    void acknowledge(qint64 voucherId);
    void acknowledgeAll();

signals:
    void changed();
    // A voucher came in (not at start, not when acknowledged).
    void arrived(qint64 voucherId);

private:
    void store();

    Ledger &m_ledger;
    QList<qint64> m_ids;
};

} // namespace konbini
