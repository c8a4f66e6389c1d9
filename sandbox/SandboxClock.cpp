#include "SandboxClock.h"

#include <QDateTime>

namespace konbini::sandbox {

qint64 SandboxClock::now() const
{
    return m_frozen ? m_frozenAt : QDateTime::currentSecsSinceEpoch() + m_offsetSeconds;
}

void SandboxClock::advance(qint64 seconds)
{
    if (m_frozen)
        m_frozenAt += seconds;
    else
        m_offsetSeconds += seconds;
}

void SandboxClock::freeze()
{
    if (m_frozen)
        return;
    m_frozenAt = now();
    m_frozen = true;
}

void SandboxClock::unfreeze()
{
    if (!m_frozen)
        return;
    m_offsetSeconds = m_frozenAt - QDateTime::currentSecsSinceEpoch();
    m_frozen = false;
}

void SandboxClock::restore(qint64 offsetSeconds, bool frozen, qint64 frozenAt)
{
    m_offsetSeconds = offsetSeconds;
    m_frozen = frozen;
    m_frozenAt = frozenAt;
}

} // namespace konbini::sandbox
