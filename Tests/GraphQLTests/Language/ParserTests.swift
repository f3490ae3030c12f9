import Testing
@testable import GraphQL

@Suite struct ParserTests {
    @Test func syntaxErrorsMatchGraphQLJS() {
        let cases: [(String, String)] = [
            ("", "Syntax Error: Unexpected <EOF>. @1:1"),
            ("{", "Syntax Error: Expected Name, found <EOF>. @1:2"),
            ("{}", "Syntax Error: Expected Name, found \"}\". @1:2"),
            ("{ field: {} }", "Syntax Error: Expected Name, found \"{\". @1:10"),
            ("notAnOperation Foo { field }", "Syntax Error: Unexpected Name \"notAnOperation\". @1:1"),
            ("...", "Syntax Error: Unexpected \"...\". @1:1"),
            ("{ ...MissingOn }\nfragment MissingOn Type", "Syntax Error: Expected \"on\", found Name \"Type\". @2:20"),
            ("{ field(arg 1) }", "Syntax Error: Expected \":\", found Int \"1\". @1:13"),
            ("{ field(arg: \"x\" }", "Syntax Error: Expected Name, found \"}\". @1:18"),
            ("{ field() }", "Syntax Error: Expected Name, found \")\". @1:9"),
            ("{ f(a: ) }", "Syntax Error: Unexpected \")\". @1:8"),
            ("{ f(a: \"s\" b: \"\"\"t\"\"\" c: ] ) }", "Syntax Error: Unexpected \"]\". @1:26"),
            ("query", "Syntax Error: Expected \"{\", found <EOF>. @1:6"),
            ("query Foo($x: Int = $y) { f }", "Syntax Error: Unexpected variable \"$y\" in constant value. @1:21"),
            ("query Foo($x: Int = $) { f }", "Syntax Error: Unexpected \"$\". @1:21"),
            ("query Foo($x: Int @dir(a: $y)) { f }",
             "Syntax Error: Unexpected variable \"$y\" in constant value. @1:27"),
            ("fragment on on on { on }", "Syntax Error: Unexpected Name \"on\". @1:10"),
            ("{ ...on }", "Syntax Error: Expected Name, found \"}\". @1:9"),
            ("{ f(a: \"abc) }", "Syntax Error: Unterminated string. @1:15"),
            ("\"desc\" { f }",
             "Syntax Error: Unexpected description, descriptions are not supported on shorthand queries. @1:1"),
            ("\"desc\" extend type T { f: Int }",
             "Syntax Error: Unexpected description, only GraphQL definitions support descriptions. @1:1"),
            ("\"desc\"", "Syntax Error: Unexpected <EOF>. @1:7"),
            ("type T {}", "Syntax Error: Expected Name, found \"}\". @1:9"),
            ("type T { f }", "Syntax Error: Expected \":\", found \"}\". @1:12"),
            ("type T implements { f: Int }", "Syntax Error: Expected Name, found \"{\". @1:19"),
            ("enum E { true }", "Syntax Error: Name \"true\" is reserved and cannot be used for an enum value. @1:10"),
            ("enum E { null }", "Syntax Error: Name \"null\" is reserved and cannot be used for an enum value. @1:10"),
            ("directive @d on FOO", "Syntax Error: Unexpected Name \"FOO\". @1:17"),
            ("directive @d(a: Int) repeatable FIELD", "Syntax Error: Expected \"on\", found Name \"FIELD\". @1:33"),
            ("extend type T", "Syntax Error: Unexpected <EOF>. @1:14"),
            ("extend scalar S", "Syntax Error: Unexpected <EOF>. @1:16"),
            ("extend schema", "Syntax Error: Unexpected <EOF>. @1:14"),
            ("extend union U", "Syntax Error: Unexpected <EOF>. @1:15"),
            ("extend thing T", "Syntax Error: Unexpected Name \"thing\". @1:8"),
            ("schema { query: Query, mutate: M }", "Syntax Error: Unexpected Name \"mutate\". @1:24"),
            ("union U = | ", "Syntax Error: Expected Name, found <EOF>. @1:13"),
            ("{ f } ]", "Syntax Error: Unexpected \"]\". @1:7"),
        ]
        for (source, expected) in cases {
            #expect(summary(parseError(source)) == expected, "\(source)")
        }
    }

