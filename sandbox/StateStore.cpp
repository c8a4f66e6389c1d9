#include "StateStore.h"

#include "CompactJson.h"

#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QLoggingCategory>

#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcStateStore, "konbini.sandbox.state")

namespace konbini::sandbox {

class StateStore::Statement
{
public:
    Statement(sqlite3 *db, const char *sql)
    {
        if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr) != SQLITE_OK)
            qCCritical(lcStateStore) << "cannot prepare" << sql << sqlite3_errmsg(db);
    }
    ~Statement() { sqlite3_finalize(m_statement); }

    Statement &bind(int index, qint64 value)
    {
        sqlite3_bind_int64(m_statement, index, value);
        return *this;
    }
    // Text and blobs are held (shared, not copied) until reset: SQLite reads them in place.
    Statement &bind(int index, const QByteArray &value)
    {
        const QByteArray &held = m_held.emplace_back(value);
        sqlite3_bind_blob64(m_statement, index, held.constData(), sqlite3_uint64(held.size()), SQLITE_STATIC);
        return *this;
    }
    Statement &bind(int index, const QString &value)
    {
        const QByteArray &held = m_held.emplace_back(value.toUtf8());
        sqlite3_bind_text64(m_statement, index, held.constData(), sqlite3_uint64(held.size()), SQLITE_STATIC,
                            SQLITE_UTF8);
        return *this;
    }
    Statement &bindTextOrNull(int index, const QString &value)
    {
        if (value.isEmpty())
            sqlite3_bind_null(m_statement, index);
        else
            bind(index, value);
        return *this;
    }
    // True while there is a row.
    bool step()
    {
        const int result = sqlite3_step(m_statement);
        if (result != SQLITE_ROW && result != SQLITE_DONE)
            qCWarning(lcStateStore) << "step failed:" << sqlite3_errmsg(sqlite3_db_handle(m_statement));
        return result == SQLITE_ROW;
    }
    void reset()
    {
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
        m_held.clear();
    }
    qint64 integer(int column) const { return sqlite3_column_int64(m_statement, column); }
    bool isNull(int column) const { return sqlite3_column_type(m_statement, column) == SQLITE_NULL; }
    QByteArray bytes(int column) const
    {
        const void *data = sqlite3_column_blob(m_statement, column);
        return QByteArray(static_cast<const char *>(data), sqlite3_column_bytes(m_statement, column));
    }
    QString text(int column) const
    {
        const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        return QString::fromUtf8(data, sqlite3_column_bytes(m_statement, column));
    }

private:
    sqlite3_stmt *m_statement = nullptr;
    std::deque<QByteArray> m_held; // a deque: elements stay where they are as more are bound
};

namespace {

// Resets a statement when the scope ends, so it never holds a read lock or old bindings.
template <typename S>
struct Resetting {
    S &statement;
    ~Resetting() { statement.reset(); }
};

QJsonObject parsed(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

QByteArray compact(const QJsonObject &object)
{
    return compactJson(object);
}

constexpr int kSchemaVersion = 2;

} // namespace

StateStore::StateStore() = default;

StateStore::~StateStore()
{
    m_statements.clear();
    sqlite3_close(m_db);
}

bool StateStore::open(const QString &path, QString &error)
{
    if (!path.isEmpty()) {
        // Owner-only from its first byte, whatever the umask (the state holds customers' details).
        const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0) {
            error = QStringLiteral("Cannot create %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
        ::fchmod(fd, 0600);
        ::close(fd);
    }
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr)
        != SQLITE_OK) {
        error = QString::fromUtf8(sqlite3_errmsg(m_db));
        return false;
    }
    sqlite3_busy_timeout(m_db, 2000);
    // One process owns the state: an exclusive lock keeps SQLite's page cache valid from one
    // transaction to the next (no re-reading pages, no lock calls per request).
    const char *pragmas = path.isEmpty()
        ? "PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-8192;"
        : "PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
    // Nothing survives the temporary database, so its requests share transactions.
    m_requestsPerTransaction = path.isEmpty() ? 256 : 1;
    if (!exec(pragmas, &error))
        return false;
    const int version = userVersion();
    if (version > kSchemaVersion) {
        error = QStringLiteral("%1 was written by a newer sandbox (schema %2)").arg(path).arg(version);
        return false;
    }
    if (version == 0 && !exec("SELECT 1 FROM records LIMIT 0")) {
        // A new file.
        return createSchema(error);
    }
    if (version == 0)
        return migrateFromSchema1(error);
    return true;
}

