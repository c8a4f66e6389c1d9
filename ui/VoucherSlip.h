#pragma once

#include "CheckoutEngine.h"

#include <QString>

class QPainter;
class QPaintDevice;
class QPrinter;

namespace konbini::ui {

// The printed slip the customer takes to the store: the store, amount and deadline (with the year,
// as large as the amount), each chain's codes captioned as Stripe names them, the customer, the
// product, when it was issued, and a QR code of the hosted voucher page, in a CJK font. Receipts
// are one column as long as their content; nothing is cut at the edge.
class VoucherSlip
{
public:
    enum class Size { Receipt80mm, Receipt58mm, A4 };

    VoucherSlip(Voucher voucher, QString storeName, bool sandbox);
    // The store's contact for the customer (settings; empty lines are left out).
    void setStoreContact(QString phone, QString address);

    // Lays the slip out on a printer already set up (output, and setupPage) and prints it.
    bool print(QPrinter &printer, Size size) const;
    // Prints to a PDF file; false if it could not.
    bool printToPdf(const QString &path, Size size) const;

    // The page for a size; a receipt is as long as this slip's content.
    void setupPage(QPrinter &printer, Size size) const;
    // From the slip-size setting ("receipt80", "receipt58", "a4").
    static Size sizeFromSetting(const QString &setting);

private:
    // Draws (painter set) or only measures (painter null) the slip `width` device pixels wide;
    // returns its height in device pixels.
    qreal layOut(QPainter *painter, QPaintDevice &device, qreal width, Size size) const;

    Voucher m_voucher;
    QString m_storeName;
    QString m_storePhone;
    QString m_storeAddress;
    bool m_sandbox;
};

} // namespace konbini::ui
