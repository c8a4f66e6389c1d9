#include "StripeClient.h"

#include "StripeObjects.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUuid>

Q_LOGGING_CATEGORY(lcStripe, "konbini.stripe", QtInfoMsg)

namespace konbini {
namespace {

bool isConnectionReset(QNetworkReply::NetworkError error)
{
    return error == QNetworkReply::RemoteHostClosedError;
}

bool isTlsFailure(QNetworkReply::NetworkError error)
{
    return error == QNetworkReply::SslHandshakeFailedError || error == QNetworkReply::InsecureRedirectError;
}

} // namespace

KeyMode keyModeOf(const QString &key)
{
    if (key.startsWith(u"sk_test_") || key.startsWith(u"rk_test_"))
        return KeyMode::Test;
    if (key.startsWith(u"sk_live_") || key.startsWith(u"rk_live_"))
        return KeyMode::Live;
    return KeyMode::None;
}

void StripeCall::cancel()
{
    if (m_done)
        return;
    ApiError error;
    error.kind = ApiError::Kind::Canceled;
    error.message = QStringLiteral("The request was canceled.");
    if (m_reply)
        m_reply->disconnect(this);
    if (m_reply)
        m_reply->abort();
    m_done = true;
    if (m_callback)
        std::exchange(m_callback, nullptr)(error);
    deleteLater();
}

void StripeCall::abandon()
{
    if (m_done)
        return;
    m_done = true;
    m_callback = nullptr;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
    deleteLater();
}

StripeClient::StripeClient(QNetworkAccessManager &network, const ApiKeyProvider &keys, StripeClientConfig config,
                           QObject *parent)
    : QObject(parent), m_network(network), m_keys(keys), m_config(std::move(config)), m_retryPolicy(m_config.retry)
{
}

bool StripeClient::isAllowedBaseUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return false;
    if (url.scheme() == u"https")
        return true;
    if (url.scheme() != u"http")
        return false;
    return url.host() == u"localhost" || QHostAddress(url.host()).isLoopback();
}

void StripeClient::warmUp()
{
    const QUrl &base = m_config.baseUrl;
    if (!isAllowedBaseUrl(base))
        return;
    if (base.scheme() == u"https")
        m_network.connectToHostEncrypted(base.host(), quint16(base.port(443)));
    else if (m_config.loopbackHttpAllowed)
        m_network.connectToHost(base.host(), quint16(base.port(80)));
}