bool StateStore::exec(const char *sql, QString *error)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    if (error)
        *error = QString::fromUtf8(message);
    sqlite3_free(message);
    return false;
}

int StateStore::userVersion()
{
    Statement &query = statement("PRAGMA user_version");
    Resetting<Statement> done{query};
    return query.step() ? int(query.integer(0)) : 0;
}

bool StateStore::createSchema(QString &error)
{
    return exec("BEGIN;"
                "CREATE TABLE records (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, object TEXT NOT NULL, "
                "  hidden TEXT NOT NULL, kind TEXT NOT NULL DEFAULT '', created INTEGER NOT NULL DEFAULT 0, "
                "  versions INTEGER NOT NULL DEFAULT 0, voucher_token TEXT);"
                "CREATE TABLE answers (key TEXT PRIMARY KEY, operation TEXT NOT NULL, fingerprint BLOB NOT NULL, "
                "  status INTEGER NOT NULL, body BLOB NOT NULL, created INTEGER NOT NULL);"
                "CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);"
                "CREATE TABLE events (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, "
                "  created INTEGER NOT NULL, api_version TEXT NOT NULL, object_id TEXT NOT NULL, "
                "  version INTEGER NOT NULL, previous_attributes TEXT, request_id TEXT, idempotency_key TEXT);"
                "CREATE TABLE versions (object_id TEXT NOT NULL, version INTEGER NOT NULL, json TEXT NOT NULL, "
                "  PRIMARY KEY (object_id, version));"
                "CREATE TABLE schedule (due_at INTEGER NOT NULL, id TEXT NOT NULL);"
                "CREATE INDEX records_by_kind ON records (kind, seq);"
              "CREATE UNIQUE INDEX records_by_seq ON records (seq);"
                "CREATE INDEX records_by_voucher_token ON records (voucher_token) WHERE voucher_token IS NOT NULL;"
                "CREATE INDEX schedule_by_due ON schedule (due_at);"
                "PRAGMA user_version=2;"
                "COMMIT;",
                &error);
}

// Schema 1 kept each event as a whole JSON copy and rebuilt the voucher tokens and due
// transitions from every record at each start. Everything is carried over in one transaction.
bool StateStore::migrateFromSchema1(QString &error)
{
    if (!exec("BEGIN;"
              "ALTER TABLE records ADD COLUMN kind TEXT NOT NULL DEFAULT '';"
              "ALTER TABLE records ADD COLUMN created INTEGER NOT NULL DEFAULT 0;"
              "ALTER TABLE records ADD COLUMN versions INTEGER NOT NULL DEFAULT 0;"
              "ALTER TABLE records ADD COLUMN voucher_token TEXT;"
              "ALTER TABLE events RENAME TO events_schema1;"
              "CREATE TABLE events (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, "
              "  created INTEGER NOT NULL, api_version TEXT NOT NULL, object_id TEXT NOT NULL, "
              "  version INTEGER NOT NULL, previous_attributes TEXT, request_id TEXT, idempotency_key TEXT);"
              "CREATE TABLE versions (object_id TEXT NOT NULL, version INTEGER NOT NULL, json TEXT NOT NULL, "
              "  PRIMARY KEY (object_id, version));"
              "CREATE TABLE schedule (due_at INTEGER NOT NULL, id TEXT NOT NULL);",
              &error)) {
        exec("ROLLBACK");
        return false;
    }
    m_inTransaction = true;
    QHash<QString, qint64> versions;
    {
        Statement read(m_db, "SELECT json FROM events_schema1 ORDER BY seq");
        while (read.step()) {
            const QJsonObject event = parsed(read.bytes(0));
            const QJsonObject data = event.value(QStringLiteral("data")).toObject();
            const QJsonObject object = data.value(QStringLiteral("object")).toObject();
            const QJsonObject request = event.value(QStringLiteral("request")).toObject();
            StoredEvent stored;
            stored.id = event.value(QStringLiteral("id")).toString();
            stored.type = event.value(QStringLiteral("type")).toString();
            stored.created = event.value(QStringLiteral("created")).toInteger();
            stored.apiVersion = event.value(QStringLiteral("api_version")).toString().toLatin1();
            stored.objectId = object.value(QStringLiteral("id")).toString();
            stored.version = ++versions[stored.objectId];
            if (data.contains(QStringLiteral("previous_attributes")))
                stored.previousAttributes = compact(data.value(QStringLiteral("previous_attributes")).toObject());
            stored.requestId = request.value(QStringLiteral("id")).toString();
            stored.idempotencyKey = request.value(QStringLiteral("idempotency_key")).toString();
            writeVersion(stored.objectId, stored.version, compact(object));
            writeEvent(stored);
        }
    }
    QList<StoredRecord> records; // read whole first: rewriting rows under a scan could visit them twice
    {
        Statement read(m_db, "SELECT id, seq, object, hidden FROM records");
        while (read.step()) {
            StoredRecord record;
            record.id = read.text(0);
            record.sequence = read.integer(1);
            record.object = read.bytes(2);
            record.hidden = read.bytes(3);
            records.append(std::move(record));
        }
    }
    {
        for (StoredRecord &record : records) {
            record.versions = versions.value(record.id);
            const QJsonObject object = parsed(record.object);
            const QJsonObject hidden = parsed(record.hidden);
            record.created = object.value(QStringLiteral("created")).toInteger();
            const bool openVoucher = record.id.startsWith(u"pi_")
                && object.value(QStringLiteral("status")).toString() == u"requires_action";
            if (openVoucher)
                record.voucherToken = hidden.value(QStringLiteral("voucher_token")).toString();
            // The transitions schema 1 scheduled at start (PaymentIntents and Refunds::restored).
            const QStringList dueKeys = record.id.startsWith(u"pi_")
                ? (openVoucher ? QStringList{QStringLiteral("succeed_at"), QStringLiteral("fail_at")} : QStringList{})
                : record.id.startsWith(u"re_") ? QStringList{QStringLiteral("fail_at"), QStringLiteral("settle_at")}
                                               : QStringList{};
            for (const QString &key : dueKeys) {
                if (hidden.contains(key))
                    schedule(hidden.value(key).toInteger(), record.id);
            }
            writeRecord(record);
        }
    }
    m_inTransaction = false;
    if (!exec("DROP TABLE events_schema1;"
              "CREATE INDEX records_by_kind ON records (kind, seq);"
              "CREATE UNIQUE INDEX records_by_seq ON records (seq);"
              "CREATE INDEX records_by_voucher_token ON records (voucher_token) WHERE voucher_token IS NOT NULL;"
              "CREATE INDEX schedule_by_due ON schedule (due_at);"
              "PRAGMA user_version=2;"
              "COMMIT;",
              &error)) {
        exec("ROLLBACK");
        return false;
    }
    return true;
}

