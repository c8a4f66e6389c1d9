// A till process for crash tests: issues one voucher and dies (_exit) at a chosen step, or
// resumes what the journal left unfinished and prints the ledger's vouchers as JSON.
//   konbini-checkout-child --base URL --key KEY --ledger FILE (--crash-at STEP | --resume)
#include "Till.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>

#include <cstdio>
#include <unistd.h>

using namespace konbini;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption base(QStringLiteral("base"), QString(), QStringLiteral("url"));
    const QCommandLineOption key(QStringLiteral("key"), QString(), QStringLiteral("key"));
    const QCommandLineOption ledgerPath(QStringLiteral("ledger"), QString(), QStringLiteral("file"));
    const QCommandLineOption crashAt(QStringLiteral("crash-at"), QString(), QStringLiteral("step"));
    const QCommandLineOption resume(QStringLiteral("resume"));
    parser.addOptions({base, key, ledgerPath, crashAt, resume});
    parser.process(app);

    QNetworkAccessManager network;
    TillConfig config;
    config.baseUrl = QUrl(parser.value(base));
    config.sandbox = config.baseUrl.scheme() == u"http";
    config.apiKey = parser.value(key);
    config.ledgerPath = parser.value(ledgerPath);
    config.terminal = {QStringLiteral("shibuya"), QStringLiteral("till-crash")};
    Till till(network, config);
    if (const LedgerStatus opened = till.open(); !opened) {
        std::fprintf(stderr, "ledger: %s\n", qPrintable(opened.error().message));
        return 1;
    }
    Ledger &ledger = till.ledger();
    CheckoutEngine &engine = till.engine();
    int recovered = 0;
    QObject::connect(&engine, &CheckoutEngine::saleRecovered, [&recovered] { ++recovered; });

    const auto printVouchers = [&](int resumed, int failed) {
        QJsonArray vouchers;
        const QList<VoucherRecord> shown =
            ledger.vouchers()
                .withStatus({VoucherStatus::NotIssued, VoucherStatus::Pending, VoucherStatus::Paid})
                .value_or({});
        for (const VoucherRecord &v : shown) {
            vouchers.append(QJsonObject{{QStringLiteral("status"), voucherStatusKey(v.status)},
                                        {QStringLiteral("payment_intent"), v.paymentIntentId},
                                        {QStringLiteral("hosted_voucher_url"), v.hostedVoucherUrl}});
        }
        const QJsonObject report{{QStringLiteral("resumed"), resumed},
                                 {QStringLiteral("failed"), failed},
                                 {QStringLiteral("vouchers"), vouchers},
                                 {QStringLiteral("unfinished"), int(ledger.journal().pending().value().size())},
                                 {QStringLiteral("recovered"), recovered}};
        std::printf("%s\n", QJsonDocument(report).toJson(QJsonDocument::Compact).constData());
        std::fflush(stdout);
        app.exit(0);
    };

    if (parser.isSet(resume)) {
        engine.resumeUnfinished(printVouchers);
        return app.exec();
    }
    const QString step = parser.value(crashAt);
    engine.setStepHook([step](CheckoutEngine::Step moment) {
        static const char *const names[] = {"create-journaled", "create-answered", "create-recorded",
                                            "confirm-answered"};
        if (step == QLatin1String(names[int(moment)]))
            ::_exit(70); // as sudden as a power cut: no destructors, no flushing
    });
    CheckoutRequest sale;
    sale.amountYen = 2480;
    sale.productDescription = QStringLiteral("お弁当");
    sale.customerName = QStringLiteral("山田 花子");
    sale.email = QStringLiteral("hanako+fill_never@test.com");
    sale.phone = QStringLiteral("090-1234-5678");
    engine.issueVoucher(
        sale, [&](const CheckoutOutcome &outcome) { printVouchers(outcome.ok() ? 1 : 0, outcome.ok() ? 0 : 1); });
    return app.exec();
}
