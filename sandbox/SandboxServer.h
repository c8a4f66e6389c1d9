#pragma once

#include "FaultPlan.h"
#include "SandboxApi.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QUrl>

#include <memory>
#include <optional>

class QHttpServerResponder;

namespace konbini::sandbox {

struct SandboxOptions {
    QString statePath;      // empty: in memory
    double faultRate = 0.0; // share of API requests that fail at random
    quint64 faultSeed = 0;
    // The one key accepted (the embedded sandbox makes one per launch, known only to its till);
    // empty: any sk_test_ or rk_test_ key.
    QString requiredKey;
    // Refuse a request whose Host is not this server's own address and port (a web page that
    // rebinds its DNS name to 127.0.0.1 sends its own name).
    bool checkHost = false;
};

// The Stripe test-mode emulator on real HTTP (Qt's HTTP server). It owns the connection, so it
// can drop one on purpose for fault injection; everything about Stripe lives in SandboxApi.
class SandboxServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    explicit SandboxServer(SandboxOptions options = {}, QObject *parent = nullptr);
    ~SandboxServer() override;

    // Binds (loopback by default) and loads the state file if any; false with a message if not.
    bool start(QString &error, const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    QUrl baseUrl() const { return m_baseUrl; }
    SandboxApi &api() { return *m_api; }

signals:
    // An authenticated API request arrived (before any delay or fault): tests use it to act while
    // a request is known to be at "Stripe" and not yet answered.
    void requestReceived(const QByteArray &method, const QString &path);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void serve(const ApiRequest &request, FaultPlan plan, QHttpServerResponder &responder, QTcpSocket *socket);

    SandboxOptions m_options;
    QUrl m_baseUrl;
    std::unique_ptr<SandboxApi> m_api;
    std::optional<RandomFaults> m_randomFaults;
    quint64 m_requestCounter = 0;
    QHash<QByteArray, int> m_faultedAttempts; // for count=N faults
};

} // namespace konbini::sandbox
