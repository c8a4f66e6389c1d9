#include "AccountingCsv.h"
#include "ClerkDesk.h"
#include "DayReport.h"
#include "KonbiniRules.h"
#include "SampleSales.h"
#include "StoreChains.h"
#include "StripeBackend.h"
#include "TillHarness.h"

#include <QSignalSpy>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace konbini;
using namespace konbini::test;

// The 明細 for accounting and the audit log export, read back and matched with the ledger: a
// voucher paid at each chain, fees and net, a refund, the clerk of each; and the day report's
// per-clerk totals.
class TestAccountingCsv : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void statement_matchesTheLedgerInUtf8AndShiftJis_data();
    void statement_matchesTheLedgerInUtf8AndShiftJis();
    void statement_onlyTheChosenDays();
    void dayReport_totalsPerClerk();
    void auditLog_exportsEveryLine();
    void columns_areNamedInJapaneseInTheJapaneseUi();
    void textCells_cannotRunAsFormulas();

private:
    static QList<QStringList> parse(const QByteArray &csv, CsvEncoding encoding);
    qint64 payAt(qint64 voucherId, const QString &chain);
    void syncOnce();

    QTemporaryDir m_dir;
    std::unique_ptr<StripeBackend> m_backend;
    std::unique_ptr<TillHarness> m_till;
    std::unique_ptr<ClerkDesk> m_desk;
    QMap<QString, qint64> m_voucherByChain;
    QDate m_day;
};

QList<QStringList> TestAccountingCsv::parse(const QByteArray &bytes, CsvEncoding encoding)
{
    QString text;
    if (encoding == CsvEncoding::Utf8WithBom) {
        if (!bytes.startsWith("\xEF\xBB\xBF"))
            return {};
        text = QString::fromUtf8(bytes.mid(3));
    } else {
        QStringDecoder fromShiftJis("Shift_JIS");
        text = fromShiftJis.decode(bytes);
    }
    QList<QStringList> lines;
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            fields << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            fields << field;
            lines << fields;
            fields.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return lines;
}

void TestAccountingCsv::syncOnce()
{
    QSignalSpy synced(&m_till->till().sync(), &EventSync::synced);
    m_till->till().sync().syncNow();
    QVERIFY(synced.wait(20000));
}

qint64 TestAccountingCsv::payAt(qint64 voucherId, const QString &chain)
{
    const QString pi = m_till->voucher(voucherId).paymentIntentId;
    return m_backend->sandbox()->pay(pi, chain).status;
}

void TestAccountingCsv::initTestCase()
{
    m_backend = std::make_unique<StripeBackend>();
    if (!m_backend->sandbox())
        QSKIP("needs the sandbox's pay helper");
    m_till = std::make_unique<TillHarness>(*m_backend, m_dir.filePath(QStringLiteral("ledger.sqlite")));
    m_till->ledger().clerks().setPinIterationsForTests(1000);
    m_desk = std::make_unique<ClerkDesk>(m_till->ledger(), m_till->engine(), ClerkDesk::Clock{});
    QCOMPARE(m_desk->addClerk(QStringLiteral("店長"), QStringLiteral("2468"), true), QString());
    QCOMPARE(m_desk->addClerk(QStringLiteral("佐藤"), QStringLiteral("1357"), false), QString());
    m_day = KonbiniRules::jstDate(QDateTime::currentSecsSinceEpoch());
    // Two vouchers by the owner, two by 佐藤; each paid at another chain; one waits.
    const QStringList chains = storeChainKeys();
    for (int i = 0; i < chains.size(); ++i) {
        const QString clerk = i < 2 ? QStringLiteral("店長") : QStringLiteral("佐藤");
        const qint64 clerkId = i < 2 ? m_desk->clerks().at(0).id : m_desk->clerks().at(1).id;
        QVERIFY(m_desk->signIn(clerkId, i < 2 ? QStringLiteral("2468") : QStringLiteral("1357")).accepted());
        const CheckoutOutcome issued = m_till->issue(
            sampleSale(QStringLiteral("c%1+fill_never@test.com").arg(i), {}, 1000 * (i + 1) + 480));
        QVERIFY(issued.ok());
        QCOMPARE(payAt(issued.value().voucherId, chains.at(i)), 200);
        m_voucherByChain.insert(chains.at(i), issued.value().voucherId);
    }
    QVERIFY(m_till->issue(sampleSale(QStringLiteral("waiting+fill_never@test.com"), {}, 990)).ok());
    syncOnce();
    // 佐藤 refunds ¥300 of the Lawson one.
    const ActionResult<RefundRecord> refund = m_till->wait<RefundRecord>([&](auto done) {
        m_till->engine().refund(m_voucherByChain.value(QStringLiteral("lawson")), 300,
                                QStringLiteral("requested_by_customer"), done);
    });
    QVERIFY(refund.ok());
}

