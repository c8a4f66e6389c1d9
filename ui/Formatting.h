#pragma once

#include "StoreChains.h"

#include <QString>

namespace konbini::ui {

// ¥12,345
QString formatYen(qint64 amount);

// A payment deadline in JST: "2026年12月1日(火) 23:59 JST" in Japanese, "Tue 1 Dec 2026 23:59 JST"
// otherwise (by the default QLocale, which the app sets from its language).
QString formatDeadline(qint64 unixSeconds);

// When a sale was made, in JST: "2026-11-29 12:34".
QString formatIssuedAt(qint64 unixSeconds);

} // namespace konbini::ui
