#include "Ledger.h"
#include "SearchFolding.h"

#include <QTemporaryDir>
#include <QTest>

using namespace konbini;

// The merchant's search ignores full/half width and hiragana/katakana (half-width kana too) and
// case, in the stored text and in the query alike.
class TestSearchFolding : public QObject
{
    Q_OBJECT

private slots:
    void fold_data();
    void fold();
    void search_findsWhatWasTypedEitherWay_data();
    void search_findsWhatWasTypedEitherWay();
};

void TestSearchFolding::fold_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("folded");
    QTest::newRow("full-width latin") << "ｍａｒｉｋｏ" << "mariko";
    QTest::newRow("upper case") << "MARIKO" << "mariko";
    QTest::newRow("katakana") << "ヤマダ" << "やまだ";
    QTest::newRow("half-width katakana with voiced mark") << "ﾔﾏﾀﾞ" << "やまだ";
    QTest::newRow("full-width digits") << "０９０-１２３４" << "090-1234";
    QTest::newRow("long vowel mark stays") << "ルーシー" << "るーしー";
    QTest::newRow("kanji stays") << "山田 花子" << "山田 花子";
    QTest::newRow("empty") << "" << "";
}

void TestSearchFolding::fold()
{
    QFETCH(QString, text);
    QFETCH(QString, folded);
    QCOMPARE(foldForSearch(text), folded);
}

void TestSearchFolding::search_findsWhatWasTypedEitherWay_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("orderRef"); // empty: nothing
    QTest::newRow("やまだ finds ヤマダ") << "やまだ" << "katakana";
    QTest::newRow("ﾔﾏﾀﾞ finds ヤマダ") << "ﾔﾏﾀﾞ" << "katakana";
    QTest::newRow("ヤマ finds ヤマダ (two characters)") << "ヤマ" << "katakana";
    QTest::newRow("ｍａｒｉｋｏ finds Mariko") << "ｍａｒｉｋｏ" << "latin";
    QTest::newRow("MARIKO@EXAMPLE finds the e-mail") << "MARIKO@EXAMPLE" << "latin";
    QTest::newRow("full-width phone digits") << "０８０７７７７８８８８" << "latin";
    QTest::newRow("ひらがな typed in half-width finds it") << "ﾊﾅｺ" << "hiragana";
    QTest::newRow("phone with separators finds the number") << "090-1111" << "katakana";
    QTest::newRow("full-width phone with a long-vowel dash") << "０７０ー３３３３" << "hiragana";
    QTest::newRow("letters and digits are searched as written") << "h0703333" << "";
    QTest::newRow("no such customer") << "すずき" << "";
}

void TestSearchFolding::search_findsWhatWasTypedEitherWay()
{
    QFETCH(QString, query);
    QFETCH(QString, orderRef);
    QTemporaryDir dir;
    Ledger ledger(dir.filePath(QStringLiteral("ledger.sqlite")));
    QVERIFY(ledger.open().ok());
    const auto voucher = [](const QString &ref, const QString &name, const QString &email, const QString &phone) {
        VoucherRecord v;
        v.orderRef = ref;
        v.amountYen = 1500;
        v.customerName = name;
        v.email = email;
        v.phone = phone;
        v.confirmationNumber = QString(phone).remove(u'-');
        v.createdAt = 1;
        return v;
    };
    QVERIFY(ledger.vouchers().insert(voucher(QStringLiteral("katakana"), QStringLiteral("ヤマダ タロウ"),
                                             QStringLiteral("taro@example.jp"), QStringLiteral("090-1111-2222")))
                .ok());
    QVERIFY(ledger.vouchers().insert(voucher(QStringLiteral("latin"), QStringLiteral("Mariko Sato"),
                                             QStringLiteral("Mariko@Example.jp"), QStringLiteral("080-7777-8888")))
                .ok());
    QVERIFY(ledger.vouchers().insert(voucher(QStringLiteral("hiragana"), QStringLiteral("はなこ"),
                                             QStringLiteral("h@example.jp"), QStringLiteral("070-3333-4444")))
                .ok());
    VoucherQuery search;
    search.text = query;
    const LedgerResult<QList<VoucherRecord>> found = ledger.search().page(search, 0, 10);
    QVERIFY(found.ok());
    QStringList refs;
    for (const VoucherRecord &v : found.value())
        refs.append(v.orderRef);
    QCOMPARE(refs, orderRef.isEmpty() ? QStringList() : QStringList{orderRef});
}

QTEST_GUILESS_MAIN(TestSearchFolding)
#include "TestSearchFolding.moc"
