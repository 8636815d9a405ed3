// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "trainingbackend.h"

#include "server/referencebackend.h"

#include <QMetaObject>

namespace C360
{

TrainingBackend::TrainingBackend()
{
    m_thread.setObjectName(QStringLiteral("c360-training-backend"));
}

TrainingBackend::~TrainingBackend()
{
    if (m_thread.isRunning()) {
        m_thread.quit();
        m_thread.wait();
    }
}

QUrl TrainingBackend::start(quint32 citizens, quint64 seed, const QDate &referenceDate, const QString &token, QString *error)
{
    m_thread.start();
    QUrl url;
    // Built on its thread, so that its sockets and timers live there.
    auto *anchor = new QObject;
    anchor->moveToThread(&m_thread);
    QMetaObject::invokeMethod(
        anchor,
        [&]() {
            Ref::ReferenceBackend::Options options;
            options.citizens = citizens;
            options.seed = seed;
            options.referenceDate = referenceDate;
            options.token = token;
            m_backend = new Ref::ReferenceBackend(options);
            QObject::connect(&m_thread, &QThread::finished, m_backend, &QObject::deleteLater);
            if (m_backend->listen(0) == 0) {
                *error = m_backend->errorString();
                return;
            }
            url = m_backend->baseUrl();
        },
        Qt::BlockingQueuedConnection);
    QObject::connect(&m_thread, &QThread::finished, anchor, &QObject::deleteLater);
    return url;
}

} // namespace C360
