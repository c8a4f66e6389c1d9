#include "SandboxHttp.h"

#include "OpenApiCheck.h"
#include "SandboxPaths.h"
#include "SandboxServer.h"
#include "StripePaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

namespace konbini::test {

QJsonValue valueAt(const QJsonObject &object, const QString &dottedPath)
{
    QJsonValue value = object;
    for (const QString &key : dottedPath.split(u'.'))
        value = value.toObject().value(key);
    return value;
}

QByteArray encodeForm(const Form &form)
{
    QByteArray encoded;
    for (const auto &[key, value] : form) {
        if (!encoded.isEmpty())
            encoded.append('&');
        encoded.append(QUrl::toPercentEncoding(key, "[]"));
        encoded.append('=');
        encoded.append(QUrl::toPercentEncoding(value));
    }
    return encoded;
}

SandboxHttp::SandboxHttp()
{
    startServer({});
}

SandboxHttp::SandboxHttp(const sandbox::SandboxOptions &options)
{
    startServer(options);
}

SandboxHttp::~SandboxHttp() = default;

void SandboxHttp::startServer(const sandbox::SandboxOptions &options)
{
    m_server = std::make_unique<sandbox::SandboxServer>(options);
    QString error;
    if (!m_server->start(error))
        qFatal("could not start the sandbox: %s", qPrintable(error));
    m_baseUrl = m_server->baseUrl();
    post(sandbox::SandboxPaths::clock(), {{QStringLiteral("frozen"), QStringLiteral("true")}});
}

QNetworkReply *SandboxHttp::start(const QByteArray &method, const QString &path, const Form &form,
                                  const Headers &headers)
{
    return startRaw(method, path, encodeForm(form), headers);
}

QNetworkReply *SandboxHttp::startRaw(const QByteArray &method, const QString &path, const QByteArray &encoded,
                                     const Headers &headers)
{
    QUrl url = m_baseUrl;
    url.setPath(path);
    if (method != "POST" && !encoded.isEmpty())
        url.setQuery(QString::fromLatin1(encoded), QUrl::TolerantMode);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_key);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    if (method == "POST")
        return m_network.post(request, encoded);
    return m_network.sendCustomRequest(request, method);
}

HttpResult SandboxHttp::wait(QNetworkReply *reply)
{
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(20000);
    }
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.networkError = reply->error();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        result.headers.insert(name.toLower(), value);
    // Every answer of every sandbox test is held against Stripe's own description of it.
    const QByteArray method = reply->operation() == QNetworkAccessManager::GetOperation    ? QByteArrayLiteral("GET")
                              : reply->operation() == QNetworkAccessManager::PostOperation ? QByteArrayLiteral("POST")
                                                                                           : QByteArrayLiteral("OTHER");
    if (!result.json.isEmpty()) {
        const QStringList problems =
            OpenApiCheck::stripe().problems(method, reply->url().path(), result.status, result.json);
        QTest::qVerify(problems.isEmpty(), "the answer fits Stripe's OpenAPI schema",
                       qPrintable(QStringLiteral("%1 %2 → %3: %4")
                                      .arg(QString::fromLatin1(method), reply->url().path())
                                      .arg(result.status)
                                      .arg(problems.mid(0, 5).join(QStringLiteral("; ")))),
                       __FILE__, __LINE__);
    }
    reply->deleteLater();
    return result;
}

HttpResult SandboxHttp::post(const QString &path, const Form &form, const Headers &headers)
{
    return wait(start("POST", path, form, headers));
}

HttpResult SandboxHttp::get(const QString &path, const Form &query, const Headers &headers)
{
    return wait(start("GET", path, query, headers));
}

HttpResult SandboxHttp::postRaw(const QString &path, const QByteArray &body)
{
    return wait(startRaw("POST", path, body, {}));
}

