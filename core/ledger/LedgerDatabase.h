#pragma once

#include "LedgerError.h"
#include "SqliteConnection.h"
#include "WalCheckpointer.h"

#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <functional>
#include <memory>

namespace konbini {

// The ledger's SQLite file: created owner-only, WAL, versioned migrations (`PRAGMA user_version`),
// transactions that nest (savepoints) and roll back on the first failure. Every statement's
// failure comes back as a LedgerError. All use happens on the thread that opened it.
class LedgerDatabase
{
public:
    // Schema 3 adds the journal's HTTP method, so it holds StripeApi's prepared request whole.
    static constexpr int kSchemaVersion = 7;

    explicit LedgerDatabase(QString path);
    LedgerDatabase(const LedgerDatabase &) = delete;
    LedgerDatabase &operator=(const LedgerDatabase &) = delete;

    LedgerStatus open();
    int schemaVersion() const;
    const QString &path() const { return m_path; }
    // For tests that make the file fail on purpose (PRAGMA max_page_count).
    QSqlDatabase database() const { return m_connection.database(); }

    // Runs `work` atomically: a failure it returns, or a failed commit, rolls back all of it.
    LedgerStatus transaction(const std::function<LedgerStatus()> &work);

    // One statement with its values bound, executed; a select is positioned before its first row.
    LedgerResult<QSqlQuery> run(const QString &sql, const QVariantList &values = {}) const;
    // A statement run for each row of values, in one transaction.
    LedgerStatus runBatch(const QString &sql, const QList<QVariantList> &rows);

    // The lowered text the merchant's search looks through, as an SQL expression over a vouchers row.
    static const char *searchTextExpression();

    // A null QString binds as SQL NULL; the ledger's text columns are NOT NULL with '' for "none".
    static QVariant text(const QString &value);

private:
    LedgerStatus migrate();

    QString m_path;
    SqliteConnection m_connection;
    // After the connection: stopped before it closes.
    std::unique_ptr<WalCheckpointer> m_checkpointer;
    int m_transactionDepth = 0;
};

} // namespace konbini
