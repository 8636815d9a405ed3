// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "enumkeys.h"

namespace C360
{

// Why an identifier was refused; services turn it into a translated sentence.
enum class IdentifierError {
    Empty,
    InvalidCharacters,
    WrongLength,
    InvalidDate,
    InvalidSerial,
    ChecksumMismatch,
    UnknownType,
};

C360_ENUM_KEYS(IdentifierError,
               {IdentifierError::Empty, "empty"},
               {IdentifierError::InvalidCharacters, "invalid_characters"},
               {IdentifierError::WrongLength, "wrong_length"},
               {IdentifierError::InvalidDate, "invalid_date"},
               {IdentifierError::InvalidSerial, "invalid_serial"},
               {IdentifierError::ChecksumMismatch, "checksum_mismatch"},
               {IdentifierError::UnknownType, "unknown_type"})

namespace Detail
{
// Strips the separators people type (spaces, dots, dashes, slashes); nullopt when anything else
// but digits remains.
std::optional<QString> digitsOnly(QStringView input);
} // namespace Detail

} // namespace C360