HttpResult SandboxHttp::getRaw(const QString &path, const QByteArray &query)
{
    return wait(startRaw("GET", path, query, {}));
}

QJsonObject SandboxHttp::createPaymentIntent(qint64 amount, const Form &extra)
{
    Form form{{QStringLiteral("amount"), QString::number(amount)},
              {QStringLiteral("currency"), QStringLiteral("jpy")},
              {QStringLiteral("payment_method_types[]"), QStringLiteral("konbini")}};
    form += extra;
    const HttpResult result = post(StripePaths::paymentIntents(), form);
    if (result.status != 200)
        qWarning("create failed: %s", result.body.constData());
    return result.json;
}

HttpResult SandboxHttp::confirm(const QString &id, const QString &email, const QString &confirmationNumber,
                                const Form &extra)
{
    Form form{{QStringLiteral("payment_method_data[type]"), QStringLiteral("konbini")},
              {QStringLiteral("payment_method_data[billing_details][name]"), QStringLiteral("山田 花子")},
              {QStringLiteral("payment_method_data[billing_details][email]"), email}};
    if (!confirmationNumber.isEmpty())
        form.append({QStringLiteral("payment_method_options[konbini][confirmation_number]"), confirmationNumber});
    form += extra;
    return post(StripePaths::confirmPaymentIntent(id), form);
}

QJsonObject SandboxHttp::issueVoucher(const QString &email, const QString &confirmationNumber)
{
    const QJsonObject created = createPaymentIntent();
    return confirm(created.value(QStringLiteral("id")).toString(), email, confirmationNumber).json;
}

QJsonObject SandboxHttp::paidPaymentIntent(qint64 amount)
{
    const QString id = createPaymentIntent(amount).value(QStringLiteral("id")).toString();
    confirm(id, QStringLiteral("hanako+succeed_immediately@test.com"));
    return get(StripePaths::paymentIntent(id)).json;
}

qint64 SandboxHttp::now()
{
    return get(sandbox::SandboxPaths::clock()).json.value(QStringLiteral("now")).toInteger();
}

qint64 SandboxHttp::advanceClock(qint64 seconds)
{
    return post(sandbox::SandboxPaths::clock(), {{QStringLiteral("advance_seconds"), QString::number(seconds)}})
        .json.value(QStringLiteral("now"))
        .toInteger();
}

qsizetype SandboxHttp::count(const QString &listPath, const Form &query)
{
    Form form = query;
    form.append({QStringLiteral("limit"), QStringLiteral("100")});
    return get(listPath, form).json.value(QStringLiteral("data")).toArray().size();
}

qsizetype SandboxHttp::paymentIntentCount()
{
    return count(StripePaths::paymentIntents());
}

qsizetype SandboxHttp::eventCount(const QString &type)
{
    return count(StripePaths::events(), {{QStringLiteral("type"), type}});
}

HttpResult SandboxHttp::paymentIntent(const QString &id)
{
    return get(StripePaths::paymentIntent(id));
}

HttpResult SandboxHttp::cancelPaymentIntent(const QString &id)
{
    return post(StripePaths::cancelPaymentIntent(id));
}

HttpResult SandboxHttp::pay(const QString &paymentIntentId, const QString &chain)
{
    Form form;
    if (!chain.isEmpty())
        form.append({QStringLiteral("chain"), chain});
    return post(sandbox::SandboxPaths::pay(paymentIntentId), form);
}

HttpResult SandboxHttp::startPayment(const QString &paymentIntentId)
{
    return post(sandbox::SandboxPaths::startPayment(paymentIntentId));
}

HttpResult SandboxHttp::submitBankDetails(const QString &refundId, const QString &routingNumber,
                                          const QString &accountNumber)
{
    return post(sandbox::SandboxPaths::refundBankDetails(refundId),
                {{QStringLiteral("routing_number"), routingNumber}, {QStringLiteral("account_number"), accountNumber}});
}

} // namespace konbini::test
