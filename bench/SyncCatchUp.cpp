// Benchmark (not a test): event sync at ledger scale, against the standalone sandbox in its own
// process (so the figures are the till's alone).
//  1. Catch-up: a ledger of --vouchers open vouchers (default 100,000; --in-stripe of them exist in
//     the sandbox) and no event cursor. Prints requests, requests/s, the longest event-loop stall
//     and resident memory before, at peak and after.
//  2. Burst: --burst of those vouchers are paid at once while the sandbox fails 30 % of requests at
//     random. Prints the time until every one of them is paid in the ledger.
//   konbini-bench-sync [--vouchers 100000] [--in-stripe 3000] [--burst 500]
#include "EventSync.h"
#include "Ledger.h"
#include "RawHttpConnection.h"
#include "SandboxPaths.h"
#include "StripeApi.h"
#include "StripePaths.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <vector>

using namespace konbini;

namespace {

const QByteArray kKey = QByteArrayLiteral("sk_test_sync_bench");

qint64 statusKb(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field + ':'))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

struct Sandbox {
    QProcess process;
    QUrl base;
    int requests = 0;

    bool start(const QStringList &arguments)
    {
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.start(QStringLiteral(KONBINI_SANDBOX_EXECUTABLE), QStringList{QStringLiteral("--port"), QStringLiteral("0")} + arguments);
        if (!process.waitForStarted() || !process.waitForReadyRead(10000))
            return false;
        base = QUrl(QString::fromUtf8(process.readLine()).trimmed().mid(13));
        return base.isValid();
    }
    ~Sandbox()
    {
        process.terminate();
        process.waitForFinished(5000);
    }
};

// One request over the raw client, waited for.
QByteArray call(RawHttpConnection &connection, const QByteArray &request, int *status = nullptr)
{
    QEventLoop loop;
    QByteArray answer;
    connection.send(request, [&](int code, const QByteArray &body) {
        if (status)
            *status = code;
        answer = body;
        loop.quit();
    });
    loop.exec();
    return answer;
}

// Longest gap between ticks of a 5 ms timer: how long the event loop (the window) was blocked.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_clock.start();
        m_timer.setTimerType(Qt::PreciseTimer);
        m_since.start();
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 gap = m_clock.restart();
            if (gap > m_longestMs) {
                m_longestMs = gap;
                m_longestEndedAt = m_since.elapsed();
            }
        });
        m_timer.start(5);
    }
    qint64 longestMs() const { return m_longestMs; }
    qint64 longestEndedAtMs() const { return m_longestEndedAt; }

private:
    QElapsedTimer m_since;
    qint64 m_longestEndedAt = 0;
    QElapsedTimer m_clock;
    QTimer m_timer;
    qint64 m_longestMs = 0;
};

struct Till {
    QNetworkAccessManager network;
    FixedKeyProvider key{QString::fromLatin1(kKey)};
    StripeClient client;
    StripeApi api;
    int requests = 0;
    QElapsedTimer since;
    std::vector<qint64> answeredAtMs;

    explicit Till(const QUrl &base)
        : client(network, key, [&] {
              StripeClientConfig config;
              config.baseUrl = base;
              config.loopbackHttpAllowed = true;
              return config;
          }()),
          api(client)
    {
        since.start();
        QObject::connect(&network, &QNetworkAccessManager::finished, [this] {
            ++requests;
            answeredAtMs.push_back(since.elapsed());
        });
    }

    // Stripe's limits are per second: the most answers within any one second.
    int mostInOneSecond() const
    {
        int most = 0;
        size_t first = 0;
        for (size_t last = 0; last < answeredAtMs.size(); ++last) {
            while (answeredAtMs[last] - answeredAtMs[first] >= 1000)
                ++first;
            most = std::max(most, int(last - first + 1));
        }
        return most;
    }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption vouchersOption(QStringLiteral("vouchers"), QStringLiteral("Open vouchers in the ledger."),
                                      QStringLiteral("n"), QStringLiteral("100000"));
    QCommandLineOption inStripeOption(QStringLiteral("in-stripe"), QStringLiteral("Of them, PaymentIntents in the sandbox."),
                                      QStringLiteral("n"), QStringLiteral("3000"));
    QCommandLineOption burstOption(QStringLiteral("burst"), QStringLiteral("Of them, paid at once under 30 % faults."),
                                   QStringLiteral("n"), QStringLiteral("500"));
    parser.addOptions({vouchersOption, inStripeOption, burstOption});
    parser.process(app);
    const int vouchers = parser.value(vouchersOption).toInt();
    const int inStripe = std::min(vouchers, parser.value(inStripeOption).toInt());
    const int burst = std::min(inStripe, parser.value(burstOption).toInt());

