// Benchmark (not a test): the merchant's voucher list over a ledger of 100,000 vouchers.
// Prints the time to open the page (first page of rows in a shown table), the time per search
// keystroke, and the process's peak memory. Targets: open < 300 ms, keystroke < 50 ms, < 150 MB.
//   konbini-bench-vouchers [--vouchers 100000] [--ledger PATH]  (PATH: kept, filled only when new)
#include "LedgerFixtures.h"
#include "VoucherTableModel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHeaderView>
#include <QTableView>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>
#include <vector>

using namespace konbini;

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption countOption(QStringLiteral("vouchers"), QStringLiteral("Vouchers in the ledger."),
                                         QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption ledgerOption(QStringLiteral("ledger"),
                                          QStringLiteral("Keep the ledger here (filled only if it does not exist)."),
                                          QStringLiteral("path"));
    parser.addOption(countOption);
    parser.addOption(ledgerOption);
    parser.process(app);
    const int count = parser.value(countOption).toInt();

    QTemporaryDir dir;
    const QString path =
        parser.isSet(ledgerOption) ? parser.value(ledgerOption) : dir.filePath(QStringLiteral("ledger.sqlite"));
    const bool fill = !QFileInfo::exists(path);
    QElapsedTimer timer;
    timer.start();
    if (fill) {
        Ledger filling(path);
        if (!filling.open())
            return 1;
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        constexpr int kChunk = 5000; // so the fixture itself does not set the memory peak
        for (int first = 0; first < count; first += kChunk)
            filling.vouchers().insertMany(
                test::syntheticVouchers(std::min(kChunk, count - first), now, QStringLiteral("till-1"), first, count));
    }
    std::printf("filled a ledger with %d vouchers in %.1f s (not part of the figures)\n", count,
                timer.nsecsElapsed() / 1e9);

    // Open: the ledger, the model's first page and a shown table, as the app does.
    timer.restart();
    Ledger ledger(path);
    if (!ledger.open())
        return 1;
    ui::VoucherTableModel model(ledger);
    QTableView view;
    view.setModel(&model);
    view.setSortingEnabled(true);
    view.horizontalHeader()->setStretchLastSection(true);
    model.setQuery({});
    view.resize(1000, 700);
    view.show();
    QApplication::processEvents();
    const double openMs = timer.nsecsElapsed() / 1e6;

    // Typing in the search box: one query per keystroke, as the page does.
    const QStringList searches{QStringLiteral("customer99999"), QStringLiteral("090-0009-9"),
                               QStringLiteral("LW00000123"), QStringLiteral("山田"),
                               QStringLiteral("nobody@nowhere.jp")};
    std::vector<double> keystrokes;
    QString worstText;
    double worstMs = 0;
    for (const QString &search : searches) {
        for (int length = 1; length <= search.size(); ++length) {
            VoucherQuery query;
            query.text = search.left(length);
            timer.restart();
            model.setQuery(query);
            QApplication::processEvents();
            keystrokes.push_back(timer.nsecsElapsed() / 1e6);
            if (keystrokes.back() > worstMs) {
                worstMs = keystrokes.back();
                worstText = query.text;
            }
        }
    }
    std::sort(keystrokes.begin(), keystrokes.end());
    double sum = 0;
    for (double ms : keystrokes)
        sum += ms;

    // Sorting by a column without its own order in the index, and scrolling to the end.
    model.setQuery({});
    timer.restart();
    model.sort(ui::VoucherTableModel::Customer, Qt::AscendingOrder);
    QApplication::processEvents();
    const double sortMs = timer.nsecsElapsed() / 1e6;
    timer.restart();
    for (int page = 0; page < 20 && model.canFetchMore({}); ++page)
        model.fetchMore({});
    QApplication::processEvents();
    const double scrollMs = timer.nsecsElapsed() / 1e6;

    // Customers' data: the hourly retention check when nothing is due (it reads every voucher
    // still holding data), and one customer's erasure (with the search index's merge).
    timer.restart();
    const LedgerResult<int> nothingDue = ledger.personalData().eraseClosedBefore(1, QDateTime::currentSecsSinceEpoch());
    const double sweepMs = timer.nsecsElapsed() / 1e6;
    double eraseMs = -1;
    if (!parser.isSet(ledgerOption)) { // a kept ledger is not changed
        timer.restart();
        const auto erased = ledger.personalData().eraseCustomer(QStringLiteral("customer12345@example.jp"),
                                                                QDateTime::currentSecsSinceEpoch());
        eraseMs = erased && erased.value().erased + erased.value().waiting == 1 ? timer.nsecsElapsed() / 1e6 : -2;
    }

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("voucher list over %d vouchers\n", count);
    std::printf("open the page (first %d rows, shown)    %8.1f ms   (target < 300)\n", ui::VoucherTableModel::kPageSize,
                openMs);
    std::printf("search keystroke, mean over %zu          %8.1f ms   (target < 50)\n", keystrokes.size(),
                sum / double(keystrokes.size()));
    std::printf("search keystroke, median / worst        %8.1f / %.1f ms (worst: \"%s\")\n",
                keystrokes[keystrokes.size() / 2], keystrokes.back(), qPrintable(worstText));
    std::printf("sort by customer name                   %8.1f ms\n", sortMs);
    std::printf("fetch 20 more pages (4,000 rows)        %8.1f ms\n", scrollMs);
    std::printf("retention check, nothing due            %8.1f ms   (%s; hourly)\n", sweepMs,
                nothingDue && nothingDue.value() == 0 ? "ok" : "FAILED");
    if (eraseMs >= 0)
        std::printf("erase one customer (index merged)       %8.1f ms\n", eraseMs);
    else
        std::printf("erase one customer (index merged)       %s\n", eraseMs < -1 ? "FAILED" : "skipped (--ledger is kept)");
    std::printf("peak memory (max RSS)                   %8.1f MB   (target < 150)\n", usage.ru_maxrss / 1024.0);
    return 0;
}
