#include "DayReport.h"
#include "Ledger.h"

#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>

using namespace konbini;

namespace {

// 2026-11-27 10:00 JST.
const qint64 kMorning = QDateTime(QDate(2026, 11, 27), QTime(1, 0), Qt::UTC).toSecsSinceEpoch();

VoucherRecord voucher(const QString &ref, const QString &terminal, qint64 amount, VoucherStatus status,
                      qint64 createdAt)
{
    VoucherRecord v;
    v.orderRef = ref;
    v.store = QStringLiteral("shibuya");
    v.terminal = terminal;
    v.paymentIntentId = QStringLiteral("pi_") + ref;
    v.amountYen = amount;
    v.customerName = QStringLiteral("顧客");
    v.email = QStringLiteral("c@example.jp");
    v.status = status;
    v.stripeStatus =
        status == VoucherStatus::Paid ? PaymentIntentStatus::Succeeded : PaymentIntentStatus::RequiresAction;
    v.createdAt = createdAt;
    v.voucherExpiresAt = createdAt + 3600;
    v.paidAt = status == VoucherStatus::Paid ? createdAt + 600 : 0;
    v.canceledAt = status == VoucherStatus::Canceled ? createdAt + 60 : 0;
    return v;
}

} // namespace

class TestDayReport : public QObject
{
    Q_OBJECT

private slots:
    void totals_perTerminalAndDay();
    void csv_utf8WithBomAndShiftJis();
    void paidDetails_feesNetAndChainsPerTerminal();
    void csv_textCellsAreNeverFormulas_data();
    void csv_textCellsAreNeverFormulas();
};

void TestDayReport::totals_perTerminalAndDay()
{
    QTemporaryDir dir;
    Ledger ledger(dir.filePath(QStringLiteral("ledger.sqlite")));
    QVERIFY(ledger.open().ok());
    QVERIFY(
        ledger.vouchers()
            .insertMany(
                {voucher(QStringLiteral("a"), QStringLiteral("till-1"), 1000, VoucherStatus::Paid, kMorning),
                 voucher(QStringLiteral("b"), QStringLiteral("till-1"), 2000, VoucherStatus::Pending, kMorning + 60),
                 voucher(QStringLiteral("c"), QStringLiteral("till-2"), 3000, VoucherStatus::Canceled, kMorning + 120),
                 voucher(QStringLiteral("d"), QStringLiteral("till-2"), 4000, VoucherStatus::Expired, kMorning + 180),
                 // The day before in JST (yesterday 23:30 JST), and the day after.
                 voucher(QStringLiteral("e"), QStringLiteral("till-1"), 5000, VoucherStatus::Paid,
                         kMorning - 10 * 3600 - 1800),
                 voucher(QStringLiteral("f"), QStringLiteral("till-1"), 6000, VoucherStatus::Paid, kMorning + 86400)})
            .ok());
    const qint64 paidVoucher = ledger.vouchers().byPaymentIntent(QStringLiteral("pi_a")).value()->id;
    QVERIFY(ledger.refunds()
                .upsert(RefundRecord{QStringLiteral("re_1"),
                                     paidVoucher,
                                     400,
                                     RefundStatus::Succeeded,
                                     {},
                                     {},
                                     0,
                                     0,
                                     {},
                                     kMorning + 700,
                                     0,
                                     {}},
                        kMorning + 900)
                .ok());
    const QList<DayTotals> totals = ledger.dayTotals().forDay(QDate(2026, 11, 27)).value();
    QCOMPARE(totals.size(), 2);
    const DayTotals &till1 = totals.at(0).group == u"till-1" ? totals.at(0) : totals.at(1);
    const DayTotals &till2 = totals.at(0).group == u"till-2" ? totals.at(0) : totals.at(1);
    QCOMPARE(till1.issuedCount, 2);
    QCOMPARE(till1.issuedYen, 3000);
    QCOMPARE(till1.paidCount, 1);
    QCOMPARE(till1.paidYen, 1000);
    QCOMPARE(till1.pendingCount, 1);
    QCOMPARE(till1.pendingYen, 2000);
    QCOMPARE(till1.refundedCount, 1);
    QCOMPARE(till1.refundedYen, 400);
    QCOMPARE(till2.canceledCount, 1);
    QCOMPARE(till2.canceledYen, 3000);
    QCOMPARE(till2.expiredCount, 1);
    QCOMPARE(till2.expiredYen, 4000);
    const DayTotals total = sumOf(totals);
    QCOMPARE(total.issuedCount, 4);
    QCOMPARE(total.issuedYen, 10000);
    QCOMPARE(ledger.dayTotals().forDay(QDate(2026, 11, 26)).value().first().paidYen, 5000);
}

