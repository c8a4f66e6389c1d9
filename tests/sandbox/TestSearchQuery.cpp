#include "SearchQuery.h"
#include "StripeError.h"

#include <QTest>

using namespace konbini::sandbox;

namespace {

QJsonObject paymentIntent(const QString &status, qint64 amount, qint64 created, const QString &terminal)
{
    return QJsonObject{
        {QStringLiteral("status"), status},
        {QStringLiteral("amount"), amount},
        {QStringLiteral("created"), created},
        {QStringLiteral("currency"), QStringLiteral("jpy")},
        {QStringLiteral("customer"), QJsonValue()},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("terminal"), terminal}, {QStringLiteral("store"), QStringLiteral("Shibuya")}}}};
}

} // namespace

class TestSearchQuery : public QObject
{
    Q_OBJECT

private slots:
    void matches_data();
    void matches();
    void parse_rejectsMalformed_data();
    void parse_rejectsMalformed();
};

void TestSearchQuery::matches_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("expected");
    // The PaymentIntent: requires_action, ¥1500, created 1000, terminal till-1, store Shibuya.
    QTest::newRow("status") << QStringLiteral("status:'requires_action'") << true;
    QTest::newRow("status other") << QStringLiteral("status:'succeeded'") << false;
    QTest::newRow("double quotes") << QStringLiteral("status:\"requires_action\"") << true;
    QTest::newRow("metadata exact") << QStringLiteral("metadata['terminal']:'till-1'") << true;
    QTest::newRow("metadata is case-insensitive") << QStringLiteral("metadata['store']:'shibuya'") << true;
    QTest::newRow("metadata prefix is not exact") << QStringLiteral("metadata['terminal']:'till'") << false;
    QTest::newRow("metadata substring") << QStringLiteral("metadata['terminal']~'till'") << true;
    QTest::newRow("missing metadata key") << QStringLiteral("metadata['order']:'x'") << false;
    QTest::newRow("amount >") << QStringLiteral("amount>1000") << true;
    QTest::newRow("amount > equal") << QStringLiteral("amount>1500") << false;
    QTest::newRow("amount >=") << QStringLiteral("amount>=1500") << true;
    QTest::newRow("amount <") << QStringLiteral("amount<1500") << false;
    QTest::newRow("amount <=") << QStringLiteral("amount<=1500") << true;
    QTest::newRow("amount exact") << QStringLiteral("amount:1500") << true;
    QTest::newRow("created >") << QStringLiteral("created>999") << true;
    QTest::newRow("AND both") << QStringLiteral("status:'requires_action' AND metadata['terminal']:'till-1'") << true;
    QTest::newRow("AND one fails") << QStringLiteral("status:'requires_action' AND amount>2000") << false;
    QTest::newRow("space means AND") << QStringLiteral("status:'requires_action' amount>2000") << false;
    QTest::newRow("OR one holds") << QStringLiteral("status:'succeeded' OR amount>1000") << true;
    QTest::newRow("OR none holds") << QStringLiteral("status:'succeeded' OR amount>2000") << false;
    QTest::newRow("negation") << QStringLiteral("-status:'canceled'") << true;
    QTest::newRow("negation fails") << QStringLiteral("-status:'requires_action'") << false;
}

void TestSearchQuery::matches()
{
    QFETCH(QString, query);
    QFETCH(bool, expected);
    QCOMPARE(SearchQuery::parse(query).matches(
                 paymentIntent(QStringLiteral("requires_action"), 1500, 1000, QStringLiteral("till-1"))),
             expected);
}

void TestSearchQuery::parse_rejectsMalformed_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("empty") << QString();
    QTest::newRow("no value") << QStringLiteral("status:");
    QTest::newRow("no operator") << QStringLiteral("status");
    QTest::newRow("unclosed quote") << QStringLiteral("status:'requires_action");
    QTest::newRow("unknown field") << QStringLiteral("colour:'red'");
    QTest::newRow("mixed AND and OR") << QStringLiteral("status:'a' AND amount>1 OR amount<5");
    QTest::newRow("dangling AND") << QStringLiteral("status:'a' AND ");
    QTest::newRow("number on text field") << QStringLiteral("status>5");
    QTest::newRow("text on number field") << QStringLiteral("amount>'many'");
    QTest::newRow("metadata without key") << QStringLiteral("metadata:'x'");
}

void TestSearchQuery::parse_rejectsMalformed()
{
    QFETCH(QString, query);
    try {
        SearchQuery::parse(query);
        QFAIL("a malformed query was accepted");
    } catch (const StripeError &error) {
        QCOMPARE(error.httpStatus, 400);
        QCOMPARE(error.param, QStringLiteral("query"));
        QVERIFY(!error.message.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestSearchQuery)
#include "TestSearchQuery.moc"
