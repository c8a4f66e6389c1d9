#pragma once

#include <QString>

namespace konbini {

// Masks what must never reach a log line: Authorization headers, anything shaped like a Stripe
// key (sk_, rk_, pk_, whsec_), e-mail addresses and phone numbers.
QString maskSensitive(const QString &line);

// Installs a Qt message handler that writes masked lines to `path` (owner-only, 0600), moving
// it to path.1 … path.N when it grows past `maxBytes`. Messages still reach stderr, masked.
void installFileLog(const QString &path, qint64 maxBytes = 1024 * 1024, int keep = 3);

} // namespace konbini
