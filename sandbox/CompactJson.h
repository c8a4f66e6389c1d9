#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QStringView>

#include <cstring>

class QCborArray;
class QCborMap;
class QCborValue;

namespace konbini::sandbox {

// The bytes of QJsonDocument(object).toJson(QJsonDocument::Compact) in less than half the time (a
// confirmed PaymentIntent: 6 µs against 14): this one walks Qt's own CBOR view of the object
// (shared, not copied) and writes the text into one buffer.
QByteArray compactJson(const QJsonObject &object);

// JSON text written into one buffer, escaped exactly as Qt's writer escapes it. Also how the
// sandbox builds objects from many values: QJsonDocument::fromJson of the text costs a fraction
// of inserting the values one by one.
class JsonTextWriter
{
public:
    explicit JsonTextWriter(qsizetype expected = 4096);

    void object(const QCborMap &map);
    void value(const QCborValue &value);
    void string(QStringView text);
    // A member's name and its colon; its value comes next.
    void key(QStringView name)
    {
        string(name);
        punctuation(':');
    }
    void punctuation(char c) // { } [ ] : ,
    {
        reserve(1);
        *m_at++ = c;
    }
    QByteArray take();

private:
    void array(const QCborArray &array);
    void utf8(char16_t unit, const QChar *&at, const QChar *end);
    void put(const char *text, qsizetype length)
    {
        reserve(length);
        std::memcpy(m_at, text, size_t(length));
        m_at += length;
    }
    void reserve(qsizetype length)
    {
        if (m_at - m_bytes.constData() + length > m_bytes.size())
            grow(length);
    }
    void grow(qsizetype length);

    QByteArray m_bytes;
    char *m_at = nullptr;
};

} // namespace konbini::sandbox
