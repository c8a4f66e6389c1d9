#include "VoucherSlip.h"

#include "Formatting.h"
#include "KonbiniRules.h"
#include "QrCodeImage.h"

#include <QCoreApplication>
#include <QFont>
#include <QFontMetricsF>
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
    // Latin letters and digits from DejaVu, Japanese from Noto CJK: Qt's PDFs of Noto CJK lose
    // the digits from their text layer (a deadline that cannot be searched or copied).
    QFont font;
    font.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans CJK JP")});
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

constexpr qreal kReceiptMarginMm = 4;
constexpr qreal kA4MarginMm = 20;

qreal paperWidthMm(VoucherSlip::Size size)
{
    switch (size) {
    case VoucherSlip::Size::Receipt80mm:
        return 80;
    case VoucherSlip::Size::Receipt58mm:
        return 58;
    case VoucherSlip::Size::A4:
        return 210;
    }
    return 80;
}

} // namespace

VoucherSlip::VoucherSlip(Voucher voucher, QString storeName, bool sandbox)
    : m_voucher(std::move(voucher)), m_storeName(std::move(storeName)), m_sandbox(sandbox)
{
}

void VoucherSlip::setStoreContact(QString phone, QString address)
{
    m_storePhone = std::move(phone);
    m_storeAddress = std::move(address);
}

VoucherSlip::Size VoucherSlip::sizeFromSetting(const QString &setting)
{
    if (setting == u"a4")
        return Size::A4;
    if (setting == u"receipt58")
        return Size::Receipt58mm;
    return Size::Receipt80mm;
}

void VoucherSlip::setupPage(QPrinter &printer, Size size) const
{
    if (size == Size::A4) {
        printer.setPageSize(QPageSize(QPageSize::A4));
        printer.setPageMargins(QMarginsF(kA4MarginMm, kA4MarginMm, kA4MarginMm, kA4MarginMm), QPageLayout::Millimeter);
        return;
    }
    // A roll: measure the content at the printer's resolution, then make the page that long.
    const qreal widthMm = paperWidthMm(size);
    const qreal dotsPerMm = printer.resolution() / 25.4;
    const qreal contentMm = layOut(nullptr, printer, (widthMm - 2 * kReceiptMarginMm) * dotsPerMm, size) / dotsPerMm;
    const QString name = size == Size::Receipt58mm ? QStringLiteral("Receipt 58mm") : QStringLiteral("Receipt 80mm");
    printer.setPageSize(QPageSize(QSizeF(widthMm, contentMm + 2 * kReceiptMarginMm + 2), QPageSize::Millimeter, name));
    printer.setPageMargins(QMarginsF(kReceiptMarginMm, kReceiptMarginMm, kReceiptMarginMm, kReceiptMarginMm),
                           QPageLayout::Millimeter);
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
    const QRectF paint = printer.pageLayout().paintRectPixels(printer.resolution());
    qreal width = paint.width();
    if (size == Size::A4) {
        // One page: a slip taller than A4 is drawn smaller, never cut.
        const qreal height = layOut(nullptr, printer, width, size);
        if (height > paint.height()) {
            const qreal factor = paint.height() / height;
            painter.scale(factor, factor);
            width /= factor;
        }
    }
    layOut(&painter, printer, width, size);
    return painter.end();
}

qreal VoucherSlip::layOut(QPainter *painter, QPaintDevice &device, qreal width, Size size) const
{
    const qreal scale = size == Size::A4 ? 1.3 : size == Size::Receipt58mm ? 0.8 : 1.0;
    qreal y = 0;
    // One block of text across the width, wrapped, never cut.
    const auto block = [&](const QString &text, const QFont &font, Qt::Alignment align = Qt::AlignLeft,
                           qreal spaceAfter = 0.3) {
        if (text.isEmpty())
            return;
        const QFontMetricsF metrics(font, &device);
        const int flags = int(align) | Qt::TextWordWrap;
        const QRectF bounds = metrics.boundingRect(QRectF(0, 0, width, 1e9), flags, text);
        if (painter) {
            painter->setFont(font);
            painter->drawText(QRectF(0, y, width, bounds.height()), flags, text);
        }
        y += bounds.height() + metrics.height() * spaceAfter;
    };
    const auto caption = [&](const QString &text) { block(text, slipFont(7 * scale), Qt::AlignLeft, 0.05); };
    const auto rule = [&] {
        const QFontMetricsF metrics(slipFont(7 * scale), &device);
        if (painter) {
            QPen pen(Qt::black);
            pen.setWidthF(metrics.height() / 12);
            painter->setPen(pen);
            painter->drawLine(QPointF(0, y + metrics.height() / 3), QPointF(width, y + metrics.height() / 3));
        }
        y += metrics.height() * 0.8;
    };

    if (m_sandbox)
        block(Text::tr("SANDBOX - NOT A REAL PAYMENT SLIP"), slipFont(8 * scale, true), Qt::AlignHCenter);
    block(m_storeName, slipFont(10 * scale, true), Qt::AlignHCenter, 0.1);
    block(m_storeAddress, slipFont(7 * scale), Qt::AlignHCenter, 0.05);
    block(m_storePhone.isEmpty() ? QString() : Text::tr("Tel. %1").arg(m_storePhone), slipFont(7 * scale),
          Qt::AlignHCenter, 0.1);
    block(Text::tr("Konbini payment slip"), slipFont(12 * scale, true), Qt::AlignHCenter);
    rule();
    if (!m_voucher.customerName.isEmpty())
        block(Text::tr("%1", "the customer's name with an honorific").arg(m_voucher.customerName),
              slipFont(10 * scale, true));
    if (!m_voucher.productDescription.isEmpty()) {
        caption(Text::tr("Product"));
        block(m_voucher.productDescription, slipFont(9 * scale));
    }
    caption(Text::tr("Amount"));
    block(formatYen(m_voucher.amountYen), codeFont(14 * scale));
    caption(Text::tr("Pay by"));
    // As large as the amount: a deadline read wrong is a voucher that expires.
    block(formatDeadline(m_voucher.expiresAt), slipFont(14 * scale, true));
    caption(Text::tr("Confirmation number"));
    block(m_voucher.confirmationNumber, codeFont(13 * scale));
    rule();
    for (const KonbiniStore &store : m_voucher.stores) {
        block(storeChainName(store.chain), slipFont(9 * scale, true), Qt::AlignLeft, 0.05);
        caption(Text::tr("Payment code"));
        block(store.paymentCode, codeFont(11 * scale), Qt::AlignLeft, 0.5);
    }
    rule();
    const QImage qr = qrCodeImage(m_voucher.hostedVoucherUrl, 8);
    if (!qr.isNull()) {
        const qreal side = width * (size == Size::A4 ? 0.3 : 0.6);
        if (painter)
            painter->drawImage(QRectF((width - side) / 2, y, side, side), qr);
        y += side + QFontMetricsF(slipFont(7 * scale), &device).height() * 0.3;
    }
    block(Text::tr("Scan the code to open the payment instructions on your phone."), slipFont(7 * scale),
          Qt::AlignHCenter);
    block(m_voucher.hostedVoucherUrl, slipFont(6 * scale), Qt::AlignHCenter);
    block(Text::tr("Pay at the store's register or kiosk with the payment code and confirmation number before the "
                   "deadline."),
          slipFont(7 * scale));
    if (m_voucher.issuedAt > 0)
        block(Text::tr("Issued %1").arg(formatIssuedAt(m_voucher.issuedAt)), slipFont(7 * scale), Qt::AlignRight, 0);
    return y;
}

} // namespace konbini::ui
