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
