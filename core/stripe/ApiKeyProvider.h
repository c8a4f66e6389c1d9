#pragma once

#include <QString>

namespace konbini {

// Where the Stripe client gets its key: the OS keychain in the app, a fixed key in tests. The
// key is read for each request and never stored or logged by the client.
class ApiKeyProvider
{
public:
    virtual ~ApiKeyProvider() = default;
    virtual QString apiKey() const = 0;
};

class FixedKeyProvider : public ApiKeyProvider
{
public:
    explicit FixedKeyProvider(QString key) : m_key(std::move(key)) {}
    QString apiKey() const override { return m_key; }

private:
    QString m_key;
};

// A key known later than the client is made: the app shows the counter while the keychain is
// still answering. Empty until set; the client sends nothing without a key.
class HeldKeyProvider : public ApiKeyProvider
{
public:
    explicit HeldKeyProvider(QString key = {}) : m_key(std::move(key)) {}
    QString apiKey() const override { return m_key; }
    void setKey(QString key) { m_key = std::move(key); }

private:
    QString m_key;
};

enum class KeyMode { None, Test, Live };
KeyMode keyModeOf(const QString &key);

} // namespace konbini
