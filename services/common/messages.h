// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "auditentry.h"
#include "identifier.h"
#include "organisationidentifier.h"

#include <QString>

namespace C360::Messages
{
// What is wrong with an identifier a person typed, in a sentence that says what to do.
QString identifierError(IdentifierError error, IdentifierType type);
// The translated name of an identifier type ("national register number").
QString identifierTypeName(IdentifierType type);
// The same for an organisation's number.
QString organisationIdentifierError(IdentifierError error, OrganisationIdentifierType type);
QString organisationIdentifierTypeName(OrganisationIdentifierType type);
} // namespace C360::Messages
