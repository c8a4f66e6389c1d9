#include "MemorySecretStore.h"

#include <QTimer>

namespace konbini::test {

void MemorySecretStore::read(Callback done)
{
    Outcome outcome;
    if (m_secret.isEmpty())
        outcome.status = Outcome::Status::NotFound;
    outcome.secret = m_secret;
    QTimer::singleShot(0, [done, outcome] { done(outcome); });
}

void MemorySecretStore::write(const QString &secret, Callback done)
{
    m_secret = secret;
    QTimer::singleShot(0, [done] { done(Outcome{}); });
}

void MemorySecretStore::remove(Callback done)
{
    m_secret.clear();
    QTimer::singleShot(0, [done] { done(Outcome{}); });
}

} // namespace konbini::test
