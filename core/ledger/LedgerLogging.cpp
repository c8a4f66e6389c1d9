#include "LedgerLogging.h"

Q_LOGGING_CATEGORY(lcLedger, "konbini.ledger", QtInfoMsg)
