#include "CsvFiles.h"

#include <QFile>
#include <QFileDialog>
#include <QMessageBox>

namespace konbini::ui {

bool writeCsvFile(const QString &path, const QByteArray &csv)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return false;
    return file.write(csv) == csv.size() && file.flush();
}

QString saveCsvAsking(QWidget *parent, const QString &title, const QString &fileName, const QByteArray &csv)
{
    const QString path =
        QFileDialog::getSaveFileName(parent, title, fileName, QFileDialog::tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return {};
    if (!writeCsvFile(path, csv)) {
        QMessageBox box(QMessageBox::Warning, title, QFileDialog::tr("The file could not be written: %1").arg(path),
                        QMessageBox::Ok, parent);
        box.setTextFormat(Qt::PlainText);
        box.exec();
        return {};
    }
    return path;
}

} // namespace konbini::ui
