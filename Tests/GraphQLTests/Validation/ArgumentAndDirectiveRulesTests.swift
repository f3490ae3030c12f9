import Testing
@testable import GraphQL

@Suite struct ArgumentAndDirectiveRulesTests {
    @Test func knownArgumentNames() {
        let rule = ["KnownArgumentNamesRule"]
        #expect(validationErrors("""
            fragment argOnRequiredArg on Dog { doesKnowCommand(dogCommand: SIT) }
            { dog @include(if: true) { isHouseTrained(atOtherHomes: true) } __type(name: "Dog") { name } }
            """, rules: rule) == [])
        #expect(validationErrors("fragment invalidArgName on Dog { doesKnowCommand(unknown: true) }", rules: rule) == [
            "Unknown argument \"unknown\" on field \"Dog.doesKnowCommand\". (1:50)"
        ])
        #expect(validationErrors("fragment f on Dog { doesKnowCommand(DogCommand: true) }", rules: rule) == [
            "Unknown argument \"DogCommand\" on field \"Dog.doesKnowCommand\". Did you mean \"dogCommand\"? (1:37)"
        ])
        #expect(validationErrors("{ dog @skip(unless: true) { name } }", rules: rule) == [
            "Unknown argument \"unless\" on directive \"@skip\". (1:13)"
        ])
    }

    @Test func uniqueArgumentNames() {
        let rule = ["UniqueArgumentNamesRule"]
        #expect(validationErrors("{ dog { isAtLocation(x: 1, y: 2) @include(if: true) } }", rules: rule) == [])
        #expect(validationErrors("{ dog { isAtLocation(x: 1, x: 2, x: 3) @skip(if: true, if: false) } }", rules: rule) == [
            "There can be only one argument named \"x\". (1:22, 1:28, 1:34)",
            "There can be only one argument named \"if\". (1:46, 1:56)",
        ])
    }

    @Test func providedRequiredArguments() {
        let rule = ["ProvidedRequiredArgumentsRule"]
        #expect(validationErrors("""
            {
              complicatedArgs {
                multipleOptAndReq(req1: 1, req2: 2)
                nonNullFieldWithDefault
                multipleOpts
              }
              dog @include(if: true) { name }
            }
            """, rules: rule) == [])
        #expect(validationErrors("""
            {
              complicatedArgs {
                multipleReqs(req2: 1)
              }
              dog @include {
                name
              }
            }
            """, rules: rule) == [
            "Field \"multipleReqs\" argument \"req1\" of type \"Int!\" is required, but it was not provided. (3:5)",
            "Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided. (5:7)",
        ])
    }

    @Test func knownDirectives() {
        let rule = ["KnownDirectivesRule"]
        #expect(validationErrors("""
            query Q @onQuery {
              dog @include(if: true) { name @onField }
              human @skip(if: false) { name }
            }
            """, rules: rule) == [])
        #expect(validationErrors("""
            {
              dog @unknown(directive: "value") {
                name
              }
            }
            """, rules: rule) == [
            "Unknown directive \"@unknown\". (2:7)"
        ])
        #expect(validationErrors("""
            query Foo @include(if: true) {
              name @onQuery
              ...F @onField
            }
            fragment F on QueryRoot @skip(if: true) { dog { name } }
            """, rules: rule) == [
            "Directive \"@include\" may not be used on QUERY. (1:11)",
            "Directive \"@onQuery\" may not be used on FIELD. (2:8)",
            "Directive \"@onField\" may not be used on FRAGMENT_SPREAD. (3:8)",
            "Directive \"@skip\" may not be used on FRAGMENT_DEFINITION. (5:25)",
        ])
    }

    @Test func uniqueDirectivesPerLocation() {
        let rule = ["UniqueDirectivesPerLocationRule"]
        #expect(validationErrors("""
            { dog @repeatableOnField @repeatableOnField @onField { name @onField } }
            """, rules: rule) == [])
        #expect(validationErrors("{ dog @onField @onField @onField { name } }", rules: rule) == [
            "The directive \"@onField\" can only be used once at this location. (1:7, 1:16)",
            "The directive \"@onField\" can only be used once at this location. (1:7, 1:25)",
        ])
    }
}
