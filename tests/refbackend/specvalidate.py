#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 Citizen 360 contributors
# SPDX-License-Identifier: EUPL-1.2
"""Validates JSON documents against a schema from the saved specifications in tests/refbackend/specs.

Usage:
  specvalidate.py --openapi SPEC.yaml --ref '#/components/schemas/PaginatedPartijList' FILE...
  specvalidate.py --json-schema SCHEMA.json FILE...
  specvalidate.py --openapi SPEC.yaml --response PATH METHOD STATUS FILE...   (the response schema
      the specification gives for that path, method and status, application/json)

Each FILE holds one JSON document. Prints one line per problem ("FILE: where: what") and exits 1
when any document is invalid, 0 when all are valid. OpenAPI 3.0 'nullable' is honoured; formats
date-time, date, uuid, uri and email are checked. A oneOf with a discriminator mapping validates against
the schema the discriminator names.
"""
import argparse
import glob
import os
import datetime
import json
import sys
import urllib.parse
import uuid

import jsonschema
import yaml


def convert_nullable(node):
    """OpenAPI 3.0's nullable: true becomes JSON Schema's null type."""
    if isinstance(node, list):
        return [convert_nullable(n) for n in node]
    if not isinstance(node, dict):
        return node
    node = {k: convert_nullable(v) for k, v in node.items()}
    if node.pop("nullable", False):
        if "type" in node:
            types = node["type"] if isinstance(node["type"], list) else [node["type"]]
            node["type"] = types + ["null"]
            if "enum" in node and None not in node["enum"]:
                node["enum"] = node["enum"] + [None]
        else:
            node = {"anyOf": [node, {"type": "null"}]}
    return node


def apply_discriminators(node):
    """OpenAPI 3.0's oneOf with a discriminator mapping: the property names the one schema that
    applies (plain JSON Schema would demand that exactly one matches, which similar variants defeat)."""
    if isinstance(node, list):
        return [apply_discriminators(n) for n in node]
    if not isinstance(node, dict):
        return node
    node = {k: apply_discriminators(v) for k, v in node.items()}
    discriminator = node.get("discriminator")
    if "oneOf" in node and isinstance(discriminator, dict) and discriminator.get("mapping"):
        name = discriminator["propertyName"]
        mapping = discriminator["mapping"]
        node.pop("oneOf")
        node.pop("discriminator")
        node["required"] = sorted(set(node.get("required", [])) | {name})
        node["properties"] = dict(node.get("properties", {}))
        node["properties"][name] = {"enum": sorted(mapping)}
        node["allOf"] = node.get("allOf", []) + [
            {"if": {"properties": {name: {"const": value}}}, "then": {"$ref": ref}} for value, ref in sorted(mapping.items())
        ]
    return node


def format_checker():
    checker = jsonschema.FormatChecker(formats=())

    @checker.checks("date-time", raises=ValueError)
    def date_time(value):
        if not isinstance(value, str):
            return True
        if "T" not in value:
            raise ValueError("no time part")
        datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
        return True

    @checker.checks("date", raises=ValueError)
    def date(value):
        if not isinstance(value, str):
            return True
        datetime.date.fromisoformat(value)
        return True

    @checker.checks("uuid", raises=ValueError)
    def is_uuid(value):
        if not isinstance(value, str):
            return True
        uuid.UUID(value)
        return True

    @checker.checks("uri", raises=ValueError)
    def uri(value):
        if not isinstance(value, str) or value == "":
            return True
        parsed = urllib.parse.urlparse(value)
        if not parsed.scheme:
            raise ValueError("no scheme")
        return True

    @checker.checks("email", raises=ValueError)
    def email(value):
        if isinstance(value, str) and value and "@" not in value:
            raise ValueError("no @")
        return True

    return checker


def response_ref(spec, path, method, status):
    operation = spec["paths"][path][method.lower()]
    response = operation["responses"][str(status)]
    if "$ref" in response:
        name = response["$ref"].split("/")[-1]
        response = spec["components"]["responses"][name]
    return response["content"]["application/json"]["schema"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--openapi")
    parser.add_argument("--ref")
    parser.add_argument("--json-schema")
    parser.add_argument("--response", nargs=3, metavar=("PATH", "METHOD", "STATUS"))
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()

    if args.openapi:
        with open(args.openapi, encoding="utf-8") as f:
            document = apply_discriminators(convert_nullable(yaml.safe_load(f)))
        if args.response:
            schema = response_ref(document, *args.response)
        else:
            schema = {"$ref": args.ref}
        validator_class = jsonschema.Draft7Validator
    else:
        with open(args.json_schema, encoding="utf-8") as f:
            document = json.load(f)
        schema = document
        validator_class = jsonschema.validators.validator_for(document, default=jsonschema.Draft7Validator)

    # Sibling schemas refer to each other by their original names ("service.json"); the saved
    # copies carry a prefix ("georeport-v2.service.json"). Offer both.
    store = {}
    if args.json_schema:
        for sibling in glob.glob(os.path.join(os.path.dirname(os.path.abspath(args.json_schema)), "*.json")):
            base = os.path.basename(sibling)
            with open(sibling, encoding="utf-8") as f:
                try:
                    content = json.load(f)
                except json.JSONDecodeError:
                    continue
            store[base] = content
            parts = base.split(".")
            if len(parts) >= 3:
                store[".".join(parts[1:])] = content
    resolver = jsonschema.RefResolver(base_uri="", referrer=document, store=store)
    validator = validator_class(schema, resolver=resolver, format_checker=format_checker())
    problems = 0
    for name in args.files:
        with open(name, encoding="utf-8") as f:
            instance = json.load(f)
        for error in sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path)):
            if error.context:
                # For anyOf/oneOf, the closest branch says what is actually wrong.
                error = jsonschema.exceptions.best_match(error.context)
            where = "/".join(str(p) for p in error.absolute_path) or "(document)"
            print(f"{name}: {where}: {error.message[:300]}")
            problems += 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
