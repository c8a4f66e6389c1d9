#include "FontWarmUp.h"

#include <QFont>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QString>

namespace konbini::ui {

FontWarmUp::FontWarmUp()
{
    const QFont font = QGuiApplication::font();
    // Kana, kanji, the yen sign and digits: what the counter shows first.
    m_thread = std::thread([font] { QFontMetrics(font).boundingRect(QStringLiteral("金額 お客様名 ¥1,500 アイウ")); });
}

FontWarmUp::~FontWarmUp()
{
    m_thread.join();
}

} // namespace konbini::ui
