#include "KonbiniScenario.h"

#include <array>

namespace konbini::sandbox {
namespace {

struct ScenarioTrigger {
    KonbiniScenario scenario;
    const char16_t *emailSuffix;
    const char16_t *confirmationNumber;
};

constexpr std::array<ScenarioTrigger, 5> kTriggers{{
    {KonbiniScenario::SucceedAfterDelay, nullptr, u"11111111110"},
    {KonbiniScenario::SucceedImmediately, u"succeed_immediately", u"22222222220"},
    {KonbiniScenario::ExpireImmediately, u"expire_immediately", u"33333333330"},
    {KonbiniScenario::ExpireWithDelay, u"expire_with_delay", u"44444444440"},
    {KonbiniScenario::FillNever, u"fill_never", u"55555555550"},
}};

} // namespace

KonbiniScenario scenarioFor(const QString &email, const QString &confirmationNumber)
{
    for (const ScenarioTrigger &trigger : kTriggers) {
        if (confirmationNumber == QStringView(trigger.confirmationNumber))
            return trigger.scenario;
    }
    const QStringView localPart = QStringView(email).left(email.indexOf(u'@'));
    if (email.contains(u'@')) {
        for (const ScenarioTrigger &trigger : kTriggers) {
            if (trigger.emailSuffix && localPart.endsWith(QStringView(trigger.emailSuffix)))
                return trigger.scenario;
        }
    }
    return KonbiniScenario::SucceedAfterDelay;
}

QString scenarioName(KonbiniScenario scenario)
{
    switch (scenario) {
    case KonbiniScenario::SucceedAfterDelay:
        return QStringLiteral("succeed_after_delay");
    case KonbiniScenario::SucceedImmediately:
        return QStringLiteral("succeed_immediately");
    case KonbiniScenario::ExpireImmediately:
        return QStringLiteral("expire_immediately");
    case KonbiniScenario::ExpireWithDelay:
        return QStringLiteral("expire_with_delay");
    case KonbiniScenario::FillNever:
        return QStringLiteral("fill_never");
    }
    return {};
}

} // namespace konbini::sandbox
