// konbini-sandbox: the Stripe test-mode emulator for the Konbini subset, as a standalone server.
#include "SandboxServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int g_signalPipe[2] = {-1, -1};

void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

// Quits the event loop on SIGINT/SIGTERM through a self-pipe: a signal handler may only write.
void quitOnTerminationSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

} // namespace

int main(int argc, char *argv[])
{
    // A server with nothing but sockets and timers: Qt's own event dispatcher costs fewer system
    // calls per request than GLib's (each socket-notifier change wakes a GLib context).
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("konbini-sandbox"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Stripe test-mode emulator for Konbini payments (loopback HTTP)."));
    parser.addHelpOption();
    const QCommandLineOption host(QStringLiteral("host"), QStringLiteral("Address to bind (default 127.0.0.1)."),
                                  QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port, 0 for any free one (default 0)."),
                                  QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption state(QStringLiteral("state"),
                                   QStringLiteral("SQLite file that keeps everything across restarts."),
                                   QStringLiteral("file"));
    const QCommandLineOption faultRate(QStringLiteral("fault-rate"),
                                       QStringLiteral("Share (0–1) of API requests failed at random."),
                                       QStringLiteral("p"), QStringLiteral("0"));
    const QCommandLineOption faultSeed(QStringLiteral("fault-seed"), QStringLiteral("Seed for the random faults."),
                                       QStringLiteral("s"), QStringLiteral("1"));
    const QCommandLineOption key(QStringLiteral("key"),
                                 QStringLiteral("Accept only this sk_test_/rk_test_ key (default: any test key)."),
                                 QStringLiteral("key"));
    const QCommandLineOption feePercent(QStringLiteral("konbini-fee-percent"),
                                        QStringLiteral("Stripe's fee on a paid Konbini charge, in percent (default 3.6)."),
                                        QStringLiteral("percent"), QStringLiteral("3.6"));
    parser.addOptions({host, port, state, faultRate, faultSeed, key, feePercent});
    parser.process(app);

    bool portOk = false, rateOk = false, seedOk = false;
    const uint portNumber = parser.value(port).toUInt(&portOk);
    const double rate = parser.value(faultRate).toDouble(&rateOk);
    const quint64 seed = parser.value(faultSeed).toULongLong(&seedOk);
    const QHostAddress address(parser.value(host));
    const QString requiredKey = parser.value(key);
    bool feeOk = false;
    const double fee = parser.value(feePercent).toDouble(&feeOk);
    const bool keyOk = requiredKey.isEmpty() || requiredKey.startsWith(u"sk_test_") || requiredKey.startsWith(u"rk_test_");
    if (!portOk || portNumber > 65535 || !rateOk || rate < 0.0 || rate > 1.0 || !seedOk || address.isNull() || !keyOk || !feeOk
        || fee < 0.0 || fee > 100.0) {
        std::fprintf(stderr,
                     "konbini-sandbox: --host takes an IP address, --port 0-65535, --fault-rate 0-1, --fault-seed a "
                     "whole number, --key a sk_test_ or rk_test_ key, --konbini-fee-percent 0-100\n");
        return 2;
    }

    konbini::sandbox::SandboxOptions options;
    options.statePath = parser.value(state);
    options.faultRate = rate;
    options.faultSeed = seed;
    options.requiredKey = requiredKey;
    options.konbiniFeePercent = fee;
    konbini::sandbox::SandboxServer server(options);
    QString error;
    if (!server.start(error, address, static_cast<quint16>(portNumber))) {
        std::fprintf(stderr, "konbini-sandbox: %s\n", qPrintable(error));
        return 1;
    }
    quitOnTerminationSignals(app);
    std::printf("listening on %s\n", qPrintable(server.baseUrl().toString()));
    std::fflush(stdout);
    return app.exec();
}
