// Fuzz harness: the sandbox's HTTP head parser, which sees every byte a local peer sends before
// anything is authenticated.
#include "HttpRequestHead.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace konbini::sandbox;
    const HttpLimits limits;
    const auto parsed = parseHttpRequestHead(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)), limits);
    if (const auto *head = std::get_if<HttpRequestHead>(&parsed)) {
        if (head->contentLength < 0 || head->contentLength > limits.maxBodyBytes || !head->target.startsWith('/'))
            __builtin_trap(); // a head that passes is within the limits it was checked against
        (void)head->header("Authorization");
    }
    return 0;
}
