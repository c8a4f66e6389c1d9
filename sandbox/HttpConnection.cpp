#include "HttpConnection.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

#include <sys/socket.h>

namespace konbini::sandbox {
namespace {

QByteArray errorBody(const QString &message)
{
    const QJsonObject error{{QStringLiteral("type"), QStringLiteral("invalid_request_error")},
                            {QStringLiteral("message"), message}};
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}).toJson(QJsonDocument::Compact);
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, const HttpLimits &limits, Screen screen, Handler handler,
                               QObject *parent)
    : QObject(parent), m_socket(socket), m_limits(limits), m_screen(std::move(screen)), m_handler(std::move(handler))
{
    m_socket->setParent(this);
    // Each answer is one write: send it at once rather than wait for the peer's ACK of the last one.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // While a request is handled nothing more is read; this keeps what the kernel hands over to
    // Qt bounded too (the rest waits in TCP's window).
    m_socket->setReadBufferSize(m_limits.maxHeadBytes + 4);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &HttpConnection::timedOut);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readAvailable);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::close);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            close();
    });
    enter(Phase::Idle);
    readAvailable();
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::enter(Phase phase)
{
    m_phase = phase;
    switch (phase) {
    case Phase::Idle:
        m_deadline.start(m_limits.idleTimeoutMs);
        break;
    case Phase::Head:
        m_deadline.start(m_limits.headTimeoutMs);
        break;
    case Phase::Body:
        m_deadline.start(m_limits.bodyTimeoutMs);
        break;
    case Phase::Handling:
        m_deadline.stop();
        break;
    case Phase::Closing:
        // A peer that neither reads its answer nor closes does not keep the connection either.
        m_deadline.start(m_limits.lingerTimeoutMs);
        break;
    }
}

void HttpConnection::readAvailable()
{
    if (m_phase == Phase::Closing) {
        // Read and forget what the peer still sends after a refusal (a body not wanted): closing
        // with unread bytes resets the connection, and the peer would lose the answer.
        while (m_socket->bytesAvailable() > 0)
            m_socket->skip(m_socket->bytesAvailable());
        return;
    }
    while (m_phase == Phase::Idle || m_phase == Phase::Head || m_phase == Phase::Body) {
        const bool progressed = m_phase == Phase::Body ? readBody() : readHead();
        if (!progressed)
            return;
    }
}

bool HttpConnection::readHead()
{
    const qsizetype room = m_limits.maxHeadBytes + 4 - m_buffer.size();
    if (room > 0)
        m_buffer += m_socket->read(room);
    // Clients may send blank lines between requests (RFC 9112 §2.2).
    while (m_phase == Phase::Idle && m_buffer.startsWith("\r\n"))
        m_buffer.remove(0, 2);
    if (m_buffer.isEmpty())
        return false;
    if (m_phase == Phase::Idle)
        enter(Phase::Head);

    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_buffer.size() > m_limits.maxHeadBytes)
            refuse(431, QStringLiteral("The request's headers are larger than this server accepts."));
        return false;
    }
    auto parsed = parseHttpRequestHead(QByteArrayView(m_buffer).first(end), m_limits);
    m_buffer.remove(0, end + 4);
    if (const auto *refusal = std::get_if<HttpRefusal>(&parsed)) {
        refuse(refusal->status, refusal->message);
        return false;
    }
    m_head = std::get<HttpRequestHead>(std::move(parsed));
    if (std::optional<HttpAnswer> early = m_screen(m_head)) {
        write(*early, true);
        return false;
    }
    if (m_head.expectContinue && m_head.contentLength > 0)
        m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
    m_socket->setReadBufferSize(m_limits.maxHeadBytes + 4 + m_head.contentLength);
    enter(Phase::Body);
    return true;
}

bool HttpConnection::readBody()
{
    const qsizetype missing = m_head.contentLength - m_buffer.size();
    if (missing > 0)
        m_buffer += m_socket->read(missing);
    if (m_buffer.size() < m_head.contentLength)
        return false;
    const QByteArray body = m_buffer.left(m_head.contentLength);
    m_buffer.remove(0, m_head.contentLength);
    m_socket->setReadBufferSize(m_limits.maxHeadBytes + 4);
    enter(Phase::Handling);
    m_inHandler = true;
    m_handler(this, m_head, body);
    m_inHandler = false;
    // Answered at once: go on with a pipelined request here rather than through the event loop.
    // Otherwise the next request is read once this one is answered.
    return m_phase == Phase::Idle;
}

void HttpConnection::answer(const HttpAnswer &answer)
{
    if (m_phase != Phase::Handling)
        return;
    write(answer, !m_head.keepAlive);
    if (m_phase == Phase::Handling) {
        enter(Phase::Idle);
        // A late answer (delayed fault): a pipelined request may already be waiting in the
        // buffer. (An answer given inside the handler continues in readBody.)
        if (!m_inHandler && (!m_buffer.isEmpty() || m_socket->bytesAvailable() > 0))
            QMetaObject::invokeMethod(this, &HttpConnection::readAvailable, Qt::QueuedConnection);
    }
}

void HttpConnection::refuse(int status, const QString &message)
{
    HttpAnswer refusal;
    refusal.status = status;
    refusal.body = errorBody(message);
    write(refusal, true);
}

void HttpConnection::write(const HttpAnswer &answer, bool closeAfter)
{
    QByteArray bytes;
    bytes.reserve(answer.body.size() + 256);
    bytes.append("HTTP/1.1 ").append(QByteArray::number(answer.status)).append(' ');
    bytes.append(httpReasonPhrase(answer.status)).append("\r\nContent-Type: ").append(answer.contentType);
    bytes.append("\r\nContent-Length: ").append(QByteArray::number(answer.body.size())).append("\r\n");
    for (const auto &[name, value] : answer.headers)
        bytes.append(name).append(": ").append(value).append("\r\n");
    if (closeAfter)
        bytes.append("Connection: close\r\n");
    bytes.append("\r\n").append(answer.body);
    m_socket->write(bytes);
    // Hand it to the kernel now, not on the next turn of the event loop (one poll less per answer).
    m_socket->flush();
    if (closeAfter) {
        enter(Phase::Closing);
        m_buffer.clear();
        m_socket->setReadBufferSize(64 * 1024);
        if (m_socket->bytesToWrite() == 0)
            shutdownSending();
        else
            connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
                if (m_socket->bytesToWrite() == 0)
                    shutdownSending();
            });
    }
}

// Half-closes once the answer is out: the peer reads it and an end of stream, then closes its
// side, which ends the connection here (or the linger deadline does).
void HttpConnection::shutdownSending()
{
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
}

void HttpConnection::drop()
{
    enter(Phase::Closing);
    // Later: closing inside a read would pull the socket from under the caller.
    QMetaObject::invokeMethod(m_socket, &QTcpSocket::abort, Qt::QueuedConnection);
}

void HttpConnection::timedOut()
{
    if (m_phase == Phase::Idle || m_phase == Phase::Closing) {
        m_phase = Phase::Closing;
        m_socket->abort();
        close();
        return;
    }
    refuse(408, QStringLiteral("The request was not received in time."));
}

void HttpConnection::close()
{
    if (m_closed || (m_phase == Phase::Closing && m_socket->state() != QAbstractSocket::UnconnectedState))
        return; // still flushing the last answer; disconnected() comes next
    m_closed = true;
    m_deadline.stop();
    m_phase = Phase::Closing;
    emit closed();
    deleteLater();
}

} // namespace konbini::sandbox
