#include "SandboxServer.h"

#include "PaymentIntents.h"
#include "VoucherPage.h"

#include <QJsonDocument>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace konbini::sandbox {
namespace {

QByteArray newRequestId(quint64 counter)
{
    static const QByteArray prefix =
        QByteArrayLiteral("req_") + QByteArray::number(QRandomGenerator::global()->generate64() % 1'000'000'000, 36);
    return prefix + QByteArray::number(counter, 36).rightJustified(6, '0');
}

ApiRequest toApiRequest(const HttpRequestHead &head, const QByteArray &body, QByteArray requestId)
{
    ApiRequest copy;
    copy.method = head.method;
    splitRequestTarget(head.target, copy.path, copy.query);
    copy.body = body;
    copy.authorization = head.header("Authorization");
    copy.idempotencyKey = head.header("Idempotency-Key");
    copy.host = head.header("Host");
    copy.fault = head.header("X-Sandbox-Fault");
    copy.stripeVersion = head.header("Stripe-Version");
    copy.requestId = std::move(requestId);
    return copy;
}

HttpAnswer toHttp(const ApiAnswer &answer)
{
    return HttpAnswer{answer.httpStatus, answer.contentType, answer.body, answer.headers};
}

bool isVoucherPage(const ApiRequest &request)
{
    return request.method == "GET" && request.path.startsWith(u"/konbini/voucher/");
}

} // namespace

SandboxServer::SandboxServer(SandboxOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
    if (m_options.faultRate > 0.0)
        m_randomFaults.emplace(m_options.faultRate, m_options.faultSeed);
    connect(&m_listener, &QTcpServer::newConnection, this, &SandboxServer::accept);
}

SandboxServer::~SandboxServer() = default;

bool SandboxServer::start(QString &error, const QHostAddress &address, quint16 port)
{
    if (!m_listener.listen(address, port)) {
        error = QStringLiteral("could not listen on %1:%2: %3").arg(address.toString()).arg(port).arg(m_listener.errorString());
        return false;
    }
    m_baseUrl.setScheme(QStringLiteral("http"));
    m_baseUrl.setHost(address.toString());
    m_baseUrl.setPort(m_listener.serverPort());
    m_api = std::make_unique<SandboxApi>(m_baseUrl.toString(QUrl::StripTrailingSlash));
    m_api->setRequiredKey(m_options.requiredKey);
    m_api->setKonbiniFeePercent(m_options.konbiniFeePercent);
    if (!m_options.statePath.isEmpty() && !m_api->usePersistence(m_options.statePath, error))
        return false;
    return true;
}

void SandboxServer::accept()
{
    while (QTcpSocket *socket = m_listener.nextPendingConnection()) {
        ++m_acceptedConnections;
        if (m_openConnections >= m_options.http.maxConnections) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        ++m_openConnections;
        auto *connection = new HttpConnection(
            socket, m_options.http, [this](const HttpRequestHead &head) { return screen(head); },
            [this](HttpConnection *from, const HttpRequestHead &head, const QByteArray &body) {
                handle(from, head, body);
            },
            this);
        connect(connection, &HttpConnection::closed, this, [this] { --m_openConnections; });
    }
}

// Everything that can be decided from the head is decided before the body is read.
std::optional<HttpAnswer> SandboxServer::screen(const HttpRequestHead &head)
{
    const ApiRequest request = toApiRequest(head, {}, newRequestId(++m_requestCounter));
    if (m_options.checkHost && request.host != m_baseUrl.authority().toLatin1()) {
        HttpAnswer misdirected;
        misdirected.status = 421;
        misdirected.body = QByteArrayLiteral(
            "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"This sandbox only answers requests addressed to itself.\"}}");
        return misdirected;
    }
    if (isVoucherPage(request))
        return std::nullopt;
    if (const auto refusal = m_api->authenticate(request))
        return toHttp(*refusal);
    return std::nullopt;
}

void SandboxServer::handle(HttpConnection *connection, const HttpRequestHead &head, const QByteArray &body)
{
    const ApiRequest apiRequest = toApiRequest(head, body, newRequestId(++m_requestCounter));
    if (isVoucherPage(apiRequest)) {
        const QJsonObject paymentIntent = m_api->voucherPage(apiRequest.path.mid(17));
        HttpAnswer page;
        page.contentType = QByteArrayLiteral("text/html; charset=utf-8");
        page.status = paymentIntent.isEmpty() ? 404 : 200;
        page.body = paymentIntent.isEmpty() ? renderVoucherGonePage() : renderVoucherPage(paymentIntent);
        connection->answer(page);
        return;
    }
    emit requestReceived(apiRequest.method, apiRequest.path);
    QString faultError;
    std::optional<FaultPlan> plan = FaultPlan::fromHeader(apiRequest.fault, faultError);
    if (!plan) {
        StripeError failure = StripeError::invalidParameter(QStringLiteral("X-Sandbox-Fault"), faultError);
        HttpAnswer answer;
        answer.status = 400;
        answer.body = QJsonDocument(failure.toJson()).toJson(QJsonDocument::Compact);
        answer.headers.append({QByteArrayLiteral("Request-Id"), apiRequest.requestId});
        connection->answer(answer);
        return;
    }
    if (plan->count > 0) {
        const QByteArray attemptKey = apiRequest.idempotencyKey.isEmpty()
            ? apiRequest.method + ' ' + apiRequest.path.toUtf8()
            : apiRequest.idempotencyKey;
        if (m_faultedAttempts[attemptKey]++ >= plan->count)
            *plan = FaultPlan{};
    }
    if (plan->kind == FaultPlan::Kind::None && m_randomFaults && m_api->acceptsRandomFaults(apiRequest))
        plan->kind = m_randomFaults->draw();
    if (plan->kind == FaultPlan::Kind::DropBefore && plan->delayMs == 0) {
        connection->drop();
        return;
    }
    if (const auto conflict = m_api->reserve(apiRequest)) {
        connection->answer(toHttp(*conflict));
        return;
    }
    if (plan->delayMs > 0) {
        QTimer::singleShot(plan->delayMs, this,
                           [this, apiRequest, plan = *plan, connection = QPointer<HttpConnection>(connection)] {
                               if (!connection) {
                                   // The client gave up; the request still happens, as it would at Stripe.
                                   if (plan.kind == FaultPlan::Kind::None || plan.kind == FaultPlan::Kind::DropAfter)
                                       m_api->execute(apiRequest);
                                   else
                                       m_api->release(apiRequest);
                                   return;
                               }
                               serve(apiRequest, plan, connection);
                           });
        return;
    }
    serve(apiRequest, *plan, connection);
}

void SandboxServer::serve(const ApiRequest &request, FaultPlan plan, HttpConnection *connection)
{
    switch (plan.kind) {
    case FaultPlan::Kind::None:
        connection->answer(toHttp(m_api->execute(request)));
        return;
    case FaultPlan::Kind::DropBefore:
        m_api->release(request);
        connection->drop();
        return;
    case FaultPlan::Kind::DropAfter:
        m_api->execute(request);
        connection->drop();
        return;
    default:
        connection->answer(toHttp(m_api->faultAnswer(plan.kind, request)));
        return;
    }
}

} // namespace konbini::sandbox
