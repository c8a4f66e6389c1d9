#include "Ledger.h"

#include "KonbiniRules.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QDateTime>
#include <QJsonDocument>
#include <QMap>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

Q_LOGGING_CATEGORY(lcLedger, "konbini.ledger", QtInfoMsg)

namespace konbini {
namespace {

// What the merchant's search box looks through, lowered: kept short (payment codes only, not
// the stores' JSON) because a search for a rare term reads it in every row.
const char *const kSearchTextExpression =
    "lower(customer_name || ' ' || email || ' ' || phone || ' ' || confirmation_number || ' ' || ifnull(payment_intent_id, '') || ' ' || "
    "ifnull((SELECT group_concat(json_extract(value, '$.payment_code'), ' ') FROM json_each(stores)), ''))";

// Each migration takes the schema from its index to index + 1. Never edit one that shipped.
const QList<QStringList> kMigrations = {
    {
        QStringLiteral("CREATE TABLE vouchers ("
                       " id INTEGER PRIMARY KEY,"
                       " order_ref TEXT NOT NULL UNIQUE,"
                       " store TEXT NOT NULL, terminal TEXT NOT NULL,"
                       " payment_intent_id TEXT UNIQUE,"
                       " amount INTEGER NOT NULL,"
                       " product_description TEXT NOT NULL DEFAULT '',"
                       " customer_name TEXT NOT NULL, email TEXT NOT NULL, phone TEXT NOT NULL DEFAULT '',"
                       " confirmation_number TEXT NOT NULL DEFAULT '',"
                       " expires_after_days INTEGER NOT NULL DEFAULT 0, expires_at_option INTEGER NOT NULL DEFAULT 0,"
                       " stripe_status TEXT NOT NULL DEFAULT '', status TEXT NOT NULL,"
                       " had_payment_attempt INTEGER NOT NULL DEFAULT 0,"
                       " voucher_expires_at INTEGER NOT NULL DEFAULT 0, hosted_voucher_url TEXT NOT NULL DEFAULT '',"
                       " stores TEXT NOT NULL DEFAULT '[]', last_error_code TEXT NOT NULL DEFAULT '',"
                       " amount_refunded INTEGER NOT NULL DEFAULT 0,"
                       " created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,"
                       " paid_at INTEGER NOT NULL DEFAULT 0, canceled_at INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX vouchers_status_created ON vouchers(status, created_at)"),
        QStringLiteral("CREATE INDEX vouchers_created ON vouchers(created_at)"),
        QStringLiteral("CREATE TABLE refunds ("
                       " id TEXT PRIMARY KEY, voucher_id INTEGER NOT NULL REFERENCES vouchers(id),"
                       " amount INTEGER NOT NULL, status TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '',"
                       " instructions_email TEXT NOT NULL DEFAULT '', email_sent_at INTEGER NOT NULL DEFAULT 0,"
                       " action_expires_at INTEGER NOT NULL DEFAULT 0, failure_reason TEXT NOT NULL DEFAULT '',"
                       " created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX refunds_voucher ON refunds(voucher_id)"),
        QStringLiteral("CREATE TABLE journal ("
                       " id INTEGER PRIMARY KEY, voucher_id INTEGER NOT NULL,"
                       " operation TEXT NOT NULL, idempotency_key TEXT NOT NULL UNIQUE,"
                       " path TEXT NOT NULL, body BLOB NOT NULL,"
                       " state TEXT NOT NULL, result_code TEXT NOT NULL DEFAULT '',"
                       " created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX journal_state ON journal(state)"),
        QStringLiteral("CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE processed_events (id TEXT PRIMARY KEY, processed_at INTEGER NOT NULL)"),
    },
    {
        // The merchant's list: one lowered column to search, indexes for each sort and report.
        QStringLiteral("ALTER TABLE vouchers ADD COLUMN search_text TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("UPDATE vouchers SET search_text = %1").arg(QLatin1String(kSearchTextExpression)),
        QStringLiteral("CREATE INDEX vouchers_deadline ON vouchers(voucher_expires_at)"),
        QStringLiteral("CREATE INDEX vouchers_amount ON vouchers(amount)"),
        QStringLiteral("CREATE INDEX vouchers_paid ON vouchers(paid_at)"),
        QStringLiteral("CREATE INDEX vouchers_canceled ON vouchers(canceled_at)"),
        QStringLiteral("CREATE INDEX refunds_updated ON refunds(updated_at)"),
        QStringLiteral("CREATE INDEX vouchers_customer ON vouchers(customer_name)"),
        QStringLiteral("CREATE INDEX vouchers_confirmation ON vouchers(confirmation_number)"),
        QStringLiteral("CREATE INDEX vouchers_terminal ON vouchers(terminal, created_at)"),
        // Substring search from an index: a trigram full-text index over search_text, kept in
        // step by triggers (searches of one or two characters fall back to LIKE).
        QStringLiteral("CREATE VIRTUAL TABLE voucher_search USING fts5(search_text, content='vouchers', content_rowid='id', tokenize='trigram')"),
        QStringLiteral("CREATE TRIGGER vouchers_search_insert AFTER INSERT ON vouchers BEGIN"
                       " INSERT INTO voucher_search(rowid, search_text) VALUES (new.id, new.search_text); END"),
        QStringLiteral("CREATE TRIGGER vouchers_search_delete AFTER DELETE ON vouchers BEGIN"
                       " INSERT INTO voucher_search(voucher_search, rowid, search_text) VALUES ('delete', old.id, old.search_text); END"),
        QStringLiteral("CREATE TRIGGER vouchers_search_update AFTER UPDATE OF search_text ON vouchers WHEN old.search_text <> new.search_text BEGIN"
                       " INSERT INTO voucher_search(voucher_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);"
                       " INSERT INTO voucher_search(rowid, search_text) VALUES (new.id, new.search_text); END"),
        QStringLiteral("INSERT INTO voucher_search(voucher_search) VALUES ('rebuild')"),
    },
};

const char *const kVoucherColumns =
    "id, order_ref, store, terminal, payment_intent_id, amount, product_description, customer_name, email, phone,"
    " confirmation_number, expires_after_days, expires_at_option, stripe_status, status, had_payment_attempt,"
    " voucher_expires_at, hosted_voucher_url, stores, last_error_code, amount_refunded, created_at, updated_at, paid_at, canceled_at";

QString stateName(JournalEntry::State state)
{
    switch (state) {
    case JournalEntry::State::Pending:
        return QStringLiteral("pending");
    case JournalEntry::State::Done:
        return QStringLiteral("done");
    case JournalEntry::State::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

JournalEntry::State stateFromName(const QString &name)
{
    if (name == u"done")
        return JournalEntry::State::Done;
    if (name == u"failed")
        return JournalEntry::State::Failed;
    return JournalEntry::State::Pending;
}

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
        stores.append({store.value(QStringLiteral("chain")).toString(), store.value(QStringLiteral("payment_code")).toString(),
                       store.value(QStringLiteral("confirmation_number")).toString()});
    }
    return stores;
}

VoucherRecord voucherFrom(const QSqlQuery &query)
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
    v.stripeStatus = query.value(i++).toString();
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
    return v;
}

RefundRecord refundFrom(const QSqlQuery &query)
{
    RefundRecord r;
    int i = 0;
    r.id = query.value(i++).toString();
    r.voucherId = query.value(i++).toLongLong();
    r.amount = query.value(i++).toLongLong();
    r.status = query.value(i++).toString();
    r.reason = query.value(i++).toString();
    r.instructionsEmail = query.value(i++).toString();
    r.emailSentAt = query.value(i++).toLongLong();
    r.actionExpiresAt = query.value(i++).toLongLong();
    r.failureReason = query.value(i++).toString();
    r.createdAt = query.value(i++).toLongLong();
    r.updatedAt = query.value(i++).toLongLong();
    return r;
}

const char *const kRefundColumns =
    "id, voucher_id, amount, status, reason, instructions_email, email_sent_at, action_expires_at, failure_reason, created_at, updated_at";

JournalEntry journalFrom(const QSqlQuery &query)
{
    JournalEntry e;
    e.id = query.value(0).toLongLong();
    e.voucherId = query.value(1).toLongLong();
    e.operation = query.value(2).toString();
    e.idempotencyKey = query.value(3).toString();
    e.path = query.value(4).toString();
    e.body = query.value(5).toByteArray();
    e.state = stateFromName(query.value(6).toString());
    e.resultCode = query.value(7).toString();
    e.createdAt = query.value(8).toLongLong();
    return e;
}

// A null QString binds as SQL NULL; the ledger's text columns are NOT NULL with '' for "none".
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(value);
}

bool exec(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcLedger) << "SQL failed:" << query.lastError().text();
    return false;
}

} // namespace

