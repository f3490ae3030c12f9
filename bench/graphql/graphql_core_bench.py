#!/usr/bin/env python3
"""Measures Python graphql-core on the benchmark schema, documents and data.

Reports nanoseconds per operation for parse, validate, execute (including json.dumps of the
response, since that is what a server does) and json.dumps alone of the response, so the Swift
engine's numbers from `campaignd graphql bench` can be compared like for like.

Usage: graphql_core_bench.py [--seconds N] [--json] [DOCUMENT ...]
Documents default to nested, introspection and fragments; DOCUMENT.variables.json is used when present.
"""
import argparse
import json
import os
import sys
import time

import graphql

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DOCUMENTS = ["nested.graphql", "introspection.graphql", "fragments.graphql"]


def type_from_typename(value, info, abstract_type):
    """Abstract types resolve from the data's `__typename`, as the Swift engine's JSON root does."""
    if isinstance(value, dict):
        return value.get("__typename")
    return None


def measure(operation, seconds):
    """Runs `operation` for about `seconds` after a warm-up; returns nanoseconds per call."""
    warm_until = time.perf_counter() + min(0.2, seconds / 5)
    while time.perf_counter() < warm_until:
        operation()
    count = 0
    batch = 1
    start = time.perf_counter_ns()
    deadline = start + int(seconds * 1e9)
    now = start
    while now < deadline:
        for _ in range(batch):
            operation()
        count += batch
        now = time.perf_counter_ns()
        if batch < 1024:
            batch *= 2
    return (now - start) / count


def bench_document(schema, root, path, seconds):
    with open(path) as source:
        text = source.read()
    variables_path = path[: -len(".graphql")] + ".variables.json"
    variables = None
    if os.path.exists(variables_path):
        with open(variables_path) as source:
            variables = json.load(source)

    document = graphql.parse(text)
    errors = graphql.validate(schema, document)
    if errors:
        raise SystemExit("%s does not validate: %s" % (path, errors[0].message))

    def execute():
        result = graphql.execute(schema, document, root_value=root, variable_values=variables,
                                 type_resolver=type_from_typename)
        return json.dumps(result.formatted)

    first = graphql.execute(schema, document, root_value=root, variable_values=variables,
                            type_resolver=type_from_typename)
    if first.errors:
        raise SystemExit("%s fails to execute: %s" % (path, first.errors[0].message))
    response = first.formatted

    return {
        "document": os.path.basename(path),
        "parse": measure(lambda: graphql.parse(text), seconds),
        "validate": measure(lambda: graphql.validate(schema, document), seconds),
        "execute": measure(execute, seconds),
        "serialize": measure(lambda: json.dumps(response), seconds),
        "responseBytes": len(json.dumps(response)),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=1.0, help="time per measurement (default 1)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("documents", nargs="*", help="documents (default: %s)" % ", ".join(DEFAULT_DOCUMENTS))
    arguments = parser.parse_args()

    with open(os.path.join(HERE, "schema.graphql")) as source:
        schema = graphql.build_schema(source.read())
    data_path = os.path.join(HERE, "data.json")
    if not os.path.exists(data_path):
        raise SystemExit("data.json is missing: run make_data.py first")
    with open(data_path) as source:
        root = json.load(source)

    paths = arguments.documents or [os.path.join(HERE, name) for name in DEFAULT_DOCUMENTS]
    results = [bench_document(schema, root, path, arguments.seconds) for path in paths]

    if arguments.json:
        json.dump({"engine": "graphql-core " + graphql.__version__, "results": results}, sys.stdout, indent=1)
        sys.stdout.write("\n")
        return
    print("graphql-core %s, ns per operation" % graphql.__version__)
    print("%-24s %14s %14s %14s %14s" % ("document", "parse", "validate", "execute+json", "json only"))
    for row in results:
        print("%-24s %14.0f %14.0f %14.0f %14.0f" % (row["document"], row["parse"], row["validate"],
                                                  row["execute"], row["serialize"]))


if __name__ == "__main__":
    main()
