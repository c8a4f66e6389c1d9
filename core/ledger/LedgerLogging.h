#pragma once

#include <QLoggingCategory>

// The ledger library's one logging category.
Q_DECLARE_LOGGING_CATEGORY(lcLedger)