void TestAccountingCsv::statement_matchesTheLedgerInUtf8AndShiftJis_data()
{
    QTest::addColumn<CsvEncoding>("encoding");
    QTest::newRow("UTF-8 with BOM") << CsvEncoding::Utf8WithBom;
    QTest::newRow("Shift_JIS") << CsvEncoding::ShiftJis;
}

void TestAccountingCsv::statement_matchesTheLedgerInUtf8AndShiftJis()
{
    QFETCH(CsvEncoding, encoding);
    const QList<StatementRow> rows = m_till->ledger().statement().rows(m_day, m_day).value();
    QCOMPARE(rows.size(), 6); // five vouchers, one refund
    const QList<QStringList> lines = parse(statementCsv(rows, encoding), encoding);
    QCOMPARE(lines.size(), 7);
    QCOMPARE(lines.at(0),
             QStringList({QStringLiteral("Type"), QStringLiteral("Order reference"), QStringLiteral("Issued (JST)"),
                          QStringLiteral("Paid at (JST)"), QStringLiteral("Store chain"), QStringLiteral("Gross (yen)"),
                          QStringLiteral("Stripe fee (yen)"), QStringLiteral("Net (yen)"),
                          QStringLiteral("Funds available on (JST)"), QStringLiteral("Refunded (yen)"),
                          QStringLiteral("Status"), QStringLiteral("Clerk")}));
    int matched = 0;
    for (const QString &chain : storeChainKeys()) {
        const VoucherRecord v = m_till->voucher(m_voucherByChain.value(chain));
        QVERIFY(v.fee.has_value());
        for (const QStringList &line : lines) {
            if (line.at(1) != v.orderRef || line.at(0) != u"Voucher")
                continue;
            ++matched;
            QCOMPARE(line.at(2), jstTimestamp(v.createdAt));
            QCOMPARE(line.at(3), jstTimestamp(v.paidAt));
            QCOMPARE(line.at(4), storeChainName(chain));
            QCOMPARE(line.at(5).toLongLong(), v.amountYen);
            QCOMPARE(line.at(6).toLongLong(), *v.fee);
            QCOMPARE(line.at(7).toLongLong(), *v.net);
            QCOMPARE(line.at(6).toLongLong() + line.at(7).toLongLong(), v.amountYen);
            QCOMPARE(line.at(8), KonbiniRules::jstDate(v.fundsAvailableAt).toString(Qt::ISODate));
            QCOMPARE(line.at(9).toLongLong(), v.amountRefunded);
            QCOMPARE(line.at(10), voucherStatusLabel(v.status));
            QCOMPARE(line.at(11), v.clerk);
        }
    }
    QCOMPARE(matched, 4);
    const QStringList refund = *std::find_if(lines.begin(), lines.end(),
                                             [](const QStringList &line) { return line.at(0) == u"Refund"; });
    QCOMPARE(refund.at(1), m_till->voucher(m_voucherByChain.value(QStringLiteral("lawson"))).orderRef);
    QCOMPARE(refund.at(5), QString()); // no gross on a refund line
    QCOMPARE(refund.at(9), QStringLiteral("300"));
    QCOMPARE(refund.at(11), QStringLiteral("佐藤"));
    const QStringList waiting = *std::find_if(lines.begin(), lines.end(),
                                              [](const QStringList &line) { return line.at(5) == u"990"; });
    QCOMPARE(waiting.at(3), QString()); // not paid: no time, no fee, no net
    QCOMPARE(waiting.at(6), QString());
    QCOMPARE(waiting.at(7), QString());
}

