#pragma once

#include "CheckoutTypes.h"
#include "VoucherSlip.h"

#include <QDialog>
#include <QImage>

class QLabel;
class QPushButton;

namespace konbini::ui {

// What the clerk shows and hands over after a sale: large amount, deadline (JST), confirmation
// number, each chain's payment code, a QR code of Stripe's voucher page, and the slip to print.
// Enter or Esc closes it for the next customer.
class VoucherDialog : public QDialog
{
    Q_OBJECT

public:
    VoucherDialog(const Voucher &voucher, QString storeName, bool sandbox, QWidget *parent = nullptr);

    const QImage &qrImage() const { return m_qr; }
    const Voucher &voucher() const { return m_voucher; }
    bool printToPdf(const QString &path, bool receipt) const;
    void setPrinterName(const QString &name) { m_printerName = name; }
    // The till's slip size (setting): its print button is the prominent one, and PDFs take it.
    void setSlipSize(VoucherSlip::Size size);
    VoucherSlip::Size slipSize() const { return m_slipSize; }

private:
    void print(bool receipt);
    void saveAsPdf();

    Voucher m_voucher;
    QString m_storeName;
    bool m_sandbox;
    QImage m_qr;
    QString m_printerName;
    VoucherSlip::Size m_slipSize = VoucherSlip::Size::Receipt80mm;
    QPushButton *m_printReceipt = nullptr;
    QPushButton *m_printA4 = nullptr;
};

} // namespace konbini::ui
