#include "CompactJson.h"

#include <QCborMap>
#include <QCborValue>
#include <QJsonDocument>
#include <QLocale>

#include <charconv>
#include <cstring>
#include <limits>

namespace konbini::sandbox {
namespace {

// Reads the CBOR that QCborValue::toCbor writes for a JSON object (definite lengths; text keys and
// strings; integers; float64; false, true, null) and writes it as compact JSON into a buffer sized
// for the worst case (each CBOR byte becomes at most six JSON bytes: a control character's \u00XX).
class Transcoder
{
public:
    static constexpr int kMaxGrowth = 6;

    Transcoder(const QByteArray &cbor, char *out)
        : m_at(reinterpret_cast<const uchar *>(cbor.constData())), m_end(m_at + cbor.size()), m_out(out)
    {
    }

    bool value()
    {
        if (m_at >= m_end)
            return false;
        const uchar initial = *m_at++;
        const int major = initial >> 5;
        if (major == 7)
            return simple(initial & 0x1f);
        quint64 argument = 0;
        if (!readArgument(initial & 0x1f, argument))
            return false;
        switch (major) {
        case 0:
            m_out = std::to_chars(m_out, m_out + 20, argument).ptr;
            return true;
        case 1:
            // -1 - argument; within qint64 for anything a JSON object holds
            if (argument > quint64(std::numeric_limits<qint64>::max()))
                return false;
            m_out = std::to_chars(m_out, m_out + 21, -1 - qint64(argument)).ptr;
            return true;
        case 3:
            return text(argument);
        case 4:
            *m_out++ = '[';
            for (quint64 i = 0; i < argument; ++i) {
                if (i)
                    *m_out++ = ',';
                if (!value())
                    return false;
            }
            *m_out++ = ']';
            return true;
        case 5:
            *m_out++ = '{';
            for (quint64 i = 0; i < argument; ++i) {
                if (i)
                    *m_out++ = ',';
                if (m_at >= m_end || (*m_at >> 5) != 3 || !value())
                    return false;
                *m_out++ = ':';
                if (!value())
                    return false;
            }
            *m_out++ = '}';
            return true;
        default:
            return false; // byte strings and tags never come from a JSON object
        }
    }

    bool atEnd() const { return m_at == m_end; }
    char *out() const { return m_out; }

private:
    bool readArgument(int info, quint64 &argument)
    {
        if (info < 24) {
            argument = quint64(info);
            return true;
        }
        const int bytes = info == 24 ? 1 : info == 25 ? 2 : info == 26 ? 4 : info == 27 ? 8 : 0;
        if (bytes == 0 || m_end - m_at < bytes)
            return false; // indefinite lengths are not written for JSON objects
        argument = 0;
        for (int i = 0; i < bytes; ++i)
            argument = (argument << 8) | *m_at++;
        return true;
    }

    void put(const char *text, size_t length)
    {
        std::memcpy(m_out, text, length);
        m_out += length;
    }

    bool simple(int info)
    {
        switch (info) {
        case 20:
            put("false", 5);
            return true;
        case 21:
            put("true", 4);
            return true;
        case 22:
        case 23: // undefined: JSON's null
            put("null", 4);
            return true;
        case 27: {
            if (m_end - m_at < 8)
                return false;
            quint64 bits = 0;
            for (int i = 0; i < 8; ++i)
                bits = (bits << 8) | *m_at++;
            double number;
            std::memcpy(&number, &bits, sizeof number);
            if (!qIsFinite(number)) {
                put("null", 4);
            } else {
                const QByteArray digits = QByteArray::number(number, 'g', QLocale::FloatingPointShortest);
                put(digits.constData(), size_t(digits.size())); // at most 24 bytes from 9
            }
            return true;
        }
        default:
            return false;
        }
    }

    bool text(quint64 length)
    {
        if (quint64(m_end - m_at) < length)
            return false;
        static constexpr char kHex[] = "0123456789abcdef";
        *m_out++ = '"';
        const uchar *end = m_at + length;
        while (m_at < end) {
            // Runs of bytes that need no escape are copied at once.
            const uchar *run = m_at;
            while (m_at < end && *m_at >= 0x20 && *m_at != '"' && *m_at != '\\')
                ++m_at;
            put(reinterpret_cast<const char *>(run), size_t(m_at - run));
            if (m_at == end)
                break;
            const uchar c = *m_at++;
            *m_out++ = '\\';
            switch (c) {
            case '"':
            case '\\':
                *m_out++ = char(c);
                break;
            case '\b':
                *m_out++ = 'b';
                break;
            case '\f':
                *m_out++ = 'f';
                break;
            case '\n':
                *m_out++ = 'n';
                break;
            case '\r':
                *m_out++ = 'r';
                break;
            case '\t':
                *m_out++ = 't';
                break;
            default:
                put("u00", 3);
                *m_out++ = kHex[c >> 4];
                *m_out++ = kHex[c & 0xf];
            }
        }
        *m_out++ = '"';
        return true;
    }

    const uchar *m_at;
    const uchar *m_end;
    char *m_out;
};

} // namespace

QByteArray compactJson(const QJsonObject &object)
{
    const QByteArray cbor = QCborValue(QCborMap::fromJsonObject(object)).toCbor();
    QByteArray json(cbor.size() * Transcoder::kMaxGrowth + 32, Qt::Uninitialized);
    Transcoder transcoder(cbor, json.data());
    if (!transcoder.value() || !transcoder.atEnd())
        return QJsonDocument(object).toJson(QJsonDocument::Compact); // not expected; never wrong
    json.truncate(transcoder.out() - json.constData());
    json.squeeze();
    return json;
}

} // namespace konbini::sandbox
