import Testing
@testable import GraphQL

@Suite struct FieldRulesTests {
    @Test func fieldsOnCorrectType() {
        let rule = ["FieldsOnCorrectTypeRule"]
        #expect(validationErrors("""
            fragment objectFieldSelection on Dog { __typename name }
            fragment interfaceFieldSelection on Pet { __typename name }
            fragment unionSelection on CatOrDog { __typename ... on Dog { barkVolume } }
            { __schema { queryType { name } } __type(name: "Dog") { name } }
            """, rules: rule) == [])
        #expect(validationErrors("""
            fragment typeKnownAgain on Pet {
              unknown_pet_field {
                ... on Cat {
                  unknown_cat_field
                }
              }
            }
            """, rules: rule) == [
            "Cannot query field \"unknown_pet_field\" on type \"Pet\". (2:3)",
            "Cannot query field \"unknown_cat_field\" on type \"Cat\". (4:7)",
        ])
        #expect(validationErrors("fragment fieldNotDefined on Dog { meowVolume }", rules: rule) == [
            "Cannot query field \"meowVolume\" on type \"Dog\". Did you mean \"barkVolume\"? (1:35)"
        ])
        #expect(validationErrors("fragment f on Pet { meows }", rules: rule) == [
            "Cannot query field \"meows\" on type \"Pet\". Did you mean to use an inline fragment on \"Cat\"? (1:21)"
        ])
        #expect(validationErrors("fragment f on Mammal { name }", rules: rule) == [
            "Cannot query field \"name\" on type \"Mammal\". Did you mean to use an inline fragment on \"Canine\", \"Pet\", or \"Dog\"? (1:24)"
        ])
        #expect(validationErrors("fragment f on CatOrDog { name }", rules: rule) == [
            "Cannot query field \"name\" on type \"CatOrDog\". Did you mean to use an inline fragment on \"Pet\", \"Canine\", \"Cat\", or \"Dog\"? (1:26)"
        ])
    }

    @Test func scalarLeafs() {
        let rule = ["ScalarLeafsRule"]
        #expect(validationErrors("{ dog { barks name } human { pets { name } } }", rules: rule) == [])
        #expect(validationErrors("""
            query directQueryOnObjectWithoutSubFields {
              human
            }
            fragment scalarSelectionsNotAllowedOnBoolean on Dog {
              barks { sinceWhen }
            }
            """, rules: rule) == [
            "Field \"human\" of type \"Human\" must have a selection of subfields. Did you mean \"human { ... }\"? (2:3)",
            "Field \"barks\" must not have a selection since type \"Boolean\" has no subfields. (5:9)",
        ])
        #expect(validationErrors("{ human { pets } }", rules: rule) == [
            "Field \"pets\" of type \"[Pet]\" must have a selection of subfields. Did you mean \"pets { ... }\"? (1:11)"
        ])
    }

    @Test func overlappingFieldsValid() {
        let rule = ["OverlappingFieldsCanBeMergedRule"]
        #expect(validationErrors("""
            {
              dog { name doesKnowCommand(dogCommand: SIT) }
              dog { name doesKnowCommand(dogCommand: SIT) }
              ... on QueryRoot { dog { name } }
              catOrDog {
                ... on Dog { name: nickname }
                ... on Cat { name }
              }
              complicatedArgs {
                complexArgField(complexArg: { requiredField: true, intField: 1 })
                complexArgField(complexArg: { intField: 1, requiredField: true })
              }
            }
            """, rules: rule) == [])
    }

    @Test func overlappingFieldsConflicts() {
        let rule = ["OverlappingFieldsCanBeMergedRule"]
        let suffix = "Use different aliases on the fields to fetch both if this was intentional."
        #expect(validationErrors("""
            fragment sameAliasesWithDifferentFieldTargets on Dog {
              fido: name
              fido: nickname
            }
            """, rules: rule) == [
            "Fields \"fido\" conflict because \"name\" and \"nickname\" are different fields. \(suffix) (2:3, 3:3)"
        ])
        #expect(validationErrors("""
            fragment conflictingArgs on Dog {
              doesKnowCommand(dogCommand: SIT)
              doesKnowCommand(dogCommand: HEEL)
            }
            """, rules: rule) == [
            "Fields \"doesKnowCommand\" conflict because they have differing arguments. \(suffix) (2:3, 3:3)"
        ])
        #expect(validationErrors("""
            {
              catOrDog {
                ... on Dog {
                  volume: barkVolume
                }
                ... on Cat {
                  volume: meows
                }
              }
            }
            """, rules: rule) == [
            "Fields \"volume\" conflict because they return conflicting types \"Int\" and \"Boolean\". \(suffix) (4:7, 7:7)"
        ])
        #expect(validationErrors("""
            {
              dog {
                x: name
              }
              dog {
                x: barks
              }
            }
            """, rules: rule) == [
            "Fields \"dog\" conflict because subfields \"x\" conflict because \"name\" and \"barks\" are different fields. \(suffix) (2:3, 3:5, 5:3, 6:5)"
        ])
        #expect(validationErrors("""
            {
              dog {
                ...A
                ...B
              }
            }
            fragment A on Dog {
              x: name
            }
            fragment B on Dog {
              x: barks
            }
            """, rules: rule) == [
            "Fields \"x\" conflict because \"name\" and \"barks\" are different fields. \(suffix) (8:3, 11:3)"
        ])
        #expect(validationErrors("""
            {
              dog {
                x: name
                ...A
              }
            }
            fragment A on Dog {
              x: barks
            }
            """, rules: rule) == [
            "Fields \"x\" conflict because \"name\" and \"barks\" are different fields. \(suffix) (3:5, 8:3)"
        ])
        #expect(validationErrors("""
            {
              human {
                relatives { x: name y: pets { name } }
              }
              human {
                relatives { x: pets { name } y: name }
              }
            }
            """, rules: rule) == [
            "Fields \"human\" conflict because subfields \"relatives\" conflict because subfields \"x\" conflict because \"name\" and \"pets\" are different fields and subfields \"y\" conflict because \"pets\" and \"name\" are different fields. \(suffix) (2:3, 3:5, 3:17, 3:25, 5:3, 6:5, 6:17, 6:34)"
        ])
    }

    /// Repeated fields are compared once per distinct shape, but a conflicting shape still
    /// yields one error per conflicting pair, in graphql-js's order.
    @Test func overlappingFieldsRepeatedShapesReportEveryPair() {
        let segment = "dog { mother { name } } "
        let source = "{ " + String(repeating: segment, count: 9) + "dog { mother { name: nickname } } }"
        let expected = (0..<9).map { i in
            "Fields \"dog\" conflict because subfields \"mother\" conflict because subfields \"name\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional. (1:\(3 + 24 * i), 1:\(9 + 24 * i), 1:\(18 + 24 * i), 1:219, 1:225, 1:234)"
        }
        #expect(validationErrors(source, rules: ["OverlappingFieldsCanBeMergedRule"]) == expected)
    }

    /// A fragment spread inside its own fields' sub-selections made older graphql-js versions
    /// (and graphql-core 3.2) recurse until the stack overflowed; comparing each field set with
    /// each fragment once (graphql-js 16.10+) ends it, leaving the cycle to its own rule.
    @Test func overlappingFieldsTerminatesOnFragmentCycles() {
        #expect(validationErrors("""
            { dog { ...F } }
            fragment F on Dog { father { ...F } father { father { ...F } } }
            """) == [
            "Cannot spread fragment \"F\" within itself. (2:55)",
            "Cannot spread fragment \"F\" within itself. (2:30)",
        ])
    }

    /// Documents parsed without source positions (`noLocation`) give the same errors, just
    /// without locations, and still terminate on fragment cycles.
    @Test func overlappingFieldsWithoutSourcePositions() throws {
        let source = """
            { dog { ...A ...B x: name } }
            fragment A on Dog { x: barks father { ...A } father { father { ...A } } }
            fragment B on Dog { x: nickname }
            """
        let document = try parse(source, options: ParseOptions(noLocation: true))
        let messages = validate(schema: validationTestSchema, document: document, rules: [ValidationRule.named("OverlappingFieldsCanBeMergedRule")!])
        #expect(messages.allSatisfy { $0.locations.isEmpty })
        let located = validate(
            schema: validationTestSchema,
            document: try parse(source),
            rules: [ValidationRule.named("OverlappingFieldsCanBeMergedRule")!]
        ).map(\.message)
        #expect(messages.map(\.message) == located)
        #expect(located.count == 3)
    }

    /// 2,000 copies of one field (and of a field with a sub-selection) must not cost
    /// 2,000² comparisons, and a conflict among them must still be found and reported exactly.
    @Test func overlappingFieldsLargeDocument() {
        let repeated = String(repeating: "dog { name barks } ", count: 2_000)
        let leaves = String(repeating: "name ", count: 2_000)
        let clock = ContinuousClock()
        let start = clock.now
        #expect(validationErrors("{ \(repeated) }") == [])
        #expect(validationErrors("{ dog { \(leaves) } }") == [])
        let elapsed = clock.now - start
        #expect(elapsed < .seconds(2), "took \(elapsed)")

        let conflicting = validationErrors(
            "{ dog { \(leaves) name: barks } }",
            rules: ["OverlappingFieldsCanBeMergedRule"],
            maxErrors: 3
        )
        #expect(conflicting.count == 4)
        #expect(conflicting.first == "Fields \"name\" conflict because \"name\" and \"barks\" are different fields. Use different aliases on the fields to fetch both if this was intentional. (1:9, 1:10010)")
        #expect(conflicting.last == "Too many validation errors, error limit reached. Validation aborted.")
    }
}
