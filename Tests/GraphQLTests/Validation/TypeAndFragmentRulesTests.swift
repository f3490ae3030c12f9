import Testing
@testable import GraphQL

@Suite struct TypeAndFragmentRulesTests {
    @Test func knownTypeNames() {
        let rule = ["KnownTypeNamesRule"]
        #expect(validationErrors("""
            query Foo($var: String, $required: [Int!]!) {
              dog { ... on Pet { name } }
            }
            fragment F on Dog { name }
            """, rules: rule) == [])
        #expect(validationErrors("""
            query Foo($var: Xyzzy) {
              human(id: 4) {
                name
                pets { ... on Badger { name }, ...PetFields }
              }
            }
            fragment PetFields on Peat {
              name
            }
            """, rules: rule) == [
            "Unknown type \"Xyzzy\". (1:17)",
            "Unknown type \"Badger\". (4:19)",
            "Unknown type \"Peat\". Did you mean \"Pet\" or \"Cat\"? (7:23)",
        ])
    }

    @Test func fragmentsOnCompositeTypes() {
        let rule = ["FragmentsOnCompositeTypesRule"]
        #expect(validationErrors("""
            fragment validFragment on Pet { ... on Dog { barks } ... { name } }
            fragment unionFragment on CatOrDog { __typename }
            """, rules: rule) == [])
        #expect(validationErrors("""
            fragment scalarFixture on Boolean {
              bad
            }
            fragment invalidFragment on Pet {
              ... on String {
                barks
              }
            }
            """, rules: rule) == [
            "Fragment \"scalarFixture\" cannot condition on non composite type \"Boolean\". (1:27)",
            "Fragment cannot condition on non composite type \"String\". (5:10)",
        ])
    }

    @Test func uniqueFragmentNames() {
        let rule = ["UniqueFragmentNamesRule"]
        #expect(validationErrors("fragment A on Dog { name } fragment B on Dog { barks }", rules: rule) == [])
        #expect(validationErrors("""
            {
              dog {
                ...fragA
              }
            }
            fragment fragA on Dog {
              name
            }
            fragment fragA on Dog {
              barks
            }
            """, rules: rule) == [
            "There can be only one fragment named \"fragA\". (6:10, 9:10)"
        ])
    }

    @Test func knownFragmentNames() {
        let rule = ["KnownFragmentNamesRule"]
        #expect(validationErrors("{ human(id: 4) { ...HumanFields } } fragment HumanFields on Human { name }", rules: rule) == [])
        #expect(validationErrors("""
            {
              human(id: 4) {
                ...UnknownFragment1
                ... on Human { ...UnknownFragment2 }
              }
            }
            """, rules: rule) == [
            "Unknown fragment \"UnknownFragment1\". (3:8)",
            "Unknown fragment \"UnknownFragment2\". (4:23)",
        ])
    }

    @Test func noUnusedFragments() {
        let rule = ["NoUnusedFragmentsRule"]
        #expect(validationErrors("{ dog { ...A } } fragment A on Dog { ...B } fragment B on Dog { name }", rules: rule) == [])
        #expect(validationErrors("""
            query Foo {
              human(id: 4) {
                ...HumanFields1
              }
            }
            fragment HumanFields1 on Human {
              name
              ...HumanFields3
            }
            fragment HumanFields2 on Human {
              name
            }
            fragment HumanFields3 on Human {
              name
            }
            fragment Unused1 on Human {
              name
            }
            """, rules: rule) == [
            "Fragment \"HumanFields2\" is never used. (10:1)",
            "Fragment \"Unused1\" is never used. (16:1)",
        ])
    }

    @Test func possibleFragmentSpreads() {
        let rule = ["PossibleFragmentSpreadsRule"]
        #expect(validationErrors("""
            fragment petWithinDog on Dog { ...petFragment }
            fragment petFragment on Pet { name }
            fragment catOrDogWithinDog on Dog { ... on CatOrDog { __typename } }
            fragment canineWithinPet on Pet { ... on Canine { name } }
            """, rules: rule) == [])
        #expect(validationErrors("""
            fragment invalidObjectWithinObject on Cat { ...dogFragment }
            fragment dogFragment on Dog { barkVolume }
            fragment invalidObjectWithinObjectAnon on Cat { ... on Dog { barkVolume } }
            fragment invalidUnionWithinInterface on Canine { ... on CatOrDog { __typename } }
            """, rules: rule) == [
            "Fragment \"dogFragment\" cannot be spread here as objects of type \"Cat\" can never be of type \"Dog\". (1:45)",
            "Fragment cannot be spread here as objects of type \"Cat\" can never be of type \"Dog\". (3:49)",
        ])
        #expect(validationErrors("fragment f on Human { ... on CatOrDog { __typename } }", rules: rule) == [
            "Fragment cannot be spread here as objects of type \"Human\" can never be of type \"CatOrDog\". (1:23)"
        ])
    }

    @Test func noFragmentCycles() {
        let rule = ["NoFragmentCyclesRule"]
        #expect(validationErrors("""
            fragment fragA on Dog { ...fragB, ...fragB }
            fragment fragB on Dog { name }
            """, rules: rule) == [])
        #expect(validationErrors("""
            fragment fragA on Dog { ...fragB }
            fragment fragB on Dog { ...fragC }
            fragment fragC on Dog { ...fragA }
            """, rules: rule) == [
            "Cannot spread fragment \"fragA\" within itself via \"fragB\", \"fragC\". (1:25, 2:25, 3:25)"
        ])
        #expect(validationErrors("fragment fragA on Human { relatives { ...fragA } }", rules: rule) == [
            "Cannot spread fragment \"fragA\" within itself. (1:39)"
        ])
    }
}