    QTemporaryDir dir;
    const QString statePath = dir.filePath(QStringLiteral("sandbox-state.sqlite"));
    QList<VoucherRecord> records;
    QList<PaymentIntent> issued; // as the till recorded them when it issued them
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    {
        Sandbox sandbox;
        if (!sandbox.start({QStringLiteral("--state"), statePath})) {
            std::fprintf(stderr, "konbini-sandbox did not start\n");
            return 1;
        }
        RawHttpConnection connection(sandbox.base.host(), quint16(sandbox.base.port()));
        if (!connection.waitConnected())
            return 1;
        for (int i = 0; i < inStripe; ++i) {
            // The first `burst` are paid 3 minutes after the clock moves; the rest never.
            const QByteArray email = i < burst ? "burst" + QByteArray::number(i) + "@test.com"
                                               : "open" + QByteArray::number(i) + "%2Bfill_never@test.com";
            const QByteArray form = "amount=1500&currency=jpy&payment_method_types[]=konbini&confirm=true"
                                    "&payment_method_data[type]=konbini&payment_method_data[billing_details][name]=Bench"
                                    "&payment_method_data[billing_details][email]="
                + email;
            int status = 0;
            const QJsonObject pi =
                QJsonDocument::fromJson(
                    call(connection, RawHttpConnection::post(StripePaths::paymentIntents().toLatin1(), kKey, form),
                         &status))
                    .object();
            if (status != 200) {
                std::fprintf(stderr, "sandbox refused a PaymentIntent (%d)\n", status);
                return 1;
            }
            VoucherRecord record;
            record.orderRef = QStringLiteral("bench-%1").arg(i);
            record.paymentIntentId = pi.value(QStringLiteral("id")).toString();
            records.append(record);
            issued.append(decodePaymentIntent(pi).value());
        }
    }
    for (int i = inStripe; i < vouchers; ++i) {
        VoucherRecord record;
        record.orderRef = QStringLiteral("bench-%1").arg(i);
        record.paymentIntentId = QStringLiteral("pi_elsewhere%1").arg(i); // paid or gone long ago
        records.append(record);
    }
    for (VoucherRecord &record : records) {
        record.store = QStringLiteral("shibuya");
        record.terminal = QStringLiteral("till-1");
        record.amountYen = 1500;
        record.customerName = QStringLiteral("Bench");
        record.email = QStringLiteral("bench@test.com");
        record.createdAt = now;
        record.status = VoucherStatus::Pending;
        record.stripeStatus = PaymentIntentStatus::RequiresAction;
    }
    Ledger ledger(dir.filePath(QStringLiteral("ledger.sqlite")));
    if (!ledger.open() || !ledger.vouchers().insertMany(records)) {
        std::fprintf(stderr, "ledger\n");
        return 1;
    }
    records.clear();
    records.squeeze();
    const LedgerStatus recorded = ledger.transaction([&]() -> LedgerStatus {
        for (qsizetype i = 0; i < issued.size(); ++i) {
            const auto applied = ledger.vouchers().applyPaymentIntent(i + 1, issued[i], now);
            if (!applied)
                return applied.error();
        }
        return {};
    });
    if (!recorded) {
        std::fprintf(stderr, "ledger\n");
        return 1;
    }
    issued.clear();
    // Fold the bulk insert's write-ahead log into the file now, not in the first commit measured.
    QSqlQuery(ledger.database().database()).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));

    // 1. Catch-up without a cursor.
    {
        Sandbox sandbox;
        if (!sandbox.start({QStringLiteral("--state"), statePath}))
            return 1;
        Till till(sandbox.base);
        EventSync sync(till.api, ledger, EventSync::Settings{});
        const qint64 rssBefore = statusKb("VmRSS");
        StallMeter stalls;
        QEventLoop loop;
        QObject::connect(&sync, &EventSync::synced, &loop, &QEventLoop::quit);
        QObject::connect(&sync, &EventSync::syncFailed, &loop, &QEventLoop::quit);
        QElapsedTimer clock;
        clock.start();
        sync.syncNow();
        loop.exec();
        const double seconds = double(clock.elapsed()) / 1000.0;
        std::printf("catch-up: %d open vouchers (%d in Stripe), no cursor\n", vouchers, inStripe);
        std::printf("  %d requests in %.2f s (%.1f a second on average); at most %d in any one second (target <= 10)\n",
                    till.requests, seconds, double(till.requests) / seconds, till.mostInOneSecond());
        std::printf("  longest event-loop stall %lld ms, ending %lld ms into the pass (target <= 50)\n",
                    stalls.longestMs(), stalls.longestEndedAtMs());
        std::printf("  resident memory: before %.1f MB, peak %.1f MB, after %.1f MB (target: growth < 50 MB)\n",
                    double(rssBefore) / 1024, double(statusKb("VmHWM")) / 1024, double(statusKb("VmRSS")) / 1024);
        // Idle: polls with nothing new.
        const int before = till.requests;
        for (int poll = 0; poll < 3; ++poll) {
            sync.syncNow();
            loop.exec();
        }
        std::printf("  idle polls: %.1f requests a poll (target <= 1)\n", double(till.requests - before) / 3.0);
    }

    // 2. A burst of payments while 30 % of requests fail.
    if (burst > 0) {
        Sandbox sandbox;
        if (!sandbox.start({QStringLiteral("--state"), statePath, QStringLiteral("--fault-rate"), QStringLiteral("0.3"),
                            QStringLiteral("--fault-seed"), QStringLiteral("7")}))
            return 1;
        RawHttpConnection helper(sandbox.base.host(), quint16(sandbox.base.port()));
        if (!helper.waitConnected())
            return 1;
        Till till(sandbox.base);
        EventSync sync(till.api, ledger, EventSync::Settings{});
        // Sandbox helpers are never faulted: the clock moves and the burst is paid.
        call(helper, RawHttpConnection::post(sandbox::SandboxPaths::clock().toLatin1(), kKey, "advance_seconds=180"));
        QElapsedTimer clock;
        clock.start();
        sync.start();
        const auto paidCount = [&] {
            return ledger.vouchers().withStatus({VoucherStatus::Paid}).value_or({}).size();
        };
        QEventLoop loop;
        QTimer check;
        QObject::connect(&check, &QTimer::timeout, &loop, [&] {
            if (paidCount() >= burst || clock.elapsed() > 600'000)
                loop.quit();
        });
        check.start(200);
        loop.exec();
        std::printf("burst: %d payments at once, 30 %% of requests failing\n", burst);
        std::printf("  %lld of %d paid in the ledger after %.1f s (target: all within 60 s), %d requests\n",
                    static_cast<long long>(paidCount()), burst, double(clock.elapsed()) / 1000.0, till.requests);
    }
    return 0;
}
