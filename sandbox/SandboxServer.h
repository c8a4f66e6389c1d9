#pragma once

#include "FaultPlan.h"
#include "HttpConnection.h"
#include "SandboxApi.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QUrl>

#include <memory>
#include <optional>

namespace konbini::sandbox {

struct SandboxOptions {
    QString statePath;      // empty: in memory
    double faultRate = 0.0; // share of API requests that fail at random
    quint64 faultSeed = 0;
    // The one key accepted (the embedded sandbox makes one per launch, known only to its till);
    // empty: any sk_test_ or rk_test_ key.
    QString requiredKey;
    // Stripe's fee on a paid Konbini charge: Stripe Japan's published 3.6 % unless set (README).
    double konbiniFeePercent = 3.6;
    // Refuse a request whose Host is not this server's own address and port (a web page that
    // rebinds its DNS name to 127.0.0.1 sends its own name).
    bool checkHost = false;
    HttpLimits http;
};

// The Stripe test-mode emulator on real HTTP. Its own HTTP/1.1 connections (HttpConnection) rather
// than Qt's QAbstractHttpServer: Qt 6.4's reads a whole body into memory before any code sees the
// headers and never times a connection out, so a peer without a key could fill memory. Owning the
// connection also lets it drop one on purpose for fault injection; everything about Stripe lives
// in SandboxApi.
class SandboxServer : public QObject
{
    Q_OBJECT

public:
    explicit SandboxServer(SandboxOptions options = {}, QObject *parent = nullptr);
    ~SandboxServer() override;

    // Binds (loopback by default) and loads the state file if any; false with a message if not.
    bool start(QString &error, const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    QUrl baseUrl() const { return m_baseUrl; }
    SandboxApi &api() { return *m_api; }
    int openConnections() const { return m_openConnections; }
    // Connections accepted since start (tests: whether a client reused one or opened another).
    int acceptedConnections() const { return m_acceptedConnections; }

signals:
    // An authenticated API request arrived (before any delay or fault): tests use it to act while
    // a request is known to be at "Stripe" and not yet answered.
    void requestReceived(const QByteArray &method, const QString &path);

private:
    void accept();
    std::optional<HttpAnswer> screen(const HttpRequestHead &head);
    void handle(HttpConnection *connection, const HttpRequestHead &head, const QByteArray &body);
    void serve(const ApiRequest &request, FaultPlan plan, HttpConnection *connection);

    SandboxOptions m_options;
    QTcpServer m_listener;
    int m_openConnections = 0;
    int m_acceptedConnections = 0;
    QUrl m_baseUrl;
    std::unique_ptr<SandboxApi> m_api;
    std::optional<RandomFaults> m_randomFaults;
    quint64 m_requestCounter = 0;
    QHash<QByteArray, int> m_faultedAttempts; // for count=N faults
};

} // namespace konbini::sandbox
