// The sandbox's state store: objects read on demand through a bounded cache, events that keep the
// object as it was when they happened, the state file of the previous release migrated, and the
// temporary database of an in-memory sandbox private to its owner.
#include "RandomText.h"
#include "SandboxHttp.h"
#include "SandboxServer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <cmath>

using namespace konbini;
using namespace konbini::test;

namespace {

QStringList idsOf(const HttpResult &list)
{
    QStringList ids;
    for (const QJsonValue &item : list.json.value(QStringLiteral("data")).toArray())
        ids.append(item.toObject().value(QStringLiteral("id")).toString());
    return ids;
}

} // namespace

class TestSandboxState : public QObject
{
    Q_OBJECT

private slots:
    void manyObjects_keepTheCacheBoundedAndAllListed();
    void events_keepTheObjectAsItWas();
    void ids_growWithTime();
    void randomCharacters_areDrawnEvenlyFromTheAlphabet();
    void stateFileOfThePreviousRelease_isMigrated();
    void stateFile_voucherPageAndDueTransitionsSurviveARestart();
    void temporaryDatabase_isOwnerOnly();
};

void TestSandboxState::manyObjects_keepTheCacheBoundedAndAllListed()
{
    SandboxHttp http;
    QStringList created;
    for (int i = 0; i < 300; ++i)
        created.prepend(http.issueVoucher().value(QStringLiteral("id")).toString());
    // 600 records (PaymentIntents and their PaymentMethods); memory holds the ones in use.
    QVERIFY2(http.server()->api().state().cachedRecordCount() <= 256 + 8,
             qPrintable(QString::number(http.server()->api().state().cachedRecordCount())));
    // Every one is still there, newest first, page by page in both directions.
    QStringList listed;
    QString cursor;
    for (;;) {
        Form query{{QStringLiteral("limit"), QStringLiteral("100")}};
        if (!cursor.isEmpty())
            query.append({QStringLiteral("starting_after"), cursor});
        const HttpResult page = http.get(QStringLiteral("/v1/payment_intents"), query);
        QCOMPARE(page.status, 200);
        listed += idsOf(page);
        if (!page.json.value(QStringLiteral("has_more")).toBool())
            break;
        cursor = listed.constLast();
    }
    QCOMPARE(listed, created);
    const HttpResult newer = http.get(QStringLiteral("/v1/payment_intents"),
                                      {{QStringLiteral("limit"), QStringLiteral("3")},
                                       {QStringLiteral("ending_before"), created.at(10)}});
    QCOMPARE(idsOf(newer), created.mid(7, 3));
    QVERIFY(newer.json.value(QStringLiteral("has_more")).toBool());
    QCOMPARE(http.paymentIntent(created.constLast()).value(QStringLiteral("status")),
             QStringLiteral("requires_action"));
}

void TestSandboxState::events_keepTheObjectAsItWas()
{
    SandboxHttp http;
    const QString id = http.issueVoucher().value(QStringLiteral("id")).toString();
    QCOMPARE(http.cancelPaymentIntent(id).status, 200);
    const HttpResult events = http.get(QStringLiteral("/v1/events"), {{QStringLiteral("limit"), QStringLiteral("10")}});
    QStringList statuses;
    for (const QJsonValue &event : events.json.value(QStringLiteral("data")).toArray()) {
        const QJsonObject object = event.toObject().value(QStringLiteral("data")).toObject().value(
            QStringLiteral("object")).toObject();
        if (object.value(QStringLiteral("id")).toString() == id)
            statuses.append(object.value(QStringLiteral("status")).toString());
    }
    QCOMPARE(statuses, (QStringList{QStringLiteral("canceled"), QStringLiteral("requires_action"),
                                    QStringLiteral("requires_payment_method")}));
    const QString createdEventId =
        events.json.value(QStringLiteral("data")).toArray().last().toObject().value(QStringLiteral("id")).toString();
    const HttpResult one = http.get(QStringLiteral("/v1/events/") + createdEventId);
    QCOMPARE(one.json.value(QStringLiteral("type")).toString(), QStringLiteral("payment_intent.created"));
    QCOMPARE(one.json.value(QStringLiteral("data")).toObject().value(QStringLiteral("object")).toObject().value(
                 QStringLiteral("status")),
             QJsonValue(QStringLiteral("requires_payment_method")));
}

