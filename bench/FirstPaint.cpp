// Benchmark (not a test): konbini-pos's start-up against a Qt Widgets hello-world
// (konbini-bench-hello), both whole processes started in turn, on whatever display this runs
// under (measure under Xvfb with a window manager and a session bus, as on a desktop; see README).
// Prints the medians of:
//   - first paint: KONBINI_EXIT_AFTER_FIRST_PAINT=1 (the counter painted; the keychain may not
//     have answered yet);
//   - usable: KONBINI_EXIT_AFTER_FIRST_PAINT=usable (painted after the keychain's answer);
//   - the hello-world's first paint;
// and the median of the pairwise ratios against the target (first paint <= 1.6x the hello-world).
// The app runs on a fresh data folder with no key stored: the embedded sandbox, as a newcomer's.
//   konbini-bench-first-paint [--pairs 20]
#include "Median.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

// Milliseconds from start to exit, or -1.
double wholeProcessMs(const QString &program, const QString &exitWhen, const QString &home)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("KONBINI_EXIT_AFTER_FIRST_PAINT"), exitWhen);
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    process.setProcessEnvironment(environment);
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setStandardErrorFile(QProcess::nullDevice());
    QElapsedTimer clock;
    clock.start();
    process.start(program, {});
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return -1;
    return double(clock.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption pairsOption(QStringLiteral("pairs"), QStringLiteral("Runs of each, in turn."),
                                         QStringLiteral("n"), QStringLiteral("20"));
    parser.addOption(pairsOption);
    parser.process(app);
    const int pairs = parser.value(pairsOption).toInt();

    const QString pos = QStringLiteral(KONBINI_POS_EXECUTABLE);
    const QString hello = QStringLiteral(KONBINI_HELLO_EXECUTABLE);
    QTemporaryDir home;
    // Warm-up: the data folder, the ledgers and the sandbox's state made; files in the page cache.
    for (int i = 0; i < 2; ++i) {
        if (wholeProcessMs(pos, QStringLiteral("1"), home.path()) < 0 || wholeProcessMs(hello, QStringLiteral("1"), home.path()) < 0) {
            std::fprintf(stderr, "konbini-pos or the hello-world did not exit after its first paint (is there a display?)\n");
            return 1;
        }
    }
    std::vector<double> painted, usable, helloMs, paintedRatio, usableRatio;
    for (int pair = 0; pair < pairs; ++pair) {
        const double h = wholeProcessMs(hello, QStringLiteral("1"), home.path());
        const double p = wholeProcessMs(pos, QStringLiteral("1"), home.path());
        const double u = wholeProcessMs(pos, QStringLiteral("usable"), home.path());
        if (h < 0 || p < 0 || u < 0) {
            std::fprintf(stderr, "a run failed\n");
            return 1;
        }
        helloMs.push_back(h);
        painted.push_back(p);
        usable.push_back(u);
        paintedRatio.push_back(p / h);
        usableRatio.push_back(u / h);
    }
    std::printf("start-up as whole processes, %d runs of each in turn (QT_QPA_PLATFORM=%s)\n", pairs,
                qEnvironmentVariable("QT_QPA_PLATFORM", QStringLiteral("default")).toUtf8().constData());
    std::printf("Qt hello-world, first paint       %7.1f ms\n", median(helloMs));
    std::printf("konbini-pos, first paint          %7.1f ms   %.2fx the hello-world (target <= 1.60x)\n",
                median(painted), median(paintedRatio));
    std::printf("konbini-pos, usable (key read)    %7.1f ms   %.2fx the hello-world\n", median(usable),
                median(usableRatio));
    return 0;
}
