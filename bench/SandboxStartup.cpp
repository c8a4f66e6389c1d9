// Benchmark (not a test): what the sandbox's history costs. Builds a state file with N vouchers
// (default 10,000: created and confirmed in one request each, as the till does; every third one
// paid), then prints
//   - the standalone sandbox's start-up (process start → listening) and RSS, empty vs history;
//   - konbini-pos's first paint (whole process, KONBINI_EXIT_AFTER_FIRST_PAINT, offscreen) with
//     its embedded sandbox on an empty state vs on the history;
//   - memory per PaymentIntent of the in-memory sandbox (RSS growth over N vouchers / N).
// Medians of --runs runs, the two cases alternating.
//   konbini-bench-sandbox-startup [--vouchers 10000] [--runs 7]
#include "Median.h"
#include "RawHttpConnection.h"
#include "SandboxPaths.h"
#include "StripePaths.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

namespace {

const QByteArray kKey = QByteArrayLiteral("sk_test_benchmark");

struct Started {
    std::unique_ptr<QProcess> process;
    QUrl base;
    double milliseconds = 0;
};

Started startSandbox(const QStringList &extraArguments)
{
    Started started;
    started.process = std::make_unique<QProcess>();
    QElapsedTimer clock;
    clock.start();
    started.process->start(QStringLiteral(KONBINI_SANDBOX_EXECUTABLE),
                           QStringList{QStringLiteral("--port"), QStringLiteral("0")} + extraArguments);
    if (!started.process->waitForStarted() || !started.process->waitForReadyRead(60000)) {
        std::fprintf(stderr, "could not start %s\n", KONBINI_SANDBOX_EXECUTABLE);
        std::exit(1);
    }
    started.milliseconds = double(clock.nsecsElapsed()) / 1e6;
    started.base = QUrl(QString::fromUtf8(started.process->readLine()).trimmed().mid(13));
    return started;
}

void stop(Started &started)
{
    started.process->terminate();
    started.process->waitForFinished(10000);
}

// kB from /proc/PID/status.
qint64 statusKb(qint64 pid, const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field + ':'))
            return line.mid(field.size() + 1).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

// Creates `count` vouchers over four keep-alive connections; every third one is paid.
void createVouchers(const QUrl &base, int count)
{
    const QByteArray form = "amount=1500&currency=jpy&payment_method_types[]=konbini&confirm=true"
                            "&payment_method_options[konbini][product_description]=%E3%81%8A%E5%BC%81%E5%BD%93"
                            "&payment_method_data[type]=konbini&payment_method_data[billing_details][name]=Hanako"
                            "&payment_method_data[billing_details][email]=hanako%2Bfill_never%40test.com"
                            "&metadata[order_reference]=bench";
    std::vector<std::unique_ptr<RawHttpConnection>> connections;
    for (int i = 0; i < 4; ++i) {
        connections.push_back(std::make_unique<RawHttpConnection>(base.host(), quint16(base.port())));
        if (!connections.back()->waitConnected())
            std::exit(1);
    }
    int started = 0;
    int finished = 0;
    int failures = 0;
    QEventLoop loop;
    std::function<void(RawHttpConnection *)> next = [&](RawHttpConnection *connection) {
        if (started == count)
            return;
        const int number = started++;
        connection->send(RawHttpConnection::post(konbini::StripePaths::paymentIntents().toLatin1(), kKey, form),
                         [&, connection, number](int status, const QByteArray &body) {
                             failures += status != 200;
                             const auto done = [&, connection] {
                                 if (++finished == count)
                                     loop.quit();
                                 next(connection);
                             };
                             if (number % 3 != 0) {
                                 done();
                                 return;
                             }
                             const QByteArray id = QJsonDocument::fromJson(body)
                                                       .object()
                                                       .value(QStringLiteral("id"))
                                                       .toString()
                                                       .toLatin1();
                             connection->send(
                                 RawHttpConnection::post(
                                     konbini::sandbox::SandboxPaths::pay(QString::fromLatin1(id)).toLatin1(), kKey, {}),
                                 [&failures, done](int payStatus, const QByteArray &) {
                                     failures += payStatus != 200;
                                     done();
                                 });
                         });
    };
    for (auto &connection : connections)
        next(connection.get());
    if (count > 0)
        loop.exec();
    if (failures > 0)
        std::fprintf(stderr, "%d requests failed while building the history\n", failures);
}

