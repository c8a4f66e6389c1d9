#include "LedgerFixtures.h"
#include "Formatting.h"
#include "VoucherTableModel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

using namespace konbini;
using namespace konbini::test;

namespace {

constexpr int kVouchers = 1000;
const qint64 kNow = QDateTime(QDate(2026, 11, 28), QTime(3, 0), Qt::UTC).toSecsSinceEpoch();

} // namespace

class TestVoucherTableModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void model_passesQtModelTester();
    void rows_areFetchedAPageAtATime();
    void statusFilter_data();
    void statusFilter();
    void search_data();
    void search();
    void sort_byAnyColumn();
    void dateRange();
    void display_showsYenStatusAndCountdown();
    void display_showsWhenAndWhereAPaidVoucherWasPaid();

private:
    int loadAll(ui::VoucherTableModel &model) const
    {
        while (model.canFetchMore({}))
            model.fetchMore({});
        return model.rowCount();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Ledger> m_ledger;
};

void TestVoucherTableModel::initTestCase()
{
    m_ledger = std::make_unique<Ledger>(m_dir.filePath(QStringLiteral("ledger.sqlite")));
    QVERIFY(m_ledger->open().ok());
    QVERIFY(m_ledger->vouchers().insertMany(syntheticVouchers(kVouchers, kNow)).ok());
    QCOMPARE(m_ledger->vouchers().count(), kVouchers);
}

void TestVoucherTableModel::model_passesQtModelTester()
{
    ui::VoucherTableModel model(*m_ledger, [] { return kNow; });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setQuery({});
    model.fetchMore({});
    model.sort(ui::VoucherTableModel::Amount, Qt::AscendingOrder);
    VoucherQuery query;
    query.text = QStringLiteral("customer1");
    model.setQuery(query);
    model.refreshVoucher(model.voucherAt(0)->id);
    model.tick();
}

void TestVoucherTableModel::rows_areFetchedAPageAtATime()
{
    ui::VoucherTableModel model(*m_ledger);
    model.setQuery({});
    QCOMPARE(model.rowCount(), ui::VoucherTableModel::kPageSize);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 2 * ui::VoucherTableModel::kPageSize);
    QCOMPARE(loadAll(model), kVouchers);
    QVERIFY(!model.canFetchMore({}));
    // Newest first by default.
    QVERIFY(model.voucherAt(0)->createdAt > model.voucherAt(1)->createdAt);
}

void TestVoucherTableModel::statusFilter_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("expected");
    QTest::newRow("awaiting payment") << int(VoucherStatus::Pending) << kVouchers / 8;
    QTest::newRow("paid") << int(VoucherStatus::Paid) << kVouchers / 4;
    QTest::newRow("expired") << int(VoucherStatus::Expired) << kVouchers / 8;
    QTest::newRow("canceled") << int(VoucherStatus::Canceled) << kVouchers / 8;
    QTest::newRow("refund in progress") << int(VoucherStatus::RefundPending) << kVouchers / 8;
    QTest::newRow("refunded") << int(VoucherStatus::Refunded) << kVouchers / 8;
    QTest::newRow("refund failed") << int(VoucherStatus::RefundFailed) << kVouchers / 8;
}

void TestVoucherTableModel::statusFilter()
{
    QFETCH(int, status);
    QFETCH(int, expected);
    ui::VoucherTableModel model(*m_ledger);
    VoucherQuery query;
    query.statuses = {VoucherStatus(status)};
    model.setQuery(query);
    QCOMPARE(loadAll(model), expected);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.voucherAt(row)->status, VoucherStatus(status));
    QCOMPARE(m_ledger->search().count(query).value(), expected);
}

void TestVoucherTableModel::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("expected");
    QTest::newRow("e-mail, exact") << QStringLiteral("customer123@example.jp") << 1;
    QTest::newRow("e-mail, part, any case") << QStringLiteral("CUSTOMER12") << 11; // 12, 120–129
    QTest::newRow("name") << QStringLiteral("顧客777") << 1;
    QTest::newRow("surname") << QStringLiteral("山田") << kVouchers / 5;
    QTest::newRow("phone as typed") << QStringLiteral("090-0000-0777") << 1;
    QTest::newRow("phone without hyphens finds it") << QStringLiteral("09000000777") << 1;
    QTest::newRow("phone with hyphens finds the number") << QStringLiteral("0900-0000-777") << 1;
    QTest::newRow("payment code") << QStringLiteral("LW0000000777") << 1;
    QTest::newRow("PaymentIntent id") << QStringLiteral("pi_till-1_00000777") << 1;
    QTest::newRow("nothing") << QStringLiteral("nobody@nowhere") << 0;
    QTest::newRow("LIKE wildcards are literal") << QStringLiteral("%") << 0;
    QTest::newRow("underscore is literal") << QStringLiteral("pi_till-1_0000077_") << 0;
}

