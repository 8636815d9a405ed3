// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Internal to the product catalogue: the hand-written tables it is generated from. Plain constant
// data (no QString) so that the tables need no construction at start-up; lists are '|'-separated.

#include <span>

namespace C360::Ref::Ipdc
{

// One text in the four languages IPDC publishes; Dutch is written in the formal register ("u"), the
// informal variant is derived from it as IPDC itself does.
struct Text4
{
    const char *nl = nullptr;
    const char *fr = nullptr;
    const char *de = nullptr;
    const char *en = nullptr;
};

// A product as a municipality offers it, before its variants (per target group, urgency, size…).
struct BaseProduct
{
    const char *key;
    Text4 name;
    Text4 description; // one or two sentences, without markup
    const char *type; // code from codelijst-type
    const char *themes; // codes from codelijst-thema
    const char *audiences; // codes from codelijst-doelgroep
    const char *competent; // codes from codelijst-bevoegd-bestuursniveau
    const char *conditions; // keys of conditions()
    const char *evidence; // keys of documents()
    const char *procedure; // key of procedures()
    // "variant[+variant]=amount[@unit]|…": each entry is one product; the amount is the price in
    // EUR, or the premium for a financial advantage.
    const char *variants;
    const char *unit; // key of units(), or nullptr for a one-off price
    const char *keywords;
    const char *website;
    bool yourEurope = false;
};

struct Phrase
{
    const char *key;
    Text4 text;
};

struct Variant
{
    const char *key;
    Text4 suffix; // appended to the product's name; empty for the standard variant
    Text4 note; // extra explanation, or empty
    const char *audience = nullptr; // replaces the product's audiences
    const char *procedure = nullptr; // replaces the product's procedure
};

struct Procedure
{
    const char *key;
    Text4 text; // HTML
    const char *url = nullptr; // where the procedure starts online
    Text4 site = {}; // that website's name
};

std::span<const BaseProduct> civilProducts();
std::span<const BaseProduct> civilRegistryProducts();
std::span<const BaseProduct> livingProducts();
std::span<const BaseProduct> environmentProducts();
std::span<const BaseProduct> communityProducts();
std::span<const BaseProduct> careProducts();
std::span<const Phrase> conditions();
std::span<const Phrase> documents();
std::span<const Phrase> units();
std::span<const Variant> variants();
std::span<const Procedure> procedures();

} // namespace C360::Ref::Ipdc
