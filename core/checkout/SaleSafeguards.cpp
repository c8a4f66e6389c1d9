#include "SaleSafeguards.h"

#include <QDateTime>

namespace konbini {
namespace {

const QString kShownKey = QStringLiteral("vouchers_on_screen");

QString phoneDigits(const QString &phone)
{
    QString digits;
    for (const QChar c : phone) {
        if (c.isDigit())
            digits.append(QChar(u'0' + c.digitValue())); // full-width digits count as the same number
    }
    return digits;
}

} // namespace

SaleSafeguards::SaleSafeguards(Ledger &ledger, Clock clock) : m_ledger(ledger), m_clock(std::move(clock))
{
    if (!m_clock)
        m_clock = [] { return QDateTime::currentSecsSinceEpoch(); };
}

std::optional<VoucherRecord> SaleSafeguards::likelyDuplicate(const CheckoutRequest &request) const
{
    const qint64 now = m_clock();
    const QString email = request.email.trimmed().toCaseFolded();
    const QString phone = phoneDigits(request.phone);
    if (email.isEmpty() && phone.isEmpty())
        return std::nullopt;
    const LedgerResult<QList<VoucherRecord>> recent =
        m_ledger.vouchers().pendingOfAmountSince(request.amountYen, now - kDuplicateWindowSeconds);
    if (!recent)
        return std::nullopt;
    for (const VoucherRecord &voucher : recent.value()) {
        const bool sameEmail = !email.isEmpty() && voucher.email.trimmed().toCaseFolded() == email;
        const bool samePhone = !phone.isEmpty() && phoneDigits(voucher.phone) == phone;
        if (sameEmail || samePhone)
            return voucher;
    }
    return std::nullopt;
}

QList<qint64> SaleSafeguards::shownIds() const
{
    QList<qint64> ids;
    const LedgerResult<QString> stored = m_ledger.syncState().value(kShownKey);
    if (!stored)
        return ids;
    for (const QString &part : stored.value().split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 id = part.toLongLong(&ok);
        if (ok && id > 0 && !ids.contains(id))
            ids.append(id);
    }
    return ids;
}

void SaleSafeguards::storeShownIds(const QList<qint64> &ids)
{
    QStringList parts;
    for (qint64 id : ids)
        parts.append(QString::number(id));
    m_ledger.syncState().setValue(kShownKey, parts.join(u','));
}

void SaleSafeguards::voucherShown(qint64 voucherId)
{
    QList<qint64> ids = shownIds();
    if (voucherId <= 0 || ids.contains(voucherId))
        return;
    ids.append(voucherId);
    storeShownIds(ids);
}

void SaleSafeguards::voucherHandedOver(qint64 voucherId)
{
    QList<qint64> ids = shownIds();
    if (ids.removeAll(voucherId) > 0)
        storeShownIds(ids);
}

QList<VoucherRecord> SaleSafeguards::vouchersNotHandedOver() const
{
    QList<VoucherRecord> vouchers;
    for (qint64 id : shownIds()) {
        const LedgerResult<VoucherRecord> voucher = m_ledger.vouchers().voucher(id);
        // Only a voucher the customer can still pay is worth handing over now.
        if (voucher && voucher.value().status == VoucherStatus::Pending)
            vouchers.append(voucher.value());
    }
    return vouchers;
}

} // namespace konbini
