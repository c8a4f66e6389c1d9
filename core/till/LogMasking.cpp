#include "LogMasking.h"

#include <QDateTime>
#include <QFile>
#include <QMutex>
#include <QRegularExpression>

#include <cstdio>

#include <fcntl.h>
#include <unistd.h>

namespace konbini {
namespace {

struct Mask {
    QRegularExpression pattern;
    QString replacement;
};

const QList<Mask> &masks()
{
    static const QList<Mask> list = [] {
        QList<Mask> built;
        const auto add = [&built](const char *pattern, const char *replacement) {
            built.append(Mask{QRegularExpression(QString::fromUtf8(pattern), QRegularExpression::CaseInsensitiveOption),
                              QString::fromUtf8(replacement)});
        };
        add(R"((Authorization\s*[:=]\s*)(Bearer|Basic)?\s*\S+)", R"(\1[masked])");
        add(R"(\b(sk|rk|pk)_(test|live)_[A-Za-z0-9_]+)", R"(\1_\2_[masked])");
        add(R"(\bwhsec_[A-Za-z0-9_]+)", "whsec_[masked]");
        add(R"([^\s@"'<>(),;:]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})", "[email]");
        // The same in a form body or URL: the @ percent-encoded (%40, or %2540 encoded twice).
        add(R"([^\s@"'<>(),;:&=?/]+%(25)?40[A-Za-z0-9.-]+\.[A-Za-z]{2,})", "[email]");
        // Japanese and international phone numbers: 10–13 digits, maybe with +81, hyphens,
        // spaces or full-width digits; also the bare confirmation number they become.
        add(R"((?<![\w\d])(\+?[0-9０-９][0-9０-９\-‐－ー ()（）.．]{8,16}[0-9０-９])(?![\w\d]))", "[phone]");
        return built;
    }();
    return list;
}

// Japanese numbers start with 0 (or +81): a bare 10-digit number starting otherwise is a Unix
// time or an amount, not a phone; one written with separators is a phone whatever it starts with.
bool looksLikePhone(const QString &candidate)
{
    int digits = 0;
    bool separated = false;
    for (QChar c : candidate) {
        if (c.isDigit())
            ++digits;
        else if (c != u'+')
            separated = true;
    }
    const QChar first = candidate.at(0);
    const bool domesticOrInternational = first == u'0' || first == u'０' || first == u'+';
    return digits >= 10 && digits <= 13 && (domesticOrInternational || separated);
}

QMutex g_logMutex;
QString g_logPath;
qint64 g_maxBytes = 0;
int g_keep = 0;

void rotateIfNeeded()
{
    QFile current(g_logPath);
    if (current.size() < g_maxBytes)
        return;
    QFile::remove(g_logPath + u'.' + QString::number(g_keep));
    for (int i = g_keep - 1; i >= 1; --i)
        QFile::rename(g_logPath + u'.' + QString::number(i), g_logPath + u'.' + QString::number(i + 1));
    QFile::rename(g_logPath, g_logPath + QStringLiteral(".1"));
}

void writeLine(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    static const char *const levels[] = {"debug", "warning", "critical", "fatal", "info"};
    const QString line =
        QStringLiteral("%1 %2 %3: %4\n")
            .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), QString::fromLatin1(levels[type]),
                 QString::fromLatin1(context.category ? context.category : "default"), maskSensitive(message));
    const QByteArray bytes = line.toUtf8();
    std::fputs(bytes.constData(), stderr);
    QMutexLocker lock(&g_logMutex);
    rotateIfNeeded();
    // Created owner-only from the first byte (O_CREAT with 0600: the umask can only narrow it).
    const int fd = ::open(QFile::encodeName(g_logPath).constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd >= 0) {
        [[maybe_unused]] const auto written = ::write(fd, bytes.constData(), size_t(bytes.size()));
        ::close(fd);
    }
}

} // namespace

QString maskSensitive(const QString &line)
{
    QString masked = line;
    for (const Mask &mask : masks()) {
        if (mask.replacement != u"[phone]") {
            masked.replace(mask.pattern, mask.replacement);
            continue;
        }
        QString result;
        qsizetype last = 0;
        for (auto it = mask.pattern.globalMatch(masked); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            if (!looksLikePhone(match.captured(1)))
                continue;
            result += masked.mid(last, match.capturedStart(1) - last) + mask.replacement;
            last = match.capturedEnd(1);
        }
        masked = result + masked.mid(last);
    }
    return masked;
}

void installFileLog(const QString &path, qint64 maxBytes, int keep)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_logPath = path;
        g_maxBytes = maxBytes;
        g_keep = keep;
    }
    qInstallMessageHandler(writeLine);
}

} // namespace konbini
