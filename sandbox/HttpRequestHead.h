#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

#include <variant>

namespace konbini::sandbox {

// How much one connection may send and how long it may take. Every limit holds before the body is
// read or the request is authenticated, so a peer without a key costs at most one head.
struct HttpLimits {
    qsizetype maxHeadBytes = 16 * 1024; // request line and headers
    int maxHeaderCount = 100;
    qsizetype maxBodyBytes = 1024 * 1024;
    int idleTimeoutMs = 30'000; // a kept-alive connection with no request
    int headTimeoutMs = 10'000; // from the first byte of a request to the end of its head
    int bodyTimeoutMs = 30'000; // from the end of the head to the last byte of the body
    int lingerTimeoutMs = 2'000; // after a final answer, until the peer closes its side
    int maxConnections = 128;   // beyond this, new connections are closed at once
};

// The request line and headers of one HTTP/1.x request, checked.
struct HttpRequestHead {
    QByteArray method;
    QByteArray target; // origin form: /path?query
    int minorVersion = 1;
    QList<QPair<QByteArray, QByteArray>> headers;
    qsizetype contentLength = 0;
    bool keepAlive = true;
    bool expectContinue = false;

    // The value of the first header with this name (case-insensitive); empty if none.
    QByteArray header(QByteArrayView name) const;
};

// Why a head was refused: the status to answer with (then close) and a message for the body.
struct HttpRefusal {
    int status = 400;
    QString message;
};

// Parses the bytes of a head, up to but excluding the blank line that ends it. Strict where
// leniency lets two parsers disagree about where a request ends: one Content-Length of digits
// only, no Transfer-Encoding, no folded lines, no spaces before a header's colon.
std::variant<HttpRequestHead, HttpRefusal> parseHttpRequestHead(QByteArrayView bytes, const HttpLimits &limits);

// The path (percent-decoded where that changes nothing Stripe reads, as QUrl::path() does) and
// the query (QUrl::FullyEncoded) of an origin-form target such as "/v1/payment_intents?limit=3".
void splitRequestTarget(QByteArrayView target, QString &path, QByteArray &query);

// The reason phrase for the statuses the sandbox answers with.
QByteArray httpReasonPhrase(int status);

} // namespace konbini::sandbox
