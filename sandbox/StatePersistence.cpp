#include "StatePersistence.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace konbini::sandbox {
namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject parsed(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

StatePersistence::StatePersistence(QString path)
    : m_path(std::move(path)), m_connection(QStringLiteral("sandbox-state"))
{
}

StatePersistence::~StatePersistence() = default;

bool StatePersistence::open(QString &error)
{
    if (!m_connection.open(
            m_path, {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=NORMAL")}, error))
        return false;
    QSqlDatabase db = m_connection.database();
    QSqlQuery query(db);
    const QStringList statements = {
        QStringLiteral("CREATE TABLE IF NOT EXISTS records (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, object TEXT NOT "
                       "NULL, hidden TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, json TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, operation TEXT NOT NULL, fingerprint "
                       "BLOB NOT NULL, "
                       "status INTEGER NOT NULL, body BLOB NOT NULL, created INTEGER NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)"),
    };
    for (const QString &statement : statements) {
        if (!query.exec(statement)) {
            error = query.lastError().text();
            return false;
        }
    }
    return true;
}

QList<QString> StatePersistence::load(SandboxState &state)
{
    QSqlDatabase db = m_connection.database();
    QSqlQuery query(db);
    QList<QString> ids;
    query.exec(QStringLiteral("SELECT id, object, hidden, seq FROM records ORDER BY seq"));
    while (query.next()) {
        const QString id = query.value(0).toString();
        state.restoreRecord(id,
                            Record{parsed(query.value(1).toByteArray()), parsed(query.value(2).toByteArray()),
                                   query.value(3).toLongLong()});
        ids.append(id);
    }
    query.exec(QStringLiteral("SELECT json FROM events ORDER BY seq"));
    while (query.next())
        state.restoreEvent(parsed(query.value(0).toByteArray()));
    state.markEventsPersisted();
    query.exec(QStringLiteral("SELECT key, operation, fingerprint, status, body, created FROM answers"));
    while (query.next()) {
        state.restoreAnswer(query.value(0).toString(),
                            IdempotentAnswer{query.value(1).toString(), query.value(2).toByteArray(),
                                             query.value(3).toInt(), query.value(4).toByteArray(),
                                             query.value(5).toLongLong()});
    }
    qint64 offset = 0, frozenAt = 0;
    bool frozen = false;
    query.exec(QStringLiteral("SELECT key, value FROM meta"));
    while (query.next()) {
        const QString key = query.value(0).toString();
        if (key == u"clock_offset")
            offset = query.value(1).toLongLong();
        else if (key == u"clock_frozen")
            frozen = query.value(1).toBool();
        else if (key == u"clock_frozen_at")
            frozenAt = query.value(1).toLongLong();
    }
    state.clock.restore(offset, frozen, frozenAt);
    return ids;
}

bool StatePersistence::save(SandboxState &state)
{
    QSqlDatabase db = m_connection.database();
    if (!db.transaction())
        return false;
    QSqlQuery record(db);
    record.prepare(QStringLiteral("INSERT OR REPLACE INTO records (id, seq, object, hidden) VALUES (?, ?, ?, ?)"));
    for (const QString &id : state.takeChangedRecords()) {
        const Record *stored = state.find(id);
        record.addBindValue(id);
        record.addBindValue(stored->sequence);
        record.addBindValue(compact(stored->object));
        record.addBindValue(compact(stored->hidden));
        record.exec();
    }
    QSqlQuery event(db);
    event.prepare(QStringLiteral("INSERT INTO events (json) VALUES (?)"));
    for (qsizetype i = state.persistedEventCount(); i < state.events().size(); ++i) {
        event.addBindValue(compact(state.events().at(i)));
        event.exec();
    }
    state.markEventsPersisted();
    QSqlQuery answer(db);
    answer.prepare(QStringLiteral("INSERT OR REPLACE INTO answers (key, operation, fingerprint, status, body, created) "
                                  "VALUES (?, ?, ?, ?, ?, ?)"));
    for (const QString &key : state.takeChangedAnswers()) {
        const IdempotentAnswer &stored = state.answers()[key];
        answer.addBindValue(key);
        answer.addBindValue(stored.operation);
        answer.addBindValue(stored.paramsFingerprint);
        answer.addBindValue(stored.httpStatus);
        answer.addBindValue(stored.body);
        answer.addBindValue(stored.createdAt);
        answer.exec();
    }
    QSqlQuery meta(db);
    meta.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    const std::pair<QString, qint64> clockValues[] = {{QStringLiteral("clock_offset"), state.clock.offsetSeconds()},
                                                      {QStringLiteral("clock_frozen"), state.clock.isFrozen() ? 1 : 0},
                                                      {QStringLiteral("clock_frozen_at"), state.clock.frozenAt()}};
    for (const auto &[key, value] : clockValues) {
        meta.addBindValue(key);
        meta.addBindValue(value);
        meta.exec();
    }
    return db.commit();
}

} // namespace konbini::sandbox
