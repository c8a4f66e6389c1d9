#include "CheckoutLogging.h"

Q_LOGGING_CATEGORY(lcCheckout, "konbini.checkout", QtInfoMsg)
