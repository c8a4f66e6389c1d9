#include "TestScenarios.h"

#include <QCoreApplication>

namespace konbini {

const QList<TestScenario> &testScenarios()
{
    static const struct {
        const char *label;
        const char *number;
    } kScenarios[] = {
        {QT_TRANSLATE_NOOP("CheckoutPage", "Test outcome: (none)"), ""},
        {QT_TRANSLATE_NOOP("CheckoutPage", "Paid after 3 minutes"), "11111111110"},
        {QT_TRANSLATE_NOOP("CheckoutPage", "Paid immediately"), "22222222220"},
        {QT_TRANSLATE_NOOP("CheckoutPage", "Expires immediately"), "33333333330"},
        {QT_TRANSLATE_NOOP("CheckoutPage", "Expires in 3 minutes"), "44444444440"},
        {QT_TRANSLATE_NOOP("CheckoutPage", "Never paid (expires at the deadline)"), "55555555550"},
    };
    // Built on first use, after the translators are installed.
    static const QList<TestScenario> scenarios = [] {
        QList<TestScenario> list;
        for (const auto &scenario : kScenarios)
            list.append(
                {QCoreApplication::translate("CheckoutPage", scenario.label), QString::fromLatin1(scenario.number)});
        return list;
    }();
    return scenarios;
}

} // namespace konbini
