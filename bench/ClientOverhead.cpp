// Benchmark (not a test): what the Stripe client adds per voucher. Against the standalone
// sandbox (its own process, in memory), the same create + confirm pair is sent N times by
// (a) a minimal raw keep-alive HTTP client and (b) StripeApi on QNetworkAccessManager, with
// typed decoding, (c) bare QNetworkAccessManager, to show where Qt's own cost ends, and (d) Stripe's
// official Node library when node and tests/stripe-node's modules are there; rounds alternate so
// drift hits all alike. Prints per-voucher medians and the ratios.
//   konbini-bench-client [--vouchers 500] [--rounds 6]
#include "Median.h"
#include "RawHttpConnection.h"
#include "StripeApi.h"
#include "StripePaths.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

using namespace konbini;

namespace {

const QByteArray kKey = QByteArrayLiteral("sk_test_benchmark");

// Every client sends the same bytes: the ones StripeApi prepares.
KonbiniPaymentIntentSpec sale()
{
    KonbiniPaymentIntentSpec spec;
    spec.amountYen = 1500;
    spec.productDescription = QStringLiteral("お弁当");
    return spec;
}

const KonbiniCustomer kCustomer{QStringLiteral("山田 花子"), QStringLiteral("hanako+fill_never@test.com"),
                                QStringLiteral("09012345678")};

QByteArray createForm()
{
    return StripeApi::createPaymentIntent(sale()).body;
}

QByteArray confirmForm()
{
    return StripeApi::confirmPaymentIntent(QStringLiteral("pi_x"), kCustomer).body;
}

// Sequential: one voucher at a time, as at a counter. Returns microseconds per voucher.
double rawRound(RawHttpConnection &connection, int vouchers, int &failures)
{
    const QByteArray create = createForm();
    const QByteArray confirm = confirmForm();
    int done = 0;
    QEventLoop loop;
    std::function<void()> next = [&] {
        if (done == vouchers) {
            loop.quit();
            return;
        }
        const QByteArray key = "raw-" + QByteArray::number(QRandomGenerator::global()->generate64());
        connection.send(RawHttpConnection::post(StripePaths::paymentIntents().toLatin1(), kKey, create),
                        [&, key](int status, const QByteArray &body) {
                            failures += status != 200;
                            const QByteArray id = body.mid(body.indexOf("\"id\":\"") + 6, 27);
                            connection.send(RawHttpConnection::post(
                                                StripePaths::confirmPaymentIntent(QString::fromLatin1(id)).toLatin1(),
                                                kKey, confirm),
                                            [&](int confirmStatus, const QByteArray &) {
                                                failures += confirmStatus != 200;
                                                ++done;
                                                next();
                                            });
                        });
    };
    QElapsedTimer timer;
    timer.start();
    next();
    loop.exec();
    return double(timer.nsecsElapsed()) / 1000.0 / vouchers;
}

double clientRound(StripeApi &api, int vouchers, int &failures)
{
    int done = 0;
    QEventLoop loop;
    std::function<void()> next = [&] {
        if (done == vouchers) {
            loop.quit();
            return;
        }
        api.send<PaymentIntent>(StripeApi::createPaymentIntent(sale()), [&](const Result<PaymentIntent> &created) {
            if (!created.ok()) {
                ++failures;
                ++done;
                next();
                return;
            }
            api.send<PaymentIntent>(StripeApi::confirmPaymentIntent(created.value().id, kCustomer),
                                    [&](const Result<PaymentIntent> &confirmed) {
                                        failures += !confirmed.ok() || !confirmed.value().voucher;
                                        ++done;
                                        next();
                                    });
        });
    };
    QElapsedTimer timer;
    timer.start();
    next();
    loop.exec();
    return double(timer.nsecsElapsed()) / 1000.0 / vouchers;
}

// QNetworkAccessManager alone, no retries, decoding or typed objects: where Qt's own cost ends.
double bareQnamRound(QNetworkAccessManager &network, const QUrl &base, int vouchers, int &failures)
{
    const QByteArray create = createForm();
    const QByteArray confirm = confirmForm();
    const auto request = [&](const QString &path) {
        QUrl url = base;
        url.setPath(path);
        QNetworkRequest r(url);
        r.setRawHeader("Authorization", "Bearer " + kKey);
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        return r;
    };
    int done = 0;
    QEventLoop loop;
    std::function<void()> next = [&] {
        if (done == vouchers) {
            loop.quit();
            return;
        }
        QNetworkReply *created = network.post(request(StripePaths::paymentIntents()), create);
        QObject::connect(created, &QNetworkReply::finished, [&, created] {
            created->deleteLater();
            const QByteArray body = created->readAll();
            failures += created->error() != QNetworkReply::NoError;
            const QString id = QString::fromLatin1(body.mid(body.indexOf("\"id\":\"") + 6, 27));
            QNetworkReply *confirmed = network.post(request(StripePaths::confirmPaymentIntent(id)), confirm);
            QObject::connect(confirmed, &QNetworkReply::finished, [&, confirmed] {
                confirmed->deleteLater();
                failures += confirmed->error() != QNetworkReply::NoError;
                ++done;
                next();
            });
        });
    };
    QElapsedTimer timer;
    timer.start();
    next();
    loop.exec();
    return double(timer.nsecsElapsed()) / 1000.0 / vouchers;
}

// Stripe's own Node library, one round in a node process of its own (its time is measured inside,
// after a warm-up); 0 when node or the library is missing.
double stripeNodeRound(const QUrl &base, int vouchers, int &failures)
{
    QProcess node;
    node.start(QStringLiteral("node"), {QStringLiteral(KONBINI_STRIPE_NODE_ROUND), QStringLiteral(KONBINI_STRIPE_NODE_MODULES),
                                        base.toString(QUrl::StripTrailingSlash), QString::number(vouchers)});
    if (!node.waitForFinished(300000) || node.exitCode() != 0)
        return 0;
    const QList<QByteArray> words = node.readAllStandardOutput().trimmed().split(' ');
    if (words.size() != 3 || words[0] != "stripe-node")
        return 0;
    failures += words[2].toInt();
    return words[1].toDouble();
}

// CPU time of this process (all its threads, Qt's HTTP thread included), microseconds.
double processCpuMicros()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return now.tv_sec * 1e6 + now.tv_nsec / 1e3;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption vouchersOption(QStringLiteral("vouchers"), QStringLiteral("Vouchers per round."),
                                            QStringLiteral("n"), QStringLiteral("500"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("Rounds of each client."),
                                          QStringLiteral("n"), QStringLiteral("6"));
    parser.addOptions({vouchersOption, roundsOption});
    parser.process(app);
    const int vouchers = parser.value(vouchersOption).toInt();
    const int rounds = parser.value(roundsOption).toInt();

    QProcess sandbox;
    sandbox.start(QStringLiteral(KONBINI_SANDBOX_EXECUTABLE), {QStringLiteral("--port"), QStringLiteral("0")});
    if (!sandbox.waitForStarted() || !sandbox.waitForReadyRead(10000))
        return 1;
    const QUrl base(QString::fromUtf8(sandbox.readLine()).trimmed().mid(13));

    RawHttpConnection raw(base.host(), quint16(base.port()));
    if (!raw.waitConnected())
        return 1;
    QNetworkAccessManager network;
    FixedKeyProvider key(QString::fromLatin1(kKey));
    StripeClientConfig config;
    config.baseUrl = base;
    config.loopbackHttpAllowed = true;
    StripeClient client(network, key, config);
    StripeApi api(client);

    int failures = 0;
    rawRound(raw, 50, failures); // warm-up: connections, allocators, caches
    clientRound(api, 50, failures);
    std::vector<double> rawTimes;
    std::vector<double> clientTimes;
    std::vector<double> bareTimes;
    std::vector<double> nodeTimes;
    std::vector<double> rawCpu, clientCpu, bareCpu;
    QNetworkAccessManager bareNetwork;
    bareQnamRound(bareNetwork, base, 50, failures);
    // Each round starts with the next client in turn, so none is always measured right after the
    // same other one (the raw client once always followed a QNAM round, and paid for it).
    const std::function<void()> measured[] = {
        [&] {
            const double cpu = processCpuMicros();
            rawTimes.push_back(rawRound(raw, vouchers, failures));
            rawCpu.push_back((processCpuMicros() - cpu) / vouchers);
        },
        [&] {
            const double cpu = processCpuMicros();
            clientTimes.push_back(clientRound(api, vouchers, failures));
            clientCpu.push_back((processCpuMicros() - cpu) / vouchers);
        },
        [&] {
            const double cpu = processCpuMicros();
            bareTimes.push_back(bareQnamRound(bareNetwork, base, vouchers, failures));
            bareCpu.push_back((processCpuMicros() - cpu) / vouchers);
        },
        [&] {
            if (const double micros = stripeNodeRound(base, vouchers, failures); micros > 0)
                nodeTimes.push_back(micros);
        },
    };
    for (int round = 0; round < rounds; ++round) {
        for (int i = 0; i < 4; ++i)
            measured[(round + i) % 4]();
    }
    const double rawMedian = median(rawTimes);
    const double clientMedian = median(clientTimes);
    std::printf("create + confirm per voucher, sequential, %d rounds of %d against konbini-sandbox (in memory)\n",
                rounds, vouchers);
    std::printf("raw keep-alive HTTP client      %8.1f us/voucher\n", rawMedian);
    std::printf("bare QNetworkAccessManager      %8.1f us/voucher\n", median(bareTimes));
    std::printf("StripeApi (QNAM, typed decode)  %8.1f us/voucher\n", clientMedian);
    std::printf("ratio client/raw                %8.2f x\n", clientMedian / rawMedian);
    std::printf("ratio bare QNAM/raw             %8.2f x   (Qt's HTTP thread alone)\n", median(bareTimes) / rawMedian);
    std::printf("ratio client/bare QNAM          %8.2f x   (what this project's layer adds; target < 1.30)\n",
                clientMedian / median(bareTimes));
    if (nodeTimes.empty()) {
        std::printf("stripe-node: not run (needs node and 'npm ci --prefix tests/stripe-node')\n");
    } else {
        std::printf("Stripe's Node library (stripe-node) %8.1f us/voucher\n", median(nodeTimes));
        std::printf("ratio client/stripe-node        %8.2f x   (target < 1)\n", clientMedian / median(nodeTimes));
    }
    std::printf("client CPU per voucher: raw %.1f us, bare QNAM %.1f us, StripeApi %.1f us (ratio client/raw %.2f x)\n",
                median(rawCpu), median(bareCpu), median(clientCpu), median(clientCpu) / median(rawCpu));
    std::printf("failed requests: %d\n", failures);
    sandbox.terminate();
    sandbox.waitForFinished();
    return failures == 0 ? 0 : 1;
}
