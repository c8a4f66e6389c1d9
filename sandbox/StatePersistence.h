#pragma once

#include "SandboxState.h"
#include "SqliteConnection.h"

#include <QString>

namespace konbini::sandbox {

// Keeps the sandbox's state in an SQLite file (`--state FILE`) so a restart continues where it
// stopped: objects, events, idempotent answers and the clock. Each save writes only what
// changed since the previous one, in one transaction.
class StatePersistence
{
public:
    explicit StatePersistence(QString path);
    ~StatePersistence();

    bool open(QString &error);
    // Fills an empty state; returns the ids of the records loaded, oldest first.
    QList<QString> load(SandboxState &state);
    bool save(SandboxState &state);

private:
    QString m_path;
    SqliteConnection m_connection;
};

} // namespace konbini::sandbox
