import Testing
@testable import GraphQL

@Suite struct ValidateTests {
    @Test func specifiedRulesAreNamedAsInGraphQLJS() {
        #expect(specifiedRules.map(\.name) == [
            "ExecutableDefinitionsRule", "KnownOperationTypesRule", "UniqueOperationNamesRule",
            "LoneAnonymousOperationRule", "SingleFieldSubscriptionsRule", "KnownTypeNamesRule",
            "FragmentsOnCompositeTypesRule", "VariablesAreInputTypesRule", "ScalarLeafsRule",
            "FieldsOnCorrectTypeRule", "UniqueFragmentNamesRule", "KnownFragmentNamesRule",
            "NoUnusedFragmentsRule", "PossibleFragmentSpreadsRule", "NoFragmentCyclesRule",
            "UniqueVariableNamesRule", "NoUndefinedVariablesRule", "NoUnusedVariablesRule",
            "KnownDirectivesRule", "UniqueDirectivesPerLocationRule", "KnownArgumentNamesRule",
            "UniqueArgumentNamesRule", "ValuesOfCorrectTypeRule", "ProvidedRequiredArgumentsRule",
            "VariablesInAllowedPositionRule", "OverlappingFieldsCanBeMergedRule", "UniqueInputFieldNamesRule",
            "MaxIntrospectionDepthRule",
        ])
        #expect(ValidationRule.named("FieldsOnCorrectTypeRule")?.name == "FieldsOnCorrectTypeRule")
        #expect(ValidationRule.named("NoSuchRule") == nil)
    }

    @Test func validDocumentPassesAllRules() {
        #expect(validationErrors("""
            query DogAndFriends($withHuman: Boolean = false, $command: DogCommand!) {
              dog {
                ...DogFields
                doesKnowCommand(dogCommand: $command)
              }
              human(id: "1") @include(if: $withHuman) {
                name
                pets { name ... on Cat { meows } }
              }
              catOrDog { __typename ... on Dog { name } ... on Cat { name } }
            }

            fragment DogFields on Dog {
              name
              barkVolume
              mother { name }
            }

            subscription Messages {
              newMessage { body sender }
            }
            """) == [])
    }

    @Test func errorsFromAllRulesComeInDocumentOrder() {
        #expect(validationErrors("""
            query Q($unused: Int) {
              dog {
                unknown
                name(surname: "yes")
              }
              human
            }
            """) == [
            "Cannot query field \"unknown\" on type \"Dog\". (3:5)",
            "Boolean cannot represent a non boolean value: \"yes\" (4:19)",
            "Field \"human\" of type \"Human\" must have a selection of subfields. Did you mean \"human { ... }\"? (6:3)",
            "Variable \"$unused\" is never used in operation \"Q\". (1:9)",
        ])
    }

    /// Type-system definitions are not executable, but rules still check what they contain, as
    /// graphql-js reports it.
    @Test func typeSystemDefinitionsAreStillChecked() {
        #expect(validationErrors("""
            query Q { dog { name } }
            type Cow @deprecated {
              name: Strin
              milk(kind: Int = "a", other: Float @deprecated(reason: 1)): Int
            }
            extend type Cow @onField @deprecated
            """) == [
            "The \"Cow\" definition is not executable. (2:1)",
            "The \"Cow\" definition is not executable. (6:1)",
            "Directive \"@deprecated\" may not be used on OBJECT. (2:10)",
            "Unknown type \"Strin\". Did you mean \"String\"? (3:9)",
            "String cannot represent a non string value: 1 (4:58)",
            "The directive \"@deprecated\" can only be used once at this location. (2:10, 6:26)",
            "Directive \"@onField\" may not be used on OBJECT. (6:17)",
            "Directive \"@deprecated\" may not be used on OBJECT. (6:26)",
        ])
    }

    @Test func maxIntrospectionDepth() {
        let rule = ["MaxIntrospectionDepthRule"]
        #expect(validationErrors("""
            {
              __schema { types { fields { type { name } } inputFields { name } interfaces { name } } }
              __type(name: "Dog") { possibleTypes { fields { name } } }
            }
            """, rules: rule) == [])
        #expect(validationErrors("""
            {
              __schema {
                types {
                  fields {
                    type {
                      fields {
                        type {
                          fields {
                            name
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
            """, rules: rule) == ["Maximum introspection depth exceeded (2:3)"])
        #expect(validationErrors("""
            query {
              __type(name: "Dog") { ...I }
            }
            fragment I on __Type { interfaces { interfaces { ...J } } }
            fragment J on __Type { interfaces { name } ...I }
            """, rules: rule) == ["Maximum introspection depth exceeded (2:3)"])
    }

    /// Errors of many rules in one document, in the order graphql-js reports them (the
    /// expectation was produced by graphql-core 3.2, graphql-js's Python port, with its quotes
    /// normalized to graphql-js's).
    @Test func manyRulesMatchReferenceImplementation() {
        #expect(validationErrors("""
            query R { b: doog }
            subscription R { importantEmails notImportantEmails }
            fragment F0 on Int { a: nickname }
            fragment F1 on QueryRoot { ... on Canine { mother { mother { name } ... on Dog { x: father meows ... on Pet { b: __typename nickname @onField @onField __typename } } isAtLocation(x: 2, y: -3) nam @unknownDir } } }
            """) == [
            "Cannot query field \"doog\" on type \"QueryRoot\". Did you mean \"dog\"? (1:11)",
            "There can be only one operation named \"R\". (1:7, 2:14)",
            "Subscription \"R\" must select only one top level field. (2:34)",
            "Fragment \"F0\" cannot condition on non composite type \"Int\". (3:16)",
            "Fragment cannot be spread here as objects of type \"QueryRoot\" can never be of type \"Canine\". (4:28)",
            "Field \"father\" of type \"Dog\" must have a selection of subfields. Did you mean \"father { ... }\"? (4:82)",
            "Cannot query field \"meows\" on type \"Dog\". (4:92)",
            "Cannot query field \"nickname\" on type \"Pet\". Did you mean to use an inline fragment on \"Cat\" or \"Dog\"? (4:125)",
            "The directive \"@onField\" can only be used once at this location. (4:134, 4:143)",
            "Cannot query field \"isAtLocation\" on type \"Canine\". Did you mean to use an inline fragment on \"Dog\"? (4:167)",
            "Cannot query field \"nam\" on type \"Canine\". Did you mean \"name\"? (4:193)",
            "Unknown directive \"@unknownDir\". (4:197)",
            "Fragment \"F0\" is never used. (3:1)",
            "Fragment \"F1\" is never used. (4:1)",
        ])
    }

    @Test func stopsAtMaxErrors() {
        let errors = validationErrors("{ a b c d }", maxErrors: 2)
        #expect(errors == [
            "Cannot query field \"a\" on type \"QueryRoot\". (1:3)",
            "Cannot query field \"b\" on type \"QueryRoot\". (1:5)",
            "Too many validation errors, error limit reached. Validation aborted.",
        ])
    }

    @Test func runsOnlyTheNamedRules() {
        let source = "query ($a: Int) { unknown }"
        #expect(validationErrors(source, rules: ["NoUnusedVariablesRule"]) == ["Variable \"$a\" is never used. (1:8)"])
        #expect(validationErrors(source, rules: ["FieldsOnCorrectTypeRule"]) == [
            "Cannot query field \"unknown\" on type \"QueryRoot\". (1:19)"
        ])
    }
}
