#pragma once

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace konbini::sandbox {

// One row of the records table: an object as Stripe shows it and what only the emulator knows.
struct StoredRecord {
    QString id;
    qint64 sequence = 0;
    qint64 created = 0;
    QByteArray object; // compact JSON
    QByteArray hidden; // compact JSON
    qint64 versions = 0; // snapshots kept for its events
    QString voucherToken; // empty unless a voucher is open
};

struct StoredEvent {
    QString id;
    QString type;
    qint64 created = 0;
    QByteArray apiVersion;
    QString objectId;
    qint64 version = 0;
    QByteArray previousAttributes; // compact JSON, empty when none
    QString requestId;
    QString idempotencyKey;
};

struct StoredAnswer {
    QString operation;
    QByteArray paramsFingerprint;
    int httpStatus = 200;
    QByteArray body;
    qint64 createdAt = 0;
};

struct StoredClock {
    qint64 offsetSeconds = 0;
    bool frozen = false;
    qint64 frozenAt = 0;
};

// Newest first (older than a position), or oldest first (newer than it).
enum class ScanDirection { OlderThan, NewerThan };

// The sandbox's state in SQLite, through SQLite's own API (prepared statements, no QVariant per
// value: this sits on every request's path). Objects are read when asked for, so start-up does
// not depend on how much history the file holds. An empty path is SQLite's private temporary
// database (deleted on close, spilled to disk when large), so the in-memory sandbox stays
// small too.
//
// Schema 2 (PRAGMA user_version): records with the columns lists and lookups need, events that
// refer to a stored version of their object instead of copying it, and the due transitions.
// Schema 1 files (the release before: whole objects and events as JSON, indexes rebuilt at
// every start) are migrated when opened.
class StateStore
{
public:
    StateStore();
    ~StateStore();
    StateStore(const StateStore &) = delete;
    StateStore &operator=(const StateStore &) = delete;

    bool open(const QString &path, QString &error);

    bool begin();
    bool commit();

    std::optional<StoredRecord> record(const QString &id);
    void writeRecord(const StoredRecord &record);
    // Rewrites a stored record's object, hidden part, versions and token (its id, kind and
    // sequence stay): only the indexes of what changed are touched. False if there is none.
    bool updateRecord(const StoredRecord &record);
    qint64 lastSequence();
    // The position of a record of this kind (`pi`, `re`, …) for list cursors.
    std::optional<qint64> recordSequence(const QString &kind, const QString &id);
    // Visits records of one kind created within [createdMin, createdMax] past a position, until
    // `visit` returns false.
    void scanRecords(const QString &kind, ScanDirection direction, qint64 position, qint64 createdMin,
                     qint64 createdMax, const std::function<bool(const QByteArray &object)> &visit);
    std::optional<QString> recordWithVoucherToken(const QString &token);

    void writeVersion(const QString &objectId, qint64 version, const QByteArray &json);
    QByteArray version(const QString &objectId, qint64 version);

    void writeEvent(const StoredEvent &event);
    std::optional<StoredEvent> event(const QString &id);
    std::optional<qint64> eventSequence(const QString &id);
    void scanEvents(ScanDirection direction, qint64 position, qint64 createdMin, qint64 createdMax,
                    const std::function<bool(const StoredEvent &)> &visit);

    void schedule(qint64 dueAt, const QString &id);
    std::optional<qint64> nextDue();
    // Removes and returns the earliest entry.
    std::optional<std::pair<qint64, QString>> takeDue();

    std::optional<StoredAnswer> answer(const QString &key);
    void writeAnswer(const QString &key, const StoredAnswer &answer);

    StoredClock clock();
    void writeClock(const StoredClock &clock);

private:
    class Statement;
    Statement &statement(const char *sql);
    // One row by one key, read by `read`; nullopt when there is none.
    template <typename Read>
    auto lookUp(const char *sql, const QString &key, Read read)
        -> std::optional<decltype(read(std::declval<Statement &>()))>;
    bool exec(const char *sql, QString *error = nullptr);
    bool createSchema(QString &error);
    bool migrateFromSchema1(QString &error);
    int userVersion();

    sqlite3 *m_db = nullptr;
    std::vector<std::pair<const char *, std::unique_ptr<Statement>>> m_statements;
    bool m_inTransaction = false;
    int m_requestsPerTransaction = 1;
    int m_uncommittedRequests = 0;
};

} // namespace konbini::sandbox
