#include "Formatting.h"
#include "QrCodeImage.h"
#include "VoucherDialog.h"

#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace konbini;

namespace {

Voucher sampleVoucher()
{
    Voucher voucher;
    voucher.voucherId = 7;
    voucher.paymentIntentId = QStringLiteral("pi_sample");
    voucher.amountYen = 12345;
    voucher.customerName = QStringLiteral("山田 花子");
    voucher.confirmationNumber = QStringLiteral("09012345678");
    voucher.expiresAt = QDateTime(QDate(2026, 12, 1), QTime(14, 59, 59), Qt::UTC).toSecsSinceEpoch();
    voucher.hostedVoucherUrl =
        QStringLiteral("http://127.0.0.1:41234/konbini/voucher/test_AbCdEfGhIjKlMnOpQrStUvWx0123456789");
    voucher.issuedAt = QDateTime(QDate(2026, 11, 28), QTime(1, 42), Qt::UTC).toSecsSinceEpoch();
    voucher.stores = {{QStringLiteral("familymart"), QStringLiteral("123456-654321"), voucher.confirmationNumber},
                      {QStringLiteral("lawson"), QStringLiteral("LW1234567890"), voucher.confirmationNumber},
                      {QStringLiteral("ministop"), QStringLiteral("MS1234567890"), voucher.confirmationNumber},
                      {QStringLiteral("seicomart"), QStringLiteral("SM1234567890"), voucher.confirmationNumber}};
    return voucher;
}

QString run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(30000))
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

class TestVoucherDialog : public QObject
{
    Q_OBJECT

private slots:
    void qrCode_decodesToHostedVoucherUrl();
    void dialog_showsEveryChainAndClosesOnEnter();
    void enterInItsFirstMoments_isIgnored();
    void recoveredVoucher_saysSo();
    void serverText_isShownAsText();
    void printedPdf_containsNumberAndCodes_data();
    void printedPdf_containsNumberAndCodes();

private:
    QTemporaryDir m_dir;
};

void TestVoucherDialog::qrCode_decodesToHostedVoucherUrl()
{
    const Voucher voucher = sampleVoucher();
    ui::VoucherDialog dialog(voucher, QStringLiteral("渋谷店"), true);
    const QString path = m_dir.filePath(QStringLiteral("qr.png"));
    QVERIFY(dialog.qrImage().save(path));
    QCOMPARE(run(QStringLiteral("zbarimg"), {QStringLiteral("-q"), QStringLiteral("--raw"), path}).trimmed(),
             voucher.hostedVoucherUrl);
    QVERIFY(ui::qrCodeImage(QString(5000, u'x')).isNull()); // too long for a QR code: no image, no crash
}

void TestVoucherDialog::dialog_showsEveryChainAndClosesOnEnter()
{
    ui::VoucherDialog dialog(sampleVoucher(), QStringLiteral("渋谷店"), false);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("amountValue"))->text(), QStringLiteral("¥12,345"));
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("paymentCode_lawson"))->text(), QStringLiteral("LW1234567890"));
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("paymentCode_familymart"))->text(),
             QStringLiteral("123456-654321"));
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("sandboxNotice")));
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("nextSale"))->isDefault());
    ui::VoucherDialog::setKeyGuard(std::chrono::milliseconds(0));
    QSignalSpy finished(&dialog, &QDialog::finished);
    QTest::keyClick(&dialog, Qt::Key_Return);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestVoucherDialog::enterInItsFirstMoments_isIgnored()
{
    ui::VoucherDialog::setKeyGuard(std::chrono::hours(1));
    ui::VoucherDialog dialog(sampleVoucher(), QStringLiteral("渋谷店"), false);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy finished(&dialog, &QDialog::finished);
    for (const Qt::Key key : {Qt::Key_Return, Qt::Key_Enter, Qt::Key_Escape, Qt::Key_Space}) {
        QTest::keyClick(dialog.focusWidget() ? dialog.focusWidget() : &dialog, key);
        QTest::keyClick(&dialog, key);
    }
    QCOMPARE(finished.count(), 0);
    QVERIFY(dialog.isVisible());
    // The buttons still work by mouse.
    dialog.findChild<QPushButton *>(QStringLiteral("nextSale"))->click();
    QCOMPARE(finished.count(), 1);
    ui::VoucherDialog::setKeyGuard(std::chrono::milliseconds(0));
}