StateStore::Statement &StateStore::statement(const char *sql)
{
    for (auto &[text, prepared] : m_statements) {
        if (text == sql)
            return *prepared;
    }
    m_statements.emplace_back(sql, std::make_unique<Statement>(m_db, sql));
    return *m_statements.back().second;
}

bool StateStore::begin()
{
    if (m_inTransaction)
        return true;
    m_inTransaction = exec("BEGIN");
    return m_inTransaction;
}

bool StateStore::commit()
{
    if (!m_inTransaction)
        return true;
    if (++m_uncommittedRequests < m_requestsPerTransaction)
        return true;
    m_uncommittedRequests = 0;
    m_inTransaction = false;
    QString error;
    if (exec("COMMIT", &error))
        return true;
    qCWarning(lcStateStore) << "commit failed:" << error;
    exec("ROLLBACK");
    return false;
}

std::optional<StoredRecord> StateStore::record(const QString &id)
{
    Statement &query =
        statement("SELECT seq, created, object, hidden, versions, voucher_token FROM records WHERE id = ?");
    Resetting<Statement> done{query};
    query.bind(1, id);
    if (!query.step())
        return std::nullopt;
    StoredRecord record;
    record.id = id;
    record.sequence = query.integer(0);
    record.created = query.integer(1);
    record.object = query.bytes(2);
    record.hidden = query.bytes(3);
    record.versions = query.integer(4);
    if (!query.isNull(5))
        record.voucherToken = query.text(5);
    return record;
}

