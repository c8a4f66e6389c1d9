#include "SandboxState.h"

#include <QRandomGenerator>

namespace konbini::sandbox {
namespace {

constexpr qint64 kIdempotencyKeyLifetimeSeconds = 24 * 3600;

} // namespace

QString SandboxState::newId(const QString &prefix)
{
    static constexpr char kAlphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    QString id = prefix;
    id.reserve(prefix.size() + 24);
    auto *random = QRandomGenerator::global();
    for (int i = 0; i < 24; ++i)
        id.append(QLatin1Char(kAlphabet[random->bounded(62)]));
    return id;
}

const Record *SandboxState::find(const QString &id) const
{
    const auto it = m_records.find(id);
    return it == m_records.end() ? nullptr : &it->second;
}

Record &SandboxState::insert(const QString &id, Record record)
{
    record.sequence = m_nextSequence++;
    m_changedRecords.insert(id);
    index(id);
    return m_records.insert_or_assign(id, std::move(record)).first->second;
}

Record &SandboxState::edit(const QString &id)
{
    m_changedRecords.insert(id);
    return m_records[id];
}

void SandboxState::index(const QString &id)
{
    if (id.startsWith(u"pi_"))
        m_paymentIntentIds.append(id);
    else if (id.startsWith(u"re_"))
        m_refundIds.append(id);
}

const QJsonObject &SandboxState::emitEvent(const QString &type, const QJsonObject &object, qint64 createdAt,
                                           const RequestOrigin &origin, const QJsonObject &previousAttributes)
{
    QJsonObject data{{QStringLiteral("object"), object}};
    if (!previousAttributes.isEmpty())
        data.insert(QStringLiteral("previous_attributes"), previousAttributes);
    const QJsonValue requestId = origin.requestId.isEmpty() ? QJsonValue() : QJsonValue(origin.requestId);
    const QJsonValue key = origin.idempotencyKey.isEmpty() ? QJsonValue() : QJsonValue(origin.idempotencyKey);
    QJsonObject event{
        {QStringLiteral("id"), newId(QStringLiteral("evt_"))},
        {QStringLiteral("object"), QStringLiteral("event")},
        {QStringLiteral("api_version"), QString::fromLatin1(accountApiVersion)},
        {QStringLiteral("created"), createdAt},
        {QStringLiteral("data"), data},
        {QStringLiteral("livemode"), false},
        {QStringLiteral("pending_webhooks"), 0},
        {QStringLiteral("request"),
         QJsonObject{{QStringLiteral("id"), requestId}, {QStringLiteral("idempotency_key"), key}}},
        {QStringLiteral("type"), type},
    };
    restoreEvent(std::move(event));
    return m_events.constLast();
}

const QJsonObject *SandboxState::findEvent(const QString &id) const
{
    const auto it = m_eventPositions.constFind(id);
    return it == m_eventPositions.cend() ? nullptr : &m_events.at(*it);
}

std::pair<qint64, QString> SandboxState::takeDue()
{
    auto node = m_schedule.extract(m_schedule.begin());
    return {node.key(), std::move(node.mapped())};
}

const IdempotentAnswer *SandboxState::findAnswer(const QString &key, qint64 now) const
{
    const auto it = m_answers.constFind(key);
    if (it == m_answers.cend() || now - it->createdAt >= kIdempotencyKeyLifetimeSeconds)
        return nullptr;
    return &*it;
}

void SandboxState::storeAnswer(const QString &key, IdempotentAnswer answer)
{
    m_changedAnswers.insert(key);
    m_answers.insert(key, std::move(answer));
}

QSet<QString> SandboxState::takeChangedRecords()
{
    return std::exchange(m_changedRecords, {});
}

QSet<QString> SandboxState::takeChangedAnswers()
{
    return std::exchange(m_changedAnswers, {});
}

void SandboxState::restoreRecord(const QString &id, Record record)
{
    m_nextSequence = std::max(m_nextSequence, record.sequence + 1);
    index(id);
    m_records.insert_or_assign(id, std::move(record));
}

void SandboxState::restoreEvent(QJsonObject event)
{
    m_eventPositions.insert(event.value(QStringLiteral("id")).toString(), m_events.size());
    m_events.append(std::move(event));
}

void SandboxState::restoreAnswer(const QString &key, IdempotentAnswer answer)
{
    m_answers.insert(key, std::move(answer));
}

} // namespace konbini::sandbox