void TestSandboxState::ids_growWithTime()
{
    SandboxHttp http;
    QString previous;
    for (int i = 0; i < 20; ++i) {
        const QString id = http.createPaymentIntent().value(QStringLiteral("id")).toString();
        QCOMPARE(id.size(), 3 + 24);
        QVERIFY2(previous.isEmpty() || id.mid(3, 8) >= previous.mid(3, 8), qPrintable(previous + u' ' + id));
        previous = id;
    }
}

// Ids, payment codes and confirmation numbers take several characters from each random draw.
void TestSandboxState::randomCharacters_areDrawnEvenlyFromTheAlphabet()
{
    for (const std::string_view alphabet :
         {std::string_view("0123456789"),
          std::string_view("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")}) {
        const int rounds = 1000;
        QString text;
        for (int i = 0; i < rounds; ++i)
            sandbox::appendRandomCharacters(text, alphabet, int(alphabet.size()) - i % 3); // lengths across draws
        QCOMPARE(text.size(), rounds * int(alphabet.size()) - 999);
        QHash<QChar, int> counts;
        for (const QChar c : std::as_const(text))
            ++counts[c];
        QCOMPARE(counts.size(), qsizetype(alphabet.size())); // every character, and no other
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            QVERIFY2(alphabet.find(char(it.key().unicode())) != std::string_view::npos, qPrintable(QString(it.key())));
            // Within six standard deviations of an even share (about 30): a skewed draw is far outside.
            const double expected = double(text.size()) / double(alphabet.size());
            QVERIFY2(std::abs(it.value() - expected) < 6 * std::sqrt(expected),
                     qPrintable(QStringLiteral("%1: %2 of %3").arg(it.key()).arg(it.value()).arg(expected)));
        }
    }
}

// tests/fixtures/ledger-schema2/sandbox-state.sqlite was written by the release before (schema 1:
// whole events as JSON, tokens and schedules rebuilt at start).
void TestSandboxState::stateFileOfThePreviousRelease_isMigrated()
{
    QTemporaryDir dir;
    const QString state = dir.filePath(QStringLiteral("sandbox-state.sqlite"));
    QVERIFY(QFile::copy(QStringLiteral(KONBINI_FIXTURES_DIR "/ledger-schema2/sandbox-state.sqlite"), state));
    QFile::setPermissions(state, QFile::ReadOwner | QFile::WriteOwner);
    sandbox::SandboxOptions options;
    options.statePath = state;
    SandboxHttp http(options);

    // The eight events of the old file, oldest last, each with its object as it was then.
    const HttpResult events = http.get(QStringLiteral("/v1/events"), {{QStringLiteral("limit"), QStringLiteral("100")}});
    const QStringList eventIds = idsOf(events);
    const QStringList old{QStringLiteral("evt_KI9S2lWZnKeqDc93gNSx848p"), QStringLiteral("evt_v9AAN2IvBHh9EsTOJ8L31geS"),
                          QStringLiteral("evt_OmybRvRDLOqy98PIcwFGa21b"), QStringLiteral("evt_QxYiy24naT5EmQyYeezBjWUT"),
                          QStringLiteral("evt_HiSQdcXfIeHWPKASVHKD7y2X"), QStringLiteral("evt_bNrYjbUSBG5w5dLPY36LEbMw"),
                          QStringLiteral("evt_LK8hsTewNFSTLGwpcok0mpVg"), QStringLiteral("evt_LBTFD1RubXuO03rZIdKgcFSN")};
    QVERIFY2(eventIds.size() >= old.size(), qPrintable(eventIds.join(u' ')));
    QCOMPARE(eventIds.mid(eventIds.size() - old.size()), old);
    const HttpResult requiresAction = http.get(QStringLiteral("/v1/events/evt_LK8hsTewNFSTLGwpcok0mpVg"));
    const QJsonObject data = requiresAction.json.value(QStringLiteral("data")).toObject();
    QCOMPARE(data.value(QStringLiteral("object")).toObject().value(QStringLiteral("status")).toString(),
             QStringLiteral("requires_action"));
    QCOMPARE(data.value(QStringLiteral("previous_attributes")).toObject().value(QStringLiteral("status")).toString(),
             QStringLiteral("requires_payment_method"));
    // Paging continues from an old event.
    const HttpResult older = http.get(QStringLiteral("/v1/events"),
                                      {{QStringLiteral("starting_after"), QStringLiteral("evt_HiSQdcXfIeHWPKASVHKD7y2X")}});
    QCOMPARE(idsOf(older), old.mid(5));

    // Objects, in their order.
    QCOMPARE(http.paymentIntent(QStringLiteral("pi_v56oAXsU8rW3EsDxDxkvmdXm")).json.value(QStringLiteral("amount")).toInteger(),
             5400);
    const HttpResult listed = http.get(QStringLiteral("/v1/payment_intents"));
    QCOMPARE(idsOf(listed), (QStringList{QStringLiteral("pi_v56oAXsU8rW3EsDxDxkvmdXm"),
                                         QStringLiteral("pi_1Js59U1sxrZFYjYxXA1AwiPD"),
                                         QStringLiteral("pi_MTTvS4pR2S2LGcdi4ItaUsbI")}));
    // Its scheduled transitions came along: the voucher whose payment was due is paid, and the
    // refund waiting for bank details fails at its deadline.
    QCOMPARE(http.paymentIntent(QStringLiteral("pi_MTTvS4pR2S2LGcdi4ItaUsbI")).value(QStringLiteral("status")),
             QStringLiteral("succeeded"));
    const QString refundPath = QStringLiteral("/v1/refunds/re_AjASBmWShgdelun4zn7K1CSI");
    QCOMPARE(http.get(refundPath).value(QStringLiteral("status")), QStringLiteral("requires_action"));
    http.advanceClock(1799842856 - http.now() + 1);
    QCOMPARE(http.get(refundPath).value(QStringLiteral("status")), QStringLiteral("failed"));
    // New objects go after the old ones.
    const QString newest = http.createPaymentIntent().value(QStringLiteral("id")).toString();
    QCOMPARE(idsOf(http.get(QStringLiteral("/v1/payment_intents"), {{QStringLiteral("limit"), QStringLiteral("2")}})),
             (QStringList{newest, QStringLiteral("pi_v56oAXsU8rW3EsDxDxkvmdXm")}));
}