    @Test func parsesFieldsAliasesArgumentsAndLocations() throws {
        let document = try parse("{\n  me: user(id: 4, name: \"x\") @include(if: $f) { id }\n}")
        #expect(document.loc == Location(start: 0, end: 56, line: 1, column: 1))
        guard case .operation(let operation) = document.definitions.first,
              case .field(let field) = operation.selectionSet.selections.first else {
            Issue.record("expected a field")
            return
        }
        #expect(operation.operation == .query)
        #expect(operation.name == nil)
        #expect(field.responseKey == "me")
        #expect(field.alias == Name(value: "me", loc: Location(start: 4, end: 6, line: 2, column: 3)))
        #expect(field.name == Name(value: "user", loc: Location(start: 8, end: 12, line: 2, column: 7)))
        #expect(field.loc == Location(start: 4, end: 54, line: 2, column: 3))
        #expect(field.sourceLocation == SourceLocation(line: 2, column: 3))
        #expect(field.arguments.map(\.name.value) == ["id", "name"])
        #expect(field.arguments.named("id")?.value == .int(IntValue(
            value: "4", loc: Location(start: 17, end: 18, line: 2, column: 16))))
        #expect(field.directives.named("include")?.arguments.first?.value == .variable(Variable(
            name: Name(value: "f", loc: Location(start: 45, end: 46, line: 2, column: 44)),
            loc: Location(start: 44, end: 46, line: 2, column: 43))))
        #expect(field.selectionSet?.selections.count == 1)
    }

    @Test func parsesEveryValueKind() throws {
        let value = try parseValue(
            "[123, -1.5e3, \"str\", \"\"\"block\"\"\", true, false, null, ENUM, $var, {a: [], b: {}}]",
            options: ParseOptions(noLocation: true))
        #expect(value == .list(ListValue(values: [
            .int(IntValue(value: "123")),
            .float(FloatValue(value: "-1.5e3")),
            .string(StringValue(value: "str")),
            .string(StringValue(value: "block", block: true)),
            .boolean(BooleanValue(value: true)),
            .boolean(BooleanValue(value: false)),
            .null(NullValue()),
            .enumValue(EnumValue(value: "ENUM")),
            .variable(Variable(name: Name(value: "var"))),
            .object(ObjectValue(fields: [
                ObjectField(name: Name(value: "a"), value: .list(ListValue(values: []))),
                ObjectField(name: Name(value: "b"), value: .object(ObjectValue(fields: []))),
            ])),
        ])))
        #expect(value.containsVariable)
        #expect(summary(errorOf { () throws(GraphQLError) in try parseConstValue("[$x]") }) == "Syntax Error: Unexpected variable \"$x\" in constant value. @1:2")
        #expect(summary(errorOf { () throws(GraphQLError) in try parseValue("1 2") }) == "Syntax Error: Expected <EOF>, found Int \"2\". @1:3")
    }

    @Test func parsesTypeReferences() throws {
        let type = try parseType("[[Int!]]!")
        #expect(print(type) == "[[Int!]]!")
        #expect(type.namedType.name.value == "Int")
        #expect(type.loc == Location(start: 0, end: 9, line: 1, column: 1))
        guard case .nonNull(let nonNull) = type, case .list(let outer) = nonNull.type else {
            Issue.record("expected [[Int!]]!")
            return
        }
        #expect(outer.loc == Location(start: 0, end: 8, line: 1, column: 1))
        #expect(summary(errorOf { () throws(GraphQLError) in try parseType("Int!!") }) == "Syntax Error: Expected <EOF>, found \"!\". @1:5")
    }

    @Test func parsesOperationsFragmentsAndDescriptions() throws {
        let document = try parse("""
            "Load it"
            query Q("which one" $id: ID! = 1 @v) @op { ...F ... on T { a } ... @d { b } }
            "Frag"
            fragment F on T @f { c }
            subscription { s }
            mutation M { m }
            """)
        #expect(document.operations.map(\.operation) == [.query, .subscription, .mutation])
        #expect(document.fragments.map(\.name.value) == ["F"])
        let query = document.operations[0]
        #expect(query.description?.value == "Load it")
        #expect(query.loc?.start == 0)
        #expect(query.variableDefinitions.first?.description?.value == "which one")
        #expect(query.variableDefinitions.first?.defaultValue == .int(IntValue(
            value: "1", loc: Location(start: 41, end: 42, line: 2, column: 32))))
        #expect(query.variableDefinitions.first?.directives.map(\.name.value) == ["v"])
        let kinds = query.selectionSet.selections.map { selection -> String in
            switch selection {
            case .field(let f): "field \(f.name.value)"
            case .fragmentSpread(let s): "spread \(s.name.value)"
            case .inlineFragment(let i): "inline \(i.typeCondition?.name.value ?? "-") \(i.directives.count)"
            }
        }
        #expect(kinds == ["spread F", "inline T 0", "inline - 1"])
        #expect(document.fragments[0].description?.value == "Frag")
        #expect(document.fragments[0].typeCondition.name.value == "T")
        #expect(document.definitions.allSatisfy { $0.isExecutable })
    }

    @Test func legacyFragmentVariablesAreOptIn() throws {
        let source = "fragment F($a: Int = 1) on T { f(a: $a) }"
        #expect(summary(parseError(source)) == "Syntax Error: Expected \"on\", found \"(\". @1:11")
        let document = try parse(source, options: ParseOptions(allowLegacyFragmentVariables: true))
        #expect(document.fragments[0].variableDefinitions.map(\.variable.name.value) == ["a"])
        #expect(print(document) == "fragment F($a: Int = 1) on T {\n  f(a: $a)\n}")
    }

    @Test func parsesTypeSystemDefinitions() throws {
        let document = try parse("""
            interface I implements & A & B { f(x: [Int] = [1] @d): String @deprecated }
            union U = | A | B
            directive @d(a: Int) repeatable on | FIELD | OBJECT
            input In @oneOf { a: Int, b: String }
            """)
        guard case .type(.interface(let interface)) = document.definitions[0],
              case .type(.union(let union)) = document.definitions[1],
              case .directive(let directive) = document.definitions[2],
              case .type(.inputObject(let input)) = document.definitions[3] else {
            Issue.record("unexpected definitions")
            return
        }
        #expect(interface.interfaces.map(\.name.value) == ["A", "B"])
        #expect(interface.fields[0].arguments[0].defaultValue.map(print) == "[1]")
        #expect(interface.fields[0].directives.map(\.name.value) == ["deprecated"])
        #expect(union.types.map(\.name.value) == ["A", "B"])
        #expect(directive.isRepeatable)
        #expect(directive.locations.compactMap { DirectiveLocation(rawValue: $0.value) } == [.field, .object])
        #expect(input.directives.map(\.name.value) == ["oneOf"])
        #expect(input.fields.map(\.name.value) == ["a", "b"])
        #expect(!document.definitions.contains { $0.isExecutable })
    }

    @Test func keywordsAreValidNames() throws {
        let document = try parse(
            "query query { query: on(on: on) fragment type: schema ...fragment } fragment fragment on on { on }")
        #expect(print(document) == """
            query query {
              query: on(on: on)
              fragment
              type: schema
              ...fragment
            }

            fragment fragment on on {
              on
            }
            """)
    }

    @Test func unicodeInNamesIsRejectedButFineInStrings() throws {
        #expect(summary(parseError("{ fïeld }")) == "Syntax Error: Unexpected character: U+00EF. @1:4")
        let document = try parse("{ f(s: \"\\uD83D\\uDE00 \\u{1F600} 😀\") }")
        #expect(print(document) == "{\n  f(s: \"😀 😀 😀\")\n}")
    }

    @Test func noLocationOmitsLocations() throws {
        let document = try parse("{ a }", options: ParseOptions(noLocation: true))
        #expect(document.loc == nil)
        #expect(document.operations[0].selectionSet.loc == nil)
        #expect(document == Document(definitions: [
            .operation(OperationDefinition(
                operation: .query,
                selectionSet: SelectionSet(selections: [.field(Field(name: Name(value: "a")))]))),
        ]))
    }
}
