#include "LedgerDatabase.h"

#include "SearchFolding.h"

#include <QSqlDriver>

#include <sqlite3.h>

#include "LedgerLogging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>


namespace konbini {
namespace {

// What the merchant's search box looks through, lowered: schema 2 and 3 (migration 2 uses it).
const char *const kSearchTextExpressionLowered =
    "lower(customer_name || ' ' || email || ' ' || phone || ' ' || confirmation_number || ' ' || "
    "ifnull(payment_intent_id, '') || ' ' || "
    "ifnull((SELECT group_concat(json_extract(value, '$.payment_code'), ' ') FROM json_each(stores)), ''))";
// From schema 4: folded (SearchFolding: widths, kana and case), as the query is.
const char *const kSearchTextExpression =
    "konbini_fold(customer_name || ' ' || email || ' ' || phone || ' ' || confirmation_number || ' ' || "
    "ifnull(payment_intent_id, '') || ' ' || "
    "ifnull((SELECT group_concat(json_extract(value, '$.payment_code'), ' ') FROM json_each(stores)), ''))";

// konbini_fold(text) for SQL: foldForSearch.
void foldFunction(sqlite3_context *context, int, sqlite3_value **arguments)
{
    const auto *utf16 = static_cast<const char16_t *>(sqlite3_value_text16(arguments[0]));
    if (!utf16) {
        sqlite3_result_null(context);
        return;
    }
    const QString folded =
        foldForSearch(QString::fromUtf16(utf16, sqlite3_value_bytes16(arguments[0]) / qsizetype(sizeof(char16_t))));
    sqlite3_result_text16(context, folded.utf16(), int(folded.size() * qsizetype(sizeof(char16_t))), SQLITE_TRANSIENT);
}

// The ledger's connection comes from QtSql; Debian's QSQLITE driver uses the system SQLite, the
// library this code links, so its handle takes the function.
bool registerFoldFunction(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return false;
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.data());
    return connection
        && sqlite3_create_function_v2(connection, "konbini_fold", 1, SQLITE_UTF16 | SQLITE_DETERMINISTIC, nullptr,
                                      foldFunction, nullptr, nullptr, nullptr)
        == SQLITE_OK;
}

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
        QStringLiteral("UPDATE vouchers SET search_text = %1").arg(QLatin1String(kSearchTextExpressionLowered)),
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
        QStringLiteral("CREATE VIRTUAL TABLE voucher_search USING fts5(search_text, content='vouchers', "
                       "content_rowid='id', tokenize='trigram')"),
        QStringLiteral("CREATE TRIGGER vouchers_search_insert AFTER INSERT ON vouchers BEGIN"
                       " INSERT INTO voucher_search(rowid, search_text) VALUES (new.id, new.search_text); END"),
        QStringLiteral("CREATE TRIGGER vouchers_search_delete AFTER DELETE ON vouchers BEGIN"
                       " INSERT INTO voucher_search(voucher_search, rowid, search_text) VALUES ('delete', old.id, "
                       "old.search_text); END"),
        QStringLiteral("CREATE TRIGGER vouchers_search_update AFTER UPDATE OF search_text ON vouchers WHEN "
                       "old.search_text <> new.search_text BEGIN"
                       " INSERT INTO voucher_search(voucher_search, rowid, search_text) VALUES ('delete', old.id, "
                       "old.search_text);"
                       " INSERT INTO voucher_search(rowid, search_text) VALUES (new.id, new.search_text); END"),
        QStringLiteral("INSERT INTO voucher_search(voucher_search) VALUES ('rebuild')"),
    },
    {
        // The journal holds the prepared request whole: every entry so far was a POST.
        QStringLiteral("ALTER TABLE journal ADD COLUMN method TEXT NOT NULL DEFAULT 'POST'"),
    },
    {
        // Search ignores full/half width and hiragana/katakana: the stored text is folded anew
        // (the trigger keeps the trigram index in step).
        QStringLiteral("UPDATE vouchers SET search_text = %1").arg(QLatin1String(kSearchTextExpression)),
    },
    {
        // A search for a common term (or one of one or two characters, which trigrams cannot
        // answer) scans in date order: from an index that holds the text, it reads no table rows
        // until one matches. It serves everything the date index did.
        QStringLiteral("CREATE INDEX vouchers_created_search ON vouchers(created_at, id, search_text)"),
        QStringLiteral("DROP INDEX vouchers_created"),
    },
    {
        // The paid details: where (chain) and when the customer paid, Stripe's fee, the net and
        // when the funds can be paid out; fee and net stay NULL while unknown.
        QStringLiteral("ALTER TABLE vouchers ADD COLUMN paid_chain TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE vouchers ADD COLUMN fee INTEGER"),
        QStringLiteral("ALTER TABLE vouchers ADD COLUMN net INTEGER"),
        QStringLiteral("ALTER TABLE vouchers ADD COLUMN funds_available_at INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE vouchers ADD COLUMN paid_details_read INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("CREATE INDEX vouchers_paid_details_waiting ON vouchers(paid_at) "
                       "WHERE paid_at > 0 AND paid_details_read = 0"),
    },
    {
        // Who at the till did it: the clerk signed in when the voucher was issued or the refund sent.
        QStringLiteral("ALTER TABLE vouchers ADD COLUMN clerk TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE refunds ADD COLUMN clerk TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("CREATE INDEX vouchers_clerk ON vouchers(clerk, created_at)"),
        // Customers' data kept only as long as needed: when name, e-mail and phone were erased, and
        // an erasure the customer asked for while the voucher was still open (done once it closes).
        QStringLiteral("ALTER TABLE vouchers ADD COLUMN personal_data_erased_at INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE vouchers ADD COLUMN erase_when_closed INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("CREATE INDEX vouchers_personal_data_kept ON vouchers(status, updated_at) "
                       "WHERE personal_data_erased_at = 0"),
        // A customer seen before at this terminal (returning customers, opt-in).
        QStringLiteral("CREATE INDEX vouchers_returning_email ON vouchers(terminal, email COLLATE NOCASE) "
                       "WHERE email <> ''"),
        QStringLiteral("CREATE INDEX vouchers_returning_phone ON vouchers(terminal, confirmation_number) "
                       "WHERE confirmation_number <> ''"),
        // The clerks: a name and a PIN kept only as a salted PBKDF2 hash; one of them may be the owner.
        QStringLiteral("CREATE TABLE clerks ("
                       " id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, is_owner INTEGER NOT NULL DEFAULT 0,"
                       " pin_salt BLOB NOT NULL, pin_hash BLOB NOT NULL, pin_iterations INTEGER NOT NULL,"
                       " active INTEGER NOT NULL DEFAULT 1, created_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE UNIQUE INDEX clerks_one_owner ON clerks(is_owner) WHERE is_owner = 1 AND active = 1"),
        QStringLiteral("CREATE TABLE till_policy (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        // Who did what, when, to which voucher, with what result: rows are only ever added.
        QStringLiteral("CREATE TABLE audit_log ("
                       " id INTEGER PRIMARY KEY, at INTEGER NOT NULL, clerk TEXT NOT NULL, action TEXT NOT NULL,"
                       " voucher_id INTEGER NOT NULL DEFAULT 0, order_ref TEXT NOT NULL DEFAULT '',"
                       " amount INTEGER NOT NULL DEFAULT 0, result TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE INDEX audit_log_at ON audit_log(at)"),
        QStringLiteral("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN"
                       " SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
        QStringLiteral("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN"
                       " SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
    },
};

LedgerError errorOf(LedgerError::Kind kind, const QSqlError &error)
{
    return LedgerError{kind, error.text()};
}

} // namespace

const char *LedgerDatabase::searchTextExpression()
{
    return kSearchTextExpression;
}

LedgerDatabase::LedgerDatabase(QString path) : m_path(std::move(path)), m_connection(QStringLiteral("ledger"))
{
}

QVariant LedgerDatabase::text(const QString &value)
{
    return value.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(value);
}

LedgerStatus LedgerDatabase::open()
{
    // The file and SQLite's -wal and -shm beside it hold customers' data: SqliteConnection creates
    // them owner-only from their first byte.
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QString error;
    if (!m_connection.open(m_path,
                           {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=FULL"),
                            QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA busy_timeout=5000"),
                            // Erased customers' data does not linger in freed pages.
                            QStringLiteral("PRAGMA secure_delete=ON"),
                            // WalCheckpointer does it, off the window's thread.
                            QStringLiteral("PRAGMA wal_autocheckpoint=0")},
                           error))
        return LedgerError{LedgerError::Kind::Open, error};
    if (!registerFoldFunction(database()))
        return LedgerError{LedgerError::Kind::Open, QStringLiteral("cannot register the search folding function")};
    LedgerStatus migrated = migrate();
    if (migrated)
        m_checkpointer = std::make_unique<WalCheckpointer>(m_path);
    return migrated;
}

LedgerStatus LedgerDatabase::migrate()
{
    const int from = schemaVersion();
    if (from > kSchemaVersion) {
        return LedgerError{
            LedgerError::Kind::NewerSchema,
            QStringLiteral("The ledger was written by a newer Konbini POS (schema %1, this version knows %2).")
                .arg(from)
                .arg(kSchemaVersion)};
    }
    for (int version = from; version < kSchemaVersion; ++version) {
        const LedgerStatus migrated = transaction([&]() -> LedgerStatus {
            for (const QString &statement : kMigrations.at(version)) {
                if (const auto ran = run(statement); !ran)
                    return ran.error();
            }
            if (const auto ran = run(QStringLiteral("PRAGMA user_version=%1").arg(version + 1)); !ran)
                return ran.error();
            return {};
        });
        if (!migrated)
            return LedgerError{LedgerError::Kind::Open, migrated.error().message};
        qCInfo(lcLedger) << "ledger schema migrated to" << version + 1;
    }
    return {};
}

int LedgerDatabase::schemaVersion() const
{
    LedgerResult<QSqlQuery> query = run(QStringLiteral("PRAGMA user_version"));
    if (!query)
        return -1;
    QSqlQuery &rows = query.value();
    return rows.next() ? rows.value(0).toInt() : -1;
}

LedgerResult<QSqlQuery> LedgerDatabase::run(const QString &sql, const QVariantList &values) const
{
    QSqlQuery query(m_connection.database());
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        qCWarning(lcLedger) << "SQL failed:" << query.lastError().text();
        return errorOf(LedgerError::Kind::Write, query.lastError());
    }
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        qCWarning(lcLedger) << "SQL failed:" << query.lastError().text();
        return errorOf(LedgerError::Kind::Write, query.lastError());
    }
    return query;
}

