#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace konbini {

// Where the Stripe key is kept: only the operating system's keychain in the app (no plaintext
// fallback, ever); tests use the in-memory MemorySecretStore of tests/support. Asynchronous: no nested event loops.
class SecretStore
{
public:
    struct Outcome {
        enum class Status { Ok, NotFound, NoService, Denied, Failed };
        Status status = Status::Ok;
        QString secret;  // for reads
        QString message; // what went wrong, for the clerk (translated)
        QString details; // the keychain's own words, for the log
        bool ok() const { return status == Status::Ok; }
    };
    using Callback = std::function<void(const Outcome &)>;

    virtual ~SecretStore() = default;
    virtual void read(Callback done) = 0;
    virtual void write(const QString &secret, Callback done) = 0;
    virtual void remove(Callback done) = 0;
};

// QtKeychain (Secret Service on Linux, Keychain on macOS, Credential Manager on Windows) with
// insecureFallback off: when no backend answers, the outcome says NoService and nothing is
// written anywhere else.
class KeychainSecretStore : public QObject, public SecretStore
{
    Q_OBJECT

public:
    explicit KeychainSecretStore(QString service = QStringLiteral("konbini-pos"),
                                 QString entry = QStringLiteral("stripe-api-key"), QObject *parent = nullptr);
    void read(Callback done) override;
    void write(const QString &secret, Callback done) override;
    void remove(Callback done) override;

private:
    QString m_service;
    QString m_entry;
};

} // namespace konbini
