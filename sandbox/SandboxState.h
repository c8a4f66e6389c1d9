#pragma once

#include "SandboxClock.h"
#include "StateStore.h"

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <unordered_map>

namespace konbini::sandbox {

// The account's default API version: what events are rendered in, and answers without Stripe-Version.
inline constexpr char kAccountApiVersion[] = "2026-10-28.endive";

// One stored object: what Stripe shows (`object`) and what only the emulator knows (`hidden`:
// the test scenario, when the next transition is due, whether the customer is paying now).
struct Record {
    Record() = default;
    Record(QJsonObject stripeObject, QJsonObject emulatorOnly)
        : object(std::move(stripeObject)), hidden(std::move(emulatorOnly))
    {
    }

    QJsonObject object;
    QJsonObject hidden;
    qint64 sequence = 0; // creation order, kept across restarts
    qint64 versions = 0; // snapshots stored for its events
    // `object` serialised, while it is known to match (filled when read, answered or written).
    QByteArray json;
    bool inStore = false; // a row for it exists: changes update it
};

// A stored answer to an idempotent POST (Stripe keeps them 24 hours).
using IdempotentAnswer = StoredAnswer;

// Which request caused a change, for the `request` field of the events it emits.
struct RequestOrigin {
    QString requestId;
    QString idempotencyKey;
};

// Everything the sandbox remembers, kept in a StateStore and read on demand: objects through a
// small cache of the ones in use, events as references to stored versions of their objects.
// Each request's changes are one transaction (begin() … commit()); records changed through
// edit() or insert() are written at commit, and references to them stay valid until then.
class SandboxState
{
public:
    // State in SQLite's private temporary database until openFile().
    SandboxState();
    ~SandboxState();

    // Keeps the state in this file from now on (before any request): a restart continues where
    // it stopped. A file from the previous release is migrated.
    bool openFile(const QString &path, QString &error);

    SandboxClock clock;
    // The account's default API version (events are rendered in it); tests set an older one to
    // see a till that cannot use the events' snapshots.
    QByteArray accountApiVersion = kAccountApiVersion;

    QString newId(const QString &prefix);

    void begin();
    // Writes what changed and ends the transaction; false if the store refused it.
    bool commit();

    bool contains(const QString &id) const { return find(id) != nullptr; }
    const Record *find(const QString &id) const;
    Record &insert(const QString &id, Record record);
    // Mutable access marks the record as changed.
    Record &edit(const QString &id);

    // The serialised form of `object` if it is the stored object with that id (answers reuse it).
    const QByteArray *storedJson(const QJsonObject &object) const;

    // Lists: records of a kind (`pi`, `re`) or events, created within a range, visited from a
    // position (a cursor's; none: from the newest) towards older or newer ones until `visit`
    // returns false. A cursor's position is nullopt when it names no such object.
    struct Scan {
        QString kind;
        ScanDirection direction = ScanDirection::OlderThan;
        qint64 createdMin = std::numeric_limits<qint64>::min();
        qint64 createdMax = std::numeric_limits<qint64>::max();
    };
    std::optional<qint64> recordPosition(const QString &kind, const QString &id) const;
    void scanRecords(const Scan &scan, std::optional<qint64> position,
                     const std::function<bool(const QJsonObject &)> &visit) const;
    std::optional<QString> paymentIntentWithVoucherToken(const QString &token) const;

    void emitEvent(const QString &type, const QJsonObject &object, qint64 createdAt, const RequestOrigin &origin,
                   const QJsonObject &previousAttributes = {});
    std::optional<QJsonObject> findEvent(const QString &id) const;
    std::optional<qint64> eventPosition(const QString &id) const;
    // `acceptType` sees each event's type before it is rendered.
    void scanEvents(const Scan &scan, std::optional<qint64> position,
                    const std::function<bool(const QString &type)> &acceptType,
                    const std::function<bool(const QJsonObject &)> &visit) const;

    // Transitions due at a time; stale entries are harmless (the handler re-checks the record).
    void schedule(qint64 dueAt, const QString &id);
    bool hasDue(qint64 now) const { return m_nextDue && *m_nextDue <= now; }
    // Removes and returns the earliest due entry.
    std::pair<qint64, QString> takeDue();

    std::optional<IdempotentAnswer> findAnswer(const QString &key, qint64 now) const;
    void storeAnswer(const QString &key, const IdempotentAnswer &answer);

    // Records held in memory now (for tests: the cache stays bounded).
    size_t cachedRecordCount() const { return m_cache.size(); }

private:
    // The store, opened (a temporary one) on first use when no file was opened.
    StateStore &store() const;
    void loadFromStore();
    void writeChangedRecords() const;
    void writePendingVersions() const;
    QJsonObject renderEvent(const StoredEvent &event) const;

    mutable std::unique_ptr<StateStore> m_store;
    // Node-based on purpose: references returned by edit() stay valid while other records are added.
    mutable std::unordered_map<QString, Record> m_cache;
    mutable QSet<QString> m_changed;
    // Events' snapshots not yet serialised: most are the object the request answers with, whose
    // bytes are then written once for the answer, the record and the version.
    struct PendingVersion {
        QString objectId;
        qint64 version = 0;
        QJsonObject snapshot;
    };
    mutable QList<PendingVersion> m_pendingVersions;
    std::optional<qint64> m_nextDue;
    qint64 m_nextSequence = 1;
    StoredClock m_storedClock;
};

} // namespace konbini::sandbox
