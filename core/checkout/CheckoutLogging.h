#pragma once

#include <QLoggingCategory>

// The checkout library's one logging category.
Q_DECLARE_LOGGING_CATEGORY(lcCheckout)
