#include "CheckoutEngine.h"
#include "DayReportDialog.h"
#include "EventSync.h"
#include "KonbiniRules.h"
#include "StripeBackend.h"
#include "TillHarness.h"
#include "VouchersPage.h"

#include <QCoreApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace konbini;
using namespace konbini::test;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(konbini::Voucher)

class TestVouchersPage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void paidVoucher_turnsPaidAndNotifies();
    void customerMarkup_isShownAsTyped();
    void expiredVoucher_isReissuedWithNewUrl();
    void cancel_asksFirstThenCancels();
    void reprint_ctrlPPrintsTheSelectedPayableVoucher();
    void cancel_whileCustomerPays_saysTryLater();
    void refund_throughItsLifecycle();
    void dayReport_matchesLedger();
    void search_filtersTheTable();
    void allTerminals_showsTheStoreReadOnly();

private:
    qint64 issue(const QString &email, const QString &name = QStringLiteral("山田 花子"));
    void sync();
    QString statusShown(qint64 voucherId) const;

    std::unique_ptr<StripeBackend> m_backend;
    std::unique_ptr<QTemporaryDir> m_dir;
    QNetworkAccessManager m_network;
    std::unique_ptr<TillHarness> m_till;
    // Into m_till, under the names the tests read best with.
    StripeApi *m_api = nullptr;
    Ledger *m_ledger = nullptr;
    CheckoutEngine *m_engine = nullptr;
    std::unique_ptr<EventSync> m_sync;
    std::unique_ptr<ui::VouchersPage> m_page;
};

void TestVouchersPage::init()
{
    qRegisterMetaType<Voucher>();
    m_backend = std::make_unique<StripeBackend>();
    KONBINI_REQUIRE_SANDBOX(*m_backend);
    m_dir = std::make_unique<QTemporaryDir>();
    m_till = std::make_unique<TillHarness>(*m_backend, m_dir->filePath(QStringLiteral("ledger.sqlite")),
                                           QStringLiteral("till-1"), QList<QPair<QByteArray, QByteArray>>(),
                                           QStringLiteral("渋谷店"));
    m_api = &m_till->api();
    m_ledger = &m_till->ledger();
    m_engine = &m_till->engine();
    m_sync = std::make_unique<EventSync>(*m_api, *m_ledger, EventSync::Settings{1h, 2h, 30 * 24 * 3600});
    m_page = std::make_unique<ui::VouchersPage>(*m_engine, *m_ledger, m_sync.get(), m_till->till().storeSearch(),
                                                QStringLiteral("渋谷店"));
    m_page->show();
    m_page->setConfirmation([](const QString &) { return true; });
    sync();
}

void TestVouchersPage::cleanup()
{
    m_page.reset();
    m_sync.reset();
    m_till.reset();
    m_backend.reset();
}

qint64 TestVouchersPage::issue(const QString &email, const QString &name)
{
    CheckoutRequest sale;
    sale.amountYen = 1500;
    sale.customerName = name;
    sale.email = email;
    const CheckoutOutcome outcome = m_till->issue(sale);
    if (!outcome.ok())
        qFatal("could not issue a voucher");
    return outcome.value().voucherId;
}

void TestVouchersPage::sync()
{
    QSignalSpy done(m_sync.get(), &EventSync::synced);
    m_sync->syncNow();
    QVERIFY(done.wait(20000));
}

QString TestVouchersPage::statusShown(qint64 voucherId) const
{
    const int row = m_page->model()->rowOf(voucherId);
    return row < 0
        ? QString()
        : m_page->model()->data(m_page->model()->index(row, ui::VoucherTableModel::Status), Qt::DisplayRole).toString();
}