QString StripeClient::newIdempotencyKey()
{
    return QStringLiteral("konbini-pos-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QByteArray StripeClient::userAgent()
{
    return QByteArrayLiteral("KonbiniPOS/" KONBINI_VERSION " (Qt ") + QByteArray(qVersion()) + ')';
}

StripeCall *StripeClient::send(const PreparedRequest &request, StripeCall::Callback done)
{
    auto *call = new StripeCall(this);
    call->m_request = request;
    call->m_callback = std::move(done);
    const auto refuse = [this, call](ApiError::Kind kind, const QString &message) {
        ApiError error;
        error.kind = kind;
        error.message = message;
        // Later, so callers never see their callback run inside send().
        QTimer::singleShot(0, call, [this, call, error] { finish(call, error); });
        return call;
    };
    if (!isAllowedBaseUrl(m_config.baseUrl)) {
        return refuse(
            ApiError::Kind::InsecureTransport,
            QStringLiteral(
                "Refusing to send to %1: Stripe requests need https (plain http only to this computer's own sandbox).")
                .arg(m_config.baseUrl.toDisplayString()));
    }
    if (m_config.baseUrl.scheme() == u"http" && !m_config.loopbackHttpAllowed) {
        return refuse(ApiError::Kind::InsecureTransport,
                      QStringLiteral("Refusing to send a Stripe key over plain http to %1: only a sandbox on this "
                                     "computer, with its own key, is reached without https.")
                          .arg(m_config.baseUrl.toDisplayString()));
    }
    if (m_keys.apiKey().isEmpty())
        return refuse(ApiError::Kind::Authentication, QStringLiteral("No Stripe key yet: nothing was sent."));
    if (request.method == "POST" && request.idempotencyKey.isEmpty())
        return refuse(ApiError::Kind::InvalidRequest, QStringLiteral("A POST needs an idempotency key."));
    QTimer::singleShot(m_config.callDeadline, call, [this, call] {
        if (call->m_done)
            return;
        if (call->m_reply) {
            call->m_reply->disconnect(call);
            call->m_reply->abort();
        }
        ApiError error;
        error.kind = ApiError::Kind::Timeout;
        error.message = QStringLiteral("No complete answer from Stripe within %1 s.").arg(m_config.callDeadline.count() / 1000.0);
        finish(call, error);
    });
    startAttempt(call);
    return call;
}

void StripeClient::startAttempt(StripeCall *call)
{
    QUrl url = m_config.baseUrl;
    const PreparedRequest &prepared = call->m_request;
    url.setPath(m_config.baseUrl.path().chopped(m_config.baseUrl.path().endsWith(u'/') ? 1 : 0) + prepared.path,
                QUrl::TolerantMode);
    if (prepared.method != "POST" && !prepared.body.isEmpty())
        url.setQuery(QString::fromLatin1(prepared.body), QUrl::TolerantMode);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_keys.apiKey().toUtf8());
    request.setRawHeader("Stripe-Version", kStripeApiVersion);
    request.setRawHeader("User-Agent", userAgent());
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    // Qt's own timer in its HTTP thread: the request is aborted when nothing moves for this long.
    request.setTransferTimeout(int(m_config.timeout.count()));
    if (!prepared.idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", prepared.idempotencyKey.toUtf8());
    for (const auto &[name, value] : m_config.extraHeaders)
        request.setRawHeader(name, value);
    QNetworkReply *reply = nullptr;
    if (prepared.method == "POST") {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        reply = m_network.post(request, prepared.body);
    } else {
        reply = m_network.sendCustomRequest(request, prepared.method);
    }
    call->m_reply = reply;
    connect(reply, &QNetworkReply::finished, call, [this, call, reply] { onAttemptFinished(call, reply); });
    connect(reply, &QNetworkReply::downloadProgress, call, [this, call, reply](qint64 received, qint64 total) {
        if (received > m_config.maxAnswerBytes || total > m_config.maxAnswerBytes) {
            call->m_tooLarge = true;
            reply->abort(); // finished() follows, and reports it
        }
    });
    qCDebug(lcStripe) << call->m_request.method << call->m_request.path << "attempt" << call->m_retriesDone + 1;
}

void StripeClient::onAttemptFinished(StripeCall *call, QNetworkReply *reply)
{
    reply->deleteLater();
    if (call->m_done)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError networkError = reply->error();
    // A canceled call never gets here, so an aborted transfer is the transfer timeout.
    call->m_timedOut = status == 0
        && (networkError == QNetworkReply::OperationCanceledError || networkError == QNetworkReply::TimeoutError);
    const QString requestId = QString::fromLatin1(reply->rawHeader("Request-Id"));
    if (call->m_tooLarge) {
        ApiError error;
        error.kind = ApiError::Kind::Decoding;
        error.httpStatus = status;
        error.requestId = requestId;
        error.message = QStringLiteral("The answer was larger than %1 bytes: not one of Stripe's.").arg(m_config.maxAnswerBytes);
        finish(call, error);
        return;
    }
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();

    AttemptOutcome outcome;
    outcome.httpStatus = status;
    outcome.timedOut = call->m_timedOut;
    outcome.connectionFailed = status == 0 && !call->m_timedOut;
    outcome.connectionReset = status == 0 && isConnectionReset(networkError);
    outcome.shouldRetryHeader = reply->rawHeader("Stripe-Should-Retry");

    Result<StripeResponse> result = ApiError{};
    if (status >= 200 && status < 300) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
        if (document.isObject()) {
            StripeResponse response{status, document.object(), requestId,
                                    reply->rawHeader("Idempotent-Replayed") == "true", call->m_retriesDone + 1};
            result = response;
        } else {
            ApiError error;
            error.kind = ApiError::Kind::Decoding;
            error.httpStatus = status;
            error.requestId = requestId;
            error.message = QStringLiteral("Stripe answered with something that is not a JSON object: %1")
                                .arg(parseError.errorString());
            result = error;
        }
    } else if (status > 0) {
        const ApiError error = decodeError(status, QJsonDocument::fromJson(body).object(), requestId);
        outcome.errorCode = error.code;
        result = error;
    } else {
        ApiError error;
        error.kind = call->m_timedOut    ? ApiError::Kind::Timeout
            : isTlsFailure(networkError) ? ApiError::Kind::InsecureTransport
                                         : ApiError::Kind::Offline;
        error.message = call->m_timedOut
            ? QStringLiteral("Stripe did not answer within %1 s.").arg(m_config.timeout.count() / 1000.0)
            : reply->errorString();
        if (error.kind == ApiError::Kind::InsecureTransport)
            outcome.connectionFailed = false; // a certificate problem does not go away by retrying
        result = error;
    }

    if (!result.ok() && (outcome.connectionFailed || outcome.timedOut || status > 0)
        && m_retryPolicy.shouldRetry(outcome, call->m_retriesDone)) {
        ++call->m_retriesDone;
        const auto delay = m_retryPolicy.delayBeforeRetry(call->m_retriesDone);
        qCInfo(lcStripe) << call->m_request.method << call->m_request.path << "failed" << status << result.error().code
                         << "- retry" << call->m_retriesDone << "in" << delay.count() << "ms"
                         << "request" << requestId;
        QTimer::singleShot(delay, call, [this, call] { startAttempt(call); });
        return;
    }
    finish(call, result);
}

void StripeClient::finish(StripeCall *call, const Result<StripeResponse> &result)
{
    if (call->m_done)
        return;
    call->m_done = true;
    if (!result.ok())
        // Stripe's messages can quote customer input (an email), so only the code goes to the log.
        qCInfo(lcStripe) << call->m_request.method << call->m_request.path << "failed: HTTP"
                         << result.error().httpStatus << result.error().code << "request" << result.error().requestId;
    if (call->m_callback)
        std::exchange(call->m_callback, nullptr)(result);
    call->deleteLater();
}

} // namespace konbini
