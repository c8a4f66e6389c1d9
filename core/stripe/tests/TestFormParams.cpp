#include "FormParams.h"

#include <QTest>

using namespace konbini;

Q_DECLARE_METATYPE(konbini::FormParams)

class TestFormParams : public QObject
{
    Q_OBJECT

private slots:
    void encoded_data();
    void encoded();
    void roundTrip_keepsOrderAndText();
};

void TestFormParams::encoded_data()
{
    QTest::addColumn<FormParams>("params");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("flat")
        << FormParams().add(QStringLiteral("amount"), 1500).add(QStringLiteral("currency"), QStringLiteral("jpy"))
        << QByteArray("amount=1500&currency=jpy");
    QTest::newRow("nested brackets stay literal")
        << FormParams().add(QStringLiteral("payment_method_options[konbini][expires_after_days]"), 3)
        << QByteArray("payment_method_options[konbini][expires_after_days]=3");
    QTest::newRow("indexed array") << FormParams().addList(QStringLiteral("payment_method_types"),
                                                           {QStringLiteral("konbini"), QStringLiteral("card")})
                                   << QByteArray("payment_method_types[0]=konbini&payment_method_types[1]=card");
    QTest::newRow("UTF-8 percent-encoding") << FormParams().add(QStringLiteral("d"), QStringLiteral("お弁当"))
                                            << QByteArray("d=%E3%81%8A%E5%BC%81%E5%BD%93");
    QTest::newRow("reserved characters") << FormParams().add(QStringLiteral("email"), QStringLiteral("a+b@c.jp & x=y"))
                                         << QByteArray("email=a%2Bb%40c.jp%20%26%20x%3Dy");
    QTest::newRow("empty value unsets") << FormParams().add(QStringLiteral("description"), QString())
                                        << QByteArray("description=");
    QTest::newRow("addIfNotEmpty skips empty")
        << FormParams().addIfNotEmpty(QStringLiteral("a"), QString()).add(QStringLiteral("b"), 1) << QByteArray("b=1");
    QTest::newRow("nothing") << FormParams() << QByteArray();
}

void TestFormParams::encoded()
{
    QFETCH(FormParams, params);
    QFETCH(QByteArray, expected);
    QCOMPARE(params.encoded(), expected);
}

void TestFormParams::roundTrip_keepsOrderAndText()
{
    FormParams params;
    params.add(QStringLiteral("payment_method_data[billing_details][name]"), QStringLiteral("山田 花子"))
        .add(QStringLiteral("metadata[order_ref]"), QStringLiteral("A&B=1+2"))
        .add(QStringLiteral("flag"), QString());
    const FormParams decoded = FormParams::fromEncoded(params.encoded());
    QCOMPARE(decoded.pairs(), params.pairs());
    QCOMPARE(decoded.value(QStringLiteral("metadata[order_ref]")), QStringLiteral("A&B=1+2"));
}

QTEST_GUILESS_MAIN(TestFormParams)
#include "TestFormParams.moc"
