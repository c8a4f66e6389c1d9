#pragma once

#include "CheckoutTypes.h"
#include "SlipPrinter.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QImage>

#include <chrono>

class QLabel;
class QBoxLayout;
class QPushButton;
class QScrollArea;

namespace konbini::ui {

class ParagraphLabel;

// What the clerk shows and hands over after a sale: large amount, deadline (JST), confirmation
// number, each chain's payment code, a QR code of Stripe's voucher page, and the slip to print.
// Enter or Esc closes it for the next customer, but not in its first second on screen: the Enter
// that issued the voucher (held, or pressed twice) must never close it before it is seen.
class VoucherDialog : public QDialog
{
    Q_OBJECT

public:
    VoucherDialog(const Voucher &voucher, QString storeName, bool sandbox, QWidget *parent = nullptr);

    const QImage &qrImage() const { return m_qr; }
    const Voucher &voucher() const { return m_voucher; }
    bool printToPdf(const QString &path, bool receipt) const;
    void setPrinterName(const QString &name) { m_print.printerName = name; }
    void setStoreContact(const QString &phone, const QString &address);
    // The till's slip size (setting): its print button is the prominent one, and PDFs take it.
    void setSlipSize(VoucherSlip::Size size);
    VoucherSlip::Size slipSize() const { return m_print.size; }
    // Auto-print (setting): the slip goes to the till's printer without asking; the dialog says
    // whether it was printed, and the print buttons stay for another copy.
    void printAutomatically();
    // A sale the till finished at start after a crash or a quit, first issued at `issuedAt`.
    void markRecovered(qint64 issuedAt);
    // A voucher that was on screen when the till went away (crash, power cut): the customer may
    // have left without it.
    void markNotHandedOver(qint64 issuedAt);

    // How long Enter, Esc and Space are ignored after the dialog appears (tests shorten it).
    static void setKeyGuard(std::chrono::milliseconds guard);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void print(bool receipt);
    SlipPrinter printer() const { return SlipPrinter(m_print); }
    void saveAsPdf();
    // As large as the voucher, but never larger than the screen (the voucher scrolls instead).
    void fitToScreen();

    Voucher m_voucher;
    QImage m_qr;
    SlipPrinter::Setup m_print;
    ParagraphLabel *m_printStatus = nullptr;
    QScrollArea *m_scroll = nullptr;
    QBoxLayout *m_buttonRows = nullptr;
    QPushButton *m_printReceipt = nullptr;
    QPushButton *m_printA4 = nullptr;
    ParagraphLabel *m_recovered = nullptr;
    QElapsedTimer m_onScreen;
};

} // namespace konbini::ui