void TestAccountingCsv::statement_onlyTheChosenDays()
{
    QCOMPARE(m_till->ledger().statement().rows(m_day.addDays(1), m_day.addDays(7)).value().size(), 0);
    QCOMPARE(m_till->ledger().statement().rows(m_day.addDays(-7), m_day.addDays(-1)).value().size(), 0);
    QCOMPARE(m_till->ledger().statement().rows(m_day.addDays(-1), m_day.addDays(1)).value().size(), 6);
}

void TestAccountingCsv::dayReport_totalsPerClerk()
{
    const QList<DayTotals> byClerk = m_till->ledger().dayTotals().forDay(m_day, DayGrouping::ByClerk).value();
    QCOMPARE(byClerk.size(), 2);
    const DayTotals &owner = byClerk.at(0).group == u"店長" ? byClerk.at(0) : byClerk.at(1);
    const DayTotals &sato = byClerk.at(0).group == u"佐藤" ? byClerk.at(0) : byClerk.at(1);
    QCOMPARE(owner.issuedCount, 2);
    QCOMPARE(owner.paidYen, 1480 + 2480);
    QCOMPARE(sato.issuedCount, 3); // two paid, one waiting
    QCOMPARE(sato.paidYen, 3480 + 4480);
    QCOMPARE(sato.pendingYen, 990);
    QCOMPARE(owner.feeYen + owner.netYen, owner.paidYen);
    QCOMPARE(owner.paidByChain.value(storeChainKeys().at(0)).first, 1);
    const QList<QStringList> lines =
        parse(dayReportCsv(m_day, byClerk, CsvEncoding::Utf8WithBom, DayGrouping::ByClerk), CsvEncoding::Utf8WithBom);
    QCOMPARE(lines.at(0).at(1), QStringLiteral("Clerk"));
    QCOMPARE(lines.size(), 4); // header, two clerks, total
}

void TestAccountingCsv::auditLog_exportsEveryLine()
{
    const QList<AuditEntry> entries = m_till->ledger().audit().entries().value();
    QVERIFY(entries.size() >= 12); // 2 clerks added, 4 sign-ins, 5 issues, 1 refund
    const QList<QStringList> lines = parse(auditLogCsv(entries, CsvEncoding::ShiftJis), CsvEncoding::ShiftJis);
    QCOMPARE(lines.size(), entries.size() + 1);
    QCOMPARE(lines.last().at(1), QStringLiteral("佐藤"));
    QCOMPARE(lines.last().at(2), QStringLiteral("Refund"));
    QCOMPARE(lines.last().at(4), QStringLiteral("300"));
    QCOMPARE(lines.last().at(5), QStringLiteral("done"));
}

void TestAccountingCsv::columns_areNamedInJapaneseInTheJapaneseUi()
{
    QTranslator japanese;
    QVERIFY(japanese.load(QStringLiteral(KONBINI_JA_QM)));
    QCoreApplication::installTranslator(&japanese);
    const QList<QStringList> lines = parse(statementCsv({}, CsvEncoding::Utf8WithBom), CsvEncoding::Utf8WithBom);
    QCoreApplication::removeTranslator(&japanese);
    QCOMPARE(lines.at(0).at(1), QStringLiteral("注文番号"));
    QCOMPARE(lines.at(0).at(11), QStringLiteral("担当者"));
}

void TestAccountingCsv::textCells_cannotRunAsFormulas()
{
    StatementRow row;
    row.orderRef = QStringLiteral("=HYPERLINK(\"http://x\",\"y\")");
    row.clerk = QStringLiteral("+81, @me");
    const QList<QStringList> lines = parse(statementCsv({row}, CsvEncoding::Utf8WithBom), CsvEncoding::Utf8WithBom);
    QCOMPARE(lines.at(1).at(1), QStringLiteral("'=HYPERLINK(\"http://x\",\"y\")"));
    QCOMPARE(lines.at(1).at(11), QStringLiteral("'+81, @me"));
}

QTEST_MAIN(TestAccountingCsv)
#include "TestAccountingCsv.moc"
