#include "PrivateFiles.h"

#include <QDir>
#include <QFile>

#include <sys/stat.h>

namespace konbini {

bool makePrivateDirectory(const QString &path)
{
    if (!QDir().mkpath(path))
        return false;
    return ::chmod(QFile::encodeName(path).constData(), 0700) == 0;
}

} // namespace konbini
