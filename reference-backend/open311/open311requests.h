// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "open311/open311tree.h"

#include <optional>

namespace C360::Ref
{
struct HttpReply;
struct HttpRequest;

namespace Open311
{
struct State;

// service_request_id is the report's index plus this: stable, and never confused with an index.
constexpr quint64 RequestIdOffset = 100000;
QString requestId(quint64 index);
std::optional<quint64> requestIndex(const State &state, const QString &id);

// GET requests.{format}: the spec's filters and default window, the Chicago paging and
// updated_after/updated_before extensions, service_request_id lists, extensions=true.
HttpReply listRequests(State &state, const HttpRequest &request, Format format);
// GET requests/{id}.{format}: an array of one, or the spec's 404.
HttpReply oneRequest(State &state, const HttpRequest &request, Format format, const QString &id);

} // namespace Open311
} // namespace C360::Ref
