import Foundation
import Testing
import TestSupport
@testable import GraphQL

@Suite struct IntrospectionTests {
    static let sdl = #"""
    "The campaign manager's API."
    schema {
      query: Query
      mutation: Mutation
    }

    "A point in time."
    scalar DateTime @specifiedBy(url: "https://example.com/datetime")

    "Anything with an id."
    interface Node {
      id: ID!
    }

    interface Named implements Node {
      id: ID!
      name: String
    }

    type Campaign implements Node & Named {
      id: ID!
      name: String
      "Where the campaign stands."
      status: Status!
      units(first: Int = 10, after: String, filter: UnitFilter = {kind: VIDEO, tags: ["a", "b"]}, ref: ID = "12"): [Unit!]!
      legacy: String @deprecated(reason: "Use `name`.")
      old: Int @deprecated
      startsAt(zone: String = "UTC" @deprecated(reason: "Always UTC.")): DateTime
    }

    type Unit implements Node {
      id: ID!
      kind: Kind
      matrix: [[Float!]]!
    }

    union SearchResult = Campaign | Unit

    enum Status {
      ACTIVE
      PAUSED @deprecated(reason: "Gone.")
      "Kept for history."
      ARCHIVED
    }

    enum Kind {
      BANNER
      VIDEO
    }

    input UnitFilter {
      kind: Kind = BANNER
      tags: [String!]
      minBudget: Float = 1.5
      legacyField: String @deprecated(reason: "No longer used.")
    }

    type Query {
      node(id: ID!): Node
      search(text: String!): [SearchResult!]!
      campaigns(status: Status = ACTIVE): [Campaign]
    }

    type Mutation {
      pause(id: ID!, when: DateTime): Campaign
    }

