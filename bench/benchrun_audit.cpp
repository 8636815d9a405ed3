// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// audit_append and audit_verify: what a durable audit entry costs against a raw INSERT, and how
// fast the chain verifies against raw HMAC-SHA-256 over the same bytes.
#include "benchrun_benchmarks.h"
#include "benchrun_raw.h"

#include "audit/auditrepository.h"
#include "audit/auditservice.h"
#include "auditentry.h"
#include "store/database.h"

#include <QElapsedTimer>

#include <openssl/evp.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

namespace C360::Bench
{
// --- audit_append and audit_verify ------------------------------------------------------------

Row benchAuditAppend(AuditService &audit, Baseline &raw, const QList<qint64> &citizens, int samples, const Goals &goals)
{
    std::vector<double> product;
    std::vector<double> baseline;
    for (int i = 0; i < samples; ++i) {
        const qint64 id = citizens.at(i % citizens.size());
        QElapsedTimer t;
        t.start();
        if (!audit.record(benchClerk, AuditAction::ProfileOpened, id, benchPurpose)) {
            return Row(QStringLiteral("audit_append"), QStringLiteral("the audit entry failed"));
        }
        const double p = msSince(t);
        t.restart();
        raw.appendAudit(id);
        const double b = msSince(t);
        if (i >= 20) {
            product.push_back(p);
            baseline.push_back(b);
        }
    }
    const Percentiles pp = percentiles(product);
    const Percentiles bp = percentiles(baseline);
    Row row(QStringLiteral("audit_append"));
    row.p50 = pp.p50;
    row.p99 = pp.p99;
    row.baseline = bp.p50;
    row.ratio = pp.p50 / bp.p50;
    row.goal = QStringLiteral("p99 <= %1 ms").arg(goals.auditAppendP99);
    row.pass = pp.p99 <= goals.auditAppendP99;
    row.note = QStringLiteral("%1 durable entries; baseline p99 %2 ms").arg(product.size()).arg(bp.p99, 0, 'f', 3);
    return row;
}

Row benchAuditVerify(Database &db, AuditService &audit, const QByteArray &key)
{
    Row row(QStringLiteral("audit_verify"));
    QElapsedTimer t;
    t.start();
    auto verification = audit.verifyChain();
    const double seconds = msSince(t) / 1000.0;
    if (!verification || !verification->intact()) {
        row.note = QStringLiteral("the chain is not intact");
        return row;
    }
    const qint64 entries = verification->checkedThrough;
    row.throughput = double(entries) / seconds;
    row.unit = QStringLiteral("entries/s");

    // The baseline: HMAC-SHA-256 over each entry's canonical bytes, read beforehand (not timed),
    // with OpenSSL's SHA-256 straight, the key's pads hashed once (the fastest HMAC here).
    AuditRepository repository(db, key);
    const EVP_MD *sha256 = EVP_sha256();
    const std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX *)> innerPad(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    const std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX *)> outerPad(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    const std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX *)> work(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    {
        unsigned char block[64] = {};
        std::memcpy(block, key.constData(), std::min<size_t>(64, size_t(key.size()))); // the store's key is 32 bytes
        unsigned char pad[64];
        for (int i = 0; i < 64; ++i) {
            pad[i] = block[i] ^ 0x36;
        }
        EVP_DigestInit_ex(innerPad.get(), sha256, nullptr);
        EVP_DigestUpdate(innerPad.get(), pad, 64);
        for (int i = 0; i < 64; ++i) {
            pad[i] = block[i] ^ 0x5c;
        }
        EVP_DigestInit_ex(outerPad.get(), sha256, nullptr);
        EVP_DigestUpdate(outerPad.get(), pad, 64);
    }
    unsigned char inner[32];
    unsigned char mac[32];
    unsigned int length = 0;
    qint64 mismatches = 0;
    double hmacSeconds = 0;
    qint64 done = 0;
    QByteArray previous = AuditRepository::genesisHash();
    for (qint64 from = 1; from <= entries; from += 100000) {
        auto chunk = repository.entries(from, 100000);
        if (!chunk) {
            break;
        }
        std::vector<QByteArray> bytes;
        std::vector<QByteArray> hashes;
        bytes.reserve(chunk->size());
        hashes.reserve(chunk->size());
        for (const AuditEntry &e : std::as_const(*chunk)) {
            bytes.push_back(AuditRepository::canonicalBytes(e));
            hashes.push_back(e.hash);
        }
        QElapsedTimer h;
        h.start();
        for (size_t i = 0; i < bytes.size(); ++i) {
            EVP_MD_CTX_copy_ex(work.get(), innerPad.get());
            EVP_DigestUpdate(work.get(), bytes[i].constData(), size_t(bytes[i].size()));
            EVP_DigestFinal_ex(work.get(), inner, &length);
            EVP_MD_CTX_copy_ex(work.get(), outerPad.get());
            EVP_DigestUpdate(work.get(), inner, sizeof inner);
            EVP_DigestFinal_ex(work.get(), mac, &length);
            mismatches += std::memcmp(mac, hashes[i].constData(), std::min<size_t>(32, size_t(hashes[i].size()))) != 0;
        }
        hmacSeconds += msSince(h) / 1000.0;
        done += qint64(bytes.size());
    }
    previous = QByteArray(reinterpret_cast<const char *>(mac), 32);
    row.baseline = double(done) / hmacSeconds;
    row.ratio = row.baseline / row.throughput;
    row.goal = QStringLiteral(">= 1,000,000 entries/s");
    row.pass = row.throughput >= 1e6;
    row.note =
        QStringLiteral("%1 entries in %2 s; raw HMAC %3 s (%4 not as stored)").arg(entries).arg(seconds, 0, 'f', 2).arg(hmacSeconds, 0, 'f', 2).arg(mismatches);
    Q_UNUSED(previous);
    return row;
}
} // namespace C360::Bench
