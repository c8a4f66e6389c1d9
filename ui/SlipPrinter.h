#pragma once

#include "VoucherSlip.h"

#include <functional>

class QWidget;

namespace konbini::ui {

// Prints a voucher's slip the way this till is set up: its printer, its slip size, the store's
// name and contact. Used by the voucher dialog, the voucher list's reprint and auto-print.
class SlipPrinter
{
public:
    struct Setup {
        QString storeName;
        bool sandbox = true;
        QString printerName; // empty: the system's default
        VoucherSlip::Size size = VoucherSlip::Size::Receipt80mm;
        QString storePhone;
        QString storeAddress;
    };

    explicit SlipPrinter(Setup setup) : m_setup(std::move(setup)) {}

    const Setup &setup() const { return m_setup; }
    VoucherSlip slipFor(const Voucher &voucher) const;
    // The roll the till prints receipts on (80 or 58 mm), whatever the preferred size.
    VoucherSlip::Size receiptSize() const;
    // The size a reprint or an automatic print uses: the till's own.
    VoucherSlip::Size preferredSize() const { return m_setup.size; }

    // The clerk asked to print: the print dialog first (printer, copies), then the slip. Problems
    // are told in a message box over `parent`.
    void printAsking(const Voucher &voucher, VoucherSlip::Size size, QWidget *parent) const;
    // Straight to the till's printer without asking (auto-print on issue). Empty when printed,
    // otherwise what went wrong, for the clerk.
    QString printNow(const Voucher &voucher) const;
    bool printToPdf(const Voucher &voucher, const QString &path, VoucherSlip::Size size) const;

    // Where printNow sends slips instead of a printer (tests); an empty function restores printing.
    using Sink = std::function<bool(const VoucherSlip &slip, VoucherSlip::Size size)>;
    static void setSinkForTests(Sink sink);

private:
    Setup m_setup;
};

} // namespace konbini::ui
