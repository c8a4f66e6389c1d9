#pragma once

#include <QByteArray>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

#include <functional>

class QTcpSocket;

namespace konbini::test {

// A server at the API address that lies: each request (read whole: headers and Content-Length
// body) is handed to `answer`, which writes whatever it likes to the socket, when it likes.
class HostileServer : public QObject
{
    Q_OBJECT

public:
    using Answer = std::function<void(QTcpSocket *socket, const QByteArray &request)>;

    explicit HostileServer(Answer answer);
    QUrl baseUrl() const;
    int requests() const { return m_requests; }

    // A complete HTTP/1.1 answer with a JSON (or any) body.
    static QByteArray response(int status, const QByteArray &body, const QByteArray &extraHeaders = {});
    // The path of a raw request ("POST /v1/payment_intents HTTP/1.1" → "/v1/payment_intents").
    static QByteArray pathOf(const QByteArray &request);

private:
    void onConnection();

    QTcpServer m_server;
    Answer m_answer;
    int m_requests = 0;
};

} // namespace konbini::test
