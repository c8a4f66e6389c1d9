#pragma once

#include "SecretStore.h"

namespace konbini::test {

// A SecretStore in memory, for tests of what uses a key store (never the app).
class MemorySecretStore : public SecretStore
{
public:
    void read(Callback done) override;
    void write(const QString &secret, Callback done) override;
    void remove(Callback done) override;
    bool hasSecret() const { return !m_secret.isEmpty(); }

private:
    QString m_secret;
};

} // namespace konbini::test
