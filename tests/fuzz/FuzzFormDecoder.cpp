// Fuzz harness: the sandbox's form decoder (request bodies and query strings) must answer every
// input with a tree or an error, within its limits, and never overflow the stack.
#include "FormDecoder.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QJsonObject params;
    QString error;
    const bool decoded = konbini::sandbox::decodeStripeForm(
        QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)), params, error);
    if (decoded == !error.isEmpty())
        __builtin_trap(); // exactly one of a tree or a message
    return 0;
}