Ledger::Ledger(QString path) : m_path(std::move(path)), m_connection(QStringLiteral("ledger"))
{
}

Ledger::~Ledger() = default;

bool Ledger::open(QString &error)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    // Create the file owner-only before SQLite does, so it never exists with wider permissions;
    // SQLite gives its -wal and -shm files the same permissions.
    if (!QFileInfo::exists(m_path)) {
        QFile file(m_path);
        if (!file.open(QIODevice::WriteOnly)) {
            error = file.errorString();
            return false;
        }
    }
    QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    if (!m_connection.open(m_path,
                           {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=FULL"),
                            QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA busy_timeout=5000")},
                           error))
        return false;
    QSqlQuery query(m_connection.database());
    const int from = schemaVersion();
    if (from > kSchemaVersion) {
        error = QStringLiteral("The ledger was written by a newer Konbini POS (schema %1, this version knows %2).").arg(from).arg(kSchemaVersion);
        return false;
    }
    for (int version = from; version < kSchemaVersion; ++version) {
        const bool migrated = transaction([&] {
            for (const QString &statement : kMigrations.at(version)) {
                if (!query.exec(statement)) {
                    error = query.lastError().text();
                    return false;
                }
            }
            return query.exec(QStringLiteral("PRAGMA user_version=%1").arg(version + 1));
        });
        if (!migrated)
            return false;
        qCInfo(lcLedger) << "ledger schema migrated to" << version + 1;
    }
    return true;
}