void TestSandboxState::stateFile_voucherPageAndDueTransitionsSurviveARestart()
{
    QTemporaryDir dir;
    sandbox::SandboxOptions options;
    options.statePath = dir.filePath(QStringLiteral("state.sqlite"));
    QString voucherPath;
    QString paidLaterId;
    {
        SandboxHttp http(options);
        const QJsonObject voucher = http.issueVoucher(QStringLiteral("hanako+fill_never@test.com"));
        voucherPath = QUrl(voucher.value(QStringLiteral("next_action"))
                               .toObject()
                               .value(QStringLiteral("konbini_display_details"))
                               .toObject()
                               .value(QStringLiteral("hosted_voucher_url"))
                               .toString())
                          .path();
        paidLaterId = http.issueVoucher(QStringLiteral("hanako+succeed_after_delay@test.com"))
                          .value(QStringLiteral("id"))
                          .toString();
        QCOMPARE(http.get(voucherPath).status, 200);
    }
    SandboxHttp http(options);
    QCOMPARE(http.get(voucherPath, {}, {{"Authorization", ""}}).status, 200);
    QCOMPARE(http.paymentIntent(paidLaterId).value(QStringLiteral("status")), QStringLiteral("requires_action"));
    http.advanceClock(200);
    QCOMPARE(http.paymentIntent(paidLaterId).value(QStringLiteral("status")), QStringLiteral("succeeded"));
    QCOMPARE(http.eventCount(QStringLiteral("payment_intent.succeeded")), 1);
}

// Without a state file the state lives in SQLite's private temporary database, which spills to
// an unlinked file: it holds customers' names and e-mail addresses, so it must be owner-only.
void TestSandboxState::temporaryDatabase_isOwnerOnly()
{
    SandboxHttp http;
    // Beyond SQLite's page cache (8 MB) the temporary database is written to its file.
    for (int i = 0; i < 1100; ++i)
        http.issueVoucher();
    int temporaryFiles = 0;
    const QDir descriptors(QStringLiteral("/proc/self/fd"));
    for (const QString &name : descriptors.entryList(QDir::NoDotAndDotDot | QDir::System | QDir::Files)) {
        const QString target = QFile::symLinkTarget(descriptors.filePath(name));
        if (!target.contains(QStringLiteral("etilqs_")))
            continue;
        struct stat status {};
        QCOMPARE(::stat(QFile::encodeName(descriptors.filePath(name)).constData(), &status), 0);
        QVERIFY2((status.st_mode & 077) == 0, qPrintable(target + QStringLiteral(" mode ") + QString::number(status.st_mode, 8)));
        ++temporaryFiles;
    }
    QVERIFY2(temporaryFiles > 0, "the temporary database never reached a file");
}

QTEST_GUILESS_MAIN(TestSandboxState)
#include "TestSandboxState.moc"
