#include "LogMasking.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

using namespace konbini;

class TestLogMasking : public QObject
{
    Q_OBJECT

private slots:
    void mask_data();
    void mask();
    void fileLog_isOwnerOnlyMaskedAndRotates();
};

void TestLogMasking::mask_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("masked");
    QTest::newRow("bearer header") << "Authorization: Bearer sk_test_51Habc"
                                   << "Authorization: [masked]";
    QTest::newRow("basic header") << "authorization=Basic c2tfdGVzdF94Og=="
                                  << "authorization=[masked]";
    QTest::newRow("secret key") << "key sk_live_FAKE_1 rejected"
                                << "key sk_live_[masked] rejected";
    QTest::newRow("restricted key") << "rk_test_abcDEF_123"
                                    << "rk_test_[masked]";
    QTest::newRow("publishable key") << "pk_live_XYZ"
                                     << "pk_live_[masked]";
    QTest::newRow("webhook secret") << "whsec_0123abc"
                                    << "whsec_[masked]";
    QTest::newRow("email") << "Invalid email address: hanako+fill_never@example.jp!"
                           << "Invalid email address: [email]!";
    QTest::newRow("mobile with hyphens") << "phone 090-1234-5678 given"
                                         << "phone [phone] given";
    QTest::newRow("confirmation number") << "confirmation_number=09012345678"
                                         << "confirmation_number=[phone]";
    QTest::newRow("international") << "+81 90 1234 5678"
                                   << "[phone]";
    QTest::newRow("full-width") << "電話 ０９０ー１２３４ー５６７８"
                                << "電話 [phone]";
    QTest::newRow("amounts and ids stay") << "amount=1500 pi_3N1abc created 1795858524"
                                          << "amount=1500 pi_3N1abc created 1795858524";
    QTest::newRow("unix time stays (10 digits, but a word)") << "created=1795858524"
                                                             << "created=1795858524";
    QTest::newRow("request id stays") << "request req_68cxmp000001"
                                      << "request req_68cxmp000001";
    QTest::newRow("percent-encoded e-mail") << "email=hanako%2Bfill_never%40example.jp&name=x"
                                            << "email=[email]&name=x";
    QTest::newRow("twice-encoded e-mail") << "q=hanako%2540example.jp" << "q=[email]";
    QTest::newRow("dotted phone") << "tel 090.1234.5678 given" << "tel [phone] given";
    QTest::newRow("versions stay") << "Qt 6.4.2 KonbiniPOS/0.1.0" << "Qt 6.4.2 KonbiniPOS/0.1.0";
}

void TestLogMasking::mask()
{
    QFETCH(QString, line);
    QFETCH(QString, masked);
    QCOMPARE(maskSensitive(line), masked);
}

void TestLogMasking::fileLog_isOwnerOnlyMaskedAndRotates()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("konbini-pos.log"));
    installFileLog(path, 2000, 2);
    QLoggingCategory category("konbini.test");
    for (int i = 0; i < 60; ++i)
        qCWarning(category) << "customer hanako@example.jp phone 090-1234-5678 key sk_test_leakme" << i;
    qInstallMessageHandler(nullptr);
    QVERIFY(QFileInfo::exists(path));
    QVERIFY(QFileInfo::exists(path + QStringLiteral(".1")));
    QVERIFY(QFileInfo::exists(path + QStringLiteral(".2")));
    QVERIFY(!QFileInfo::exists(path + QStringLiteral(".3")));
    for (const QString &file : {path, path + QStringLiteral(".1"), path + QStringLiteral(".2")}) {
        QFile log(file);
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray content = log.readAll();
        QVERIFY(content.contains("konbini.test"));
        QVERIFY(!content.contains("hanako@example.jp"));
        QVERIFY(!content.contains("1234-5678"));
        QVERIFY(!content.contains("leakme"));
        QCOMPARE(QFileInfo(file).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
    }
}

QTEST_GUILESS_MAIN(TestLogMasking)
#include "TestLogMasking.moc"
