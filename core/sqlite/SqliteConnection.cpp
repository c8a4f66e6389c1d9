#include "SqliteConnection.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace konbini {

SqliteConnection::SqliteConnection(const QString &purpose)
    : m_name(purpose + u'-' + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

SqliteConnection::~SqliteConnection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

bool SqliteConnection::open(const QString &path, const QStringList &pragmas, QString &error)
{
    // O_CREAT with 0600: the umask can only narrow it, never widen it.
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        error = QStringLiteral("Cannot create %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    ::fchmod(fd, 0600); // a file an earlier release created with wider permissions is narrowed too
    ::close(fd);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(path);
    if (!db.open()) {
        error = db.lastError().text();
        return false;
    }
    QSqlQuery query(db);
    for (const QString &pragma : pragmas) {
        if (!query.exec(pragma)) {
            error = query.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace konbini