void TestVouchersPage::paidVoucher_turnsPaidAndNotifies()
{
    const qint64 id = issue(QStringLiteral("hanako@test.com"));
    QCOMPARE(statusShown(id), voucherStatusLabel(VoucherStatus::Pending)); // the new row appears by itself
    QSignalSpy paid(m_page.get(), &ui::VouchersPage::paidNotification);
    m_backend->sandbox()->advanceClock(180);
    sync();
    QCOMPARE(paid.count(), 1);
    QCOMPARE(paid.first().at(0).toLongLong(), id);
    QVERIFY(paid.first().at(1).toString().contains(QStringLiteral("¥1,500")));
    QVERIFY(paid.first().at(1).toString().contains(QStringLiteral("山田 花子")));
    QCOMPARE(statusShown(id), voucherStatusLabel(VoucherStatus::Paid));
    QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("paidBanner"))->isVisible());
    QVERIFY(!m_page->findChild<QLabel *>(QStringLiteral("syncState"))->text().isEmpty());
}

void TestVouchersPage::customerMarkup_isShownAsTyped()
{
    const QString name = QStringLiteral("<h1 style=\"color:red\">NOT PAID</h1>");
    const qint64 id = issue(QStringLiteral("hanako@test.com"), name);
    m_backend->sandbox()->advanceClock(180);
    sync();
    auto *banner = m_page->findChild<QLabel *>(QStringLiteral("paidBanner"));
    QCOMPARE(banner->textFormat(), Qt::PlainText);
    QVERIFY(banner->text().contains(name));
    QVERIFY(m_page->selectVoucher(id));
    // The details line is rich text built from escaped values: the markup shows, it is not obeyed.
    auto *details = m_page->findChild<QLabel *>(QStringLiteral("details"));
    QVERIFY(details->text().contains(name.toHtmlEscaped()));
    QVERIFY(!details->text().contains(QStringLiteral("<h1")));
}

void TestVouchersPage::expiredVoucher_isReissuedWithNewUrl()
{
    const qint64 id = issue(QStringLiteral("hanako+expire_immediately@test.com"));
    const QString firstUrl = m_till->voucher(id).hostedVoucherUrl;
    m_backend->sandbox()->advanceClock(3600);
    sync();
    QCOMPARE(statusShown(id), voucherStatusLabel(VoucherStatus::Expired));
    QVERIFY(m_page->selectVoucher(id));
    QSignalSpy shown(m_page.get(), &ui::VouchersPage::showVoucherRequested);
    // Asked first, naming the amount and the customer; declined, nothing happens.
    QString asked;
    m_page->setConfirmation([&](const QString &question) {
        asked = question;
        return false;
    });
    m_page->reissueSelected();
    QVERIFY2(asked.contains(QStringLiteral("¥1,500")), qPrintable(asked));
    QCoreApplication::processEvents();
    QCOMPARE(shown.count(), 0);
    m_page->setConfirmation([](const QString &) { return true; });
    m_page->reissueSelected();
    QVERIFY(shown.wait(20000));
    const Voucher reissued = shown.first().first().value<Voucher>();
    QVERIFY(reissued.hostedVoucherUrl != firstUrl);
    QCOMPARE(reissued.voucherId, id);
    QTRY_COMPARE(statusShown(id), voucherStatusLabel(VoucherStatus::Pending));
    QVERIFY(m_page->lastMessage().contains(QStringLiteral("new slip")));
}

void TestVouchersPage::cancel_asksFirstThenCancels()
{
    const qint64 id = issue(QStringLiteral("hanako+fill_never@test.com"));
    QVERIFY(m_page->selectVoucher(id));
    QString asked;
    m_page->setConfirmation([&](const QString &question) {
        asked = question;
        return false;
    });
    m_page->cancelSelected();
    QVERIFY(asked.contains(QStringLiteral("tell the customer")));
    QCoreApplication::processEvents();
    QCOMPARE(m_till->voucher(id).status, VoucherStatus::Pending); // declined: nothing sent
    QVERIFY(m_ledger->journal().pending().value().isEmpty());
    m_page->setConfirmation([](const QString &) { return true; });
    m_page->cancelSelected();
    QTRY_COMPARE_WITH_TIMEOUT(statusShown(id), voucherStatusLabel(VoucherStatus::Canceled), 20000);
}

