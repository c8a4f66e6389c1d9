#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

// Every user-visible string must be translated: lupdate is run over the sources into a copy of
// each catalogue, and the copy may contain no unfinished, new or empty message.
class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void catalogues_areComplete_data();
    void catalogues_areComplete();
};

void TestTranslations::catalogues_areComplete_data()
{
    QTest::addColumn<QString>("catalogue");
    const QDir translations(QStringLiteral(KONBINI_SOURCE_DIR "/translations"));
    const QStringList files = translations.entryList({QStringLiteral("*.ts")});
    QVERIFY(!files.isEmpty());
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << translations.filePath(file);
}

void TestTranslations::catalogues_areComplete()
{
    QFETCH(QString, catalogue);
    QTemporaryDir dir;
    const QString copy = dir.filePath(QFileInfo(catalogue).fileName());
    QVERIFY(QFile::copy(catalogue, copy));
    QProcess lupdate;
    lupdate.setWorkingDirectory(QStringLiteral(KONBINI_SOURCE_DIR));
    lupdate.start(QStringLiteral(KONBINI_LUPDATE),
                  {QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-no-obsolete"),
                   QStringLiteral("core"), QStringLiteral("ui"), QStringLiteral("app"), QStringLiteral("-ts"), copy});
    QVERIFY(lupdate.waitForFinished(60000));
    QCOMPARE(lupdate.exitCode(), 0);

    QFile file(copy);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    QStringList problems;
    int messages = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"source") {
            source = xml.readElementText();
            ++messages;
        } else if (xml.name() == u"translation") {
            const QString type = xml.attributes().value(QStringLiteral("type")).toString();
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements); // plural forms too
            if (!type.isEmpty() || text.trimmed().isEmpty())
                problems.append(QStringLiteral("%1: \"%2\" (%3)")
                                    .arg(context, source, type.isEmpty() ? QStringLiteral("empty") : type));
        }
    }
    QVERIFY(!xml.hasError());
    QVERIFY(messages > 50);
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("untranslated in %1:\n").arg(catalogue) + problems.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "TestTranslations.moc"
