#include "PaidInbox.h"

namespace konbini {
namespace {

const QString kInboxKey = QStringLiteral("paid_not_acknowledged");

} // namespace

PaidInbox::PaidInbox(Ledger &ledger, QObject *parent) : QObject(parent), m_ledger(ledger)
{
}

void PaidInbox::load()
{
    m_ids.clear();
    const LedgerResult<QString> stored = m_ledger.syncState().value(kInboxKey);
    if (!stored)
        return;
    for (const QString &part : stored.value().split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 id = part.toLongLong(&ok);
        if (ok && id > 0 && !m_ids.contains(id))
            m_ids.append(id);
    }
    emit changed();
}

QList<VoucherRecord> PaidInbox::vouchers() const
{
    QList<VoucherRecord> vouchers;
    for (qint64 id : m_ids) {
        if (const LedgerResult<VoucherRecord> voucher = m_ledger.vouchers().voucher(id))
            vouchers.append(voucher.value());
    }
    return vouchers;
}

void PaidInbox::add(qint64 voucherId)
{
    if (voucherId <= 0 || m_ids.contains(voucherId))
        return;
    m_ids.append(voucherId);
    store();
    emit changed();
    emit arrived(voucherId);
}

void PaidInbox::acknowledge(qint64 voucherId)
{
    if (m_ids.removeAll(voucherId) == 0)
        return;
    store();
    emit changed();
}

void PaidInbox::acknowledgeAll()
{
    if (m_ids.isEmpty())
        return;
    m_ids.clear();
    store();
    emit changed();
}

void PaidInbox::store()
{
    QStringList parts;
    for (qint64 id : std::as_const(m_ids))
        parts.append(QString::number(id));
    m_ledger.syncState().setValue(kInboxKey, parts.join(u','));
}

} // namespace konbini
