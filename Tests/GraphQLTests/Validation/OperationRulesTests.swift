import Testing
@testable import GraphQL

@Suite struct OperationRulesTests {
    @Test func executableDefinitions() {
        let rule = ["ExecutableDefinitionsRule"]
        #expect(validationErrors("query Foo { dog { name } }\nfragment F on Dog { name }", rules: rule) == [])
        #expect(validationErrors("""
            query Foo {
              dog {
                name
              }
            }

            type Cow {
              name: String
            }

            extend type Dog {
              color: String
            }

            schema {
              query: QueryRoot
            }
            """, rules: rule) == [
            "The \"Cow\" definition is not executable. (7:1)",
            "The \"Dog\" definition is not executable. (11:1)",
            "The schema definition is not executable. (15:1)",
        ])
    }

    @Test func knownOperationTypes() {
        let rule = ["KnownOperationTypesRule"]
        #expect(validationErrors("query { dog { name } } subscription { importantEmails }", rules: rule) == [])
        #expect(validationErrors("mutation { dog }", rules: rule) == [
            "The mutation operation is not supported by the schema. (1:1)"
        ])
    }

    @Test func uniqueOperationNames() {
        let rule = ["UniqueOperationNamesRule"]
        #expect(validationErrors("query Foo { dog { name } } query Bar { dog { name } }", rules: rule) == [])
        #expect(validationErrors("""
            query Foo {
              dog { name }
            }
            query Foo {
              cat { name }
            }
            subscription Foo {
              importantEmails
            }
            """, rules: rule) == [
            "There can be only one operation named \"Foo\". (1:7, 4:7)",
            "There can be only one operation named \"Foo\". (1:7, 7:14)",
        ])
    }

    @Test func loneAnonymousOperation() {
        let rule = ["LoneAnonymousOperationRule"]
        #expect(validationErrors("{ dog { name } } fragment F on Dog { name }", rules: rule) == [])
        #expect(validationErrors("""
            {
              dog { name }
            }
            query Foo {
              cat { name }
            }
            """, rules: rule) == [
            "This anonymous operation must be the only defined operation. (1:1)"
        ])
    }

    @Test func singleFieldSubscriptions() {
        let rule = ["SingleFieldSubscriptionsRule"]
        #expect(validationErrors("""
            subscription Sub {
              newMessage { body }
              ...Fields
            }
            fragment Fields on SubscriptionRoot {
              newMessage { sender }
            }
            """, rules: rule) == [])
        #expect(validationErrors("""
            subscription ImportantEmails {
              importantEmails
              notImportantEmails
            }
            """, rules: rule) == [
            "Subscription \"ImportantEmails\" must select only one top level field. (3:3)"
        ])
        #expect(validationErrors("""
            subscription Sub {
              importantEmails
              ...Extra
              ... on Dog { name }
            }
            fragment Extra on SubscriptionRoot {
              notImportantEmails
              other: importantEmails
            }
            """, rules: rule) == [
            "Subscription \"Sub\" must select only one top level field. (7:3, 8:3)"
        ])
        #expect(validationErrors("subscription { __typename }", rules: rule) == [
            "Anonymous Subscription must not select an introspection top level field. (1:16)"
        ])
        #expect(validationErrors("""
            subscription ($bool: Boolean!) {
              newMessage @include(if: $bool) {
                body
              }
              notImportantEmails @skip(if: $bool)
            }
            """, rules: rule) == [
            "Anonymous Subscription must not use `@skip` or `@include` directives in the top level selection. (2:14, 5:22)"
        ])
    }
}
