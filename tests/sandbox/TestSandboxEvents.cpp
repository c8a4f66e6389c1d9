#include "SandboxHttp.h"

#include <QJsonArray>
#include <QTest>

using namespace konbini::test;

namespace {

const QString kEvents = QStringLiteral("/v1/events");

QStringList typesOf(const HttpResult &result)
{
    QStringList types;
    for (const QJsonValue &event : result.json.value(QStringLiteral("data")).toArray())
        types.append(event.toObject().value(QStringLiteral("type")).toString());
    return types;
}

} // namespace

class TestSandboxEvents : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void events_haveStripesShape();
    void list_isNewestFirst();
    void list_filtersByType_data();
    void list_filtersByType();
    void list_rejectsTypeAndTypes();
    void list_filtersByCreated();
    void list_walksForwardWithEndingBefore();
    void retrieve_unknownIs404();

private:
    SandboxHttp m_http;
    qint64 m_start = 0;
    QString m_paidId;
};

void TestSandboxEvents::initTestCase()
{
    m_start = m_http.now();
    m_paidId = m_http.paidPaymentIntent()
                   .value(QStringLiteral("id"))
                   .toString(); // created, requires_action, charge, succeeded
    m_http.advanceClock(10);
    const QString canceled = m_http.createPaymentIntent().value(QStringLiteral("id")).toString(); // created
    m_http.post(QStringLiteral("/v1/payment_intents/%1/cancel").arg(canceled));                   // canceled
    m_http.post(QStringLiteral("/v1/refunds"), {{QStringLiteral("payment_intent"), m_paidId}});   // refund.created
}

void TestSandboxEvents::events_haveStripesShape()
{
    const HttpResult result =
        m_http.get(kEvents, {{QStringLiteral("type"), QStringLiteral("payment_intent.succeeded")}});
    QCOMPARE(result.status, 200);
    QCOMPARE(result.value(QStringLiteral("object")), QStringLiteral("list"));
    QCOMPARE(result.value(QStringLiteral("url")), kEvents);
    const QJsonObject event = result.json.value(QStringLiteral("data")).toArray().at(0).toObject();
    QVERIFY(event.value(QStringLiteral("id")).toString().startsWith(QStringLiteral("evt_")));
    QCOMPARE(event.value(QStringLiteral("object")).toString(), QStringLiteral("event"));
    QCOMPARE(event.value(QStringLiteral("livemode")).toBool(true), false);
    QVERIFY(!event.value(QStringLiteral("api_version")).toString().isEmpty());
    const QJsonObject data = event.value(QStringLiteral("data")).toObject();
    QCOMPARE(data.value(QStringLiteral("object")).toObject().value(QStringLiteral("id")).toString(), m_paidId);
    QCOMPARE(data.value(QStringLiteral("object")).toObject().value(QStringLiteral("status")).toString(),
             QStringLiteral("succeeded"));
    QCOMPARE(data.value(QStringLiteral("previous_attributes")).toObject().value(QStringLiteral("status")).toString(),
             QStringLiteral("requires_action"));
    QVERIFY(event.value(QStringLiteral("request")).toObject().contains(QStringLiteral("id")));
    const HttpResult retrieved = m_http.get(kEvents + u'/' + event.value(QStringLiteral("id")).toString());
    QCOMPARE(retrieved.json, event);
}

void TestSandboxEvents::list_isNewestFirst()
{
    const HttpResult result = m_http.get(kEvents, {{QStringLiteral("limit"), QStringLiteral("100")}});
    QCOMPARE(typesOf(result),
             (QStringList{QStringLiteral("refund.created"), QStringLiteral("payment_intent.canceled"),
                          QStringLiteral("payment_intent.created"), QStringLiteral("payment_intent.succeeded"),
                          QStringLiteral("charge.succeeded"), QStringLiteral("payment_intent.requires_action"),
                          QStringLiteral("payment_intent.created")}));
    QCOMPARE(typesOf(m_http.get(kEvents)).size(), 7); // default limit 10
    QCOMPARE(typesOf(m_http.get(kEvents, {{QStringLiteral("limit"), QStringLiteral("3")}})).size(), 3);
}

