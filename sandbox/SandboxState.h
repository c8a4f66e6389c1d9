#pragma once

#include "SandboxClock.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <map>
#include <unordered_map>

namespace konbini::sandbox {

// The account's default API version: what events are rendered in, and answers without Stripe-Version.
inline constexpr char kAccountApiVersion[] = "2026-10-28.endive";

// One stored object: what Stripe shows (`object`) and what only the emulator knows (`hidden`:
// the test scenario, when the next transition is due, whether the customer is paying now).
struct Record {
    QJsonObject object;
    QJsonObject hidden;
    qint64 sequence = 0; // creation order, kept across restarts
};

// A stored answer to an idempotent POST (Stripe keeps them 24 hours).
struct IdempotentAnswer {
    QString operation;
    QByteArray paramsFingerprint;
    int httpStatus = 200;
    QByteArray body;
    qint64 createdAt = 0;
};

// Which request caused a change, for the `request` field of the events it emits.
struct RequestOrigin {
    QString requestId;
    QString idempotencyKey;
};

// Everything the sandbox remembers. Changes are tracked so persistence writes only what a
// request touched.
class SandboxState
{
public:
    SandboxClock clock;
    // The account's default API version (events are rendered in it); tests set an older one to
    // see a till that cannot use the events' snapshots.
    QByteArray accountApiVersion = kAccountApiVersion;

    QString newId(const QString &prefix);

    bool contains(const QString &id) const { return m_records.count(id) > 0; }
    const Record *find(const QString &id) const;
    Record &insert(const QString &id, Record record);
    // Mutable access marks the record as changed.
    Record &edit(const QString &id);

    // Creation order, oldest first.
    const QList<QString> &paymentIntentIds() const { return m_paymentIntentIds; }
    const QList<QString> &refundIds() const { return m_refundIds; }

    const QJsonObject &emitEvent(const QString &type, const QJsonObject &object, qint64 createdAt,
                                 const RequestOrigin &origin, const QJsonObject &previousAttributes = {});
    // Oldest first.
    const QList<QJsonObject> &events() const { return m_events; }
    const QJsonObject *findEvent(const QString &id) const;

    // Transitions due at a time; stale entries are harmless (the handler re-checks the record).
    void schedule(qint64 dueAt, const QString &id) { m_schedule.emplace(dueAt, id); }
    bool hasDue(qint64 now) const { return !m_schedule.empty() && m_schedule.begin()->first <= now; }
    // Removes and returns the earliest due entry.
    std::pair<qint64, QString> takeDue();

    const IdempotentAnswer *findAnswer(const QString &key, qint64 now) const;
    void storeAnswer(const QString &key, IdempotentAnswer answer);
    const QHash<QString, IdempotentAnswer> &answers() const { return m_answers; }

    // For persistence.
    QSet<QString> takeChangedRecords();
    QSet<QString> takeChangedAnswers();
    qsizetype persistedEventCount() const { return m_persistedEventCount; }
    void markEventsPersisted() { m_persistedEventCount = m_events.size(); }
    void restoreRecord(const QString &id, Record record);
    void restoreEvent(QJsonObject event);
    void restoreAnswer(const QString &key, IdempotentAnswer answer);

private:
    void index(const QString &id);

    // Node-based on purpose: references returned by edit() stay valid while other records are added.
    std::unordered_map<QString, Record> m_records;
    QList<QString> m_paymentIntentIds;
    QList<QString> m_refundIds;
    QList<QJsonObject> m_events;
    QHash<QString, qsizetype> m_eventPositions;
    std::multimap<qint64, QString> m_schedule;
    QHash<QString, IdempotentAnswer> m_answers;
    QSet<QString> m_changedRecords;
    QSet<QString> m_changedAnswers;
    qsizetype m_persistedEventCount = 0;
    qint64 m_nextSequence = 1;
};

} // namespace konbini::sandbox
