#include "HttpRequestHead.h"

#include <QUrl>

#include <algorithm>
#include <string_view>

namespace konbini::sandbox {
namespace {

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Visible ASCII only: a target with spaces, controls or raw UTF-8 is not a URL a client sends.
bool isTarget(QByteArrayView text)
{
    if (text.isEmpty() || text.front() != '/')
        return false;
    for (const char c : text) {
        if (c <= 0x20 || c >= 0x7f)
            return false;
    }
    return true;
}

bool isFieldValue(QByteArrayView text)
{
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

// Digits only, no sign or spaces, and no overflow: anything else is a request smuggled past us.
bool parseLength(QByteArrayView text, qsizetype &length)
{
    if (text.isEmpty() || text.size() > 18)
        return false;
    qsizetype value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    length = value;
    return true;
}

QList<QByteArrayView> splitLines(QByteArrayView bytes)
{
    QList<QByteArrayView> lines;
    qsizetype start = 0;
    while (start <= bytes.size()) {
        const qsizetype end = bytes.indexOf("\r\n", start);
        if (end < 0) {
            lines.append(bytes.sliced(start));
            break;
        }
        lines.append(bytes.sliced(start, end - start));
        start = end + 2;
    }
    return lines;
}

// Characters QUrl keeps as they are in a path and a query: a target made of these alone splits at
// its first '?' into the same path and query as QUrl's, without QUrl's parse.
bool isPlainTarget(QByteArrayView target)
{
    static constexpr std::string_view kPunctuation = "-._~!$&'()*+,;=:@/?";
    return target.startsWith('/') && !target.startsWith("//") && std::all_of(target.begin(), target.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                   || kPunctuation.find(c) != std::string_view::npos;
           });
}

} // namespace

QByteArray HttpRequestHead::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

std::variant<HttpRequestHead, HttpRefusal> parseHttpRequestHead(QByteArrayView bytes, const HttpLimits &limits)
{
    if (bytes.size() > limits.maxHeadBytes)
        return HttpRefusal{431, QStringLiteral("The request's headers are larger than this server accepts.")};
    const QList<QByteArrayView> lines = splitLines(bytes);
    const QList<QByteArray> requestLine = lines.front().toByteArray().split(' ');
    if (requestLine.size() != 3 || !isToken(requestLine[0]) || !isTarget(requestLine[1]))
        return HttpRefusal{400, QStringLiteral("Malformed HTTP request line.")};
    HttpRequestHead head;
    head.method = requestLine[0];
    head.target = requestLine[1];
    if (requestLine[2] == "HTTP/1.1")
        head.minorVersion = 1;
    else if (requestLine[2] == "HTTP/1.0")
        head.minorVersion = 0;
    else
        return HttpRefusal{505, QStringLiteral("Only HTTP/1.0 and HTTP/1.1 are supported.")};

    if (lines.size() - 1 > limits.maxHeaderCount)
        return HttpRefusal{431, QStringLiteral("The request has more headers than this server accepts.")};
    bool lengthSeen = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines[i];
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon)))
            return HttpRefusal{400, QStringLiteral("Malformed HTTP header line.")};
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (!isFieldValue(value))
            return HttpRefusal{400, QStringLiteral("Malformed HTTP header value.")};
        head.headers.append({line.first(colon).toByteArray(), value.toByteArray()});
    }

    for (const auto &[name, value] : head.headers) {
        if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0)
            return HttpRefusal{501, QStringLiteral("Transfer-Encoding is not supported; send a Content-Length.")};
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            qsizetype length = 0;
            if (!parseLength(value, length) || (lengthSeen && length != head.contentLength))
                return HttpRefusal{400, QStringLiteral("Malformed Content-Length.")};
            head.contentLength = length;
            lengthSeen = true;
        }
    }
    if (head.contentLength > limits.maxBodyBytes)
        return HttpRefusal{413, QStringLiteral("The request body is larger than this server accepts (%1 bytes at most).")
                                    .arg(limits.maxBodyBytes)};

    const QByteArray connection = head.header("Connection").toLower();
    head.keepAlive = head.minorVersion == 1 ? !connection.contains("close") : connection.contains("keep-alive");
    head.expectContinue = head.header("Expect").compare("100-continue", Qt::CaseInsensitive) == 0;
    return head;
}

void splitRequestTarget(QByteArrayView target, QString &path, QByteArray &query)
{
    if (isPlainTarget(target)) {
        const qsizetype question = target.indexOf('?');
        path = QString::fromLatin1(question < 0 ? target : target.first(question));
        query = question < 0 ? QByteArray() : target.sliced(question + 1).toByteArray();
        return;
    }
    const QUrl url(QStringLiteral("http://sandbox") + QString::fromLatin1(target));
    path = url.path();
    query = url.query(QUrl::FullyEncoded).toLatin1();
}

QByteArray httpReasonPhrase(int status)
{
    switch (status) {
    case 100: return QByteArrayLiteral("Continue");
    case 200: return QByteArrayLiteral("OK");
    case 400: return QByteArrayLiteral("Bad Request");
    case 401: return QByteArrayLiteral("Unauthorized");
    case 402: return QByteArrayLiteral("Request Failed");
    case 403: return QByteArrayLiteral("Forbidden");
    case 404: return QByteArrayLiteral("Not Found");
    case 405: return QByteArrayLiteral("Method Not Allowed");
    case 408: return QByteArrayLiteral("Request Timeout");
    case 409: return QByteArrayLiteral("Conflict");
    case 413: return QByteArrayLiteral("Content Too Large");
    case 421: return QByteArrayLiteral("Misdirected Request");
    case 429: return QByteArrayLiteral("Too Many Requests");
    case 431: return QByteArrayLiteral("Request Header Fields Too Large");
    case 500: return QByteArrayLiteral("Internal Server Error");
    case 501: return QByteArrayLiteral("Not Implemented");
    case 503: return QByteArrayLiteral("Service Unavailable");
    case 505: return QByteArrayLiteral("HTTP Version Not Supported");
    default: return QByteArrayLiteral("Unknown");
    }
}

} // namespace konbini::sandbox
