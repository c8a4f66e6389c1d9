#pragma once

#include <QtGlobal>

namespace konbini::sandbox {

// The sandbox's own time in Unix seconds: the machine's clock shifted by what tests advanced,
// or frozen at a chosen instant. Every delayed transition is due by this clock, so tests move
// it forward instead of sleeping, and a demo left running still sees payments arrive.
class SandboxClock
{
public:
    qint64 now() const;
    bool isFrozen() const { return m_frozen; }

    void advance(qint64 seconds);
    void freeze();
    void unfreeze();

    // For persistence: the shift from the machine's clock, and the frozen instant.
    qint64 offsetSeconds() const { return m_offsetSeconds; }
    qint64 frozenAt() const { return m_frozenAt; }
    void restore(qint64 offsetSeconds, bool frozen, qint64 frozenAt);

private:
    qint64 m_offsetSeconds = 0;
    bool m_frozen = false;
    qint64 m_frozenAt = 0;
};

} // namespace konbini::sandbox