void TestVoucherTableModel::search()
{
    QFETCH(QString, text);
    QFETCH(int, expected);
    ui::VoucherTableModel model(*m_ledger);
    VoucherQuery query;
    query.text = text;
    model.setQuery(query);
    QCOMPARE(loadAll(model), expected);
}

void TestVoucherTableModel::sort_byAnyColumn()
{
    ui::VoucherTableModel model(*m_ledger);
    model.setQuery({});
    for (int column = 0; column < ui::VoucherTableModel::ColumnCount; ++column) {
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            model.sort(column, order);
            QCOMPARE(model.rowCount(), ui::VoucherTableModel::kPageSize);
            QCOMPARE(int(model.query().sort), column);
        }
    }
    model.sort(ui::VoucherTableModel::Amount, Qt::AscendingOrder);
    loadAll(model);
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.voucherAt(row - 1)->amountYen <= model.voucherAt(row)->amountYen);
    model.sort(ui::VoucherTableModel::Customer, Qt::DescendingOrder);
    QVERIFY(model.voucherAt(0)->customerName >= model.voucherAt(1)->customerName);
}

void TestVoucherTableModel::dateRange()
{
    ui::VoucherTableModel model(*m_ledger);
    VoucherQuery query;
    query.createdFrom = kNow - 100 * 60;
    query.createdUntil = kNow - 50 * 60;
    model.setQuery(query);
    QCOMPARE(loadAll(model), 50);
}

void TestVoucherTableModel::display_showsYenStatusAndCountdown()
{
    ui::VoucherTableModel model(*m_ledger, [] { return kNow; });
    VoucherQuery query;
    query.statuses = {VoucherStatus::Pending};
    model.setQuery(query);
    const QModelIndex amount = model.index(0, ui::VoucherTableModel::Amount);
    QVERIFY(model.data(amount, Qt::DisplayRole).toString().startsWith(u'¥'));
    QCOMPARE(model.data(model.index(0, ui::VoucherTableModel::Status), Qt::DisplayRole).toString(),
             voucherStatusLabel(VoucherStatus::Pending));
    QVERIFY(model.data(model.index(0, ui::VoucherTableModel::Deadline), Qt::DisplayRole)
                .toString()
                .contains(QStringLiteral("left")));
    QCOMPARE(model.headerData(ui::VoucherTableModel::Terminal, Qt::Horizontal, Qt::DisplayRole).toString(),
             QStringLiteral("Terminal"));
}

void TestVoucherTableModel::display_showsWhenAndWhereAPaidVoucherWasPaid()
{
    VoucherQuery paidOnes;
    paidOnes.statuses = {VoucherStatus::Paid};
    const QList<VoucherRecord> paid = m_ledger->search().page(paidOnes, 0, 2).value();
    QCOMPARE(paid.size(), 2);
    PaidDetails details;
    details.paidAt = kNow - 3600;
    details.chain = QStringLiteral("seicomart");
    QVERIFY(m_ledger->vouchers().setPaidDetails(paid.at(0).id, details, kNow).ok());
    ui::VoucherTableModel model(*m_ledger, [] { return kNow; });
    model.setQuery(paidOnes);
    const int row = model.rowOf(paid.at(0).id);
    QVERIFY(row >= 0);
    QCOMPARE(model.data(model.index(row, ui::VoucherTableModel::Chain), Qt::DisplayRole).toString(),
             QStringLiteral("Seicomart"));
    QCOMPARE(model.data(model.index(row, ui::VoucherTableModel::PaidAt), Qt::DisplayRole).toString(),
             ui::formatIssuedAt(kNow - 3600));
    // Not read yet: the column stays empty rather than guessing.
    const int other = model.rowOf(paid.at(1).id);
    QCOMPARE(model.data(model.index(other, ui::VoucherTableModel::Chain), Qt::DisplayRole).toString(), QString());
    // Sorting by where it was paid is the ledger's, like every column.
    model.sort(ui::VoucherTableModel::Chain, Qt::DescendingOrder);
    QCOMPARE(model.data(model.index(0, ui::VoucherTableModel::Chain), Qt::DisplayRole).toString(),
             QStringLiteral("Seicomart"));
}

QTEST_MAIN(TestVoucherTableModel)
#include "TestVoucherTableModel.moc"
