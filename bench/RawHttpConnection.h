#pragma once

#include <QByteArray>
#include <QObject>
#include <QTcpSocket>

#include <functional>

// A minimal keep-alive HTTP/1.1 client connection for benchmarks: one request at a time,
// Content-Length bodies only. The yardstick that measured code is compared with.
class RawHttpConnection : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(int status, const QByteArray &body)>;

    RawHttpConnection(const QString &host, quint16 port, QObject *parent = nullptr);
    bool waitConnected();
    void send(const QByteArray &request, Callback onAnswer);

    static QByteArray get(const QByteArray &path, const QByteArray &key);
    static QByteArray post(const QByteArray &path, const QByteArray &key, const QByteArray &form);

private:
    void readAnswer();

    QTcpSocket m_socket;
    QByteArray m_buffer;
    Callback m_onAnswer;
};