void TestVouchersPage::reprint_ctrlPPrintsTheSelectedPayableVoucher()
{
    const qint64 waiting = issue(QStringLiteral("hanako+fill_never@test.com"));
    const qint64 canceled = issue(QStringLiteral("taro+fill_never@test.com"), QStringLiteral("佐藤 太郎"));
    m_page->setConfirmation([](const QString &) { return true; });
    QVERIFY(m_page->selectVoucher(canceled));
    m_page->cancelSelected();
    QTRY_COMPARE_WITH_TIMEOUT(statusShown(canceled), voucherStatusLabel(VoucherStatus::Canceled), 20000);

    QSignalSpy reprint(m_page.get(), &ui::VouchersPage::reprintRequested);
    auto *button = m_page->findChild<QPushButton *>(QStringLiteral("reprintSlip"));
    QVERIFY(m_page->selectVoucher(waiting));
    QVERIFY(button->isEnabled());
    m_page->activateWindow();
    m_page->table()->setFocus();
    QTest::keySequence(m_page->table(), QKeySequence::Print);
    QTRY_COMPARE(reprint.count(), 1);
    const Voucher printed = reprint.first().first().value<Voucher>();
    QCOMPARE(printed.voucherId, waiting);
    QVERIFY(!printed.hostedVoucherUrl.isEmpty());
    QVERIFY(!printed.stores.isEmpty()); // the payment codes are on the slip again

    // A canceled voucher's slip no longer works: nothing to print, and the key says why.
    QVERIFY(m_page->selectVoucher(canceled));
    QVERIFY(!button->isEnabled());
    QTest::keySequence(m_page->table(), QKeySequence::Print);
    QCOMPARE(reprint.count(), 1);
    QVERIFY(!m_page->lastMessage().isEmpty());
    // Said about the canceled voucher, the message goes when another is selected.
    QVERIFY(m_page->selectVoucher(waiting));
    QVERIFY(m_page->lastMessage().isEmpty());
}

void TestVouchersPage::cancel_whileCustomerPays_saysTryLater()
{
    const qint64 id = issue(QStringLiteral("hanako+fill_never@test.com"));
    m_backend->sandbox()->startPayment(m_till->voucher(id).paymentIntentId);
    QVERIFY(m_page->selectVoucher(id));
    m_page->cancelSelected();
    QTRY_VERIFY_WITH_TIMEOUT(m_page->lastMessage().contains(QStringLiteral("paying")), 20000);
    QCOMPARE(statusShown(id), voucherStatusLabel(VoucherStatus::Pending));
}

