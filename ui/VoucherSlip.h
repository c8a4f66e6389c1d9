#pragma once

#include "CheckoutEngine.h"

#include <QString>

class QPrinter;

namespace konbini::ui {

// The printed slip the customer takes to the store: amount, deadline (JST), confirmation
// number, each chain's payment code and a QR code of the hosted voucher page, in a CJK font.
class VoucherSlip
{
public:
    enum class Size { Receipt80mm, A4 };

    VoucherSlip(Voucher voucher, QString storeName, bool sandbox);

    // Lays the slip out on a printer already set up (page size, output) and prints it.
    bool print(QPrinter &printer, Size size) const;
    // Prints to a PDF file; false with the printer's complaint if it could not.
    bool printToPdf(const QString &path, Size size) const;

    static void setupPage(QPrinter &printer, Size size);

private:
    Voucher m_voucher;
    QString m_storeName;
    bool m_sandbox;
};

} // namespace konbini::ui
