// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "klantinteracties/klantinteractiesindex.h"
#include "population/dataset.h"

#include <QJsonArray>
#include <QJsonObject>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace C360::Ref
{

// Record indices from here on are records a client created through the API (held in memory);
// below are the generated ones, numbered as the data set numbers them.
constexpr quint64 KlantinteractiesCreatedBase = quint64(1) << 40;

// What a client created, kept as Open Klant would render it (the writable fields), plus links.
struct KlantinteractiesCreatedContact
{
    QJsonObject fields;
};
struct KlantinteractiesCreatedInvolved
{
    quint64 contact = 0;
    std::optional<quint32> party;
    QJsonObject fields;
};
struct KlantinteractiesCreatedSubject
{
    std::optional<quint64> contact;
    std::optional<quint64> wasContact;
    QJsonValue identificator;
};
struct KlantinteractiesCreatedTask
{
    quint64 contact = 0;
    QList<quint64> actors;
    QJsonObject fields;
};
// What a PATCH changed in a task: the fields it set, and the actors when it set them.
struct KlantinteractiesTaskChange
{
    QJsonObject fields;
    std::optional<QList<quint64>> actors;
};

// Which digital addresses a list asks for (soortDigitaalAdres, isGeverifieerd), so that the index
// can count and find them without generating the population.
struct KlantinteractiesAddressFilter
{
    int kind = -1; // -1 any, 0 e-mail, 1 telephone
    std::optional<bool> verified;
    bool accepts(int addressKind, bool addressVerified) const { return (kind < 0 || kind == addressKind) && (!verified || *verified == addressVerified); }
};

// The Klantinteracties view of the synthetic municipality: which records exist (generated from the
// data set, or created through the API), how they relate, and how Open Klant renders them. Every
// question about one record or one page costs that record or that page, never a population scan;
// the two sparse collections (digital addresses, subject objects) page through an index built the
// first time a full list of them is asked for.
class KlantinteractiesBackend
{
public:
    explicit KlantinteractiesBackend(DataSet &data);

    DataSet &data() const { return m_data; }
    quint64 livePartyCount() const { return quint64(m_data.liveCitizenCount()); }
    static QString collection(UuidKind kind);

    // Exists and has not gone with a deleted party.
    bool live(UuidKind kind, quint64 index) const;
    // A live record by its UUID (text), or by its absolute URL in this API.
    std::optional<quint64> find(UuidKind kind, const QString &uuid) const;
    std::optional<quint64> findUrl(UuidKind kind, const QString &url) const;

    // Relations, live records only, ascending.
    QList<quint64> digitalAddressesOf(const Person &person) const;
    QList<quint64> involvedOfParty(quint32 citizen) const;
    QList<quint64> contactsOfParty(quint32 citizen) const;
    QList<quint64> involvedOfContact(quint64 contact) const;
    QList<quint64> subjectsOfContact(quint64 contact) const;
    QList<quint64> tasksOfContact(quint64 contact) const;
    std::optional<quint32> partyOfInvolved(quint64 involved) const;
    quint64 contactOfInvolved(quint64 involved) const;

    // Generated live records in ascending order: [offset, offset + limit) of them, and how many.
    std::vector<quint64> liveParties(quint64 offset, quint64 limit) const;
    quint64 liveContactCount() const { return m_data.liveContactCount(); }
    std::vector<quint64> liveContacts(quint64 offset, quint64 limit) const;
    quint64 liveTaskCount() const { return m_data.liveTaskCount(); }
    std::vector<quint64> liveTasks(quint64 offset, quint64 limit) const;
    quint64 liveAddressCount(const KlantinteractiesAddressFilter &filter);
    std::vector<quint64> liveAddresses(const KlantinteractiesAddressFilter &filter, quint64 offset, quint64 limit);
    quint64 liveSubjectCount();
    std::vector<quint64> liveSubjects(quint64 offset, quint64 limit);

    // Records created through the API; their indices are KlantinteractiesCreatedBase + position.
    const QList<KlantinteractiesCreatedContact> &createdContacts() const { return m_contacts; }
    const QList<KlantinteractiesCreatedInvolved> &createdInvolved() const { return m_involved; }
    const QList<KlantinteractiesCreatedSubject> &createdSubjects() const { return m_subjects; }
    const QList<KlantinteractiesCreatedTask> &createdTasks() const { return m_tasks; }
    quint64 addContact(const KlantinteractiesCreatedContact &contact);
    quint64 addInvolved(const KlantinteractiesCreatedInvolved &involved);
    quint64 addSubject(const KlantinteractiesCreatedSubject &subject);
    quint64 addTask(const KlantinteractiesCreatedTask &task);
    // Applies a partial update to a live task, generated or created; later changes win per field.
    void changeTask(quint64 index, const KlantinteractiesTaskChange &change);
    // The task's status as rendered (generated, created, changed since).
    QString taskStatus(quint64 index) const;
    // The live created records of a kind, ascending.
    std::vector<quint64> liveCreated(UuidKind kind) const;
    // The server's clock for created records: after everything generated and every mutation, one
    // second per creation (never the wall clock: same requests, same answers).
    QDateTime nextCreationTime();
    QString nextCreatedNumber();

    // Open Klant's rendering; root is "http://host:port/klantinteracties/api/v1".
    QJsonObject ref(UuidKind kind, quint64 index, const QString &root) const;
    QJsonArray refs(UuidKind kind, const QList<quint64> &indices, const QString &root) const;
    QJsonObject partij(quint32 citizen, const QString &root) const;
    QJsonObject identificator(quint32 citizen, const QString &root) const;
    QJsonObject digitaalAdres(quint64 index, const QString &root) const;
    QJsonObject klantcontact(quint64 index, const QString &root) const;
    QJsonObject betrokkene(quint64 index, const QString &root) const;
    QJsonObject onderwerpobject(quint64 index, const QString &root) const;
    QJsonObject interneTaak(quint64 index, const QString &root) const;
    QJsonObject actor(quint64 index, const QString &root) const;
    static QJsonObject contactnaam(const Person &person);
    static QString volledigeNaam(const QJsonObject &contactnaam);
    static QString timestamp(const QDateTime &time);

private:
    bool contactLive(quint64 index) const;
    QJsonObject identificator(const Person &person, const QString &root) const;
    QJsonObject digitaalAdres(const Person &person, int kind, const QString &root) const;
    QJsonObject address(const Person &person) const;
    const WeightedIndex &addressIndex(const KlantinteractiesAddressFilter &filter);
    const WeightedIndex &subjectIndex();
    std::vector<quint64> deletedContacts() const;

    DataSet &m_data;
    QList<KlantinteractiesCreatedContact> m_contacts;
    QList<KlantinteractiesCreatedInvolved> m_involved;
    QList<KlantinteractiesCreatedSubject> m_subjects;
    QList<KlantinteractiesCreatedTask> m_tasks;
    std::map<quint64, KlantinteractiesTaskChange> m_taskChanges; // generated tasks that a PATCH changed
    quint64 m_creations = 0;
    std::vector<quint8> m_addressFlags; // per citizen: e-mail, e-mail verified, phone, phone verified
    std::map<int, WeightedIndex> m_addressIndices;
    WeightedIndex m_subjectIndex;
};

} // namespace C360::Ref
