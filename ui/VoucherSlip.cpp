#include "VoucherSlip.h"

#include "Formatting.h"
#include "KonbiniRules.h"
#include "QrCodeImage.h"

#include <QCoreApplication>
#include <QFont>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPrinter>

namespace konbini::ui {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(VoucherSlip)
};

QFont slipFont(qreal points, bool bold = false)
{
    QFont font(QStringLiteral("Noto Sans CJK JP"));
    font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(points);
    font.setBold(bold);
    return font;
}

// Codes, numbers and amounts: monospaced, so 0/O and 1/l are told apart at the register.
QFont codeFont(qreal points)
{
    QFont font(QStringLiteral("DejaVu Sans Mono"));
    font.setStyleHint(QFont::Monospace);
    font.setPointSizeF(points);
    font.setBold(true);
    return font;
}

} // namespace

VoucherSlip::VoucherSlip(Voucher voucher, QString storeName, bool sandbox)
    : m_voucher(std::move(voucher)), m_storeName(std::move(storeName)), m_sandbox(sandbox)
{
}

void VoucherSlip::setupPage(QPrinter &printer, Size size)
{
    if (size == Size::Receipt80mm) {
        printer.setPageSize(QPageSize(QSizeF(80, 200), QPageSize::Millimeter, QStringLiteral("Receipt 80mm")));
        printer.setPageMargins(QMarginsF(4, 4, 4, 4), QPageLayout::Millimeter);
    } else {
        printer.setPageSize(QPageSize(QPageSize::A4));
        printer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout::Millimeter);
    }
}

bool VoucherSlip::printToPdf(const QString &path, Size size) const
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    printer.setDocName(Text::tr("Konbini payment slip"));
    setupPage(printer, size);
    return print(printer, size);
}

bool VoucherSlip::print(QPrinter &printer, Size size) const
{
    QPainter painter;
    if (!painter.begin(&printer))
        return false;
    const QRectF page = printer.pageLayout()
                            .paintRectPixels(printer.resolution())
                            .translated(-printer.pageLayout().paintRectPixels(printer.resolution()).topLeft());
    const bool receipt = size == Size::Receipt80mm;
    const qreal scale = receipt ? 1.0 : 1.6;
    qreal y = 0;
    const auto line = [&](const QString &text, qreal points, bool bold = false, Qt::Alignment align = Qt::AlignLeft) {
        painter.setFont(slipFont(points * scale, bold));
        const QRectF bounds =
            painter.boundingRect(QRectF(0, y, page.width(), page.height()), int(align) | Qt::TextWordWrap, text);
        painter.drawText(QRectF(0, y, page.width(), bounds.height()), int(align) | Qt::TextWordWrap, text);
        y += bounds.height() + painter.fontMetrics().height() * 0.25;
    };
    const auto pair = [&](const QString &label, const QString &value, qreal points, bool bold = false) {
        painter.setFont(slipFont(points * scale));
        const qreal height = painter.fontMetrics().height();
        painter.drawText(QRectF(0, y, page.width() * 0.45, height * 1.4), Qt::AlignLeft | Qt::AlignVCenter, label);
        painter.setFont(bold ? codeFont(points * scale) : slipFont(points * scale));
        painter.drawText(QRectF(page.width() * 0.45, y, page.width() * 0.55, height * 1.4),
                         Qt::AlignRight | Qt::AlignVCenter, value);
        y += height * 1.5;
    };

    if (m_sandbox)
        line(Text::tr("SANDBOX - NOT A REAL PAYMENT SLIP"), 8, true, Qt::AlignHCenter);
    line(m_storeName, 9, false, Qt::AlignHCenter);
    line(Text::tr("Konbini payment slip"), 12, true, Qt::AlignHCenter);
    pair(Text::tr("Amount"), formatYen(m_voucher.amountYen), 11, true);
    pair(Text::tr("Pay by"), formatDeadline(m_voucher.expiresAt), 8, true);
    pair(Text::tr("Confirmation number"), m_voucher.confirmationNumber, 10, true);
    y += 4;
    for (const KonbiniStore &store : m_voucher.stores) {
        pair(storeChainName(store.chain), store.paymentCode, 9, true);
    }
    y += 6;
    const QImage qr = qrCodeImage(m_voucher.hostedVoucherUrl, 8);
    if (!qr.isNull()) {
        const qreal side = std::min(page.width() * (receipt ? 0.6 : 0.35), page.height() - y - 80);
        painter.drawImage(QRectF((page.width() - side) / 2, y, side, side), qr);
        y += side + 6;
    }
    line(Text::tr("Scan the code to open the payment instructions on your phone."), 7, false, Qt::AlignHCenter);
    line(m_voucher.hostedVoucherUrl, 6, false, Qt::AlignHCenter);
    line(Text::tr(
             "Pay at the store's register or kiosk with the payment code and confirmation number before the deadline."),
         7);
    return painter.end();
}

} // namespace konbini::ui
