@testable import GraphQL

/// The schema most validation tests run against: the specification's pets example (as
/// graphql-js's validation harness uses it), plus arguments of every kind and a OneOf input.
let validationTestSchema: GraphQLSchema = {
    do {
        return try buildSchema(sdl: """
            interface Mammal {
              mother: Mammal
              father: Mammal
            }

            interface Pet {
              name(surname: Boolean): String
            }

            interface Canine implements Mammal {
              name(surname: Boolean): String
              mother: Canine
              father: Canine
            }

            enum DogCommand {
              SIT
              HEEL
              DOWN
            }

            type Dog implements Pet & Mammal & Canine {
              name(surname: Boolean): String
              nickname: String
              barkVolume: Int
              barks: Boolean
              doesKnowCommand(dogCommand: DogCommand): Boolean
              isHouseTrained(atOtherHomes: Boolean = true): Boolean
              isAtLocation(x: Int, y: Int): Boolean
              mother: Dog
              father: Dog
            }

            type Cat implements Pet {
              name(surname: Boolean): String
              nickname: String
              meows: Boolean
              meowsVolume: Int
              furColor: FurColor
            }

            union CatOrDog = Cat | Dog

            type Human {
              name(surname: Boolean): String
              pets: [Pet]
              relatives: [Human]!
            }

            enum FurColor {
              BROWN
              BLACK
              TAN
              SPOTTED
              NO_FUR
              UNKNOWN
            }

            input ComplexInput {
              requiredField: Boolean!
              nonNullField: Boolean! = false
              intField: Int
              stringField: String
              booleanField: Boolean
              stringListField: [String]
            }

            input OneOfInput @oneOf {
              stringField: String
              intField: Int
            }

            type ComplicatedArgs {
              intArgField(intArg: Int): String
              nonNullIntArgField(nonNullIntArg: Int!): String
              stringArgField(stringArg: String): String
              booleanArgField(booleanArg: Boolean): String
              enumArgField(enumArg: FurColor): String
              floatArgField(floatArg: Float): String
              idArgField(idArg: ID): String
              stringListArgField(stringListArg: [String]): String
              stringListNonNullArgField(stringListNonNullArg: [String!]): String
              complexArgField(complexArg: ComplexInput): String
              oneOfArgField(oneOfArg: OneOfInput): String
              multipleReqs(req1: Int!, req2: Int!): String
              nonNullFieldWithDefault(arg: Int! = 0): String
              multipleOpts(opt1: Int = 0, opt2: Int = 0): String
              multipleOptAndReq(req1: Int!, req2: Int!, opt1: Int = 0, opt2: Int = 0): String
            }

            type Message {
              body: String
              sender: String
            }

            type QueryRoot {
              human(id: ID): Human
              dog: Dog
              cat: Cat
              pet: Pet
              catOrDog: CatOrDog
              complicatedArgs: ComplicatedArgs
            }

            type SubscriptionRoot {
              importantEmails: [String]
              notImportantEmails: [String]
              newMessage: Message
            }

            schema {
              query: QueryRoot
              subscription: SubscriptionRoot
            }

            directive @onField on FIELD
            directive @onQuery on QUERY
            directive @repeatableOnField repeatable on FIELD
            """)
    } catch {
        fatalError("validation test schema does not build: \(error)")
    }
}()

/// Validates `source` with the named rules (all specified rules when `rules` is nil) and
/// renders each error as `message (line:column, …)`, so tests compare exact text.
func validationErrors(
    _ source: String,
    rules: [String]? = nil,
    schema: GraphQLSchema = validationTestSchema,
    maxErrors: Int = 100
) -> [String] {
    let document: Document
    do {
        document = try parse(source)
    } catch {
        return ["parse error: \(error.message)"]
    }
    let selected = rules.map { names in names.map { ValidationRule.named($0)! } } ?? specifiedRules
    return validate(schema: schema, document: document, rules: selected, maxErrors: maxErrors).map { error in
        let locations = error.locations.map { "\($0.line):\($0.column)" }.joined(separator: ", ")
        return locations.isEmpty ? error.message : "\(error.message) (\(locations))"
    }
}
