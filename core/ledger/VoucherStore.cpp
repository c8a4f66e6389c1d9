#include "VoucherStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace konbini {
namespace {

QString storesToJson(const QList<KonbiniStore> &stores)
{
    QJsonArray array;
    for (const KonbiniStore &store : stores) {
        array.append(QJsonObject{{QStringLiteral("chain"), store.chain},
                                 {QStringLiteral("payment_code"), store.paymentCode},
                                 {QStringLiteral("confirmation_number"), store.confirmationNumber}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<KonbiniStore> storesFromJson(const QString &json)
{
    QList<KonbiniStore> stores;
    for (const QJsonValue &value : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject store = value.toObject();
        stores.append({store.value(QStringLiteral("chain")).toString(),
                       store.value(QStringLiteral("payment_code")).toString(),
                       store.value(QStringLiteral("confirmation_number")).toString()});
    }
    return stores;
}

QVariant nullIfEmpty(const QString &value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}

} // namespace

const char *VoucherStore::columns()
{
    return "id, order_ref, store, terminal, payment_intent_id, amount, product_description, customer_name, email, "
           "phone,"
           " confirmation_number, expires_after_days, expires_at_option, stripe_status, status, had_payment_attempt,"
           " voucher_expires_at, hosted_voucher_url, stores, last_error_code, amount_refunded, created_at, updated_at, "
           "paid_at, canceled_at, paid_chain, fee, net, funds_available_at, paid_details_read, clerk, "
           "personal_data_erased_at";
}

VoucherRecord VoucherStore::fromRow(const QSqlQuery &query)
{
    VoucherRecord v;
    int i = 0;
    v.id = query.value(i++).toLongLong();
    v.orderRef = query.value(i++).toString();
    v.store = query.value(i++).toString();
    v.terminal = query.value(i++).toString();
    v.paymentIntentId = query.value(i++).toString();
    v.amountYen = query.value(i++).toLongLong();
    v.productDescription = query.value(i++).toString();
    v.customerName = query.value(i++).toString();
    v.email = query.value(i++).toString();
    v.phone = query.value(i++).toString();
    v.confirmationNumber = query.value(i++).toString();
    v.expiresAfterDays = query.value(i++).toInt();
    v.expiresAtOption = query.value(i++).toLongLong();
    v.stripeStatus = paymentIntentStatusFromKey(query.value(i++).toString());
    v.status = voucherStatusFromKey(query.value(i++).toString());
    v.hadPaymentAttempt = query.value(i++).toBool();
    v.voucherExpiresAt = query.value(i++).toLongLong();
    v.hostedVoucherUrl = query.value(i++).toString();
    v.stores = storesFromJson(query.value(i++).toString());
    v.lastErrorCode = query.value(i++).toString();
    v.amountRefunded = query.value(i++).toLongLong();
    v.createdAt = query.value(i++).toLongLong();
    v.updatedAt = query.value(i++).toLongLong();
    v.paidAt = query.value(i++).toLongLong();
    v.canceledAt = query.value(i++).toLongLong();
    v.paidChain = query.value(i++).toString();
    const QVariant fee = query.value(i++);
    const QVariant net = query.value(i++);
    if (!fee.isNull() && !net.isNull()) {
        v.fee = fee.toLongLong();
        v.net = net.toLongLong();
    }
    v.fundsAvailableAt = query.value(i++).toLongLong();
    v.paidDetailsRead = query.value(i++).toBool();
    v.clerk = query.value(i++).toString();
    v.personalDataErasedAt = query.value(i++).toLongLong();
    return v;
}

LedgerResult<QList<VoucherRecord>> VoucherStore::select(const QString &where, const QVariantList &values) const
{
    LedgerResult<QSqlQuery> query =
        m_db.run(QStringLiteral("SELECT %1 FROM vouchers WHERE %2").arg(QLatin1String(columns()), where), values);
    if (!query)
        return query.error();
    QList<VoucherRecord> found;
    while (query.value().next())
        found.append(fromRow(query.value()));
    return found;
}

LedgerResult<qint64> VoucherStore::insert(const VoucherRecord &v)
{
    qint64 id = 0;
    const LedgerStatus written = m_db.transaction([&]() -> LedgerStatus {
        const LedgerResult<QSqlQuery> inserted = m_db.run(
            QStringLiteral(
                "INSERT INTO vouchers (order_ref, store, terminal, payment_intent_id, amount, product_description,"
                " customer_name, email, phone, confirmation_number, expires_after_days, expires_at_option,"
                " stripe_status, status, created_at, updated_at, clerk) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                "?, ?, ?)"),
            {LedgerDatabase::text(v.orderRef), LedgerDatabase::text(v.store), LedgerDatabase::text(v.terminal),
             nullIfEmpty(v.paymentIntentId), v.amountYen, LedgerDatabase::text(v.productDescription),
             LedgerDatabase::text(v.customerName), LedgerDatabase::text(v.email), LedgerDatabase::text(v.phone),
             LedgerDatabase::text(v.confirmationNumber), v.expiresAfterDays, v.expiresAtOption,
             statusKey(v.stripeStatus), voucherStatusKey(v.status), v.createdAt, v.createdAt,
             LedgerDatabase::text(v.clerk)});
        if (!inserted)
            return inserted.error();
        id = inserted.value().lastInsertId().toLongLong();
        const LedgerResult<VoucherStatus> status = recomputeStatus(id, v.createdAt);
        return status ? LedgerStatus() : LedgerStatus(status.error());
    });
    if (!written)
        return written.error();
    return id;
}

LedgerStatus VoucherStore::insertMany(const QList<VoucherRecord> &vouchers)
{
    QList<QVariantList> rows;
    rows.reserve(vouchers.size());
    for (const VoucherRecord &v : vouchers) {
        rows.append({LedgerDatabase::text(v.orderRef),
                     LedgerDatabase::text(v.store),
                     LedgerDatabase::text(v.terminal),
                     nullIfEmpty(v.paymentIntentId),
                     v.amountYen,
                     LedgerDatabase::text(v.productDescription),
                     LedgerDatabase::text(v.customerName),
                     LedgerDatabase::text(v.email),
                     LedgerDatabase::text(v.phone),
                     LedgerDatabase::text(v.confirmationNumber),
                     statusKey(v.stripeStatus),
                     voucherStatusKey(v.status),
                     v.hadPaymentAttempt,
                     v.voucherExpiresAt,
                     LedgerDatabase::text(v.hostedVoucherUrl),
                     storesToJson(v.stores),
                     v.createdAt,
                     v.createdAt,
                     v.paidAt,
                     v.canceledAt,
                     LedgerDatabase::text(v.clerk)});
    }
    return m_db.transaction([&]() -> LedgerStatus {
        const LedgerStatus inserted = m_db.runBatch(
            QStringLiteral(
                "INSERT INTO vouchers (order_ref, store, terminal, payment_intent_id, amount, product_description, "
                "customer_name,"
                " email, phone, confirmation_number, stripe_status, status, had_payment_attempt, voucher_expires_at,"
                " hosted_voucher_url, stores, created_at, updated_at, paid_at, canceled_at, clerk, search_text)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')"),
            rows);
        if (!inserted)
            return inserted;
        const auto indexed = m_db.run(QStringLiteral("UPDATE vouchers SET search_text = %1 WHERE search_text = ''")
                                          .arg(QLatin1String(LedgerDatabase::searchTextExpression())));
        return indexed ? LedgerStatus() : LedgerStatus(indexed.error());
    });
}

LedgerResult<VoucherRecord> VoucherStore::voucher(qint64 id) const
{
    const LedgerResult<QList<VoucherRecord>> found = select(QStringLiteral("id = ?"), {id});
    if (!found)
        return found.error();
    if (found.value().isEmpty())
        return LedgerError{LedgerError::Kind::NotFound, QStringLiteral("No voucher %1 in the ledger.").arg(id)};
    return found.value().first();
}

LedgerResult<std::optional<VoucherRecord>> VoucherStore::byPaymentIntent(const QString &paymentIntentId) const
{
    const LedgerResult<QList<VoucherRecord>> found = select(QStringLiteral("payment_intent_id = ?"), {paymentIntentId});
    if (!found)
        return found.error();
    return found.value().isEmpty() ? std::nullopt : std::optional(found.value().first());
}

namespace {

// "?,?,?" and the status keys, for `status IN (...)`.
std::pair<QString, QVariantList> statusList(const QList<VoucherStatus> &statuses)
{
    QStringList marks;
    QVariantList keys;
    for (VoucherStatus status : statuses) {
        marks.append(QStringLiteral("?"));
        keys.append(voucherStatusKey(status));
    }
    return {marks.join(u','), keys};
}

} // namespace

LedgerResult<QList<VoucherRecord>> VoucherStore::withStatus(const QList<VoucherStatus> &statuses) const
{
    const auto [marks, keys] = statusList(statuses);
    return select(QStringLiteral("status IN (%1) ORDER BY id").arg(marks), keys);
}

LedgerResult<QList<VoucherRecord>> VoucherStore::pendingOfAmountSince(qint64 amountYen, qint64 since) const
{
    return select(QStringLiteral("status = ? AND amount = ? AND created_at >= ? ORDER BY id DESC"),
                  {voucherStatusKey(VoucherStatus::Pending), amountYen, since});
}

LedgerResult<qint64> VoucherStore::oldestCreatedWithStatus(const QList<VoucherStatus> &statuses) const
{
    const auto [marks, keys] = statusList(statuses);
    LedgerResult<QSqlQuery> query = m_db.run(
        QStringLiteral("SELECT MIN(created_at) FROM vouchers WHERE status IN (%1) AND ifnull(payment_intent_id, '') <> ''").arg(marks),
        keys);
    if (!query)
        return query.error();
    return query.value().next() ? query.value().value(0).toLongLong() : 0;
}

LedgerResult<QList<VoucherRecord>> VoucherStore::needingPaidDetails(int limit) const
{
    return select(QStringLiteral("paid_at > 0 AND paid_details_read = 0 AND payment_intent_id IS NOT NULL "
                                 "AND payment_intent_id <> '' ORDER BY paid_at, id LIMIT ?"),
                  {limit});
}

LedgerStatus VoucherStore::setPaidDetails(qint64 voucherId, const PaidDetails &paid, qint64 now)
{
    const QVariant fee = paid.feesKnown ? QVariant(paid.fee) : QVariant(QMetaType(QMetaType::LongLong));
    const QVariant net = paid.feesKnown ? QVariant(paid.net) : QVariant(QMetaType(QMetaType::LongLong));
    LedgerResult<QSqlQuery> updated = m_db.run(
        QStringLiteral("UPDATE vouchers SET paid_chain = ?, fee = ?, net = ?, funds_available_at = ?,"
                       " paid_at = CASE WHEN ? > 0 THEN ? ELSE paid_at END, paid_details_read = 1, updated_at = ?"
                       " WHERE id = ?"),
        {LedgerDatabase::text(paid.chain), fee, net, paid.feesKnown ? paid.availableOn : 0, paid.paidAt, paid.paidAt,
         now, voucherId});
    if (!updated)
        return updated.error();
    return {};
}

qint64 VoucherStore::count() const
{
    LedgerResult<QSqlQuery> query = m_db.run(QStringLiteral("SELECT COUNT(*) FROM vouchers"));
    return query && query.value().next() ? query.value().value(0).toLongLong() : 0;
}

LedgerStatus VoucherStore::setPaymentIntent(qint64 voucherId, const QString &paymentIntentId,
                                            PaymentIntentStatus status, qint64 now)
{
    return m_db.transaction([&]() -> LedgerStatus {
        const auto updated = m_db.run(QStringLiteral("UPDATE vouchers SET payment_intent_id = ?, stripe_status = ?, "
                                                     "last_error_code = '', updated_at = ? WHERE id = ?"),
                                      {paymentIntentId, statusKey(status), now, voucherId});
        if (!updated)
            return updated.error();
        const LedgerResult<VoucherStatus> recomputed = recomputeStatus(voucherId, now);
        return recomputed ? LedgerStatus() : LedgerStatus(recomputed.error());
    });
}

LedgerStatus VoucherStore::setLastError(qint64 voucherId, const QString &code, qint64 now)
{
    const auto updated =
        m_db.run(QStringLiteral("UPDATE vouchers SET last_error_code = ?, updated_at = ? WHERE id = ?"),
                 {LedgerDatabase::text(code), now, voucherId});
    return updated ? LedgerStatus() : LedgerStatus(updated.error());
}

LedgerStatus VoucherStore::setConfirmationNumber(qint64 voucherId, const QString &phone,
                                                 const QString &confirmationNumber, qint64 now)
{
    return m_db.transaction([&]() -> LedgerStatus {
        const auto updated = m_db.run(
            QStringLiteral("UPDATE vouchers SET phone = ?, confirmation_number = ?, updated_at = ? WHERE id = ?"),
            {LedgerDatabase::text(phone), LedgerDatabase::text(confirmationNumber), now, voucherId});
        if (!updated)
            return updated.error();
        const LedgerResult<VoucherStatus> recomputed = recomputeStatus(voucherId, now);
        return recomputed ? LedgerStatus() : LedgerStatus(recomputed.error());
    });
}

namespace {

// Whether the voucher already holds everything applyPaymentIntent would write: then nothing is
// written (sync's catch-up reads thousands of unchanged PaymentIntents, and each write grows the
// write-ahead log whose checkpoints stall the window).
bool holdsAlready(const VoucherRecord &v, const PaymentIntent &pi)
{
    const bool attempt = !pi.lastPaymentErrorCode.isEmpty() || pi.voucher.has_value();
    if (v.paymentIntentId != pi.id || v.stripeStatus != pi.status || v.amountYen != pi.amount
        || v.lastErrorCode != pi.lastPaymentErrorCode || (attempt && !v.hadPaymentAttempt))
        return false;
    if (pi.voucher) {
        const QString number = pi.voucher->stores.isEmpty() ? QString() : pi.voucher->stores.first().confirmationNumber;
        if (v.voucherExpiresAt != pi.voucher->expiresAt || v.hostedVoucherUrl != pi.voucher->hostedVoucherUrl
            || storesToJson(v.stores) != storesToJson(pi.voucher->stores) || v.confirmationNumber != number)
            return false;
    }
    if (pi.status == PaymentIntentStatus::Succeeded && v.paidAt == 0)
        return false;
    if (pi.status == PaymentIntentStatus::Canceled && (v.canceledAt == 0 || (pi.canceledAt && pi.canceledAt != v.canceledAt)))
        return false;
    return true;
}

} // namespace

LedgerResult<StatusChange> VoucherStore::applyPaymentIntent(qint64 voucherId, const PaymentIntent &pi, qint64 now)
{
    StatusChange change;
    const LedgerStatus applied = m_db.transaction([&]() -> LedgerStatus {
        const LedgerResult<VoucherRecord> before = voucher(voucherId);
        if (!before)
            return before.error();
        change.before = before.value().status;
        if (holdsAlready(before.value(), pi)) {
            change.after = change.before;
            return {};
        }
        QString sql =
            QStringLiteral("UPDATE vouchers SET payment_intent_id = ?, stripe_status = ?, amount = ?, updated_at = ?,"
                           " had_payment_attempt = had_payment_attempt OR ?, last_error_code = ?");
        QVariantList values{pi.id,
                            statusKey(pi.status),
                            pi.amount,
                            now,
                            !pi.lastPaymentErrorCode.isEmpty() || pi.voucher.has_value(),
                            LedgerDatabase::text(pi.lastPaymentErrorCode)};
        if (pi.voucher) {
            sql +=
                QStringLiteral(", voucher_expires_at = ?, hosted_voucher_url = ?, stores = ?, confirmation_number = ?");
            const QString number =
                pi.voucher->stores.isEmpty() ? QString() : pi.voucher->stores.first().confirmationNumber;
            values << pi.voucher->expiresAt << LedgerDatabase::text(pi.voucher->hostedVoucherUrl)
                   << storesToJson(pi.voucher->stores) << LedgerDatabase::text(number);
        }
        if (pi.status == PaymentIntentStatus::Succeeded && before.value().paidAt == 0) {
            sql += QStringLiteral(", paid_at = ?");
            values << now;
        }
        if (pi.status == PaymentIntentStatus::Canceled) {
            sql += QStringLiteral(", canceled_at = ?");
            values << (pi.canceledAt ? pi.canceledAt : now);
        }
        values << voucherId;
        if (const auto updated = m_db.run(sql + QStringLiteral(" WHERE id = ?"), values); !updated)
            return updated.error();
        const LedgerResult<VoucherStatus> after = recomputeStatus(voucherId, now);
        if (!after)
            return after.error();
        change.after = after.value();
        return {};
    });
    if (!applied)
        return applied.error();
    return change;
}

LedgerResult<VoucherStatus> VoucherStore::recomputeStatus(qint64 voucherId, qint64 now)
{
    const LedgerResult<VoucherRecord> current = voucher(voucherId);
    if (!current)
        return current.error();
    LedgerResult<QSqlQuery> refunds =
        m_db.run(QStringLiteral("SELECT status, amount FROM refunds WHERE voucher_id = ?"), {voucherId});
    if (!refunds)
        return refunds.error();
    QList<RefundStatus> refundStatuses;
    qint64 refunded = 0;
    while (refunds.value().next()) {
        const RefundStatus status = refundStatusFromKey(refunds.value().value(0).toString());
        if (status == RefundStatus::Canceled)
            continue;
        refundStatuses.append(status);
        if (status != RefundStatus::Failed)
            refunded += refunds.value().value(1).toLongLong();
    }
    const VoucherStatus status =
        voucherStatusFrom(current.value().stripeStatus, current.value().hadPaymentAttempt, refundStatuses);
    const auto updated = m_db.run(
        QStringLiteral(
            "UPDATE vouchers SET status = ?, amount_refunded = ?, updated_at = ?, search_text = %1 WHERE id = ?")
            .arg(QLatin1String(LedgerDatabase::searchTextExpression())),
        {voucherStatusKey(status), refunded, now, voucherId});
    if (!updated)
        return updated.error();
    return status;
}

} // namespace konbini
