// Benchmark (not a test): the standalone sandbox's memory while peers without a key upload large
// bodies (issue 11's attack: 20 connections sending 20 MB each). Prints the sandbox's resident
// memory before, at its peak (VmHWM) and after, and how each upload was answered.
//   konbini-bench-upload [--connections 20] [--megabytes 20]
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <cstdio>
#include <memory>
#include <vector>

namespace {

// A line of /proc/PID/status in kB ("VmRSS", "VmHWM").
qint64 statusKb(qint64 pid, const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field + ':'))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

struct Upload {
    QTcpSocket socket;
    QByteArray answer;
    qint64 sent = 0;
    bool closed = false;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption connectionsOption(QStringLiteral("connections"), QStringLiteral("Uploading peers."),
                                         QStringLiteral("n"), QStringLiteral("20"));
    QCommandLineOption megabytesOption(QStringLiteral("megabytes"), QStringLiteral("Body each peer sends."),
                                       QStringLiteral("n"), QStringLiteral("20"));
    parser.addOptions({connectionsOption, megabytesOption});
    parser.process(app);
    const int connections = parser.value(connectionsOption).toInt();
    const qint64 bodyBytes = parser.value(megabytesOption).toLongLong() * 1024 * 1024;

    QProcess sandbox;
    sandbox.start(QStringLiteral(KONBINI_SANDBOX_EXECUTABLE), {QStringLiteral("--port"), QStringLiteral("0")});
    if (!sandbox.waitForStarted() || !sandbox.waitForReadyRead(10000)) {
        std::fprintf(stderr, "konbini-sandbox did not start\n");
        return 1;
    }
    const QUrl base(QString::fromUtf8(sandbox.readLine()).trimmed().mid(13));
    const qint64 pid = sandbox.processId();
    const qint64 before = statusKb(pid, "VmRSS");

    const QByteArray head = "POST /v1/payment_intents HTTP/1.1\r\nHost: " + base.authority().toLatin1()
        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + QByteArray::number(bodyBytes)
        + "\r\n\r\n";
    const QByteArray chunk(256 * 1024, 'a');
    std::vector<std::unique_ptr<Upload>> uploads;
    int closed = 0;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < connections; ++i) {
        auto upload = std::make_unique<Upload>();
        Upload *u = upload.get();
        QObject::connect(&u->socket, &QTcpSocket::connected, [u, &head] { u->socket.write(head); });
        // Keep the peer's own buffer small: write the next chunk only when the last one left.
        QObject::connect(&u->socket, &QTcpSocket::bytesWritten, [u, &chunk, bodyBytes] {
            if (u->socket.bytesToWrite() == 0 && u->sent < bodyBytes) {
                u->sent += chunk.size();
                u->socket.write(chunk);
            }
        });
        QObject::connect(&u->socket, &QTcpSocket::readyRead, [u] { u->answer += u->socket.readAll(); });
        QObject::connect(&u->socket, &QTcpSocket::disconnected, [u, &closed, &app, connections] {
            u->closed = true;
            if (++closed == connections)
                app.quit();
        });
        QObject::connect(&u->socket, &QTcpSocket::errorOccurred, [u, &closed, &app, connections] {
            if (!u->closed && u->socket.state() == QAbstractSocket::UnconnectedState) {
                u->closed = true;
                if (++closed == connections)
                    app.quit();
            }
        });
        u->socket.connectToHost(base.host(), quint16(base.port()));
        uploads.push_back(std::move(upload));
    }
    QTimer::singleShot(120'000, &app, &QCoreApplication::quit);
    app.exec();
    const double seconds = double(clock.elapsed()) / 1000.0;
    const qint64 peak = statusKb(pid, "VmHWM");
    const qint64 after = statusKb(pid, "VmRSS");

    int refused413 = 0;
    int refused401 = 0;
    qint64 sentTotal = 0;
    for (const auto &upload : uploads) {
        refused413 += upload->answer.startsWith("HTTP/1.1 413") ? 1 : 0;
        refused401 += upload->answer.startsWith("HTTP/1.1 401") ? 1 : 0;
        sentTotal += upload->sent;
    }
    std::printf("peers without a key: %d, each announcing %lld MB\n", connections, bodyBytes / (1024 * 1024));
    std::printf("answered 413: %d   401: %d   closed: %d of %d in %.2f s\n", refused413, refused401, closed,
                connections, seconds);
    std::printf("body bytes the peers got to write before the close: %.1f MB in all\n", double(sentTotal) / 1048576.0);
    std::printf("sandbox resident memory: before %.1f MB   peak %.1f MB   after %.1f MB\n", double(before) / 1024.0,
                double(peak) / 1024.0, double(after) / 1024.0);
    sandbox.kill();
    sandbox.waitForFinished();
    return 0;
}
