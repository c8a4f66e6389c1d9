#include "SandboxServer.h"

#include "PaymentIntents.h"
#include "VoucherPage.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
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

ApiRequest toApiRequest(const QHttpServerRequest &request, QByteArray requestId)
{
    ApiRequest copy;
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        copy.method = QByteArrayLiteral("GET");
        break;
    case QHttpServerRequest::Method::Post:
        copy.method = QByteArrayLiteral("POST");
        break;
    case QHttpServerRequest::Method::Delete:
        copy.method = QByteArrayLiteral("DELETE");
        break;
    default:
        copy.method = QByteArrayLiteral("OTHER");
        break;
    }
    const QUrl url = request.url();
    copy.path = url.path();
    copy.query = url.query(QUrl::FullyEncoded).toLatin1();
    copy.body = request.body();
    for (const auto &[name, value] : request.headers()) {
        if (name.compare("Authorization", Qt::CaseInsensitive) == 0)
            copy.authorization = value;
        else if (name.compare("Idempotency-Key", Qt::CaseInsensitive) == 0)
            copy.idempotencyKey = value;
        else if (name.compare("Host", Qt::CaseInsensitive) == 0)
            copy.host = value;
        else if (name.compare("X-Sandbox-Fault", Qt::CaseInsensitive) == 0)
            copy.fault = value;
        else if (name.compare("Stripe-Version", Qt::CaseInsensitive) == 0)
            copy.stripeVersion = value;
    }
    copy.requestId = std::move(requestId);
    return copy;
}

void write(QHttpServerResponder &responder, const ApiAnswer &answer)
{
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(answer.httpStatus));
    responder.writeHeader(QByteArrayLiteral("Content-Type"), answer.contentType);
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(answer.body.size()));
    for (const auto &[name, value] : answer.headers)
        responder.writeHeader(name, value);
    responder.writeBody(answer.body);
}

void drop(QTcpSocket *socket)
{
    // After the server has finished with the current read: closing inside it would pull the
    // socket from under its parser.
    QMetaObject::invokeMethod(socket, &QTcpSocket::abort, Qt::QueuedConnection);
}

} // namespace

SandboxServer::SandboxServer(SandboxOptions options, QObject *parent)
    : QAbstractHttpServer(parent), m_options(std::move(options))
{
    if (m_options.faultRate > 0.0)
        m_randomFaults.emplace(m_options.faultRate, m_options.faultSeed);
}

SandboxServer::~SandboxServer() = default;

bool SandboxServer::start(QString &error, const QHostAddress &address, quint16 port)
{
    const quint16 bound = listen(address, port);
    if (bound == 0) {
        error = QStringLiteral("could not listen on %1:%2").arg(address.toString()).arg(port);
        return false;
    }
    m_baseUrl.setScheme(QStringLiteral("http"));
    m_baseUrl.setHost(address.toString());
    m_baseUrl.setPort(bound);
    m_api = std::make_unique<SandboxApi>(m_baseUrl.toString(QUrl::StripTrailingSlash));
    m_api->setRequiredKey(m_options.requiredKey);
    if (!m_options.statePath.isEmpty() && !m_api->usePersistence(m_options.statePath, error))
        return false;
    return true;
}

bool SandboxServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ApiRequest apiRequest = toApiRequest(request, newRequestId(++m_requestCounter));
    QHttpServerResponder responder = makeResponder(request, socket);
    if (m_options.checkHost && apiRequest.host != m_baseUrl.authority().toLatin1()) {
        ApiAnswer misdirected;
        misdirected.httpStatus = 421;
        misdirected.body = QByteArrayLiteral(
            "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"This sandbox only answers requests addressed to itself.\"}}");
        write(responder, misdirected);
        return true;
    }

    if (apiRequest.method == "GET" && apiRequest.path.startsWith(u"/konbini/voucher/")) {
        const QJsonObject paymentIntent = m_api->voucherPage(apiRequest.path.mid(17));
        ApiAnswer page;
        page.contentType = QByteArrayLiteral("text/html; charset=utf-8");
        page.httpStatus = paymentIntent.isEmpty() ? 404 : 200;
        page.body = paymentIntent.isEmpty() ? renderVoucherGonePage() : renderVoucherPage(paymentIntent);
        write(responder, page);
        return true;
    }
    if (const auto refusal = m_api->authenticate(apiRequest)) {
        write(responder, *refusal);
        return true;
    }
    emit requestReceived(apiRequest.method, apiRequest.path);
    QString faultError;
    std::optional<FaultPlan> plan = FaultPlan::fromHeader(apiRequest.fault, faultError);
    if (!plan) {
        StripeError failure = StripeError::invalidParameter(QStringLiteral("X-Sandbox-Fault"), faultError);
        ApiAnswer answer;
        answer.httpStatus = 400;
        answer.body = QJsonDocument(failure.toJson()).toJson(QJsonDocument::Compact);
        answer.headers.append({QByteArrayLiteral("Request-Id"), apiRequest.requestId});
        write(responder, answer);
        return true;
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
        drop(socket);
        return true;
    }
    if (const auto conflict = m_api->reserve(apiRequest)) {
        write(responder, *conflict);
        return true;
    }
    if (plan->delayMs > 0) {
        auto kept = std::make_shared<QHttpServerResponder>(std::move(responder));
        QTimer::singleShot(plan->delayMs, this,
                           [this, apiRequest, plan = *plan, kept, socket = QPointer<QTcpSocket>(socket)] {
                               if (!socket) {
                                   // The client gave up; the request still happens, as it would at Stripe.
                                   if (plan.kind == FaultPlan::Kind::None || plan.kind == FaultPlan::Kind::DropAfter)
                                       m_api->execute(apiRequest);
                                   else
                                       m_api->release(apiRequest);
                                   return;
                               }
                               serve(apiRequest, plan, *kept, socket);
                           });
        return true;
    }
    serve(apiRequest, *plan, responder, socket);
    return true;
}

void SandboxServer::serve(const ApiRequest &request, FaultPlan plan, QHttpServerResponder &responder,
                          QTcpSocket *socket)
{
    switch (plan.kind) {
    case FaultPlan::Kind::None:
        write(responder, m_api->execute(request));
        return;
    case FaultPlan::Kind::DropBefore:
        m_api->release(request);
        drop(socket);
        return;
    case FaultPlan::Kind::DropAfter:
        m_api->execute(request);
        drop(socket);
        return;
    default:
        write(responder, m_api->faultAnswer(plan.kind, request));
        return;
    }
}

void SandboxServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ApiAnswer answer;
    answer.httpStatus = 404;
    answer.body =
        QByteArrayLiteral("{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Unrecognized request URL.\"}}");
    QHttpServerResponder responder = makeResponder(request, socket);
    write(responder, answer);
}

} // namespace konbini::sandbox
