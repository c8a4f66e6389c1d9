#include "SlipPrinter.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QPrinterInfo>

namespace konbini::ui {
namespace {

SlipPrinter::Sink &testSink()
{
    static SlipPrinter::Sink sink;
    return sink;
}

struct Text {
    Q_DECLARE_TR_FUNCTIONS(SlipPrinter)
};

} // namespace

void SlipPrinter::setSinkForTests(Sink sink)
{
    testSink() = std::move(sink);
}

VoucherSlip SlipPrinter::slipFor(const Voucher &voucher) const
{
    VoucherSlip slip(voucher, m_setup.storeName, m_setup.sandbox);
    slip.setStoreContact(m_setup.storePhone, m_setup.storeAddress);
    return slip;
}

VoucherSlip::Size SlipPrinter::receiptSize() const
{
    return m_setup.size == VoucherSlip::Size::Receipt58mm ? VoucherSlip::Size::Receipt58mm
                                                           : VoucherSlip::Size::Receipt80mm;
}

void SlipPrinter::printAsking(const Voucher &voucher, VoucherSlip::Size size, QWidget *parent) const
{
    QPrinter printer(QPrinter::HighResolution);
    if (!m_setup.printerName.isEmpty())
        printer.setPrinterName(m_setup.printerName);
    const VoucherSlip slip = slipFor(voucher);
    slip.setupPage(printer, size);
    QPrintDialog dialog(&printer, parent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!slip.print(printer, size))
        QMessageBox::warning(parent, Text::tr("Printing failed"),
                             Text::tr("The slip could not be printed. Check the printer and try again."));
}

QString SlipPrinter::printNow(const Voucher &voucher) const
{
    const VoucherSlip slip = slipFor(voucher);
    if (testSink())
        return testSink()(slip, m_setup.size) ? QString() : Text::tr("The printer did not take the slip.");
    const QPrinterInfo target = m_setup.printerName.isEmpty() ? QPrinterInfo::defaultPrinter()
                                                              : QPrinterInfo::printerInfo(m_setup.printerName);
    if (target.isNull())
        return m_setup.printerName.isEmpty() ? Text::tr("No printer is set up on this computer.")
                                             : Text::tr("The printer %1 is not available.").arg(m_setup.printerName);
    QPrinter printer(target, QPrinter::HighResolution);
    slip.setupPage(printer, m_setup.size);
    return slip.print(printer, m_setup.size) ? QString() : Text::tr("The printer did not take the slip.");
}

bool SlipPrinter::printToPdf(const Voucher &voucher, const QString &path, VoucherSlip::Size size) const
{
    return slipFor(voucher).printToPdf(path, size);
}

} // namespace konbini::ui