    "Caches a field."
    directive @cached(ttl: Int = 60) repeatable on FIELD_DEFINITION | OBJECT
    """#

    static func executable() throws -> ExecutableSchema {
        ExecutableSchema.readingByName(try buildSchema(sdl: sdl))
    }

    @Test func fullIntrospectionQueryReprintsTheSameSchemaInGraphQLCore() throws {
        let result = try runSync(try Self.executable(), fullIntrospectionQuery)
        #expect(!result.contains("\"errors\""))
        let typeNames = try Self.typeNames(in: result)
        #expect(Set(typeNames.filter { !$0.hasPrefix("__") }) == [
            "DateTime", "Node", "Named", "Campaign", "Unit", "SearchResult", "Status", "Kind", "UnitFilter", "Query",
            "Mutation", "String", "ID", "Int", "Float", "Boolean",
        ])
        #expect(typeNames.filter { $0.hasPrefix("__") }.sorted() == [
            "__Directive", "__DirectiveLocation", "__EnumValue", "__Field", "__InputValue", "__Schema", "__Type", "__TypeKind",
        ])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("introspection-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.sdl.write(to: directory.appendingPathComponent("schema.graphql"), atomically: true, encoding: .utf8)
        try result.write(to: directory.appendingPathComponent("result.json"), atomically: true, encoding: .utf8)
        let script = """
        import json, sys, graphql
        d = sys.argv[1]
        result = json.load(open(d + '/result.json'))
        client = graphql.print_schema(graphql.build_client_schema(result['data']))
        source = graphql.print_schema(graphql.build_schema(open(d + '/schema.graphql').read()))
        print('SAME' if client == source else 'DIFFERENT\\n' + client + '\\n----\\n' + source)
        """
        // graphql-core, the reference implementation's Python port, is installed by `make test`.
        let (status, output) = try runCommand("/usr/bin/env", ["python3", "-c", script, directory.path])
        #expect(status == 0 && output == "SAME\n", "\(output)")
    }

    static func typeNames(in result: String) throws -> [String] {
        guard case .object(let response) = try JSON.parse(result), case .object(let data)? = response["data"],
            case .object(let schema)? = data["__schema"], case .array(let types)? = schema["types"]
        else { return [] }
        return types.compactMap { type in
            if case .object(let object) = type, case .string(let name)? = object["name"] { return name }
            return nil
        }
    }

    @Test func typeQueryReportsDefaultsDeprecationsAndWrappers() throws {
        let query = """
        {
          campaign: __type(name: "Campaign") {
            kind name interfaces { name }
            fields { name type { kind name ofType { kind name ofType { kind name } } } }
            units: fields(includeDeprecated: true) { name isDeprecated deprecationReason args(includeDeprecated: true) { name defaultValue isDeprecated } }
          }
          missing: __type(name: "Nope") { name }
        }
        """
        let result = try runSync(try Self.executable(), query)
        #expect(result == #"{"data":{"campaign":{"kind":"OBJECT","name":"Campaign","interfaces":[{"name":"Node"},{"name":"Named"}],"fields":[{"name":"id","type":{"kind":"NON_NULL","name":null,"ofType":{"kind":"SCALAR","name":"ID","ofType":null}}},{"name":"name","type":{"kind":"SCALAR","name":"String","ofType":null}},{"name":"status","type":{"kind":"NON_NULL","name":null,"ofType":{"kind":"ENUM","name":"Status","ofType":null}}},{"name":"units","type":{"kind":"NON_NULL","name":null,"ofType":{"kind":"LIST","name":null,"ofType":{"kind":"NON_NULL","name":null}}}},{"name":"startsAt","type":{"kind":"SCALAR","name":"DateTime","ofType":null}}],"units":[{"name":"id","isDeprecated":false,"deprecationReason":null,"args":[]},{"name":"name","isDeprecated":false,"deprecationReason":null,"args":[]},{"name":"status","isDeprecated":false,"deprecationReason":null,"args":[]},{"name":"units","isDeprecated":false,"deprecationReason":null,"args":[{"name":"first","defaultValue":"10","isDeprecated":false},{"name":"after","defaultValue":null,"isDeprecated":false},{"name":"filter","defaultValue":"{kind: VIDEO, tags: [\"a\", \"b\"], minBudget: 1.5}","isDeprecated":false},{"name":"ref","defaultValue":"12","isDeprecated":false}]},{"name":"legacy","isDeprecated":true,"deprecationReason":"Use `name`.","args":[]},{"name":"old","isDeprecated":true,"deprecationReason":"No longer supported","args":[]},{"name":"startsAt","isDeprecated":false,"deprecationReason":null,"args":[{"name":"zone","defaultValue":"\"UTC\"","isDeprecated":true}]}]},"missing":null}}"#)
    }

    @Test func kindsSpecifiedByOneOfAndPossibleTypes() throws {
        let sdl = """
        type Query { f(by: By): String }
        input By @oneOf { id: ID, name: String }
        scalar Url @specifiedBy(url: "https://url.spec.whatwg.org/")
        union U = Query
        """
        let query = """
        {
          by: __type(name: "By") { kind isOneOf inputFields { name } fields { name } possibleTypes { name } specifiedByURL }
          url: __type(name: "Url") { kind specifiedByURL isOneOf enumValues { name } }
          u: __type(name: "U") { kind possibleTypes { name } interfaces { name } }
          q: __type(name: "Query") { isOneOf interfaces { name } }
          __schema { queryType { name } mutationType { name } subscriptionType { name } directives { name isRepeatable locations } }
        }
        """
        let result = try runSync(ExecutableSchema.readingByName(try buildSchema(sdl: sdl)), query)
        #expect(result == #"{"data":{"by":{"kind":"INPUT_OBJECT","isOneOf":true,"inputFields":[{"name":"id"},{"name":"name"}],"fields":null,"possibleTypes":null,"specifiedByURL":null},"url":{"kind":"SCALAR","specifiedByURL":"https://url.spec.whatwg.org/","isOneOf":null,"enumValues":null},"u":{"kind":"UNION","possibleTypes":[{"name":"Query"}],"interfaces":null},"q":{"isOneOf":null,"interfaces":[]},"__schema":{"queryType":{"name":"Query"},"mutationType":null,"subscriptionType":null,"directives":[{"name":"include","isRepeatable":false,"locations":["FIELD","FRAGMENT_SPREAD","INLINE_FRAGMENT"]},{"name":"skip","isRepeatable":false,"locations":["FIELD","FRAGMENT_SPREAD","INLINE_FRAGMENT"]},{"name":"deprecated","isRepeatable":false,"locations":["FIELD_DEFINITION","ARGUMENT_DEFINITION","INPUT_FIELD_DEFINITION","ENUM_VALUE"]},{"name":"specifiedBy","isRepeatable":false,"locations":["SCALAR"]},{"name":"oneOf","isRepeatable":false,"locations":["INPUT_OBJECT"]}]}}}"#)
    }

    @Test func introspectionCanBeDisabled() throws {
        let options = ExecutionOptions(allowIntrospection: false)
        let result = try runSync(try Self.executable(), "{ __typename __schema { description } }", options: options)
        #expect(result == #"{"errors":[{"message":"GraphQL introspection has been disabled, but the requested query contained the field \"__schema\".","locations":[{"line":1,"column":14}],"path":["__schema"],"extensions":{"code":"INTROSPECTION_DISABLED"}}],"data":null}"#)
        let typeResult = try runSync(try Self.executable(), "{ __type(name: \"Query\") { name } }", options: options)
        #expect(typeResult == #"{"errors":[{"message":"GraphQL introspection has been disabled, but the requested query contained the field \"__type\".","locations":[{"line":1,"column":3}],"path":["__type"],"extensions":{"code":"INTROSPECTION_DISABLED"}}],"data":{"__type":null}}"#)
    }

    @Test func typenameOnIntrospectionTypesAndAsyncExecutionAgree() async throws {
        let query = "{ __schema { __typename queryType { __typename name kind } } t: __type(name: \"Status\") { enumValues { __typename name } } }"
        let expected = #"{"data":{"__schema":{"__typename":"__Schema","queryType":{"__typename":"__Type","name":"Query","kind":"OBJECT"}},"t":{"enumValues":[{"__typename":"__EnumValue","name":"ACTIVE"},{"__typename":"__EnumValue","name":"ARCHIVED"}]}}}"#
        #expect(try runSync(try Self.executable(), query) == expected)
        #expect(try await runAsync(try Self.executable(), query) == expected)
    }
}
