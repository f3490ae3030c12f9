import Testing
@testable import GraphQL

@Suite struct ValueAndVariableRulesTests {
    @Test func valuesOfCorrectTypeValid() {
        #expect(validationErrors("""
            query ($a: Int = 1, $b: [String] = ["x"], $c: ComplexInput = { requiredField: true }) {
              complicatedArgs {
                intArgField(intArg: -2147483648)
                floatArgField(floatArg: 1)
                idArgField(idArg: 1)
                stringListArgField(stringListArg: "single")
                enumArgField(enumArg: NO_FUR)
                complexArgField(complexArg: { requiredField: true, stringListField: ["a", null] })
                oneOfArgField(oneOfArg: { intField: 1 })
              }
            }
            """, rules: ["ValuesOfCorrectTypeRule"]) == [])
    }

    @Test func valuesOfCorrectTypeScalarsAndEnums() {
        let rule = ["ValuesOfCorrectTypeRule"]
        #expect(validationErrors("{ complicatedArgs { intArgField(intArg: \"3\") } }", rules: rule) == [
            "Int cannot represent non-integer value: \"3\" (1:41)"
        ])
        #expect(validationErrors("{ complicatedArgs { intArgField(intArg: \"a\\nb\") } }", rules: rule) == [
            "Int cannot represent non-integer value: \"a\\nb\" (1:41)"
        ])
        #expect(validationErrors("{ complicatedArgs { intArgField(intArg: \"\"\"block\"\"\") } }", rules: rule) == [
            "Int cannot represent non-integer value: \"\"\"block\"\"\" (1:41)"
        ])
        #expect(validationErrors("{ complicatedArgs { intArgField(intArg: 2147483648) } }", rules: rule) == [
            "Int cannot represent non 32-bit signed integer value: 2147483648 (1:41)"
        ])
        #expect(validationErrors("{ complicatedArgs { stringArgField(stringArg: 1) } }", rules: rule) == [
            "String cannot represent a non string value: 1 (1:47)"
        ])
        #expect(validationErrors("{ complicatedArgs { intArgField(intArg: { a: 1 }) } }", rules: rule) == [
            "Int cannot represent non-integer value: {a: 1} (1:41)"
        ])
        #expect(validationErrors("{ dog { doesKnowCommand(dogCommand: \"SIT\") } }", rules: rule) == [
            "Enum \"DogCommand\" cannot represent non-enum value: \"SIT\". Did you mean the enum value \"SIT\"? (1:37)"
        ])
        #expect(validationErrors("{ dog { doesKnowCommand(dogCommand: sit) } }", rules: rule) == [
            "Value \"sit\" does not exist in \"DogCommand\" enum. Did you mean the enum value \"SIT\"? (1:37)"
        ])
        #expect(validationErrors("{ complicatedArgs { stringListArgField(stringListArg: [\"one\", 2]) } }", rules: rule) == [
            "String cannot represent a non string value: 2 (1:63)"
        ])
        #expect(validationErrors("{ complicatedArgs { multipleReqs(req1: null, req2: 1) } }", rules: rule) == [
            "Expected value of type \"Int!\", found null. (1:40)"
        ])
        #expect(validationErrors("query ($a: Int = \"one\") { dog { name } }", rules: rule) == [
            "Int cannot represent non-integer value: \"one\" (1:18)"
        ])
    }

    @Test func valuesOfCorrectTypeInputObjects() {
        let rule = ["ValuesOfCorrectTypeRule"]
        #expect(validationErrors("{ complicatedArgs { complexArgField(complexArg: { intField: 4 }) } }", rules: rule) == [
            "Field \"ComplexInput.requiredField\" of required type \"Boolean!\" was not provided. (1:49)"
        ])
        #expect(validationErrors(
            "{ complicatedArgs { complexArgField(complexArg: { requiredField: true, invalidField: \"value\" }) } }",
            rules: rule
        ) == [
            "Field \"invalidField\" is not defined by type \"ComplexInput\". Did you mean \"intField\"? (1:72)"
        ])
        #expect(validationErrors("{ complicatedArgs { complexArgField(complexArg: \"x\") } }", rules: rule) == [
            "Expected value of type \"ComplexInput\", found \"x\". (1:49)"
        ])
        #expect(validationErrors(
            "{ complicatedArgs { oneOfArgField(oneOfArg: { stringField: \"abc\", intField: 123 }) } }",
            rules: rule
        ) == [
            "OneOf Input Object \"OneOfInput\" must specify exactly one key. (1:45)"
        ])
        #expect(validationErrors("{ complicatedArgs { oneOfArgField(oneOfArg: { stringField: null }) } }", rules: rule) == [
            "Field \"OneOfInput.stringField\" must be non-null. (1:45)"
        ])
    }

    @Test func uniqueInputFieldNames() {
        let rule = ["UniqueInputFieldNamesRule"]
        #expect(validationErrors(
            "{ complicatedArgs { complexArgField(complexArg: { requiredField: true, intField: 1 }) } }",
            rules: rule
        ) == [])
        #expect(validationErrors(
            "{ complicatedArgs { complexArgField(complexArg: { requiredField: true, requiredField: false }) } }",
            rules: rule
        ) == [
            "There can be only one input field named \"requiredField\". (1:51, 1:72)"
        ])
    }

    @Test func variablesAreInputTypes() {
        let rule = ["VariablesAreInputTypesRule"]
        #expect(validationErrors("query Foo($a: String, $b: [Boolean!]!, $c: ComplexInput) { dog { name } }", rules: rule) == [])
        #expect(validationErrors("""
            query Foo($a: Dog, $b: [[CatOrDog!]]!, $c: Pet) {
              dog { name }
            }
            """, rules: rule) == [
            "Variable \"$a\" cannot be non-input type \"Dog\". (1:15)",
            "Variable \"$b\" cannot be non-input type \"[[CatOrDog!]]!\". (1:24)",
            "Variable \"$c\" cannot be non-input type \"Pet\". (1:44)",
        ])
    }

    @Test func uniqueVariableNames() {
        let rule = ["UniqueVariableNamesRule"]
        #expect(validationErrors("query A($x: Int, $y: Int) { __typename } query B($x: Int) { __typename }", rules: rule) == [])
        #expect(validationErrors("query A($x: Int, $x: Int, $x: String) { __typename }", rules: rule) == [
            "There can be only one variable named \"$x\". (1:10, 1:19, 1:28)"
        ])
    }

    @Test func noUndefinedVariables() {
        let rule = ["NoUndefinedVariablesRule"]
        #expect(validationErrors("""
            query Foo($a: Boolean) { dog { name(surname: $a) ...F } }
            fragment F on Dog { isHouseTrained(atOtherHomes: $a) }
            """, rules: rule) == [])
        #expect(validationErrors("""
            query Foo($a: String) {
              dog {
                isHouseTrained(atOtherHomes: $b)
              }
              ...FragB
            }
            fragment FragB on QueryRoot {
              dog { name(surname: $c) }
            }
            """, rules: rule) == [
            "Variable \"$b\" is not defined by operation \"Foo\". (3:34, 1:1)",
            "Variable \"$c\" is not defined by operation \"Foo\". (8:23, 1:1)",
        ])
        #expect(validationErrors("{ dog { isHouseTrained(atOtherHomes: $x) } }", rules: rule) == [
            "Variable \"$x\" is not defined. (1:38, 1:1)"
        ])
    }

    @Test func noUnusedVariables() {
        let rule = ["NoUnusedVariablesRule"]
        #expect(validationErrors("""
            query Foo($a: Boolean, $b: Boolean) { dog { name(surname: $a) ...F } }
            fragment F on Dog { isHouseTrained(atOtherHomes: $b) }
            """, rules: rule) == [])
        #expect(validationErrors("""
            query Foo($a: Boolean, $b: Boolean, $c: Boolean) {
              dog { name(surname: $a) }
              ...FragC
            }
            fragment FragC on QueryRoot {
              cat { name(surname: $c) }
            }
            """, rules: rule) == [
            "Variable \"$b\" is never used in operation \"Foo\". (1:24)"
        ])
        #expect(validationErrors("query ($a: Int) { dog { name } }", rules: rule) == [
            "Variable \"$a\" is never used. (1:8)"
        ])
    }

    @Test func variablesInAllowedPosition() {
        let rule = ["VariablesInAllowedPositionRule"]
        #expect(validationErrors("""
            query Query($intVar: Int = 1, $x: Int, $nonNull: Int!, $string: String!) {
              complicatedArgs {
                nonNullIntArgField(nonNullIntArg: $intVar)
                nonNullFieldWithDefault(arg: $x)
                intArgField(intArg: $nonNull)
                stringListArgField(stringListArg: [$string])
                oneOfArgField(oneOfArg: { stringField: $string })
              }
            }
            """, rules: rule) == [])
        #expect(validationErrors("""
            query Query($intArg: Int) {
              complicatedArgs {
                nonNullIntArgField(nonNullIntArg: $intArg)
              }
            }
            """, rules: rule) == [
            "Variable \"$intArg\" of type \"Int\" used in position expecting type \"Int!\". (1:13, 3:39)"
        ])
        #expect(validationErrors(
            "query Query($stringVar: String) { complicatedArgs { stringListArgField(stringListArg: $stringVar) } }",
            rules: rule
        ) == [
            "Variable \"$stringVar\" of type \"String\" used in position expecting type \"[String]\". (1:13, 1:87)"
        ])
        #expect(validationErrors("""
            query ($string: String) {
              complicatedArgs {
                oneOfArgField(oneOfArg: { stringField: $string })
              }
            }
            """, rules: rule) == [
            "Variable \"$string\" is of type \"String\" but must be non-nullable to be used for OneOf Input Object \"OneOfInput\". (1:8, 3:44)"
        ])
    }
}
