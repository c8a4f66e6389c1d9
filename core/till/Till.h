#pragma once

#include "CheckoutEngine.h"
#include "CheckoutSession.h"
#include "ClerkDesk.h"
#include "EventSync.h"
#include "FailedRecoveries.h"
#include "PaidInbox.h"
#include "PersonalDataRetention.h"
#include "SaleSafeguards.h"
#include "StoreSearch.h"

#include <QNetworkAccessManager>
#include <QTimer>

#include <chrono>
#include <memory>

namespace konbini {

// How one till is put together: where Stripe is, with which key, which ledger, which terminal.
struct TillConfig {
    QUrl baseUrl;
    QString apiKey;
    QString ledgerPath;
    TerminalIdentity terminal;
    std::chrono::milliseconds requestTimeout{30000};
    std::chrono::milliseconds callDeadline{45000};
    qint64 maxAnswerBytes = 4 * 1024 * 1024;
    // On a sandbox of this computer with the sandbox's own key: plain http to loopback is allowed.
    // Never for a stored Stripe key.
    bool sandbox = false;
    RetrySettings retry;
    EventSync::Settings sync;
    // Sent with every request (tests: the sandbox's X-Sandbox-Fault).
    QList<QPair<QByteArray, QByteArray>> extraHeaders;
    // The clerk's connection is opened at start and kept open by reopening it this often when
    // idle (a sale never waits for a TCP and TLS handshake); 0: never.
    std::chrono::milliseconds keepWarmEvery{20000};
    // For tests on the sandbox's clock; empty: the machine's.
    std::function<qint64()> clock;
    // Customers' data is erased this many days after a voucher closes (checked at start and hourly).
    int retentionDays = PersonalDataRetention::kDefaultRetentionDays;
};

// One running till: ledger, Stripe client and API, checkout engine, the sale at the counter,
// event sync and the store-wide search, wired once for the app and for the tests. Destroying it
// is a safe quit: requests in flight are abandoned and resumed at the next start.
class Till
{
public:
    Till(QNetworkAccessManager &network, TillConfig config);
    ~Till();
    Till(const Till &) = delete;
    Till &operator=(const Till &) = delete;

    // Opens (and migrates) the ledger; nothing else may be used before it succeeded.
    LedgerStatus open();
    // Resumes what the journal left pending (each sale reported by the session) and starts sync.
    void start();

    // The key, once the keychain has answered (a till may be built with none: nothing is sent
    // until it has one).
    void setApiKey(const QString &key) { m_key.setKey(key); }
    bool hasApiKey() const { return !m_key.apiKey().isEmpty(); }

    const TillConfig &config() const { return m_config; }
    Ledger &ledger() { return *m_ledger; }
    StripeClient &client() { return *m_client; }
    StripeApi &api() { return *m_api; }
    // What event sync and the store search use: another client on its own connections.
    StripeClient &syncClient() { return *m_backgroundClient; }
    StripeApi &syncApi() { return *m_backgroundApi; }
    CheckoutEngine &engine() { return *m_engine; }
    CheckoutSession &session() { return *m_session; }
    SaleSafeguards &safeguards() { return *m_safeguards; }
    PaidInbox &paidInbox() { return *m_paidInbox; }
    // Interrupted sales the till could not finish at start, with a retry.
    FailedRecoveries &failedRecoveries() { return *m_failedRecoveries; }
    EventSync &sync() { return *m_sync; }
    StoreSearch &storeSearch() { return *m_storeSearch; }
    // Who is signed in, the owner's approvals and the clerks.
    ClerkDesk &clerks() { return *m_clerks; }
    PersonalDataRetention &retention() { return *m_retention; }

private:
    TillConfig m_config;
    HeldKeyProvider m_key;
    std::unique_ptr<Ledger> m_ledger;
    std::unique_ptr<StripeClient> m_client;
    std::unique_ptr<StripeApi> m_api;
    // Event sync and the store search have their own connections: a poll never holds the clerk's.
    QNetworkAccessManager m_backgroundNetwork;
    std::unique_ptr<StripeClient> m_backgroundClient;
    std::unique_ptr<StripeApi> m_backgroundApi;
    QTimer m_keepWarm;
    QTimer m_retentionTimer;
    std::unique_ptr<CheckoutEngine> m_engine;
    std::unique_ptr<CheckoutSession> m_session;
    std::unique_ptr<SaleSafeguards> m_safeguards;
    std::unique_ptr<FailedRecoveries> m_failedRecoveries;
    std::unique_ptr<PaidInbox> m_paidInbox;
    std::unique_ptr<EventSync> m_sync;
    std::unique_ptr<StoreSearch> m_storeSearch;
    std::unique_ptr<ClerkDesk> m_clerks;
    std::unique_ptr<PersonalDataRetention> m_retention;
};

} // namespace konbini
