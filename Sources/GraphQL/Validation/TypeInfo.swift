/// What the schema says about the current position of a document walk (graphql-js
/// `TypeInfo`): the enclosing composite type, the current field and its output type, the
/// expected input type of the current value, and the current directive and argument.
///
/// The walker pushes before a node's enter event and pops after its leave event, so rules
/// see the state of the node they are handling. Stacks are plain arrays reused for the whole
/// walk; entries are enum payloads pointing at schema objects, so pushing costs a retain.
final class TypeInfo {
    let schema: GraphQLSchema
    @exclusivity(unchecked) var parentTypeStack: [GraphQLNamedType?] = []
    @exclusivity(unchecked) var typeStack: [GraphQLType?] = []
    @exclusivity(unchecked) var inputTypeStack: [GraphQLType?] = []
    @exclusivity(unchecked) var fieldDefStack: [GraphQLField?] = []
    /// Whether the argument / input field at each input position declares a default value.
    @exclusivity(unchecked) var defaultValueStack: [Bool] = []
    @exclusivity(unchecked) var directive: GraphQLDirective?
    @exclusivity(unchecked) var argument: GraphQLArgument?
    /// Where the directives being walked are applied (for `KnownDirectivesRule`).
    @exclusivity(unchecked) var directiveLocation: DirectiveLocation?
    /// True while walking type-system definitions (schema, types, directives) of the document.
    @exclusivity(unchecked) var inTypeSystemDefinition = false

    init(schema: GraphQLSchema) {
        self.schema = schema
        parentTypeStack.reserveCapacity(32)
        typeStack.reserveCapacity(32)
        inputTypeStack.reserveCapacity(16)
        fieldDefStack.reserveCapacity(32)
        defaultValueStack.reserveCapacity(16)
    }

    /// The composite type whose selection set is being walked.
    var parentType: GraphQLNamedType? { parentTypeStack.last ?? nil }
    /// The output type of the current field, fragment or operation.
    var type: GraphQLType? { typeStack.last ?? nil }
    /// The expected type of the current input value.
    var inputType: GraphQLType? { inputTypeStack.last ?? nil }
    /// The expected type of the value enclosing the current one (the list, or input object).
    var parentInputType: GraphQLType? {
        inputTypeStack.count >= 2 ? inputTypeStack[inputTypeStack.count - 2] : nil
    }
    var fieldDef: GraphQLField? { fieldDefStack.last ?? nil }
    /// True when the current argument or input field has a default value.
    var hasDefaultValue: Bool { defaultValueStack.last ?? false }
}