// The app's first paint as a whole process, with its data in `dataHome`.
double appFirstPaintMs(const QString &app, const QString &dataHome)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dataHome + QStringLiteral("/config"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("KONBINI_EXIT_AFTER_FIRST_PAINT"), QStringLiteral("1"));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("ja_JP.UTF-8"));
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer clock;
    clock.start();
    process.start(app, {QStringLiteral("--sandbox")});
    if (!process.waitForFinished(120000) || process.exitCode() != 0) {
        std::fprintf(stderr, "konbini-pos did not exit after its first paint\n");
        return -1;
    }
    return double(clock.nsecsElapsed()) / 1e6;
}

QString findStateFile(const QString &dataHome)
{
    QDirIterator it(dataHome, {QStringLiteral("sandbox-state.sqlite")}, QDir::Files, QDirIterator::Subdirectories);
    return it.hasNext() ? it.next() : QString();
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption vouchersOption(QStringLiteral("vouchers"), QStringLiteral("Vouchers of history."),
                                            QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per case."), QStringLiteral("n"),
                                        QStringLiteral("7"));
    parser.addOptions({vouchersOption, runsOption});
    parser.process(app);
    const int vouchers = parser.value(vouchersOption).toInt();
    const int runs = parser.value(runsOption).toInt();

    QTemporaryDir work;
    const QString history = work.filePath(QStringLiteral("history.sqlite"));
    const QString empty = work.filePath(QStringLiteral("empty.sqlite"));
    {
        Started building = startSandbox({QStringLiteral("--state"), history});
        createVouchers(building.base, vouchers);
        stop(building);
        Started creating = startSandbox({QStringLiteral("--state"), empty});
        stop(creating);
    }
    std::printf("sandbox history: %d vouchers (a third paid), state file %.1f MB\n", vouchers,
                double(QFileInfo(history).size()) / 1e6);

    std::vector<double> emptyMs, historyMs, emptyRss, historyRss;
    for (int run = 0; run < runs; ++run) {
        for (const bool withHistory : {false, true}) {
            Started started = startSandbox({QStringLiteral("--state"), withHistory ? history : empty});
            (withHistory ? historyMs : emptyMs).push_back(started.milliseconds);
            (withHistory ? historyRss : emptyRss)
                .push_back(double(statusKb(started.process->processId(), "VmHWM")) / 1024.0);
            stop(started);
        }
    }
    std::printf("sandbox start-up, empty state        %7.1f ms   peak RSS %6.1f MB\n", median(emptyMs),
                median(emptyRss));
    std::printf("sandbox start-up, %6d vouchers     %7.1f ms   peak RSS %6.1f MB   (%.2fx the empty start)\n",
                vouchers, median(historyMs), median(historyRss), median(historyMs) / median(emptyMs));

    const QString appPath = QStringLiteral(KONBINI_POS_EXECUTABLE);
    if (QFileInfo::exists(appPath)) {
        QTemporaryDir emptyHome, historyHome;
        appFirstPaintMs(appPath, emptyHome.path());
        appFirstPaintMs(appPath, historyHome.path());
        const QString emptyState = findStateFile(emptyHome.path());
        const QString historyState = findStateFile(historyHome.path());
        if (historyState.isEmpty()) {
            std::fprintf(stderr, "konbini-pos made no sandbox-state.sqlite under XDG_DATA_HOME\n");
            return 1;
        }
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(historyState + suffix);
        QFile::copy(history, historyState);
        std::vector<double> appEmpty, appHistory;
        for (int run = 0; run < runs; ++run) {
            appEmpty.push_back(appFirstPaintMs(appPath, emptyHome.path()));
            appHistory.push_back(appFirstPaintMs(appPath, historyHome.path()));
        }
        std::printf("konbini-pos first paint, empty sandbox  %7.1f ms\n", median(appEmpty));
        std::printf("konbini-pos first paint, %6d vouchers %7.1f ms   (%.2fx; target <= 1.10x)\n", vouchers,
                    median(appHistory), median(appHistory) / median(appEmpty));
        Q_UNUSED(emptyState);
    }

    // Memory per PaymentIntent: RSS growth of the in-memory sandbox over `vouchers` more, after
    // a first thousand (SQLite's page cache, Qt's and malloc's pools warm).
    Started inMemory = startSandbox({});
    createVouchers(inMemory.base, 1000);
    const qint64 before = statusKb(inMemory.process->processId(), "VmRSS");
    createVouchers(inMemory.base, vouchers);
    const qint64 after = statusKb(inMemory.process->processId(), "VmRSS");
    stop(inMemory);
    std::printf("in-memory sandbox: RSS %.1f MB → %.1f MB over %d vouchers: %.2f KB per PaymentIntent "
                "(target <= 5 KB)\n",
                double(before) / 1024.0, double(after) / 1024.0, vouchers,
                double(after - before) / double(vouchers));
    return 0;
}
