#include "HostileServer.h"

#include <QTcpSocket>

namespace konbini::test {

HostileServer::HostileServer(Answer answer) : m_answer(std::move(answer))
{
    if (!m_server.listen(QHostAddress::LocalHost))
        qFatal("hostile server: cannot listen");
    connect(&m_server, &QTcpServer::newConnection, this, &HostileServer::onConnection);
}

QUrl HostileServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

QByteArray HostileServer::response(int status, const QByteArray &body, const QByteArray &extraHeaders)
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body;
}

QByteArray HostileServer::pathOf(const QByteArray &request)
{
    const QList<QByteArray> words = request.left(request.indexOf("\r\n")).split(' ');
    if (words.size() < 2)
        return {};
    const qsizetype query = words.at(1).indexOf('?');
    return query < 0 ? words.at(1) : words.at(1).left(query);
}

void HostileServer::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            for (;;) {
                const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
                if (headerEnd < 0)
                    return;
                qsizetype length = 0;
                for (const QByteArray &line : buffer->left(headerEnd).split('\n')) {
                    if (line.toLower().startsWith("content-length:"))
                        length = line.mid(15).trimmed().toLongLong();
                }
                if (buffer->size() < headerEnd + 4 + length)
                    return;
                const QByteArray request = buffer->left(headerEnd + 4 + length);
                buffer->remove(0, request.size());
                ++m_requests;
                m_answer(socket, request);
            }
        });
    }
}

} // namespace konbini::test
