/// The shapes of the introspection types' fields that matter for cost: which ones return lists
/// and which return objects. Built in, because a schema model need not list meta types.
enum IntrospectionShapes {
    static func fieldShape(typeName: String, fieldName: String) -> QueryFieldShape? {
        switch (typeName, fieldName) {
        case (_, "__typename"): QueryFieldShape(typeName: "String", isList: false)
        case (_, "__schema"): QueryFieldShape(typeName: "__Schema", isList: false)
        case (_, "__type"): QueryFieldShape(typeName: "__Type", isList: false)
        case ("__Schema", "types"): QueryFieldShape(typeName: "__Type", isList: true)
        case ("__Schema", "directives"): QueryFieldShape(typeName: "__Directive", isList: true)
        case ("__Schema", "queryType"), ("__Schema", "mutationType"), ("__Schema", "subscriptionType"):
            QueryFieldShape(typeName: "__Type", isList: false)
        case ("__Type", "fields"): QueryFieldShape(typeName: "__Field", isList: true)
        case ("__Type", "interfaces"), ("__Type", "possibleTypes"): QueryFieldShape(typeName: "__Type", isList: true)
        case ("__Type", "enumValues"): QueryFieldShape(typeName: "__EnumValue", isList: true)
        case ("__Type", "inputFields"): QueryFieldShape(typeName: "__InputValue", isList: true)
        case ("__Type", "ofType"): QueryFieldShape(typeName: "__Type", isList: false)
        case ("__Field", "args"), ("__Directive", "args"): QueryFieldShape(typeName: "__InputValue", isList: true)
        case ("__Field", "type"), ("__InputValue", "type"): QueryFieldShape(typeName: "__Type", isList: false)
        case ("__Directive", "locations"): QueryFieldShape(typeName: "__DirectiveLocation", isList: true)
        default: nil
        }
    }
}
