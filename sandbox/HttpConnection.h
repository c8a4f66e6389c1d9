#pragma once

#include "HttpRequestHead.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

class QTcpSocket;

namespace konbini::sandbox {

struct HttpAnswer {
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
};

// One client connection of the sandbox: reads requests one at a time within HttpLimits, and
// answers each before reading the next. A head is screened before its body is read, so a refused
// request (too large, no key) is answered and the connection closed without buffering its body.
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    // An answer that ends the request early (then the connection closes); nullopt to read the body.
    using Screen = std::function<std::optional<HttpAnswer>(const HttpRequestHead &)>;
    // Called with each whole request; the connection waits for answer() or drop().
    using Handler = std::function<void(HttpConnection *, const HttpRequestHead &, const QByteArray &body)>;

    HttpConnection(QTcpSocket *socket, const HttpLimits &limits, Screen screen, Handler handler,
                   QObject *parent = nullptr);
    ~HttpConnection() override;

    void answer(const HttpAnswer &answer);
    // Closes without an answer (fault injection: "the connection was reset").
    void drop();

signals:
    void closed();

private:
    enum class Phase { Idle, Head, Body, Handling, Closing };

    void readAvailable();
    bool readHead();
    bool readBody();
    void refuse(int status, const QString &message);
    void write(const HttpAnswer &answer, bool closeAfter);
    void shutdownSending();
    void enter(Phase phase);
    void timedOut();
    void close();

    QTcpSocket *m_socket;
    HttpLimits m_limits;
    Screen m_screen;
    Handler m_handler;
    Phase m_phase = Phase::Idle;
    QByteArray m_buffer;
    HttpRequestHead m_head;
    QTimer m_deadline;
    bool m_closed = false;
    bool m_inHandler = false;
};

} // namespace konbini::sandbox