void TestVouchersPage::refund_throughItsLifecycle()
{
    const qint64 id = issue(QStringLiteral("hanako+succeed_immediately@test.com"));
    sync();
    QCOMPARE(statusShown(id), voucherStatusLabel(VoucherStatus::Paid));
    QVERIFY(m_page->selectVoucher(id));
    m_page->setRefundInput([](qint64 remaining, qint64 &amount, QString &reason) {
        amount = remaining - 500;
        reason = QStringLiteral("requested_by_customer");
        return true;
    });
    m_page->refundSelected();
    // ¥1,000 of ¥1,500: a partial refund, said so with its amount.
    QTRY_COMPARE_WITH_TIMEOUT(statusShown(id), QStringLiteral("Partial refund in progress (¥1,000)"), 20000);
    const QString details = m_page->findChild<QLabel *>(QStringLiteral("details"))->text();
    QVERIFY2(details.contains(QStringLiteral("hanako+succeed_immediately@test.com")), qPrintable(details));
    QVERIFY(details.contains(QStringLiteral("fee")));
    const RefundRecord refund = m_ledger->refunds().of(id).value().first();
    QCOMPARE(refund.amount, 1000);
    // The customer's bank details arrive; Stripe pays out; the sync brings it in.
    m_backend->sandbox()->post(QStringLiteral("/v1/test_helpers/sandbox/refunds/%1/bank_details").arg(refund.id),
                               {{QStringLiteral("routing_number"), QStringLiteral("1100000")},
                                {QStringLiteral("account_number"), QStringLiteral("0001234")}});
    sync();
    QCOMPARE(m_ledger->refunds().refund(refund.id).value().status, RefundStatus::Pending);
    m_backend->sandbox()->advanceClock(60);
    sync();
    QCOMPARE(statusShown(id), QStringLiteral("Partly refunded (¥1,000)"));
    // The remaining ¥500, canceled while it waits (the clerk is asked, naming amount and customer).
    m_page->setRefundInput([](qint64 remaining, qint64 &amount, QString &reason) {
        amount = remaining;
        reason.clear();
        return true;
    });
    m_page->refundSelected();
    QTRY_COMPARE_WITH_TIMEOUT(m_ledger->refunds().of(id).value().size(), 2, 20000);
    QTRY_VERIFY(m_page->findChild<QPushButton *>(QStringLiteral("cancelRefund"))->isEnabled());
    QString asked;
    m_page->setConfirmation([&](const QString &question) {
        asked = question;
        return false;
    });
    m_page->cancelSelectedRefund();
    QVERIFY2(asked.contains(QStringLiteral("¥500")) && asked.contains(m_till->voucher(id).customerName), qPrintable(asked));
    QCoreApplication::processEvents();
    QCOMPARE(m_ledger->refunds().of(id).value().size(), 2);
    m_page->setConfirmation([](const QString &) { return true; });
    m_page->cancelSelectedRefund();
    QTRY_VERIFY_WITH_TIMEOUT(m_page->lastMessage().contains(QStringLiteral("refund was canceled")), 20000);
    QCOMPARE(m_till->voucher(id).amountRefunded, 1000);
}

void TestVouchersPage::dayReport_matchesLedger()
{
    issue(QStringLiteral("a@test.com"));
    issue(QStringLiteral("b+succeed_immediately@test.com"));
    const qint64 canceled = issue(QStringLiteral("c+fill_never@test.com"));
    sync();
    QVERIFY(m_page->selectVoucher(canceled));
    m_page->cancelSelected();
    QTRY_COMPARE_WITH_TIMEOUT(m_till->voucher(canceled).status, VoucherStatus::Canceled, 20000);
    ui::DayReportDialog report(*m_ledger, QStringLiteral("渋谷店"));
    report.setDay(KonbiniRules::jstDate(QDateTime::currentSecsSinceEpoch()));
    const DayTotals total = sumOf(report.totals());
    QCOMPARE(total.issuedCount, 3);
    QCOMPARE(total.issuedYen, 4500);
    QCOMPARE(total.paidCount, 1);
    QCOMPARE(total.canceledCount, 1);
    QCOMPARE(total.pendingCount, 1);
    QCOMPARE(total.pendingYen, 1500);
    QCOMPARE(report.table()->rowCount(), 2); // till-1 and the total
    QVERIFY(report.html().contains(QStringLiteral("渋谷店")));
    const QString csv = m_dir->filePath(QStringLiteral("report.csv"));
    QVERIFY(report.exportCsv(csv, CsvEncoding::Utf8WithBom));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains(",3,4500,1,1500,"));
}

void TestVouchersPage::search_filtersTheTable()
{
    issue(QStringLiteral("taro@test.com"));
    issue(QStringLiteral("jiro@test.com"));
    QCOMPARE(m_page->model()->rowCount(), 2);
    auto *search = m_page->findChild<QLineEdit *>(QStringLiteral("searchField"));
    QTest::keyClicks(search, QStringLiteral("jiro"));
    QCOMPARE(m_page->model()->rowCount(), 1);
    QCOMPARE(m_page->model()->voucherAt(0)->email, QStringLiteral("jiro@test.com"));
    search->clear();
    QCOMPARE(m_page->model()->rowCount(), 2);
}

