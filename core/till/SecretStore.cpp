#include "SecretStore.h"

#include <QCoreApplication>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace konbini {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(SecretStore)
};

// QtKeychain ships no Japanese catalogue: its errors are mapped to our own translated messages,
// and its English text is kept for the log only.
SecretStore::Outcome outcomeOf(const QKeychain::Job &job)
{
    SecretStore::Outcome outcome;
    outcome.details = job.errorString();
    switch (job.error()) {
    case QKeychain::NoError:
        return outcome;
    case QKeychain::EntryNotFound:
        outcome.status = SecretStore::Outcome::Status::NotFound;
        outcome.message = Text::tr("No Stripe key is stored yet.");
        return outcome;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        outcome.status = SecretStore::Outcome::Status::Denied;
        outcome.message = Text::tr("The keychain refused access to the Stripe key. Unlock the keychain and try again.");
        return outcome;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
    default:
        // Without D-Bus or a Secret Service, QtKeychain reports OtherError or NoBackendAvailable.
        outcome.status = job.error() == QKeychain::CouldNotDeleteEntry ? SecretStore::Outcome::Status::Failed
                                                                       : SecretStore::Outcome::Status::NoService;
        outcome.message =
            Text::tr("No keychain (Secret Service) is available, so the Stripe key cannot be stored safely. "
                     "Start your desktop's keyring (for example GNOME Keyring or KWallet) and try again; "
                     "until then the till runs on the sandbox.");
        return outcome;
    }
}

template <typename JobType>
JobType *prepare(JobType *job, const QString &entry)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entry);
    return job;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, QString entry, QObject *parent)
    : QObject(parent), m_service(std::move(service)), m_entry(std::move(entry))
{
}

void KeychainSecretStore::read(Callback done)
{
    auto *job = prepare(new QKeychain::ReadPasswordJob(m_service, this), m_entry);
    connect(job, &QKeychain::Job::finished, this, [job, done] {
        SecretStore::Outcome outcome = outcomeOf(*job);
        if (outcome.ok())
            outcome.secret = job->textData();
        done(outcome);
    });
    job->start();
}

void KeychainSecretStore::write(const QString &secret, Callback done)
{
    auto *job = prepare(new QKeychain::WritePasswordJob(m_service, this), m_entry);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [job, done] { done(outcomeOf(*job)); });
    job->start();
}

void KeychainSecretStore::remove(Callback done)
{
    auto *job = prepare(new QKeychain::DeletePasswordJob(m_service, this), m_entry);
    connect(job, &QKeychain::Job::finished, this, [job, done] { done(outcomeOf(*job)); });
    job->start();
}

} // namespace konbini
