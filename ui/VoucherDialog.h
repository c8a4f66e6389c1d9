#pragma once

#include "CheckoutEngine.h"

#include <QDialog>
#include <QImage>

class QLabel;

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

private:
    void print(bool receipt);
    void saveAsPdf();

    Voucher m_voucher;
    QString m_storeName;
    bool m_sandbox;
    QImage m_qr;
    QString m_printerName;
};

} // namespace konbini::ui
