// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "population/referencedata.h"

#include <QDate>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace C360::Ref
{
class DataSet;
class ProductCatalogue;
class RefServer;

// The whole reference back end — data set, catalogue, every dialect, the admin API — as one
// object, for the command-line server, for training mode (in-process) and for tests.
class ReferenceBackend : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        quint64 seed = 1;
        quint32 citizens = 1000;
        QString token = QStringLiteral("training");
        Profile profile = Profile::Flanders;
        // The day the generated history ends (see DataSet); invalid: today in UTC, when the back
        // end is made. Same seed and date, same answers all day long.
        QDate referenceDate;
        QStringList faults; // PATTERN=KIND[@PROBABILITY]
    };

    // Fails (error set, isValid() false) on a fault rule it cannot parse.
    explicit ReferenceBackend(const Options &options, QObject *parent = nullptr);
    ~ReferenceBackend() override;

    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    // Listens on 127.0.0.1 (0 = a free port); the port, or 0 with errorString() set.
    quint16 listen(quint16 port);
    QUrl baseUrl() const;

    RefServer &server() { return *m_server; }
    DataSet &data() { return *m_data; }
    ProductCatalogue &catalogue() { return *m_catalogue; }

private:
    std::unique_ptr<DataSet> m_data;
    std::unique_ptr<ProductCatalogue> m_catalogue;
    std::unique_ptr<RefServer> m_server;
    QString m_error;
};

} // namespace C360::Ref