void StateStore::writeRecord(const StoredRecord &record)
{
    Statement &write = statement("INSERT OR REPLACE INTO records (id, seq, kind, created, object, hidden, versions, "
                                 "voucher_token) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    Resetting<Statement> done{write};
    write.bind(1, record.id)
        .bind(2, record.sequence)
        .bind(3, record.id.left(record.id.indexOf(u'_')))
        .bind(4, record.created)
        .bind(5, record.object)
        .bind(6, record.hidden)
        .bind(7, record.versions)
        .bindTextOrNull(8, record.voucherToken);
    write.step();
}

bool StateStore::updateRecord(const StoredRecord &record)
{
    Statement &update = statement(
        "UPDATE records SET created = ?, object = ?, hidden = ?, versions = ?, voucher_token = ? WHERE id = ?");
    Resetting<Statement> done{update};
    update.bind(1, record.created)
        .bind(2, record.object)
        .bind(3, record.hidden)
        .bind(4, record.versions)
        .bindTextOrNull(5, record.voucherToken)
        .bind(6, record.id);
    update.step();
    return sqlite3_changes(m_db) == 1;
}

qint64 StateStore::lastSequence()
{
    Statement &query = statement("SELECT COALESCE(MAX(seq), 0) FROM records");
    Resetting<Statement> done{query};
    return query.step() ? query.integer(0) : 0;
}

std::optional<qint64> StateStore::recordSequence(const QString &kind, const QString &id)
{
    Statement &query = statement("SELECT seq FROM records WHERE id = ? AND kind = ?");
    Resetting<Statement> done{query};
    query.bind(1, id).bind(2, kind);
    if (!query.step())
        return std::nullopt;
    return query.integer(0);
}

void StateStore::scanRecords(const QString &kind, ScanDirection direction, qint64 position, qint64 createdMin,
                             qint64 createdMax, const std::function<bool(const QByteArray &)> &visit)
{
    // Separate statements: a visitor may read single records meanwhile (expand).
    Statement &query = direction == ScanDirection::OlderThan
        ? statement("SELECT object FROM records WHERE kind = ? AND seq < ? AND created BETWEEN ? AND ? "
                    "ORDER BY seq DESC")
        : statement("SELECT object FROM records WHERE kind = ? AND seq > ? AND created BETWEEN ? AND ? "
                    "ORDER BY seq ASC");
    Resetting<Statement> done{query};
    query.bind(1, kind).bind(2, position).bind(3, createdMin).bind(4, createdMax);
    while (query.step()) {
        if (!visit(query.bytes(0)))
            return;
    }
}

template <typename Read>
auto StateStore::lookUp(const char *sql, const QString &key, Read read) -> std::optional<decltype(read(std::declval<Statement &>()))>
{
    Statement &query = statement(sql);
    Resetting<Statement> done{query};
    query.bind(1, key);
    if (!query.step())
        return std::nullopt;
    return read(query);
}

std::optional<QString> StateStore::recordWithVoucherToken(const QString &token)
{
    return lookUp("SELECT id FROM records WHERE voucher_token = ?", token,
                  [](const Statement &row) { return row.text(0); });
}

void StateStore::writeVersion(const QString &objectId, qint64 version, const QByteArray &json)
{
    Statement &write = statement("INSERT OR REPLACE INTO versions (object_id, version, json) VALUES (?, ?, ?)");
    Resetting<Statement> done{write};
    write.bind(1, objectId).bind(2, version).bind(3, json);
    write.step();
}

QByteArray StateStore::version(const QString &objectId, qint64 version)
{
    Statement &query = statement("SELECT json FROM versions WHERE object_id = ? AND version = ?");
    Resetting<Statement> done{query};
    query.bind(1, objectId).bind(2, version);
    return query.step() ? query.bytes(0) : QByteArray();
}

void StateStore::writeEvent(const StoredEvent &event)
{
    Statement &write =
        statement("INSERT INTO events (id, type, created, api_version, object_id, version, previous_attributes, "
                  "request_id, idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    Resetting<Statement> done{write};
    write.bind(1, event.id)
        .bind(2, event.type)
        .bind(3, event.created)
        .bind(4, event.apiVersion)
        .bind(5, event.objectId)
        .bind(6, event.version);
    if (!event.previousAttributes.isEmpty())
        write.bind(7, event.previousAttributes);
    write.bindTextOrNull(8, event.requestId).bindTextOrNull(9, event.idempotencyKey);
    write.step();
}

namespace {

template <typename S>
StoredEvent eventFromRow(const S &row)
{
    StoredEvent event;
    event.id = row.text(0);
    event.type = row.text(1);
    event.created = row.integer(2);
    event.apiVersion = row.bytes(3);
    event.objectId = row.text(4);
    event.version = row.integer(5);
    event.previousAttributes = row.bytes(6);
    if (!row.isNull(7))
        event.requestId = row.text(7);
    if (!row.isNull(8))
        event.idempotencyKey = row.text(8);
    return event;
}

} // namespace

std::optional<StoredEvent> StateStore::event(const QString &id)
{
    return lookUp("SELECT id, type, created, api_version, object_id, version, previous_attributes, request_id, "
                  "idempotency_key FROM events WHERE id = ?",
                  id, [](const Statement &row) { return eventFromRow(row); });
}

std::optional<qint64> StateStore::eventSequence(const QString &id)
{
    return lookUp("SELECT seq FROM events WHERE id = ?", id, [](const Statement &row) { return row.integer(0); });
}

void StateStore::scanEvents(ScanDirection direction, qint64 position, qint64 createdMin, qint64 createdMax,
                            const std::function<bool(const StoredEvent &)> &visit)
{
    Statement &query = direction == ScanDirection::OlderThan
        ? statement("SELECT id, type, created, api_version, object_id, version, previous_attributes, request_id, "
                    "idempotency_key FROM events WHERE seq < ? AND created BETWEEN ? AND ? ORDER BY seq DESC")
        : statement("SELECT id, type, created, api_version, object_id, version, previous_attributes, request_id, "
                    "idempotency_key FROM events WHERE seq > ? AND created BETWEEN ? AND ? ORDER BY seq ASC");
    Resetting<Statement> done{query};
    query.bind(1, position).bind(2, createdMin).bind(3, createdMax);
    while (query.step()) {
        if (!visit(eventFromRow(query)))
            return;
    }
}

void StateStore::schedule(qint64 dueAt, const QString &id)
{
    Statement &write = statement("INSERT INTO schedule (due_at, id) VALUES (?, ?)");
    Resetting<Statement> done{write};
    write.bind(1, dueAt).bind(2, id);
    write.step();
}

std::optional<qint64> StateStore::nextDue()
{
    Statement &query = statement("SELECT MIN(due_at) FROM schedule");
    Resetting<Statement> done{query};
    if (!query.step() || query.isNull(0))
        return std::nullopt;
    return query.integer(0);
}

std::optional<std::pair<qint64, QString>> StateStore::takeDue()
{
    Statement &query = statement("SELECT rowid, due_at, id FROM schedule ORDER BY due_at, rowid LIMIT 1");
    std::optional<std::pair<qint64, QString>> due;
    qint64 rowid = 0;
    {
        Resetting<Statement> done{query};
        if (!query.step())
            return std::nullopt;
        rowid = query.integer(0);
        due.emplace(query.integer(1), query.text(2));
    }
    Statement &remove = statement("DELETE FROM schedule WHERE rowid = ?");
    Resetting<Statement> done{remove};
    remove.bind(1, rowid);
    remove.step();
    return due;
}

std::optional<StoredAnswer> StateStore::answer(const QString &key)
{
    return lookUp("SELECT operation, fingerprint, status, body, created FROM answers WHERE key = ?", key,
                  [](const Statement &row) {
                      return StoredAnswer{row.text(0), row.bytes(1), int(row.integer(2)), row.bytes(3), row.integer(4)};
                  });
}

void StateStore::writeAnswer(const QString &key, const StoredAnswer &answer)
{
    Statement &write = statement("INSERT OR REPLACE INTO answers (key, operation, fingerprint, status, body, created) "
                                 "VALUES (?, ?, ?, ?, ?, ?)");
    Resetting<Statement> done{write};
    write.bind(1, key)
        .bind(2, answer.operation)
        .bind(3, answer.paramsFingerprint)
        .bind(4, qint64(answer.httpStatus))
        .bind(5, answer.body)
        .bind(6, answer.createdAt);
    write.step();
}

StoredClock StateStore::clock()
{
    StoredClock clock;
    Statement &query = statement("SELECT key, value FROM meta");
    Resetting<Statement> done{query};
    while (query.step()) {
        const QString key = query.text(0);
        if (key == u"clock_offset")
            clock.offsetSeconds = query.integer(1);
        else if (key == u"clock_frozen")
            clock.frozen = query.integer(1) != 0;
        else if (key == u"clock_frozen_at")
            clock.frozenAt = query.integer(1);
    }
    return clock;
}

void StateStore::writeClock(const StoredClock &clock)
{
    Statement &write = statement("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
    const std::pair<QString, qint64> values[] = {{QStringLiteral("clock_offset"), clock.offsetSeconds},
                                                 {QStringLiteral("clock_frozen"), clock.frozen ? 1 : 0},
                                                 {QStringLiteral("clock_frozen_at"), clock.frozenAt}};
    for (const auto &[key, value] : values) {
        Resetting<Statement> done{write};
        write.bind(1, key).bind(2, value);
        write.step();
    }
}

} // namespace konbini::sandbox
