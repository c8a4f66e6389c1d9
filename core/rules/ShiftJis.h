#pragma once

#include <QString>
#include <QStringView>

namespace konbini {

// What Konbini stores can print: Shift JIS limited to JIS X 0201 (ASCII/Roman and half-width
// katakana) and JIS X 0208:1997. Vendor extensions of CP932 (①, Ⅰ, ㈱, 髙, ～ U+FF5E) are outside
// it. The table is compiled in; nothing here depends on the C library's iconv.
namespace ShiftJis {

bool isPrintable(char32_t codePoint);

// The distinct characters of text that stores cannot print, in order of first appearance.
QString unprintableCharacters(QStringView text);

} // namespace ShiftJis
} // namespace konbini
