// Benchmark (not a test): what the clerk waits for, Enter to voucher, through the real checkout
// engine and ledger against the in-process sandbox, with every request held by the sandbox for
// 0 and 150 ms (Stripe's API takes roughly 150–400 ms a call). Prints the median and p90 time
// per voucher and the requests on the clerk's path per voucher, for today's one-request sale and,
// side by side in the same run, for the two requests it replaced (create, then confirm).
//   konbini-bench-clerk [--vouchers 30]
#include "SampleSales.h"
#include "SandboxServer.h"
#include "StripeApi.h"
#include "Till.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QEventLoop>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace konbini;

namespace {

const QString kKey = QStringLiteral("sk_test_clerk_bench");

struct Figures {
    std::vector<double> ms;
    int requests = 0;
};

double percentile(std::vector<double> values, double share)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[size_t(share * double(values.size() - 1))];
}

void print(const char *what, int delayMs, const Figures &figures)
{
    std::printf("%-34s delay %3d ms   median %7.1f ms   p90 %7.1f ms   requests per voucher %.2f\n", what, delayMs,
                percentile(figures.ms, 0.5), percentile(figures.ms, 0.9),
                double(figures.requests) / double(figures.ms.size()));
}

TillConfig configFor(const QUrl &base, const QString &ledgerPath, int delayMs)
{
    TillConfig config;
    config.baseUrl = base;
    config.apiKey = kKey;
    config.ledgerPath = ledgerPath;
    config.terminal = {QStringLiteral("shibuya"), QStringLiteral("till-1")};
    config.sandbox = true;
    if (delayMs > 0)
        config.extraHeaders = {{QByteArrayLiteral("X-Sandbox-Fault"), "delay=" + QByteArray::number(delayMs)}};
    return config;
}

Figures oneRequestSales(sandbox::SandboxServer &server, QNetworkAccessManager &network, const QString &ledgerPath,
                        int delayMs, int vouchers)
{
    Till till(network, configFor(server.baseUrl(), ledgerPath, delayMs));
    if (!till.open())
        qFatal("ledger");
    Figures figures;
    int requests = 0;
    const auto counter = QObject::connect(&server, &sandbox::SandboxServer::requestReceived, [&] { ++requests; });
    for (int i = 0; i < vouchers; ++i) {
        QEventLoop loop; // not QTest::qWaitFor: it sleeps 10 ms between polls
        QElapsedTimer clock;
        clock.start();
        till.engine().issueVoucher(test::sampleSale(), [&](const CheckoutOutcome &outcome) {
            if (!outcome.ok())
                qFatal("sale failed");
            loop.quit();
        });
        loop.exec();
        figures.ms.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    QObject::disconnect(counter);
    figures.requests = requests;
    return figures;
}

// The sale as it was: create, then confirm, each a round trip, decoded by the same client.
Figures twoRequestSales(sandbox::SandboxServer &server, QNetworkAccessManager &network, int delayMs, int vouchers)
{
    StripeClientConfig config;
    config.baseUrl = server.baseUrl();
    config.loopbackHttpAllowed = true;
    if (delayMs > 0)
        config.extraHeaders = {{QByteArrayLiteral("X-Sandbox-Fault"), "delay=" + QByteArray::number(delayMs)}};
    const FixedKeyProvider key(kKey);
    StripeClient client(network, key, config);
    StripeApi api(client);
    Figures figures;
    int requests = 0;
    const auto counter = QObject::connect(&server, &sandbox::SandboxServer::requestReceived, [&] { ++requests; });
    KonbiniPaymentIntentSpec spec;
    spec.amountYen = 1500;
    spec.productDescription = QStringLiteral("お弁当");
    const KonbiniCustomer customer{QStringLiteral("山田 花子"), QStringLiteral("hanako+fill_never@test.com"),
                                   QStringLiteral("09012345678")};
    for (int i = 0; i < vouchers; ++i) {
        QEventLoop loop;
        QElapsedTimer clock;
        clock.start();
        api.send<PaymentIntent>(StripeApi::createPaymentIntent(spec), [&](const Result<PaymentIntent> &created) {
            api.send<PaymentIntent>(StripeApi::confirmPaymentIntent(created.value().id, customer),
                                    [&](const Result<PaymentIntent> &) { loop.quit(); });
        });
        loop.exec();
        figures.ms.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    QObject::disconnect(counter);
    figures.requests = requests;
    return figures;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption vouchersOption(QStringLiteral("vouchers"), QStringLiteral("Vouchers per run."),
                                      QStringLiteral("n"), QStringLiteral("30"));
    parser.addOption(vouchersOption);
    parser.process(app);
    const int vouchers = parser.value(vouchersOption).toInt();

    sandbox::SandboxOptions options;
    options.requiredKey = kKey;
    sandbox::SandboxServer server(options);
    QString error;
    if (!server.start(error))
        qFatal("sandbox: %s", qPrintable(error));
    QNetworkAccessManager network;
    QTemporaryDir dir;
    int ledgers = 0;
    for (const int delayMs : {0, 150}) {
        // Alternate so that drift hits both alike.
        const Figures before = twoRequestSales(server, network, delayMs, vouchers);
        const Figures now = oneRequestSales(server, network, dir.filePath(QString::number(++ledgers)), delayMs, vouchers);
        print("create, then confirm (before)", delayMs, before);
        print("create with confirm=true (now)", delayMs, now);
        if (delayMs > 0) {
            const Figures idle = oneRequestSales(server, network, dir.filePath(QString::number(++ledgers)), 0, vouchers);
            const double target = 1.15 * (delayMs + percentile(idle.ms, 0.5));
            std::printf("target: <= 1.15 x (one round trip + the app's own time) = %.1f ms; 1 request per voucher\n",
                        target);
        }
    }
    return 0;
}
