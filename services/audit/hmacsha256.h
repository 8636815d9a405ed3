// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <array>
#include <memory>

namespace C360
{

// HMAC-SHA-256 (RFC 2104) with one key for many messages: the key's inner and outer pads are
// hashed once, each message then costs its own blocks and one more. OpenSSL's SHA-256 (SHA
// extensions where the CPU has them). The same MAC as QMessageAuthenticationCode with Sha256.
class HmacSha256
{
public:
    using Digest = std::array<unsigned char, 32>;

    explicit HmacSha256(QByteArrayView key);
    ~HmacSha256();
    HmacSha256(const HmacSha256 &) = delete;
    HmacSha256 &operator=(const HmacSha256 &) = delete;

    // The MAC of the concatenation of parts (no copy of them is made).
    Digest mac(std::initializer_list<QByteArrayView> parts) const;
    QByteArray mac(QByteArrayView message) const;

private:
    struct Contexts;
    std::unique_ptr<Contexts> m_d;
};

} // namespace C360
