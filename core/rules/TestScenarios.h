#pragma once

#include <QList>
#include <QString>

namespace konbini {

// Stripe's Konbini test-mode outcomes chosen by a special confirmation number (KONBINI_API.md §5;
// the number wins over the e-mail pattern), for the counter's test-scenario picker.
struct TestScenario {
    QString label;              // translated
    QString confirmationNumber; // empty: no scenario
};

const QList<TestScenario> &testScenarios();

} // namespace konbini
