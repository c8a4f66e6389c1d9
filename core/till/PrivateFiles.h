#pragma once

#include <QString>

namespace konbini {

// The till's data folder holds customers' data (ledgers, the sandbox's state, the log): it is made
// owner-only (0700), and narrowed if an earlier release left it wider. False if it cannot be.
bool makePrivateDirectory(const QString &path);

} // namespace konbini
