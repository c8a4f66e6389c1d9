#include "CsvFiles.h"

#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QMessageBox>
#include <QPushButton>

namespace konbini::ui {

QHBoxLayout *csvExportRow(QDialog *dialog, std::function<void(CsvEncoding)> exportAs)
{
    auto *row = new QHBoxLayout;
    auto *utf8 = new QPushButton(QFileDialog::tr("Export CSV (UTF-8)…"), dialog);
    auto *sjis = new QPushButton(QFileDialog::tr("Export CSV (Shift_JIS)…"), dialog);
    auto *close = new QPushButton(QFileDialog::tr("Close"), dialog);
    row->addWidget(utf8);
    row->addWidget(sjis);
    row->addStretch();
    row->addWidget(close);
    QObject::connect(utf8, &QPushButton::clicked, dialog, [exportAs] { exportAs(CsvEncoding::Utf8WithBom); });
    QObject::connect(sjis, &QPushButton::clicked, dialog, [exportAs] { exportAs(CsvEncoding::ShiftJis); });
    QObject::connect(close, &QPushButton::clicked, dialog, &QDialog::accept);
    return row;
}

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
