// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "audit/hmacsha256.h"

#include <openssl/evp.h>

#include <cstring>

namespace C360
{

namespace
{
constexpr int BlockSize = 64;

struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX *ctx) const { EVP_MD_CTX_free(ctx); }
};
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;
} // namespace

struct HmacSha256::Contexts
{
    const EVP_MD *md = nullptr;
    MdCtx inner; // SHA-256 after key ^ ipad
    MdCtx outer; // SHA-256 after key ^ opad
    MdCtx work; // copied into for each message
};

HmacSha256::HmacSha256(QByteArrayView key)
    : m_d(std::make_unique<Contexts>())
{
    m_d->md = EVP_sha256();
    m_d->inner.reset(EVP_MD_CTX_new());
    m_d->outer.reset(EVP_MD_CTX_new());
    m_d->work.reset(EVP_MD_CTX_new());
    unsigned char block[BlockSize] = {};
    if (key.size() > BlockSize) {
        unsigned int n = 0;
        EVP_Digest(key.data(), size_t(key.size()), block, &n, m_d->md, nullptr);
    } else if (!key.isEmpty()) {
        std::memcpy(block, key.data(), size_t(key.size()));
    }
    unsigned char pad[BlockSize];
    for (int i = 0; i < BlockSize; ++i) {
        pad[i] = block[i] ^ 0x36;
    }
    EVP_DigestInit_ex(m_d->inner.get(), m_d->md, nullptr);
    EVP_DigestUpdate(m_d->inner.get(), pad, BlockSize);
    for (int i = 0; i < BlockSize; ++i) {
        pad[i] = block[i] ^ 0x5c;
    }
    EVP_DigestInit_ex(m_d->outer.get(), m_d->md, nullptr);
    EVP_DigestUpdate(m_d->outer.get(), pad, BlockSize);
}

HmacSha256::~HmacSha256() = default;

HmacSha256::Digest HmacSha256::mac(std::initializer_list<QByteArrayView> parts) const
{
    EVP_MD_CTX *work = m_d->work.get();
    Digest inner{};
    unsigned int n = 0;
    EVP_MD_CTX_copy_ex(work, m_d->inner.get());
    for (QByteArrayView part : parts) {
        EVP_DigestUpdate(work, part.data(), size_t(part.size()));
    }
    EVP_DigestFinal_ex(work, inner.data(), &n);
    Digest result{};
    EVP_MD_CTX_copy_ex(work, m_d->outer.get());
    EVP_DigestUpdate(work, inner.data(), inner.size());
    EVP_DigestFinal_ex(work, result.data(), &n);
    return result;
}

QByteArray HmacSha256::mac(QByteArrayView message) const
{
    const Digest d = mac({message});
    return QByteArray(reinterpret_cast<const char *>(d.data()), qsizetype(d.size()));
}

} // namespace C360
