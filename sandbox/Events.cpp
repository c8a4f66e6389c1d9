#include "Events.h"

#include "Listing.h"

#include <QRegularExpression>

namespace konbini::sandbox {

QJsonObject Events::list(const ParamReader &params) const
{
    const std::optional<QString> type = params.string(QStringLiteral("type"));
    const QStringList types = params.stringList(QStringLiteral("types"));
    if (type && !types.isEmpty()) {
        throw StripeError::invalidParameter(
            QStringLiteral("types"), QStringLiteral("You may only specify one of these parameters: type, types."),
            QStringLiteral("parameters_exclusive"));
    }
    if (types.size() > 20)
        throw StripeError::invalidParameter(QStringLiteral("types"),
                                            QStringLiteral("You may pass at most 20 event types."));
    QRegularExpression typePattern;
    if (type) {
        typePattern.setPattern(QRegularExpression::anchoredPattern(
            QRegularExpression::escape(*type).replace(QStringLiteral("\\*"), QStringLiteral(".*"))));
    }
    const CreatedFilter created(params);
    SandboxState::Scan scan;
    scan.createdMin = created.min();
    scan.createdMax = created.max();
    const auto acceptType = [&](const QString &eventType) {
        if (type && !typePattern.match(eventType).hasMatch())
            return false;
        return types.isEmpty() || types.contains(eventType);
    };
    ListSource source;
    source.position = [this](const QString &id) { return m_state.eventPosition(id); };
    source.scan = [&](ScanDirection direction, std::optional<qint64> position,
                      const std::function<bool(const QJsonObject &)> &visit) {
        scan.direction = direction;
        m_state.scanEvents(scan, position, acceptType, visit);
    };
    return listPage(source, params, QStringLiteral("/v1/events"), QStringLiteral("event"));
}

QJsonObject Events::retrieve(const QString &id) const
{
    const std::optional<QJsonObject> event = m_state.findEvent(id);
    if (!event)
        throw StripeError::noSuchObject(QStringLiteral("event"), id);
    return *event;
}

} // namespace konbini::sandbox