int Ledger::schemaVersion() const
{
    QSqlQuery query(m_connection.database());
    query.exec(QStringLiteral("PRAGMA user_version"));
    return query.next() ? query.value(0).toInt() : -1;
}

bool Ledger::transaction(const std::function<bool()> &work)
{
    QSqlDatabase db = m_connection.database();
    if (!db.transaction())
        return false;
    if (!work()) {
        db.rollback();
        return false;
    }
    return db.commit();
}

qint64 Ledger::insertVoucher(const VoucherRecord &v)
{
    QSqlQuery query(m_connection.database());
    query.prepare(QStringLiteral("INSERT INTO vouchers (order_ref, store, terminal, payment_intent_id, amount, product_description,"
                                 " customer_name, email, phone, confirmation_number, expires_after_days, expires_at_option,"
                                 " stripe_status, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &value : QVariantList{text(v.orderRef), text(v.store), text(v.terminal),
                                              v.paymentIntentId.isEmpty() ? QVariant() : QVariant(v.paymentIntentId), v.amountYen,
                                              text(v.productDescription), text(v.customerName), text(v.email), text(v.phone),
                                              text(v.confirmationNumber), v.expiresAfterDays, v.expiresAtOption, text(v.stripeStatus),
                                              voucherStatusKey(v.status), v.createdAt, v.createdAt})
        query.addBindValue(value);
    if (!exec(query))
        return 0;
    const qint64 id = query.lastInsertId().toLongLong();
    recomputeStatus(id, v.createdAt);
    return id;
}

