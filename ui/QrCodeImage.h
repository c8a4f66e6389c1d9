#pragma once

#include <QImage>
#include <QString>

namespace konbini::ui {

// A QR code (libqrencode, error correction M) as a black-on-white image with the standard
// four-module quiet zone, each module `moduleSize` pixels. Null image if the text does not fit.
QImage qrCodeImage(const QString &text, int moduleSize = 6);

} // namespace konbini::ui
