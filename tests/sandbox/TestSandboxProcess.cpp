#include "SandboxHttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace konbini::test;

namespace {

// The standalone konbini-sandbox executable, started as a user would.
class SandboxProcess
{
public:
    explicit SandboxProcess(const QStringList &arguments)
    {
        m_process.setProgram(QStringLiteral(KONBINI_SANDBOX_EXECUTABLE));
        m_process.setArguments(arguments);
        m_process.start();
    }
    ~SandboxProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    QString readListeningLine()
    {
        while (!m_process.canReadLine() && m_process.waitForReadyRead(10000)) {
        }
        return QString::fromUtf8(m_process.readLine()).trimmed();
    }
    int terminate(int signal)
    {
        ::kill(pid_t(m_process.processId()), signal);
        m_process.waitForFinished(10000);
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
};

struct Client {
    explicit Client(QUrl baseUrl) : base(std::move(baseUrl)) {}
    QUrl base;
    QNetworkAccessManager network;

    HttpResult send(const QByteArray &method, const QString &path, const Form &form = {},
                    const QByteArray &idempotencyKey = {})
    {
        QNetworkRequest request(base.resolved(QUrl(path)));
        request.setRawHeader("Authorization", "Bearer sk_test_process");
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        if (!idempotencyKey.isEmpty())
            request.setRawHeader("Idempotency-Key", idempotencyKey);
        QNetworkReply *reply = method == "POST" ? network.post(request, encodeForm(form)) : network.get(request);
        return SandboxHttp::wait(reply);
    }
};

const Form kCreate{{QStringLiteral("amount"), QStringLiteral("2500")},
                   {QStringLiteral("currency"), QStringLiteral("jpy")},
                   {QStringLiteral("payment_method_types[]"), QStringLiteral("konbini")}};

} // namespace

class TestSandboxProcess : public QObject
{
    Q_OBJECT

private slots:
    void start_printsUrlAndStopsCleanlyOnSignals_data();
    void start_printsUrlAndStopsCleanlyOnSignals();
    void stateFile_keepsEverythingAcrossRestarts();
    void badArguments_exitWithUsage();
};

void TestSandboxProcess::start_printsUrlAndStopsCleanlyOnSignals_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TestSandboxProcess::start_printsUrlAndStopsCleanlyOnSignals()
{
    QFETCH(int, signal);
    SandboxProcess sandbox({QStringLiteral("--port"), QStringLiteral("0")});
    const QString line = sandbox.readListeningLine();
    QVERIFY2(line.startsWith(QStringLiteral("listening on http://127.0.0.1:")), qPrintable(line));
    Client client(QUrl(line.mid(13)));
    QCOMPARE(client.send("GET", QStringLiteral("/v1/payment_intents")).status, 200);
    QCOMPARE(sandbox.terminate(signal), 0);
}

void TestSandboxProcess::stateFile_keepsEverythingAcrossRestarts()
{
    QTemporaryDir dir;
    const QString state = dir.filePath(QStringLiteral("sandbox.sqlite"));
    QString paymentIntentId;
    QString pendingId;
    QByteArray firstAnswer;
    qint64 frozenNow = 0;
    {
        SandboxProcess sandbox({QStringLiteral("--state"), state});
        Client client(QUrl(sandbox.readListeningLine().mid(13)));
        frozenNow = client
                        .send("POST", QStringLiteral("/v1/test_helpers/sandbox/clock"),
                              {{QStringLiteral("frozen"), QStringLiteral("true")}})
                        .json.value(QStringLiteral("now"))
                        .toInteger();
        const HttpResult created = client.send("POST", QStringLiteral("/v1/payment_intents"), kCreate, "restart-1");
        QCOMPARE(created.status, 200);
        firstAnswer = created.body;
        paymentIntentId = created.value(QStringLiteral("id"));
        pendingId = client.send("POST", QStringLiteral("/v1/payment_intents"), kCreate).value(QStringLiteral("id"));
        const HttpResult confirmed = client.send(
            "POST", QStringLiteral("/v1/payment_intents/%1/confirm").arg(pendingId),
            {{QStringLiteral("payment_method_data[type]"), QStringLiteral("konbini")},
             {QStringLiteral("payment_method_data[billing_details][name]"), QStringLiteral("Hanako")},
             {QStringLiteral("payment_method_data[billing_details][email]"), QStringLiteral("hanako@test.com")}});
        QCOMPARE(confirmed.value(QStringLiteral("status")), QStringLiteral("requires_action"));
        QCOMPARE(sandbox.terminate(SIGTERM), 0);
    }
    SandboxProcess restarted({QStringLiteral("--state"), state});
    Client client(QUrl(restarted.readListeningLine().mid(13)));
    // The clock is still frozen where it was.
    const QJsonObject clock = client.send("GET", QStringLiteral("/v1/test_helpers/sandbox/clock")).json;
    QCOMPARE(clock.value(QStringLiteral("now")).toInteger(), frozenNow);
    QVERIFY(clock.value(QStringLiteral("frozen")).toBool());
    // Objects, events and idempotent answers survived.
    QCOMPARE(client.send("GET", QStringLiteral("/v1/payment_intents/") + paymentIntentId)
                 .json.value(QStringLiteral("amount"))
                 .toInteger(),
             2500);
    const HttpResult replay = client.send("POST", QStringLiteral("/v1/payment_intents"), kCreate, "restart-1");
    QCOMPARE(replay.body, firstAnswer);
    QCOMPARE(replay.headers.value("idempotent-replayed"), QByteArray("true"));
    const HttpResult events = client.send("GET", QStringLiteral("/v1/events?limit=100"));
    QCOMPARE(events.json.value(QStringLiteral("data")).toArray().size(), 3);
    // The pending voucher's scheduled payment still happens.
    client.send("POST", QStringLiteral("/v1/test_helpers/sandbox/clock"),
                {{QStringLiteral("advance_seconds"), QStringLiteral("180")}});
    QCOMPARE(client.send("GET", QStringLiteral("/v1/payment_intents/") + pendingId).value(QStringLiteral("status")),
             QStringLiteral("succeeded"));
    // New objects list after the old ones.
    const QString newest =
        client.send("POST", QStringLiteral("/v1/payment_intents"), kCreate).value(QStringLiteral("id"));
    const HttpResult listed = client.send("GET", QStringLiteral("/v1/payment_intents?limit=3"));
    const QJsonArray data = listed.json.value(QStringLiteral("data")).toArray();
    QCOMPARE(data.at(0).toObject().value(QStringLiteral("id")).toString(), newest);
    QCOMPARE(data.at(2).toObject().value(QStringLiteral("id")).toString(), paymentIntentId);
}

void TestSandboxProcess::badArguments_exitWithUsage()
{
    for (const QStringList &arguments : {QStringList{QStringLiteral("--port"), QStringLiteral("70000")},
                                         QStringList{QStringLiteral("--fault-rate"), QStringLiteral("2")},
                                         QStringList{QStringLiteral("--host"), QStringLiteral("not-an-ip")}}) {
        QProcess process;
        process.start(QStringLiteral(KONBINI_SANDBOX_EXECUTABLE), arguments);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardError().contains("konbini-sandbox:"));
    }
}

QTEST_GUILESS_MAIN(TestSandboxProcess)
#include "TestSandboxProcess.moc"