void TestSandboxEvents::list_filtersByType_data()
{
    QTest::addColumn<Form>("query");
    QTest::addColumn<int>("count");
    QTest::newRow("exact type") << Form{{QStringLiteral("type"), QStringLiteral("payment_intent.created")}} << 2;
    QTest::newRow("wildcard") << Form{{QStringLiteral("type"), QStringLiteral("payment_intent.*")}} << 5;
    QTest::newRow("refund wildcard") << Form{{QStringLiteral("type"), QStringLiteral("refund.*")}} << 1;
    QTest::newRow("types[]") << Form{{QStringLiteral("types[]"), QStringLiteral("charge.succeeded")},
                                     {QStringLiteral("types[]"), QStringLiteral("payment_intent.canceled")}}
                             << 2;
    QTest::newRow("unknown type") << Form{{QStringLiteral("type"), QStringLiteral("customer.created")}} << 0;
}

void TestSandboxEvents::list_filtersByType()
{
    QFETCH(Form, query);
    QFETCH(int, count);
    QCOMPARE(m_http.count(kEvents, query), count);
}

void TestSandboxEvents::list_rejectsTypeAndTypes()
{
    const HttpResult result = m_http.get(
        kEvents, {{QStringLiteral("type"), QStringLiteral("a")}, {QStringLiteral("types[]"), QStringLiteral("b")}});
    QCOMPARE(result.status, 400);
    QCOMPARE(result.errorCode(), QStringLiteral("parameters_exclusive"));
    QCOMPARE(m_http.get(kEvents, {{QStringLiteral("colour"), QStringLiteral("red")}}).errorCode(),
             QStringLiteral("parameter_unknown"));
}

void TestSandboxEvents::list_filtersByCreated()
{
    QCOMPARE(m_http.count(kEvents, {{QStringLiteral("created[gte]"), QString::number(m_start + 10)}}), 3);
    QCOMPARE(m_http.count(kEvents, {{QStringLiteral("created[lt]"), QString::number(m_start + 10)}}), 4);
    QCOMPARE(m_http.count(kEvents, {{QStringLiteral("created[gt]"), QString::number(m_start + 10)}}), 0);
}

void TestSandboxEvents::list_walksForwardWithEndingBefore()
{
    // A till catching up: remember the newest event seen, then ask for what came after it.
    const HttpResult all = m_http.get(kEvents, {{QStringLiteral("limit"), QStringLiteral("100")}});
    const QJsonArray data = all.json.value(QStringLiteral("data")).toArray();
    const QString cursor = data.at(3).toObject().value(QStringLiteral("id")).toString(); // payment_intent.succeeded
    const HttpResult newer = m_http.get(
        kEvents, {{QStringLiteral("ending_before"), cursor}, {QStringLiteral("limit"), QStringLiteral("2")}});
    QCOMPARE(typesOf(newer),
             (QStringList{QStringLiteral("payment_intent.canceled"), QStringLiteral("payment_intent.created")}));
    QVERIFY(newer.json.value(QStringLiteral("has_more")).toBool());
    const HttpResult older = m_http.get(
        kEvents, {{QStringLiteral("starting_after"), cursor}, {QStringLiteral("limit"), QStringLiteral("2")}});
    QCOMPARE(typesOf(older),
             (QStringList{QStringLiteral("charge.succeeded"), QStringLiteral("payment_intent.requires_action")}));
}

void TestSandboxEvents::retrieve_unknownIs404()
{
    const HttpResult result = m_http.get(kEvents + QStringLiteral("/evt_unknown"));
    QCOMPARE(result.status, 404);
    QCOMPARE(result.errorCode(), QStringLiteral("resource_missing"));
}

QTEST_GUILESS_MAIN(TestSandboxEvents)
#include "TestSandboxEvents.moc"
