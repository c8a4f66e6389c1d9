#include "CompactJson.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QLocale>

#include <charconv>
#include <cstring>

namespace konbini::sandbox {
namespace {

constexpr char kHex[] = "0123456789abcdef";

} // namespace

JsonTextWriter::JsonTextWriter(qsizetype expected)
{
    m_bytes.resize(expected);
    m_at = m_bytes.data();
}

void JsonTextWriter::value(const QCborValue &value)
{
    switch (value.type()) {
    case QCborValue::Map:
        object(value.toMap());
        return;
    case QCborValue::Array:
        array(value.toArray());
        return;
    case QCborValue::String:
        string(value.toString());
        return;
    case QCborValue::Integer: {
        reserve(21);
        m_at = std::to_chars(m_at, m_at + 21, value.toInteger()).ptr;
        return;
    }
    case QCborValue::Double: {
        const double number = value.toDouble();
        if (!qIsFinite(number)) {
            put("null", 4);
        } else {
            const QByteArray digits = QByteArray::number(number, 'g', QLocale::FloatingPointShortest);
            put(digits.constData(), digits.size());
        }
        return;
    }
    case QCborValue::True:
        put("true", 4);
        return;
    case QCborValue::False:
        put("false", 5);
        return;
    default: // null and undefined (what an empty QJsonValue holds)
        put("null", 4);
        return;
    }
}

void JsonTextWriter::object(const QCborMap &map)
{
    punctuation('{');
    bool first = true;
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        if (!first)
            punctuation(',');
        first = false;
        key(it.key().toString());
        value(it.value());
    }
    punctuation('}');
}

void JsonTextWriter::array(const QCborArray &array)
{
    punctuation('[');
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (i)
            punctuation(',');
        value(array.at(i));
    }
    punctuation(']');
}

QByteArray JsonTextWriter::take()
{
    m_bytes.truncate(m_at - m_bytes.constData());
    if (m_bytes.capacity() > 2 * m_bytes.size())
        m_bytes.squeeze(); // kept in caches: not four kilobytes for "{}"
    m_at = nullptr;
    return std::move(m_bytes);
}

// As Qt's writer escapes: quote, backslash, control characters and unpaired surrogates;
// everything else as UTF-8.
void JsonTextWriter::string(QStringView text)
{
    // At most six bytes per UTF-16 unit (a control character's \u00XX), plus the quotes.
    reserve(6 * text.size() + 2);
    *m_at++ = '"';
    const QChar *at = text.constData();
    const QChar *end = at + text.size();
    while (at < end) {
        const char16_t unit = (at++)->unicode();
        if (unit >= 0x80) {
            utf8(unit, at, end);
            continue;
        }
        if (unit >= 0x20 && unit != '"' && unit != '\\') {
            *m_at++ = char(unit);
            continue;
        }
        *m_at++ = '\\';
        switch (unit) {
        case '"':
        case '\\':
            *m_at++ = char(unit);
            break;
        case '\b':
            *m_at++ = 'b';
            break;
        case '\f':
            *m_at++ = 'f';
            break;
        case '\n':
            *m_at++ = 'n';
            break;
        case '\r':
            *m_at++ = 'r';
            break;
        case '\t':
            *m_at++ = 't';
            break;
        default:
            std::memcpy(m_at, "u00", 3);
            m_at += 3;
            *m_at++ = kHex[unit >> 4];
            *m_at++ = kHex[unit & 0xf];
        }
    }
    *m_at++ = '"';
}

// One character at or above U+0080 (a pair of surrogates: `at` moves past the second) as UTF-8;
// an unpaired surrogate as \uXXXX, as Qt writes it.
void JsonTextWriter::utf8(char16_t unit, const QChar *&at, const QChar *end)
{
    if (QChar::isHighSurrogate(unit) && at < end && at->isLowSurrogate()) {
        const char32_t code = QChar::surrogateToUcs4(unit, at->unicode());
        ++at;
        *m_at++ = char(0xf0 | (code >> 18));
        *m_at++ = char(0x80 | ((code >> 12) & 0x3f));
        *m_at++ = char(0x80 | ((code >> 6) & 0x3f));
        *m_at++ = char(0x80 | (code & 0x3f));
    } else if (QChar::isSurrogate(unit)) {
        std::memcpy(m_at, "\\u", 2);
        m_at += 2;
        for (int shift = 12; shift >= 0; shift -= 4)
            *m_at++ = kHex[(unit >> shift) & 0xf];
    } else if (unit < 0x800) {
        *m_at++ = char(0xc0 | (unit >> 6));
        *m_at++ = char(0x80 | (unit & 0x3f));
    } else {
        *m_at++ = char(0xe0 | (unit >> 12));
        *m_at++ = char(0x80 | ((unit >> 6) & 0x3f));
        *m_at++ = char(0x80 | (unit & 0x3f));
    }
}

void JsonTextWriter::grow(qsizetype length)
{
    const qsizetype used = m_at - m_bytes.constData();
    m_bytes.resize(std::max(2 * m_bytes.size(), used + length));
    m_at = m_bytes.data() + used;
}

QByteArray compactJson(const QJsonObject &object)
{
    JsonTextWriter writer;
    writer.object(QCborMap::fromJsonObject(object));
    return writer.take();
}

} // namespace konbini::sandbox
