#include "SandboxState.h"

#include "CompactJson.h"
#include "RandomText.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcStateStore)

namespace konbini::sandbox {
namespace {

constexpr qint64 kIdempotencyKeyLifetimeSeconds = 24 * 3600;
// Records kept in memory between requests: the ones in use now (a till's open vouchers, the
// objects of the last requests); the rest is read from the store when asked for.
constexpr size_t kCachedRecordsLimit = 256;

QByteArray compact(const QJsonObject &object)
{
    return compactJson(object);
}

QJsonObject parsed(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

QString voucherTokenOf(const QString &id, const Record &record)
{
    if (!id.startsWith(u"pi_") || record.object.value(QStringLiteral("status")).toString() != u"requires_action")
        return {};
    return record.hidden.value(QStringLiteral("voucher_token")).toString();
}

// Where a scan begins: the cursor's position, or the newest (older-than) / oldest (newer-than) end.
qint64 startOf(const SandboxState::Scan &scan, std::optional<qint64> position)
{
    return position.value_or(scan.direction == ScanDirection::OlderThan ? std::numeric_limits<qint64>::max()
                                                                       : std::numeric_limits<qint64>::min());
}

} // namespace

// The temporary store is opened on first use: an embedded sandbox opens its file at once, and
// creating a temporary database it would never use costs start-up a few milliseconds.
SandboxState::SandboxState() = default;

SandboxState::~SandboxState() = default;

StateStore &SandboxState::store() const
{
    if (!m_store) {
        auto temporary = std::make_unique<StateStore>();
        QString error;
        if (!temporary->open(QString(), error))
            qFatal("the sandbox cannot open its temporary state database: %s", qPrintable(error));
        // A new database holds nothing to load: sequence, due transitions and clock keep their
        // starting values (and the clock whatever a caller set on it meanwhile).
        m_store = std::move(temporary);
    }
    return *m_store;
}

bool SandboxState::openFile(const QString &path, QString &error)
{
    auto store = std::make_unique<StateStore>();
    if (!store->open(path, error))
        return false;
    m_store = std::move(store);
    m_cache.clear();
    m_changed.clear();
    loadFromStore();
    return true;
}

void SandboxState::loadFromStore()
{
    m_nextSequence = store().lastSequence() + 1;
    m_nextDue = store().nextDue();
    m_storedClock = store().clock();
    clock.restore(m_storedClock.offsetSeconds, m_storedClock.frozen, m_storedClock.frozenAt);
}

// Like Stripe's, ids start with a part that grows with time (milliseconds in base 62), so new
// objects land at the end of the store's indexes instead of at random places in them; the other
// 16 characters are random.
QString SandboxState::newId(const QString &prefix)
{
    static constexpr char kAlphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    QString id = prefix;
    id.reserve(prefix.size() + 24);
    quint64 millis = quint64(QDateTime::currentMSecsSinceEpoch());
    char time[8];
    for (int i = 7; i >= 0; --i) {
        time[i] = kAlphabet[millis % 62];
        millis /= 62;
    }
    id.append(QLatin1String(time, 8));
    appendRandomCharacters(id, std::string_view(kAlphabet, 62), 16);
    return id;
}

void SandboxState::begin()
{
    store().begin();
}

bool SandboxState::commit()
{
    writeChangedRecords();
    writePendingVersions();
    const StoredClock now{clock.offsetSeconds(), clock.isFrozen(), clock.frozenAt()};
    if (now.offsetSeconds != m_storedClock.offsetSeconds || now.frozen != m_storedClock.frozen
        || now.frozenAt != m_storedClock.frozenAt) {
        store().writeClock(now);
        m_storedClock = now;
    }
    const bool committed = store().commit();
    if (m_cache.size() > kCachedRecordsLimit)
        m_cache.clear(); // everything in it is written
    return committed;
}

const Record *SandboxState::find(const QString &id) const
{
    if (const auto it = m_cache.find(id); it != m_cache.end())
        return &it->second;
    std::optional<StoredRecord> stored = store().record(id);
    if (!stored)
        return nullptr;
    Record record;
    record.object = parsed(stored->object);
    record.hidden = parsed(stored->hidden);
    record.sequence = stored->sequence;
    record.versions = stored->versions;
    record.json = std::move(stored->object);
    record.inStore = true;
    return &m_cache.insert_or_assign(id, std::move(record)).first->second;
}

Record &SandboxState::insert(const QString &id, Record record)
{
    record.sequence = m_nextSequence++;
    record.json.clear();
    m_changed.insert(id);
    return m_cache.insert_or_assign(id, std::move(record)).first->second;
}

Record &SandboxState::edit(const QString &id)
{
    find(id);
    m_changed.insert(id);
    Record &record = m_cache[id];
    record.json.clear();
    return record;
}

const QByteArray *SandboxState::storedJson(const QJsonObject &object) const
{
    const auto it = m_cache.find(object.value(QStringLiteral("id")).toString());
    if (it == m_cache.end())
        return nullptr;
    Record &record = it->second;
    if (record.json.isEmpty()) {
        if (record.object != object)
            return nullptr;
        record.json = compact(object);
        return &record.json;
    }
    // A record read or written since its last change: its bytes are current.
    return record.object == object ? &record.json : nullptr;
}

void SandboxState::writeChangedRecords() const
{
    for (const QString &id : std::as_const(m_changed)) {
        Record &record = m_cache[id];
        if (record.json.isEmpty())
            record.json = compact(record.object);
        StoredRecord stored;
        stored.id = id;
        stored.sequence = record.sequence;
        stored.created = record.object.value(QStringLiteral("created")).toInteger();
        stored.object = record.json;
        stored.hidden = compact(record.hidden);
        stored.versions = record.versions;
        stored.voucherToken = voucherTokenOf(id, record);
        if (!record.inStore || !store().updateRecord(stored))
            store().writeRecord(stored);
        record.inStore = true;
    }
    m_changed.clear();
}

void SandboxState::writePendingVersions() const
{
    for (const PendingVersion &pending : std::as_const(m_pendingVersions)) {
        const auto it = m_cache.find(pending.objectId);
        // Equal objects that share their data compare in constant time.
        const bool current = it != m_cache.end() && !it->second.json.isEmpty() && it->second.object == pending.snapshot;
        store().writeVersion(pending.objectId, pending.version, current ? it->second.json : compact(pending.snapshot));
    }
    m_pendingVersions.clear();
}

std::optional<qint64> SandboxState::recordPosition(const QString &kind, const QString &id) const
{
    writeChangedRecords();
    return store().recordSequence(kind, id);
}

void SandboxState::scanRecords(const Scan &scan, std::optional<qint64> position,
                               const std::function<bool(const QJsonObject &)> &visit) const
{
    writeChangedRecords();
    const qint64 from = startOf(scan, position);
    store().scanRecords(scan.kind, scan.direction, from, scan.createdMin, scan.createdMax,
                        [&visit](const QByteArray &json) { return visit(parsed(json)); });
}

std::optional<QString> SandboxState::paymentIntentWithVoucherToken(const QString &token) const
{
    writeChangedRecords();
    return store().recordWithVoucherToken(token);
}

void SandboxState::emitEvent(const QString &type, const QJsonObject &object, qint64 createdAt,
                             const RequestOrigin &origin, const QJsonObject &previousAttributes)
{
    StoredEvent event;
    event.id = newId(QStringLiteral("evt_"));
    event.type = type;
    event.created = createdAt;
    event.apiVersion = accountApiVersion;
    event.objectId = object.value(QStringLiteral("id")).toString();
    if (find(event.objectId)) {
        Record &record = edit(event.objectId); // its count of versions changes
        event.version = ++record.versions;
    } else {
        qCWarning(lcStateStore) << "an event for an object the sandbox does not keep:" << event.objectId;
    }
    if (!previousAttributes.isEmpty())
        event.previousAttributes = compact(previousAttributes);
    event.requestId = origin.requestId;
    event.idempotencyKey = origin.idempotencyKey;
    m_pendingVersions.append(PendingVersion{event.objectId, event.version, object});
    store().writeEvent(event);
}

QJsonObject SandboxState::renderEvent(const StoredEvent &event) const
{
    QJsonObject data{{QStringLiteral("object"), parsed(store().version(event.objectId, event.version))}};
    if (!event.previousAttributes.isEmpty())
        data.insert(QStringLiteral("previous_attributes"), parsed(event.previousAttributes));
    const QJsonValue requestId = event.requestId.isEmpty() ? QJsonValue() : QJsonValue(event.requestId);
    const QJsonValue key = event.idempotencyKey.isEmpty() ? QJsonValue() : QJsonValue(event.idempotencyKey);
    return QJsonObject{
        {QStringLiteral("id"), event.id},
        {QStringLiteral("object"), QStringLiteral("event")},
        {QStringLiteral("api_version"), QString::fromLatin1(event.apiVersion)},
        {QStringLiteral("created"), event.created},
        {QStringLiteral("data"), data},
        {QStringLiteral("livemode"), false},
        {QStringLiteral("pending_webhooks"), 0},
        {QStringLiteral("request"),
         QJsonObject{{QStringLiteral("id"), requestId}, {QStringLiteral("idempotency_key"), key}}},
        {QStringLiteral("type"), event.type},
    };
}

std::optional<QJsonObject> SandboxState::findEvent(const QString &id) const
{
    writeChangedRecords();
    writePendingVersions();
    const std::optional<StoredEvent> event = store().event(id);
    if (!event)
        return std::nullopt;
    return renderEvent(*event);
}

std::optional<qint64> SandboxState::eventPosition(const QString &id) const
{
    return store().eventSequence(id);
}

void SandboxState::scanEvents(const Scan &scan, std::optional<qint64> position,
                              const std::function<bool(const QString &)> &acceptType,
                              const std::function<bool(const QJsonObject &)> &visit) const
{
    writeChangedRecords();
    writePendingVersions();
    const qint64 from = startOf(scan, position);
    store().scanEvents(scan.direction, from, scan.createdMin, scan.createdMax,
                       [&](const StoredEvent &event) { return !acceptType(event.type) || visit(renderEvent(event)); });
}

void SandboxState::schedule(qint64 dueAt, const QString &id)
{
    store().schedule(dueAt, id);
    if (!m_nextDue || dueAt < *m_nextDue)
        m_nextDue = dueAt;
}

std::pair<qint64, QString> SandboxState::takeDue()
{
    std::optional<std::pair<qint64, QString>> due = store().takeDue();
    m_nextDue = store().nextDue();
    return due.value_or(std::pair<qint64, QString>{});
}

std::optional<IdempotentAnswer> SandboxState::findAnswer(const QString &key, qint64 now) const
{
    std::optional<StoredAnswer> answer = store().answer(key);
    if (!answer || now - answer->createdAt >= kIdempotencyKeyLifetimeSeconds)
        return std::nullopt;
    return answer;
}

void SandboxState::storeAnswer(const QString &key, const IdempotentAnswer &answer)
{
    store().writeAnswer(key, answer);
}

} // namespace konbini::sandbox
