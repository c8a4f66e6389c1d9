#pragma once

#include "Result.h"

#include <QString>

namespace konbini {

// A failure of the till's own database, kept apart from Stripe's errors: the clerk is told the
// sale could not be recorded (nothing half-written), never that Stripe refused it.
struct LedgerError {
    enum class Kind {
        Open,        // the file cannot be opened or migrated
        NewerSchema, // written by a newer Konbini POS
        Write,       // an insert, update or commit failed (disk full, read-only, locked)
        Read,
        NotFound, // no such record
    };
    Kind kind = Kind::Write;
    QString message; // SQLite's text, for the log and a details line
};

template <typename T>
using LedgerResult = Expected<T, LedgerError>;
using LedgerStatus = Expected<void, LedgerError>;

} // namespace konbini
