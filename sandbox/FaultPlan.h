#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <random>

namespace konbini::sandbox {

// A failure to inject into one request, for the client's reliability tests: asked for with the
// `X-Sandbox-Fault` header (`503`, `drop_after`, `delay=250,500`, …) or drawn at random for the
// whole server with --fault-rate/--fault-seed.
struct FaultPlan {
    enum class Kind {
        None,
        InternalError,     // 500 api_error
        Unavailable,       // 503 api_error
        RateLimited,       // 429 rate_limit
        KonbiniRateLimit,  // 429 payment_method_rate_limit_exceeded
        MethodUnavailable, // 400 payment_method_not_available
        DropBefore,        // close the connection without processing
        DropAfter,         // process and commit, then close without answering
    };
    Kind kind = Kind::None;
    int delayMs = 0;
    // With count=N the fault hits only the first N attempts of the same request (same
    // Idempotency-Key, or same method and path without one), so a client's retry can succeed.
    int count = 0;

    // Parses the header; returns nullopt with a message for an unknown fault.
    static std::optional<FaultPlan> fromHeader(const QByteArray &header, QString &error);
};

// Random faults at a fixed rate, reproducible from a seed.
class RandomFaults
{
public:
    RandomFaults(double rate, quint64 seed) : m_rate(rate), m_generator(seed) {}
    FaultPlan::Kind draw();

private:
    double m_rate;
    std::mt19937_64 m_generator;
};

} // namespace konbini::sandbox
