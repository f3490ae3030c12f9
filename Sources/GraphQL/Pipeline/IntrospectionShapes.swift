/// The shapes of the introspection types' fields that matter for cost: which ones return lists
/// and which return objects. Built in, because a schema model need not list meta types.
enum IntrospectionShapes {
    static func fieldShape(typeName: String, fieldName: String) -> FieldShape? {
        switch (typeName, fieldName) {
        case (_, "__typename"): FieldShape(typeName: "String", isList: false)
        case (_, "__schema"): FieldShape(typeName: "__Schema", isList: false)
        case (_, "__type"): FieldShape(typeName: "__Type", isList: false)
        case ("__Schema", "types"): FieldShape(typeName: "__Type", isList: true)
        case ("__Schema", "directives"): FieldShape(typeName: "__Directive", isList: true)
        case ("__Schema", "queryType"), ("__Schema", "mutationType"), ("__Schema", "subscriptionType"):
            FieldShape(typeName: "__Type", isList: false)
        case ("__Type", "fields"): FieldShape(typeName: "__Field", isList: true)
        case ("__Type", "interfaces"), ("__Type", "possibleTypes"): FieldShape(typeName: "__Type", isList: true)
        case ("__Type", "enumValues"): FieldShape(typeName: "__EnumValue", isList: true)
        case ("__Type", "inputFields"): FieldShape(typeName: "__InputValue", isList: true)
        case ("__Type", "ofType"): FieldShape(typeName: "__Type", isList: false)
        case ("__Field", "args"), ("__Directive", "args"): FieldShape(typeName: "__InputValue", isList: true)
        case ("__Field", "type"), ("__InputValue", "type"): FieldShape(typeName: "__Type", isList: false)
        case ("__Directive", "locations"): FieldShape(typeName: "__DirectiveLocation", isList: true)
        default: nil
        }
    }
}
