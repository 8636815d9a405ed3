// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QJsonObject>

namespace C360::Ref
{
class ProductCatalogue;
class RefServer;
struct ProductSnapshot;

// Members per page of the feed. Pages never shrink or move: new versions fill the last page, then
// open a new one, so a consumer resumes from the last page it saw.
constexpr int ipdcPageSize = 25;

// The product catalogue as the Flemish IPDC publishes it: a Linked Data Event Stream of
// ConceptSnapshots in JSON-LD, paged with TREE relations on generatedAtTime.
//   GET /ipdc/ldes[?pageNumber=N]   page N of the stream (the first without a number)
//   GET /ipdc/ipdc-lpdc-im.jsonld   the JSON-LD contexts the pages refer to
//   GET /ipdc/ldes.jsonld
// No authentication, as the public IPDC feed.
void installIpdcApi(RefServer &server, ProductCatalogue &catalogue);

// One member of the stream (a ConceptSnapshot), as the feed serves it.
QJsonObject ipdcMember(const ProductSnapshot &snapshot);

} // namespace C360::Ref
