#include "FormDecoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace konbini::sandbox;

class TestFormDecoder : public QObject
{
    Q_OBJECT

private slots:
    void decode_data();
    void decode();
    void decode_rejectsContradictions_data();
    void decode_rejectsContradictions();
};

void TestFormDecoder::decode_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("flat") << QByteArray("amount=1500&currency=jpy")
                          << QByteArray(R"({"amount":"1500","currency":"jpy"})");
    QTest::newRow("nested brackets") << QByteArray("payment_method_options[konbini][expires_after_days]=3")
                                     << QByteArray(
                                            R"({"payment_method_options":{"konbini":{"expires_after_days":"3"}}})");
    QTest::newRow("percent-encoded brackets")
        << QByteArray("metadata%5Border_ref%5D=A-1") << QByteArray(R"({"metadata":{"order_ref":"A-1"}})");
    QTest::newRow("empty-bracket array") << QByteArray("payment_method_types[]=konbini&payment_method_types[]=card")
                                         << QByteArray(R"({"payment_method_types":["konbini","card"]})");
    QTest::newRow("indexed array, out of order")
        << QByteArray("expand[1]=b&expand[0]=a") << QByteArray(R"({"expand":["a","b"]})");
    QTest::newRow("array of objects") << QByteArray("items[0][price]=1&items[0][qty]=2&items[1][price]=3")
                                      << QByteArray(R"({"items":[{"price":"1","qty":"2"},{"price":"3"}]})");
    QTest::newRow("UTF-8 and plus as space")
        << QByteArray("payment_method_options[konbini][product_description]=%E3%81%8A%E5%BC%81%E5%BD%93+%E5%A4%A7")
        << QByteArray(R"({"payment_method_options":{"konbini":{"product_description":"お弁当 大"}}})");
    QTest::newRow("empty value unsets") << QByteArray("description=") << QByteArray(R"({"description":""})");
    QTest::newRow("key without value") << QByteArray("confirm") << QByteArray(R"({"confirm":""})");
    QTest::newRow("empty body") << QByteArray() << QByteArray("{}");
    QTest::newRow("stray ampersands") << QByteArray("&&a=1&") << QByteArray(R"({"a":"1"})");
    QTest::newRow("later value wins") << QByteArray("a=1&a=2") << QByteArray(R"({"a":"2"})");
    // What JSON text must escape comes back as it was sent (names too).
    QTest::newRow("quotes, backslashes, control characters")
        << QByteArray("metadata[a%22b%5C]=%22%5C%00%0A%1F%7F&description=%3Cb%3E%F0%9F%8D%99%FF")
        << QByteArray(R"({"description":"<b>🍙\ufffd","metadata":{"a\"b\\":"\"\\\u0000\n\u001f\u007f"}})");
    QTest::newRow("8 levels, the most allowed") << QByteArray("a[b][c][d][e][f][g][h]=1")
                                                << QByteArray(R"({"a":{"b":{"c":{"d":{"e":{"f":{"g":{"h":"1"}}}}}}}})");
}

void TestFormDecoder::decode()
{
    QFETCH(QByteArray, encoded);
    QFETCH(QByteArray, json);
    QJsonObject params;
    QString error;
    QVERIFY2(decodeStripeForm(encoded, params, error), qPrintable(error));
    QCOMPARE(QJsonDocument(params).toJson(QJsonDocument::Compact),
             QJsonDocument::fromJson(json).toJson(QJsonDocument::Compact));
}

void TestFormDecoder::decode_rejectsContradictions_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("value then object") << QByteArray("a=1&a[b]=2");
    QTest::newRow("object then value") << QByteArray("a[b]=2&a=1");
    QTest::newRow("array then object") << QByteArray("a[]=1&a[b]=2");
    QTest::newRow("unclosed bracket") << QByteArray("a[b=1");
    QTest::newRow("bracket first") << QByteArray("[a]=1");
    QTest::newRow("text after bracket") << QByteArray("a[b]c=1");
    // Hostile input: refused whole, before any tree is built (30,000 levels overflowed the stack).
    QTest::newRow("30,000 levels deep") << QByteArray("metadata") + QByteArray("[a]").repeated(30'000) + "=1";
    QTest::newRow("50,000 empty brackets") << QByteArray("x") + QByteArray("[]").repeated(50'000) + "=1";
    QTest::newRow("50,000 index brackets") << QByteArray("x") + QByteArray("[0]").repeated(50'000) + "=1";
    QTest::newRow("percent-encoded brackets, deep") << QByteArray("x") + QByteArray("%5Ba%5D").repeated(20) + "=1";
    QTest::newRow("9 levels") << QByteArray("a[b][c][d][e][f][g][h][i]=1");
    QTest::newRow("too many parameters") << [] {
        QByteArray many;
        for (int i = 0; i < 1001; ++i)
            many += "p" + QByteArray::number(i) + "=1&";
        return many;
    }();
    QTest::newRow("name too long") << QByteArray(501, 'n') + "=1";
    QTest::newRow("value too long") << "a=" + QByteArray(50'001, 'v');
    QTest::newRow("broken percent-escape") << QByteArray("a=%zz");
    QTest::newRow("truncated percent-escape") << QByteArray("a=1%2");
}

void TestFormDecoder::decode_rejectsContradictions()
{
    QFETCH(QByteArray, encoded);
    QJsonObject params;
    QString error;
    QVERIFY(!decodeStripeForm(encoded, params, error));
    QVERIFY(error.startsWith(QStringLiteral("Invalid request")));
}

QTEST_GUILESS_MAIN(TestFormDecoder)
#include "TestFormDecoder.moc"
