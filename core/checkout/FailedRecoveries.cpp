#include "FailedRecoveries.h"

namespace konbini {

FailedRecoveries::FailedRecoveries(CheckoutEngine &engine, const Ledger &ledger, QObject *parent)
    : QObject(parent), m_engine(engine), m_ledger(ledger)
{
    connect(&m_engine, &CheckoutEngine::saleRecoveryFailed, this, &FailedRecoveries::failed);
    connect(&m_engine, &CheckoutEngine::saleRecovered, this,
            [this](const Voucher &voucher) { finished(voucher.voucherId); });
    // Whether a retry can start changes with the replay.
    connect(&m_engine, &CheckoutEngine::replayStarted, this, &FailedRecoveries::changed);
    connect(&m_engine, &CheckoutEngine::replayFinished, this, &FailedRecoveries::changed);
}

bool FailedRecoveries::anyRetryable() const
{
    return std::any_of(m_entries.begin(), m_entries.end(), [](const Entry &entry) { return entry.retryable(); });
}

bool FailedRecoveries::retry()
{
    if (!canRetry())
        return false;
    m_engine.resumeUnfinished();
    return true;
}

void FailedRecoveries::failed(qint64 voucherId, const CheckoutError &error)
{
    Entry entry;
    entry.voucherId = voucherId;
    entry.error = error;
    if (const LedgerResult<VoucherRecord> voucher = m_ledger.vouchers().voucher(voucherId))
        entry.voucher = voucher.value();
    // One line per sale: a retry that fails again replaces the earlier failure.
    const auto same = [voucherId](const Entry &e) { return e.voucherId == voucherId; };
    if (const auto it = std::find_if(m_entries.begin(), m_entries.end(), same); it != m_entries.end())
        *it = entry;
    else
        m_entries.append(entry);
    emit changed();
}

void FailedRecoveries::finished(qint64 voucherId)
{
    if (m_entries.removeIf([voucherId](const Entry &e) { return e.voucherId == voucherId; }) > 0)
        emit changed();
}

} // namespace konbini