QList<VoucherRecord> Ledger::selectVouchers(const QString &where, const QVariantList &values) const
{
    QSqlQuery query(m_connection.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM vouchers WHERE %2").arg(QLatin1String(kVoucherColumns), where));
    for (const QVariant &value : values)
        query.addBindValue(value);
    QList<VoucherRecord> found;
    if (exec(query)) {
        while (query.next())
            found.append(voucherFrom(query));
    }
    return found;
}

std::optional<VoucherRecord> Ledger::voucher(qint64 id) const
{
    const QList<VoucherRecord> found = selectVouchers(QStringLiteral("id = ?"), {id});
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

std::optional<VoucherRecord> Ledger::voucherByPaymentIntent(const QString &paymentIntentId) const
{
    const QList<VoucherRecord> found = selectVouchers(QStringLiteral("payment_intent_id = ?"), {paymentIntentId});
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

QList<VoucherRecord> Ledger::vouchersWithStatus(const QList<VoucherStatus> &statuses) const
{
    QStringList marks;
    QVariantList keys;
    for (VoucherStatus status : statuses) {
        marks.append(QStringLiteral("?"));
        keys.append(voucherStatusKey(status));
    }
    return selectVouchers(QStringLiteral("status IN (%1) ORDER BY id").arg(marks.join(u',')), keys);
}

qint64 Ledger::voucherCount() const
{
    QSqlQuery query(m_connection.database());
    query.exec(QStringLiteral("SELECT COUNT(*) FROM vouchers"));
    return query.next() ? query.value(0).toLongLong() : 0;
}

void Ledger::setPaymentIntent(qint64 voucherId, const QString &paymentIntentId, const QString &stripeStatus, qint64 now)
{
    QSqlQuery query(m_connection.database());
    query.prepare(QStringLiteral("UPDATE vouchers SET payment_intent_id = ?, stripe_status = ?, last_error_code = '', updated_at = ? WHERE id = ?"));
    query.addBindValue(paymentIntentId);
    query.addBindValue(text(stripeStatus));
    query.addBindValue(now);
    query.addBindValue(voucherId);
    exec(query);
    recomputeStatus(voucherId, now);
}

void Ledger::setLastError(qint64 voucherId, const QString &code, qint64 now)
{
    QSqlQuery query(m_connection.database());
    query.prepare(QStringLiteral("UPDATE vouchers SET last_error_code = ?, updated_at = ? WHERE id = ?"));
    query.addBindValue(text(code));
    query.addBindValue(now);
    query.addBindValue(voucherId);
    exec(query);
}

void Ledger::setConfirmationNumber(qint64 voucherId, const QString &phone, const QString &confirmationNumber, qint64 now)
{
    QSqlQuery query(m_connection.database());
    query.prepare(QStringLiteral("UPDATE vouchers SET phone = ?, confirmation_number = ?, updated_at = ? WHERE id = ?"));
    query.addBindValue(text(phone));
    query.addBindValue(text(confirmationNumber));
    query.addBindValue(now);
    query.addBindValue(voucherId);
    exec(query);
    recomputeStatus(voucherId, now);
}

std::pair<VoucherStatus, VoucherStatus> Ledger::applyPaymentIntent(qint64 voucherId, const PaymentIntent &pi, qint64 now)
{
    const std::optional<VoucherRecord> before = voucher(voucherId);
    if (!before)
        return {VoucherStatus::NotIssued, VoucherStatus::NotIssued};
    QSqlQuery query(m_connection.database());
    QString sql = QStringLiteral("UPDATE vouchers SET payment_intent_id = ?, stripe_status = ?, amount = ?, updated_at = ?,"
                                 " had_payment_attempt = had_payment_attempt OR ?, last_error_code = ?");
    QVariantList values{pi.id, text(pi.status), pi.amount, now, !pi.lastPaymentErrorCode.isEmpty() || pi.voucher.has_value(),
                        text(pi.lastPaymentErrorCode)};
    if (pi.voucher) {
        sql += QStringLiteral(", voucher_expires_at = ?, hosted_voucher_url = ?, stores = ?, confirmation_number = ?");
        const QString number = pi.voucher->stores.isEmpty() ? QString() : pi.voucher->stores.first().confirmationNumber;
        values << pi.voucher->expiresAt << text(pi.voucher->hostedVoucherUrl) << storesToJson(pi.voucher->stores) << text(number);
    }
    if (pi.status == u"succeeded" && before->paidAt == 0) {
        sql += QStringLiteral(", paid_at = ?");
        values << now;
    }
    if (pi.status == u"canceled") {
        sql += QStringLiteral(", canceled_at = ?");
        values << (pi.canceledAt ? pi.canceledAt : now);
    }
    query.prepare(sql + QStringLiteral(" WHERE id = ?"));
    values << voucherId;
    for (const QVariant &value : values)
        query.addBindValue(value);
    exec(query);
    return {before->status, recomputeStatus(voucherId, now)};
}

VoucherStatus Ledger::recomputeStatus(qint64 voucherId, qint64 now)
{
    const std::optional<VoucherRecord> current = voucher(voucherId);
    if (!current)
        return VoucherStatus::NotIssued;
    QStringList refundStatuses;
    qint64 refunded = 0;
    for (const RefundRecord &refund : refundsOf(voucherId)) {
        if (refund.status == u"canceled")
            continue;
        refundStatuses.append(refund.status);
        if (refund.status != u"failed")
            refunded += refund.amount;
    }
    const VoucherStatus status = voucherStatusFrom(current->stripeStatus, current->hadPaymentAttempt, refundStatuses);
    QSqlQuery query(m_connection.database());
    query.prepare(QStringLiteral("UPDATE vouchers SET status = ?, amount_refunded = ?, updated_at = ?, search_text = %1 WHERE id = ?")
                      .arg(QLatin1String(kSearchTextExpression)));
    query.addBindValue(voucherStatusKey(status));
    query.addBindValue(refunded);
    query.addBindValue(now);
    query.addBindValue(voucherId);
    exec(query);
    return status;
}

std::pair<VoucherStatus, VoucherStatus> Ledger::upsertRefund(const RefundRecord &r, qint64 now)
{
    const std::optional<VoucherRecord> before = voucher(r.voucherId);
    QSqlQuery query(m_connection.database());
    query.prepare(QStringLiteral("INSERT INTO refunds (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET"
                                 " amount = excluded.amount, status = excluded.status, reason = excluded.reason,"
                                 " instructions_email = excluded.instructions_email, email_sent_at = excluded.email_sent_at,"
                                 " action_expires_at = excluded.action_expires_at, failure_reason = excluded.failure_reason,"
                                 " updated_at = excluded.updated_at").arg(QLatin1String(kRefundColumns)));
    for (const QVariant &value : QVariantList{r.id, r.voucherId, r.amount, text(r.status), text(r.reason), text(r.instructionsEmail),
                                              r.emailSentAt, r.actionExpiresAt, text(r.failureReason), r.createdAt, now})
        query.addBindValue(value);
    exec(query);
    return {before ? before->status : VoucherStatus::NotIssued, recomputeStatus(r.voucherId, now)};
}

std::optional<RefundRecord> Ledger::refund(const QString &id) const
{
    QSqlQuery query(m_connection.database());
    query.prepare(QStringLiteral("SELECT %1 FROM refunds WHERE id = ?").arg(QLatin1String(kRefundColumns)));
    query.addBindValue(id);
    if (exec(query) && query.next())
        return refundFrom(query);
    return std::nullopt;
}

QList<RefundRecord> Ledger::refundsOf(qint64 voucherId) const
{
    QSqlQuery query(m_connection.database());
    query.prepare(QStringLiteral("SELECT %1 FROM refunds WHERE voucher_id = ? ORDER BY created_at, id").arg(QLatin1String(kRefundColumns)));
    query.addBindValue(voucherId);
    QList<RefundRecord> found;
    if (exec(query)) {
        while (query.next())
            found.append(refundFrom(query));
    }
    return found;
}

QList<RefundRecord> Ledger::openRefunds() const
{
    QSqlQuery query(m_connection.database());
    query.prepare(QStringLiteral("SELECT %1 FROM refunds WHERE status IN ('requires_action', 'pending') ORDER BY created_at").arg(QLatin1String(kRefundColumns)));
    QList<RefundRecord> found;
    if (exec(query)) {
        while (query.next())
            found.append(refundFrom(query));
    }
    return found;
}

qint64 Ledger::beginOperation(const JournalEntry &entry)
{
    QSqlQuery query(m_connection.database());
    query.prepare(QStringLiteral("INSERT INTO journal (voucher_id, operation, idempotency_key, path, body, state, created_at, updated_at)"
                                 " VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)"));
    for (const QVariant &value : QVariantList{entry.voucherId, entry.operation, entry.idempotencyKey, entry.path,
                                              entry.body.isNull() ? QByteArray("") : entry.body, entry.createdAt, entry.createdAt})
        query.addBindValue(value);
    return exec(query) ? query.lastInsertId().toLongLong() : 0;
}

void Ledger::finishOperation(qint64 journalId, JournalEntry::State state, const QString &resultCode, qint64 now)
{
    QSqlQuery query(m_connection.database());
    query.prepare(QStringLiteral("UPDATE journal SET state = ?, result_code = ?, updated_at = ? WHERE id = ?"));
    query.addBindValue(stateName(state));
    query.addBindValue(text(resultCode));
    query.addBindValue(now);
    query.addBindValue(journalId);
    exec(query);
}

QList<JournalEntry> Ledger::unfinishedOperations() const
{
    QSqlQuery query(m_connection.database());
    query.prepare(QStringLiteral("SELECT id, voucher_id, operation, idempotency_key, path, body, state, result_code, created_at"
                                 " FROM journal WHERE state = 'pending' ORDER BY id"));
    QList<JournalEntry> found;
    if (exec(query)) {
        while (query.next())
            found.append(journalFrom(query));
    }
    return found;
}

void Ledger::failPendingOperations(qint64 voucherId, const QString &resultCode, qint64 now)
{
    QSqlQuery query(m_connection.database());
    query.prepare(QStringLiteral("UPDATE journal SET state = 'failed', result_code = ?, updated_at = ? WHERE voucher_id = ? AND state = 'pending'"));
    query.addBindValue(text(resultCode));
    query.addBindValue(now);
    query.addBindValue(voucherId);
    exec(query);
}

std::optional<JournalEntry> Ledger::operation(qint64 journalId) const
{
    QSqlQuery query(m_connection.database());
    query.prepare(QStringLiteral("SELECT id, voucher_id, operation, idempotency_key, path, body, state, result_code, created_at"
                                 " FROM journal WHERE id = ?"));
    query.addBindValue(journalId);
    if (exec(query) && query.next())
        return journalFrom(query);
    return std::nullopt;
}

QString Ledger::syncValue(const QString &key) const
{
    QSqlQuery query(m_connection.database());
    query.prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"));
    query.addBindValue(key);
    return exec(query) && query.next() ? query.value(0).toString() : QString();
}

void Ledger::setSyncValue(const QString &key, const QString &value)
{
    QSqlQuery query(m_connection.database());
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)"));
    query.addBindValue(key);
    query.addBindValue(text(value));
    exec(query);
}

bool Ledger::markEventProcessed(const QString &eventId, qint64 now)
{
    QSqlQuery query(m_connection.database());
    query.prepare(QStringLiteral("INSERT OR IGNORE INTO processed_events (id, processed_at) VALUES (?, ?)"));
    query.addBindValue(eventId);
    query.addBindValue(now);
    return exec(query) && query.numRowsAffected() == 1;
}

DayTotals &DayTotals::operator+=(const DayTotals &o)
{
    issuedCount += o.issuedCount;
    issuedYen += o.issuedYen;
    paidCount += o.paidCount;
    paidYen += o.paidYen;
    expiredCount += o.expiredCount;
    expiredYen += o.expiredYen;
    canceledCount += o.canceledCount;
    canceledYen += o.canceledYen;
    refundedCount += o.refundedCount;
    refundedYen += o.refundedYen;
    pendingCount += o.pendingCount;
    pendingYen += o.pendingYen;
    return *this;
}

namespace {

// Whether the trigram index should answer this search: it is fastest for rare terms; for a term
// in thousands of rows, LIKE along the date index finds a page of matches sooner.
constexpr int kSelectiveMatches = 5000;

QString ftsPhrase(const QString &text)
{
    QString digits;
    for (QChar c : text.normalized(QString::NormalizationForm_KC)) {
        if (c.isDigit())
            digits.append(c);
    }
    const auto phrase = [](QString term) { return u'"' + term.replace(u'"', QStringLiteral("\"\"")) + u'"'; };
    const bool phoneLike = digits.size() >= 3 && digits != text;
    return phoneLike ? phrase(text) + QStringLiteral(" OR ") + phrase(digits) : phrase(text);
}

QString whereClause(const VoucherQuery &q, QVariantList &values, bool useSearchIndex)
{
    QStringList conditions{QStringLiteral("1")};
    if (!q.statuses.isEmpty()) {
        QStringList marks;
        for (VoucherStatus status : q.statuses) {
            marks.append(QStringLiteral("?"));
            values.append(voucherStatusKey(status));
        }
        conditions.append(QStringLiteral("status IN (%1)").arg(marks.join(u',')));
    }
    const QString text = q.text.trimmed().toLower();
    if (!text.isEmpty()) {
        // "090-1234" also finds the confirmation number 0901234…
        QString digits;
        for (QChar c : text.normalized(QString::NormalizationForm_KC)) {
            if (c.isDigit())
                digits.append(c);
        }
        const bool phoneLike = digits.size() >= 3 && digits != text;
        if (useSearchIndex) {
            // The trigram index finds substrings; each term is one quoted phrase.
            conditions.append(QStringLiteral("id IN (SELECT rowid FROM voucher_search WHERE voucher_search MATCH ?)"));
            values.append(ftsPhrase(text));
        } else {
            // search_text and the query are both lowered, so a plain substring test will do; it
            // is cheaper than LIKE (no pattern to interpret, nothing to escape).
            conditions.append(phoneLike ? QStringLiteral("(instr(search_text, ?) > 0 OR instr(search_text, ?) > 0)")
                                        : QStringLiteral("instr(search_text, ?) > 0"));
            values.append(text);
            if (phoneLike)
                values.append(digits);
        }
    }
    if (q.createdFrom > 0) {
        conditions.append(QStringLiteral("created_at >= ?"));
        values.append(q.createdFrom);
    }
    if (q.createdUntil > 0) {
        conditions.append(QStringLiteral("created_at < ?"));
        values.append(q.createdUntil);
    }
    return conditions.join(QStringLiteral(" AND "));
}

QString orderClause(const VoucherQuery &q)
{
    static const char *const columns[] = {"created_at", "amount", "customer_name", "confirmation_number", "voucher_expires_at", "status", "terminal"};
    const QString direction = q.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    return QStringLiteral("%1 %2, id %2").arg(QLatin1String(columns[int(q.sort)]), direction);
}

} // namespace

bool Ledger::searchIsSelective(const QString &text) const
{
    const QString lowered = text.trimmed().toLower();
    if (lowered.size() < 3)
        return false; // trigrams need three characters
    QSqlQuery query(m_connection.database());
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM voucher_search WHERE voucher_search MATCH ? LIMIT %1)").arg(kSelectiveMatches));
    query.addBindValue(ftsPhrase(lowered));
    return exec(query) && query.next() && query.value(0).toInt() < kSelectiveMatches;
}

QList<VoucherRecord> Ledger::queryVouchers(const VoucherQuery &q, int offset, int limit) const
{
    QVariantList values;
    const QString where = whereClause(q, values, searchIsSelective(q.text));
    values << limit << offset;
    return selectVouchers(QStringLiteral("%1 ORDER BY %2 LIMIT ? OFFSET ?").arg(where, orderClause(q)), values);
}

qint64 Ledger::countVouchers(const VoucherQuery &q) const
{
    QVariantList values;
    const QString where = whereClause(q, values, searchIsSelective(q.text));
    QSqlQuery query(m_connection.database());
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM vouchers WHERE %1").arg(where));
    for (const QVariant &value : values)
        query.addBindValue(value);
    return exec(query) && query.next() ? query.value(0).toLongLong() : 0;
}

QList<DayTotals> Ledger::dayTotals(QDate jstDay) const
{
    const qint64 start = QDateTime(jstDay, QTime(0, 0), Qt::UTC).toSecsSinceEpoch() - KonbiniRules::kJstOffsetSeconds;
    const qint64 end = start + 24 * 3600;
    QMap<QString, DayTotals> byTerminal;
    const auto collect = [&](const QString &sql, qint64 DayTotals::*count, qint64 DayTotals::*yen, const QVariantList &values) {
        QSqlQuery query(m_connection.database());
        query.prepare(sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!exec(query))
            return;
        while (query.next()) {
            DayTotals &totals = byTerminal[query.value(0).toString()];
            totals.terminal = query.value(0).toString();
            totals.*count += query.value(1).toLongLong();
            totals.*yen += query.value(2).toLongLong();
        }
    };
    const QString grouped = QStringLiteral("SELECT terminal, COUNT(*), COALESCE(SUM(amount), 0) FROM vouchers WHERE %1 GROUP BY terminal");
    collect(grouped.arg(QStringLiteral("voucher_expires_at > 0 AND created_at >= ? AND created_at < ?")),
            &DayTotals::issuedCount, &DayTotals::issuedYen, {start, end});
    collect(grouped.arg(QStringLiteral("paid_at >= ? AND paid_at < ?")), &DayTotals::paidCount, &DayTotals::paidYen, {start, end});
    collect(grouped.arg(QStringLiteral("status = 'expired' AND voucher_expires_at >= ? AND voucher_expires_at < ?")),
            &DayTotals::expiredCount, &DayTotals::expiredYen, {start, end});
    collect(grouped.arg(QStringLiteral("canceled_at >= ? AND canceled_at < ?")), &DayTotals::canceledCount, &DayTotals::canceledYen, {start, end});
    collect(grouped.arg(QStringLiteral("status = 'pending' AND created_at < ?")), &DayTotals::pendingCount, &DayTotals::pendingYen, {end});
    collect(QStringLiteral("SELECT v.terminal, COUNT(*), COALESCE(SUM(r.amount), 0) FROM refunds r JOIN vouchers v ON v.id = r.voucher_id"
                           " WHERE r.status = 'succeeded' AND r.updated_at >= ? AND r.updated_at < ? GROUP BY v.terminal"),
            &DayTotals::refundedCount, &DayTotals::refundedYen, {start, end});
    return byTerminal.values();
}

void Ledger::insertVouchers(const QList<VoucherRecord> &vouchers)
{
    QSqlDatabase db = m_connection.database();
    db.transaction();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO vouchers (order_ref, store, terminal, payment_intent_id, amount, product_description, customer_name,"
                                 " email, phone, confirmation_number, stripe_status, status, had_payment_attempt, voucher_expires_at,"
                                 " hosted_voucher_url, stores, created_at, updated_at, paid_at, canceled_at, search_text)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')"));
    for (const VoucherRecord &v : vouchers) {
        for (const QVariant &value : QVariantList{text(v.orderRef), text(v.store), text(v.terminal),
                                                  v.paymentIntentId.isEmpty() ? QVariant() : QVariant(v.paymentIntentId), v.amountYen,
                                                  text(v.productDescription), text(v.customerName), text(v.email), text(v.phone),
                                                  text(v.confirmationNumber), text(v.stripeStatus), voucherStatusKey(v.status),
                                                  v.hadPaymentAttempt, v.voucherExpiresAt, text(v.hostedVoucherUrl), storesToJson(v.stores),
                                                  v.createdAt, v.createdAt, v.paidAt, v.canceledAt})
            query.addBindValue(value);
        exec(query);
    }
    QSqlQuery(db).exec(QStringLiteral("UPDATE vouchers SET search_text = %1 WHERE search_text = ''").arg(QLatin1String(kSearchTextExpression)));
    db.commit();
}

} // namespace konbini