LedgerStatus LedgerDatabase::runBatch(const QString &sql, const QList<QVariantList> &rows)
{
    return transaction([&]() -> LedgerStatus {
        QSqlQuery query(m_connection.database());
        if (!query.prepare(sql))
            return errorOf(LedgerError::Kind::Write, query.lastError());
        for (const QVariantList &values : rows) {
            for (const QVariant &value : values)
                query.addBindValue(value);
            if (!query.exec()) {
                qCWarning(lcLedger) << "SQL failed:" << query.lastError().text();
                return errorOf(LedgerError::Kind::Write, query.lastError());
            }
        }
        return {};
    });
}

LedgerStatus LedgerDatabase::transaction(const std::function<LedgerStatus()> &work)
{
    const QString savepoint = QStringLiteral("ledger_%1").arg(m_transactionDepth);
    if (const auto begun = run(QStringLiteral("SAVEPOINT %1").arg(savepoint)); !begun)
        return begun.error();
    ++m_transactionDepth;
    const LedgerStatus result = work();
    --m_transactionDepth;
    if (result) {
        const LedgerResult<QSqlQuery> released = run(QStringLiteral("RELEASE %1").arg(savepoint));
        if (released)
            return {};
        if (m_transactionDepth == 0) // the outermost commit failed: undo everything, as if it had never begun
            run(QStringLiteral("ROLLBACK"));
        return released.error();
    }
    // SQLite may already have rolled the whole transaction back itself (disk full, I/O error):
    // then ROLLBACK TO fails and a plain ROLLBACK is what is left to do.
    if (!run(QStringLiteral("ROLLBACK TO %1").arg(savepoint)) || !run(QStringLiteral("RELEASE %1").arg(savepoint)))
        run(QStringLiteral("ROLLBACK"));
    return result;
}

} // namespace konbini