void TestDayReport::paidDetails_feesNetAndChainsPerTerminal()
{
    QTemporaryDir dir;
    Ledger ledger(dir.filePath(QStringLiteral("ledger.sqlite")));
    QVERIFY(ledger.open().ok());
    QVERIFY(ledger.vouchers()
                .insertMany({voucher(QStringLiteral("a"), QStringLiteral("till-1"), 1500, VoucherStatus::Paid, kMorning),
                             voucher(QStringLiteral("b"), QStringLiteral("till-1"), 3000, VoucherStatus::Paid, kMorning + 60),
                             voucher(QStringLiteral("c"), QStringLiteral("till-1"), 2000, VoucherStatus::Paid, kMorning + 120),
                             voucher(QStringLiteral("d"), QStringLiteral("till-2"), 1000, VoucherStatus::Paid, kMorning + 180)})
                .ok());
    const auto details = [](const QString &chain, qint64 fee, qint64 amount) {
        PaidDetails paid;
        paid.paidAt = kMorning + 900;
        paid.chain = chain;
        paid.feesKnown = true;
        paid.fee = fee;
        paid.net = amount - fee;
        paid.availableOn = kMorning + 5 * 86400;
        return paid;
    };
    QVERIFY(ledger.vouchers().setPaidDetails(1, details(QStringLiteral("lawson"), 54, 1500), kMorning + 1000).ok());
    QVERIFY(ledger.vouchers().setPaidDetails(2, details(QStringLiteral("lawson"), 108, 3000), kMorning + 1000).ok());
    QVERIFY(ledger.vouchers().setPaidDetails(4, details(QStringLiteral("ministop"), 36, 1000), kMorning + 1000).ok());
    // Voucher 3's details are not read yet: its fee is not known, and it is said.
    const QList<DayTotals> terminals = ledger.dayTotals().forDay(QDate(2026, 11, 27)).value();
    QCOMPARE(terminals.size(), 2);
    const DayTotals till1 = terminals.at(0).group == u"till-1" ? terminals.at(0) : terminals.at(1);
    QCOMPARE(till1.paidCount, 3);
    QCOMPARE(till1.feeYen, 54 + 108);
    QCOMPARE(till1.netYen, 1446 + 2892);
    QCOMPARE(till1.feeUnknownCount, 1);
    QCOMPARE(till1.paidByChain.value(QStringLiteral("lawson")), std::make_pair(qint64(2), qint64(4500)));
    QCOMPARE(till1.paidByChain.value(QString()), std::make_pair(qint64(1), qint64(2000)));
    const DayTotals total = sumOf(terminals);
    QCOMPARE(total.feeYen, 198);
    QCOMPARE(total.paidByChain.value(QStringLiteral("ministop")), std::make_pair(qint64(1), qint64(1000)));

    const QString csv = QString::fromUtf8(dayReportCsv(QDate(2026, 11, 27), terminals, CsvEncoding::Utf8WithBom).mid(3));
    const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    const QStringList header = lines.first().split(u',');
    const QStringList totalLine = lines.last().split(u',');
    QCOMPARE(header.size(), totalLine.size());
    QCOMPARE(totalLine.at(header.indexOf(QStringLiteral("Stripe fees (yen)"))), QStringLiteral("198"));
    QCOMPARE(totalLine.at(header.indexOf(QStringLiteral("Net (yen)"))), QString::number(1446 + 2892 + 964));
    QCOMPARE(totalLine.at(header.indexOf(QStringLiteral("Paid without a known fee"))), QStringLiteral("1"));
    QCOMPARE(totalLine.at(header.indexOf(QStringLiteral("Paid at Lawson (yen)"))), QStringLiteral("4500"));
    QCOMPARE(totalLine.at(header.indexOf(QStringLiteral("Paid at Ministop"))), QStringLiteral("1"));
}

void TestDayReport::csv_utf8WithBomAndShiftJis()
{
    DayTotals line;
    line.group = QStringLiteral("レジ1");
    line.issuedCount = 3;
    line.issuedYen = 4500;
    const QByteArray utf8 = dayReportCsv(QDate(2026, 11, 27), {line}, CsvEncoding::Utf8WithBom);
    QVERIFY(utf8.startsWith("\xEF\xBB\xBF"));
    const QString text = QString::fromUtf8(utf8.mid(3));
    const QStringList lines = text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3); // header, the terminal, the total
    QVERIFY(lines.at(1).startsWith(QStringLiteral("2026-11-27,レジ1,3,4500,")));
    QVERIFY(lines.at(2).contains(QStringLiteral(",3,4500,")));
    const QByteArray sjis = dayReportCsv(QDate(2026, 11, 27), {line}, CsvEncoding::ShiftJis);
    QVERIFY(!sjis.startsWith("\xEF\xBB\xBF"));
    QVERIFY(sjis.contains(QByteArray::fromHex("838c8357")) || sjis.contains("\x83\x8c\x83\x57")); // レジ in Shift_JIS
    QStringDecoder fromShiftJis("Shift_JIS");
    QCOMPARE(QString(fromShiftJis.decode(sjis)), text);
}

void TestDayReport::csv_textCellsAreNeverFormulas_data()
{
    QTest::addColumn<QString>("terminal");
    QTest::addColumn<QString>("cell");
    QTest::newRow("=") << QStringLiteral("=HYPERLINK(\"http://x\")") << QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\")\"");
    QTest::newRow("+") << QStringLiteral("+1+1") << QStringLiteral("'+1+1");
    QTest::newRow("-") << QStringLiteral("-2") << QStringLiteral("'-2");
    QTest::newRow("@") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
    QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
    QTest::newRow("plain") << QStringLiteral("レジ1") << QStringLiteral("レジ1");
}

void TestDayReport::csv_textCellsAreNeverFormulas()
{
    QFETCH(QString, terminal);
    QFETCH(QString, cell);
    DayTotals line;
    line.group = terminal;
    const QString csv = QString::fromUtf8(dayReportCsv(QDate(2026, 11, 27), {line}, CsvEncoding::Utf8WithBom).mid(3));
    const QString row = csv.split(QStringLiteral("\r\n")).at(1);
    QVERIFY2(row.startsWith(QStringLiteral("2026-11-27,") + cell + u','), qPrintable(row));
}

QTEST_GUILESS_MAIN(TestDayReport)
#include "TestDayReport.moc"
