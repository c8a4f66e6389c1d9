#include "RawHttpConnection.h"

RawHttpConnection::RawHttpConnection(const QString &host, quint16 port, QObject *parent) : QObject(parent)
{
    m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(&m_socket, &QTcpSocket::readyRead, this, &RawHttpConnection::readAnswer);
    m_socket.connectToHost(host, port);
}

bool RawHttpConnection::waitConnected()
{
    return m_socket.waitForConnected(5000);
}

QByteArray RawHttpConnection::get(const QByteArray &path, const QByteArray &key)
{
    return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key + "\r\n\r\n";
}

QByteArray RawHttpConnection::post(const QByteArray &path, const QByteArray &key, const QByteArray &form)
{
    return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key
        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + QByteArray::number(form.size())
        + "\r\n\r\n" + form;
}

void RawHttpConnection::send(const QByteArray &request, Callback onAnswer)
{
    m_onAnswer = std::move(onAnswer);
    m_socket.write(request);
}

void RawHttpConnection::readAnswer()
{
    m_buffer += m_socket.readAll();
    const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    const QByteArray head = m_buffer.left(headerEnd).toLower();
    const qsizetype lengthAt = head.indexOf("content-length:");
    const qsizetype lineEnd = head.indexOf("\r\n", lengthAt);
    const qsizetype bodyLength =
        lengthAt < 0 ? 0 : head.mid(lengthAt + 15, lineEnd - lengthAt - 15).trimmed().toLongLong();
    if (m_buffer.size() < headerEnd + 4 + bodyLength)
        return;
    const int status = head.mid(9, 3).toInt();
    const QByteArray body = m_buffer.mid(headerEnd + 4, bodyLength);
    m_buffer.remove(0, headerEnd + 4 + bodyLength);
    if (auto onAnswer = std::exchange(m_onAnswer, nullptr))
        onAnswer(status, body);
}
