#include "FaultPlan.h"

#include <QList>

#include <array>

namespace konbini::sandbox {

std::optional<FaultPlan> FaultPlan::fromHeader(const QByteArray &header, QString &error)
{
    FaultPlan plan;
    for (const QByteArray &rawToken : header.split(',')) {
        const QByteArray token = rawToken.trimmed();
        if (token.isEmpty())
            continue;
        if (token.startsWith("delay=")) {
            bool ok = false;
            plan.delayMs = token.mid(6).toInt(&ok);
            if (!ok || plan.delayMs < 0 || plan.delayMs > 120'000) {
                error = QStringLiteral("X-Sandbox-Fault: delay takes milliseconds from 0 to 120000.");
                return std::nullopt;
            }
            continue;
        }
        if (token.startsWith("count=")) {
            bool ok = false;
            plan.count = token.mid(6).toInt(&ok);
            if (!ok || plan.count < 1) {
                error = QStringLiteral("X-Sandbox-Fault: count takes a whole number from 1.");
                return std::nullopt;
            }
            continue;
        }
        static const std::array<std::pair<const char *, Kind>, 7> kinds{{
            {"500", Kind::InternalError},
            {"503", Kind::Unavailable},
            {"429", Kind::RateLimited},
            {"konbini_rate_limit", Kind::KonbiniRateLimit},
            {"not_available", Kind::MethodUnavailable},
            {"drop_before", Kind::DropBefore},
            {"drop_after", Kind::DropAfter},
        }};
        const auto found =
            std::find_if(kinds.begin(), kinds.end(), [&](const auto &entry) { return token == entry.first; });
        if (found == kinds.end()) {
            error = QStringLiteral("X-Sandbox-Fault: unknown fault '%1'. Use 500, 503, 429, konbini_rate_limit, "
                                   "not_available, drop_before, drop_after, delay=MS and count=N.")
                        .arg(QString::fromLatin1(token));
            return std::nullopt;
        }
        plan.kind = found->second;
    }
    return plan;
}

FaultPlan::Kind RandomFaults::draw()
{
    static constexpr std::array<FaultPlan::Kind, 5> kRandomKinds{
        FaultPlan::Kind::InternalError, FaultPlan::Kind::Unavailable, FaultPlan::Kind::RateLimited,
        FaultPlan::Kind::DropBefore, FaultPlan::Kind::DropAfter};
    if (m_rate <= 0.0 || std::uniform_real_distribution<double>(0.0, 1.0)(m_generator) >= m_rate)
        return FaultPlan::Kind::None;
    return kRandomKinds[std::uniform_int_distribution<size_t>(0, kRandomKinds.size() - 1)(m_generator)];
}

} // namespace konbini::sandbox