void TestVouchersPage::allTerminals_showsTheStoreReadOnly()
{
    issue(QStringLiteral("mine@test.com"));
    // Another till of the same store, with its own ledger.
    TillHarness otherTill(*m_backend, m_dir->filePath(QStringLiteral("other.sqlite")), QStringLiteral("till-2"), {},
                          QStringLiteral("渋谷店"));
    CheckoutEngine &other = otherTill.engine();
    CheckoutRequest sale;
    sale.amountYen = 2400;
    sale.customerName = QStringLiteral("佐藤 次郎");
    sale.email = QStringLiteral("jiro@test.com");
    std::optional<CheckoutOutcome> outcome;
    other.issueVoucher(sale, [&](const CheckoutOutcome &o) { outcome = o; });
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 20000);
    QVERIFY(outcome->ok());
    QCOMPARE(m_page->model()->rowCount(), 1); // this till's own list

    m_page->showAllTerminals(true);
    QAbstractItemModel *shown = m_page->shownModel();
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), 2, 20000);
    QSet<QString> terminals;
    QSet<QString> customers;
    for (int row = 0; row < shown->rowCount(); ++row) {
        terminals.insert(shown->index(row, ui::VoucherTableModel::Terminal).data().toString());
        customers.insert(shown->index(row, ui::VoucherTableModel::Customer).data().toString());
    }
    QCOMPARE(terminals, (QSet<QString>{QStringLiteral("till-1"), QStringLiteral("till-2")}));
    // The other till refunds ¥1,000 of a paid ¥2,400: this view says so (not 入金済み).
    std::optional<CheckoutOutcome> paid;
    sale.email = QStringLiteral("jiro+succeed_immediately@test.com");
    other.issueVoucher(sale, [&](const CheckoutOutcome &o) { paid = o; });
    QTRY_VERIFY_WITH_TIMEOUT(paid.has_value() && paid->ok(), 20000);
    otherTill.till().sync().syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(otherTill.voucher(paid->value().voucherId).status, VoucherStatus::Paid, 20000);
    std::optional<ActionResult<RefundRecord>> refunded;
    other.refund(paid->value().voucherId, 1000, QStringLiteral("requested_by_customer"),
                 [&](const ActionResult<RefundRecord> &r) { refunded = r; });
    QTRY_VERIFY_WITH_TIMEOUT(refunded.has_value() && refunded->ok(), 20000);
    m_page->showAllTerminals(false);
    m_page->showAllTerminals(true);
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), 3, 20000);
    QStringList statuses;
    for (int row = 0; row < shown->rowCount(); ++row)
        statuses.append(shown->index(row, ui::VoucherTableModel::Status).data().toString());
    QVERIFY2(statuses.contains(QStringLiteral("Partly refunded (¥1,000)")), qPrintable(statuses.join(u'|')));
    QVERIFY(customers.contains(QStringLiteral("佐藤 次郎")));
    // Every column of the store's view is named as in the till's own list (the clerk's too).
    QCOMPARE(shown->columnCount(), int(ui::VoucherTableModel::ColumnCount));
    for (int column = 0; column < shown->columnCount(); ++column)
        QCOMPARE(shown->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString(),
                 m_page->model()->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
    for (int row = 0; row < shown->rowCount(); ++row) {
        m_page->table()->setCurrentIndex(shown->index(row, 0));
        const bool mine = shown->index(row, ui::VoucherTableModel::Terminal).data().toString() == u"till-1";
        // This till's own voucher can be acted on; the other terminal's is read-only.
        QCOMPARE(m_page->selectedVoucher().has_value(), mine);
        QCOMPARE(m_page->findChild<QPushButton *>(QStringLiteral("cancelVoucher"))->isEnabled(), mine);
        for (const char *action : {"reissueVoucher", "refundVoucher", "cancelRefund"})
            QVERIFY2(!m_page->findChild<QPushButton *>(QLatin1String(action))->isEnabled(), action);
    }
    m_page->showAllTerminals(false);
    QCOMPARE(m_page->shownModel(), static_cast<QAbstractItemModel *>(m_page->model()));
}

QTEST_MAIN(TestVouchersPage)
#include "TestVouchersPage.moc"
