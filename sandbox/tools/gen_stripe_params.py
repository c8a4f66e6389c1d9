#!/usr/bin/env python3
"""Derives the request parameters Stripe accepts on each sandbox endpoint from the OpenAPI slice.

Run from the repository root:
    python3 sandbox/tools/gen_stripe_params.py ../shared/stripe/openapi-subset-2022-04.json \
        > sandbox/resources/stripe_params.txt
Each line is `METHOD PATH<TAB>parameter path`: nested objects joined by '.', arrays marked `[]`,
free-form maps (metadata) by `*`. The sandbox answers `parameter_unknown` for anything else.
"""
import json
import sys

# Fields newer than the 2022-04 slice that current clients send (stripe-node 23 era).
NEWER_FIELDS = {
    ("POST", "/v1/payment_intents"): ["payment_method_options.konbini.confirmation_number"],
}


def walk(schema, prefix, out, depth=0):
    if depth > 12:
        return
    variants = schema.get("anyOf", [schema])
    leaf = False
    for variant in variants:
        if "properties" in variant:
            for name, sub in variant["properties"].items():
                walk(sub, prefix + [name], out, depth + 1)
        elif "additionalProperties" in variant and variant["additionalProperties"]:
            walk(variant["additionalProperties"], prefix + ["*"], out, depth + 1)
            leaf = True  # `metadata=` (empty) unsets the whole map
        elif variant.get("type") == "array":
            items = variant.get("items", {})
            if "properties" in items or "anyOf" in items:
                walk(items, prefix[:-1] + [prefix[-1] + "[]"], out, depth + 1)
            else:
                out.add(".".join(prefix[:-1] + [prefix[-1] + "[]"]))
        else:
            leaf = True
    if leaf and prefix:
        out.add(".".join(prefix))


def main():
    spec = json.load(open(sys.argv[1]))
    lines = []
    for path, operations in sorted(spec["paths"].items()):
        for method, operation in sorted(operations.items()):
            params = set()
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query":
                    walk(parameter.get("schema", {}), [parameter["name"]], params)
            body = (operation.get("requestBody", {}).get("content", {})
                    .get("application/x-www-form-urlencoded", {}).get("schema", {}))
            walk(body, [], params)
            params.update(NEWER_FIELDS.get((method.upper(), path), []))
            for param in sorted(params):
                lines.append(f"{method.upper()} {path}\t{param}")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
