#include "Till.h"

#include <QDateTime>

namespace konbini {

Till::Till(QNetworkAccessManager &network, TillConfig config) : m_config(std::move(config)), m_key(m_config.apiKey)
{
    StripeClientConfig client;
    client.baseUrl = m_config.baseUrl;
    client.timeout = m_config.requestTimeout;
    client.callDeadline = m_config.callDeadline;
    client.maxAnswerBytes = m_config.maxAnswerBytes;
    client.loopbackHttpAllowed = m_config.sandbox;
    client.retry = m_config.retry;
    client.extraHeaders = m_config.extraHeaders;
    m_ledger = std::make_unique<Ledger>(m_config.ledgerPath);
    m_client = std::make_unique<StripeClient>(network, m_key, client);
    m_api = std::make_unique<StripeApi>(*m_client);
    m_backgroundClient = std::make_unique<StripeClient>(m_backgroundNetwork, m_key, client);
    m_backgroundApi = std::make_unique<StripeApi>(*m_backgroundClient);
    m_engine = std::make_unique<CheckoutEngine>(*m_api, *m_ledger, m_config.terminal, m_config.clock);
    m_session = std::make_unique<CheckoutSession>(*m_engine);
    m_safeguards = std::make_unique<SaleSafeguards>(*m_ledger, m_config.clock);
    m_failedRecoveries = std::make_unique<FailedRecoveries>(*m_engine, *m_ledger);
    m_sync = std::make_unique<EventSync>(*m_backgroundApi, *m_ledger, m_config.sync, m_config.clock);
    m_paidInbox = std::make_unique<PaidInbox>(*m_ledger);
    QObject::connect(m_sync.get(), &EventSync::voucherPaid, m_paidInbox.get(), &PaidInbox::add);
    m_storeSearch = std::make_unique<StoreSearch>(*m_backgroundApi, m_config.terminal.store);
    QObject::connect(&m_keepWarm, &QTimer::timeout, m_client.get(), &StripeClient::warmUp);
    m_clerks = std::make_unique<ClerkDesk>(*m_ledger, *m_engine, m_config.clock);
    std::function<qint64()> clock = m_config.clock;
    if (!clock)
        clock = [] { return QDateTime::currentSecsSinceEpoch(); };
    m_retention = std::make_unique<PersonalDataRetention>(*m_ledger, clock);
    m_retention->setRetentionDays(m_config.retentionDays);
    QObject::connect(&m_retentionTimer, &QTimer::timeout, [this] { m_retention->sweep(); });
}

// Members go in reverse order: the sync and the engine abandon their calls before the client
// and the ledger they use are gone.
Till::~Till() = default;

LedgerStatus Till::open()
{
    LedgerStatus opened = m_ledger->open();
    if (opened)
        m_paidInbox->load();
    return opened;
}

void Till::start()
{
    if (m_config.keepWarmEvery.count() > 0) {
        m_client->warmUp();
        m_keepWarm.start(m_config.keepWarmEvery);
    }
    m_engine->resumeUnfinished();
    m_sync->start();
    m_retention->sweep();
    m_retentionTimer.start(std::chrono::hours(1));
}

} // namespace konbini
