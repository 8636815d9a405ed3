// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "common/privatefile.h"

#include <KLocalizedString>

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace C360
{

namespace
{
constexpr QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString cannotWrite(const QString &path, const QString &why)
{
    return i18nc("@info; %1 a file, %2 the system's reason", "Cannot write %1: %2", QDir::toNativeSeparators(path), why);
}
} // namespace

Expected<void, QString> writePrivateFile(const QString &path, const QByteArray &bytes)
{
    const QString partial = path + QStringLiteral(".part");
    QFile::remove(partial);
    QFile file(partial);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, ownerOnly)) {
        return unexpected(cannotWrite(path, file.errorString()));
    }
    // In case the file system ignored the mode at creation.
    file.setPermissions(ownerOnly);
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        const QString why = file.errorString();
        file.close();
        QFile::remove(partial);
        return unexpected(cannotWrite(path, why));
    }
    file.close();
    if (file.error() != QFileDevice::NoError) {
        QFile::remove(partial);
        return unexpected(cannotWrite(path, file.errorString()));
    }
    QFile::remove(path);
    if (!QFile::rename(partial, path)) {
        QFile::remove(partial);
        return unexpected(cannotWrite(path, i18nc("@info", "the finished file could not be renamed")));
    }
    return {};
}

Expected<void, QString> writePrivatePdf(const QString &path, const QString &title, const QString &html)
{
    QByteArray pdf;
    {
        QBuffer buffer(&pdf);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Citizen 360"));
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(300);
        QTextDocument document;
        document.setHtml(html);
        document.print(&writer);
    }
    if (pdf.isEmpty()) {
        return unexpected(cannotWrite(path, i18nc("@info", "the document could not be laid out")));
    }
    return writePrivateFile(path, pdf);
}

Expected<void, QString> makePrivateFolder(const QString &path)
{
    // The missing folders, innermost first, so that only those made here are narrowed.
    QStringList missing;
    for (QDir dir(QDir::cleanPath(QDir(path).absolutePath())); !dir.exists(); dir.setPath(QFileInfo(dir.path()).absolutePath())) {
        missing.prepend(dir.path());
        if (dir.isRoot()) {
            break;
        }
    }
    for (const QString &folder : std::as_const(missing)) {
        if (!QDir().mkdir(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner) && !QFileInfo(folder).isDir()) {
            return unexpected(i18nc("@info; %1 a folder", "Cannot create the folder %1.", QDir::toNativeSeparators(folder)));
        }
    }
    return {};
}

bool restrictToOwner(const QString &path)
{
    QFile file(path);
    constexpr QFileDevice::Permissions others =
        QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    const QFileDevice::Permissions now = file.permissions();
    if (!(now & others)) {
        return true;
    }
    return file.setPermissions(now & ~others);
}

} // namespace C360