void TestVoucherDialog::recoveredVoucher_saysSo()
{
    ui::VoucherDialog dialog(sampleVoucher(), QStringLiteral("渋谷店"), false);
    auto *notice = dialog.findChild<QLabel *>(QStringLiteral("recoveredNotice"));
    QVERIFY(notice->isHidden());
    dialog.markRecovered(sampleVoucher().issuedAt);
    QVERIFY(!notice->isHidden());
    QVERIFY2(notice->text().contains(ui::formatIssuedAt(sampleVoucher().issuedAt)), qPrintable(notice->text()));
    QCOMPARE(notice->textFormat(), Qt::PlainText);
}

void TestVoucherDialog::printedPdf_containsNumberAndCodes_data()
{
    QTest::addColumn<bool>("receipt");
    QTest::newRow("80 mm receipt") << true;
    QTest::newRow("A4") << false;
}

void TestVoucherDialog::printedPdf_containsNumberAndCodes()
{
    QFETCH(bool, receipt);
    const Voucher voucher = sampleVoucher();
    ui::VoucherDialog dialog(voucher, QStringLiteral("渋谷店"), true);
    const QString pdf = m_dir.filePath(receipt ? QStringLiteral("receipt.pdf") : QStringLiteral("a4.pdf"));
    QVERIFY(dialog.printToPdf(pdf, receipt));
    // NFKC: the CJK font maps some ideographs to look-alike Kangxi radicals (谷 → ⾕) in its
    // text layer; normalizing folds them back.
    const QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")})
                             .normalized(QString::NormalizationForm_KC);
    QVERIFY2(text.contains(voucher.confirmationNumber), qPrintable(text));
    for (const KonbiniStore &store : voucher.stores)
        QVERIFY2(text.contains(store.paymentCode), qPrintable(store.paymentCode));
    QVERIFY(text.contains(QStringLiteral("12,345")));
    QVERIFY(text.contains(QStringLiteral("渋谷店"))); // the CJK font made it into the PDF
    const QString info = run(QStringLiteral("pdfinfo"), {pdf});
    const QString pageSize = info.section(QStringLiteral("Page size:"), 1).section(u'\n', 0, 0);
    QVERIFY2(pageSize.contains(receipt ? QStringLiteral("227 x") : QStringLiteral("595")),
             qPrintable(pageSize)); // 80 mm = 226.8 pt, shown rounded
}

void TestVoucherDialog::serverText_isShownAsText()
{
    // A hostile server's payment code: shown literally, no image fetched, no markup obeyed.
    Voucher voucher = sampleVoucher();
    voucher.stores.first().paymentCode = QStringLiteral("<img src=\"file:///etc/passwd\"><b>1</b>");
    ui::VoucherDialog dialog(voucher, QStringLiteral("<i>店</i>"), true);
    QLabel *code = dialog.findChild<QLabel *>(QStringLiteral("paymentCode_") + voucher.stores.first().chain);
    QVERIFY(code);
    QCOMPARE(code->textFormat(), Qt::PlainText);
    QCOMPARE(code->text(), voucher.stores.first().paymentCode);
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->text().contains(u'<'))
            QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->objectName()));
    }
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("openBrowser"))->isEnabled());
    voucher.hostedVoucherUrl = QStringLiteral("javascript:alert(1)");
    ui::VoucherDialog hostile(voucher, QStringLiteral("店"), true);
    QVERIFY(!hostile.findChild<QPushButton *>(QStringLiteral("openBrowser"))->isEnabled());
}

QTEST_MAIN(TestVoucherDialog)
#include "TestVoucherDialog.moc"
