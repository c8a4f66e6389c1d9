#pragma once

#include "Csv.h"
#include "LedgerRecords.h"

namespace konbini {

// The 明細 for accounting: one line per voucher and per refund (StatementQuery), columns named in
// the UI's language, times in JST, yen as plain integers, text cells neutralised (Csv).
QByteArray statementCsv(const QList<StatementRow> &rows, CsvEncoding encoding);

// The audit log as the owner exports it.
QByteArray auditLogCsv(const QList<AuditEntry> &entries, CsvEncoding encoding);

// "2026-11-29 14:05:09": a Unix time as JST wall-clock time; empty for 0.
QString jstTimestamp(qint64 unixSeconds);

} // namespace konbini
