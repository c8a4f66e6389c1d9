#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace konbini {

// One named QtSql SQLite connection owned by one object: opened with the PRAGMAs it needs,
// closed and removed when the owner goes away.
class SqliteConnection
{
public:
    explicit SqliteConnection(const QString &purpose);
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    // Creates the file owner-only (0600) if it does not exist yet, so it never exists with wider
    // permissions whatever the umask; SQLite gives its -wal, -shm and -journal files the same mode.
    bool open(const QString &path, const QStringList &pragmas, QString &error);
    QSqlDatabase database() const { return QSqlDatabase::database(m_name); }

private:
    QString m_name;
};

} // namespace konbini
