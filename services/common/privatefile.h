// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"

#include <QByteArray>
#include <QString>

namespace C360
{

// Files with personal data (exports, access reports): created with mode 0600 (the owner only),
// written beside the target and renamed over it when complete, so that a full disk or a killed
// process leaves no half file under the target's name. Errors are translated sentences that name
// the file.
Expected<void, QString> writePrivateFile(const QString &path, const QByteArray &bytes);
// html laid out on A4 pages as a PDF, with title as its document title. Needs a QGuiApplication
// (the offscreen platform will do).
Expected<void, QString> writePrivatePdf(const QString &path, const QString &title, const QString &html);
// Makes the folder path (and its missing parents) for files with personal data or secrets; the
// folders it creates are the owner's only (0700). An existing folder keeps its permissions.
Expected<void, QString> makePrivateFolder(const QString &path);
// Narrows an existing file to its owner (0600) when the group or others may read or write it;
// false when it could not be.
bool restrictToOwner(const QString &path);

} // namespace C360
