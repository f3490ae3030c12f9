/// How a change between two versions of a schema affects its clients, as graphql-js's `findBreakingChanges` and
/// `findDangerousChanges` classify them: a breaking change makes valid requests invalid (a field or type
/// removed, an argument required); a dangerous one may change what existing requests get (an enum value added,
/// a default changed); anything else (a type or field added, a description) is safe and not reported.
public struct SchemaChange: Sendable, Equatable {
    public enum Severity: String, Sendable {
        case breaking
        case dangerous
    }

    public var severity: Severity
    /// graphql-js's names: `TYPE_REMOVED`, `FIELD_CHANGED_KIND`, `VALUE_ADDED_TO_ENUM`, …
    public var type: String
    public var description: String
}

/// Every breaking and dangerous change from `old` to `new`, breaking ones first, each group in schema order.
public func findSchemaChanges(from old: GraphQLSchema, to new: GraphQLSchema) -> [SchemaChange] {
    var finder = SchemaChangeFinder()
    finder.compareTypes(old, new)
    finder.compareDirectives(old, new)
    return finder.changes.filter { $0.severity == .breaking } + finder.changes.filter { $0.severity == .dangerous }
}

private struct SchemaChangeFinder {
    var changes: [SchemaChange] = []

    mutating func add(_ severity: SchemaChange.Severity, _ type: String, _ description: String) {
        changes.append(SchemaChange(severity: severity, type: type, description: description))
    }

    mutating func compareTypes(_ old: GraphQLSchema, _ new: GraphQLSchema) {
        for oldType in old.types where !oldType.isIntrospectionType {
            guard let newType = new.type(named: oldType.name) else {
                add(.breaking, "TYPE_REMOVED", oldType.isSpecifiedScalarType
                    ? "Standard scalar \(oldType.name) was removed because it is not referenced anymore."
                    : "\(oldType.name) was removed.")
                continue
            }
            guard oldType.kind == newType.kind else {
                add(.breaking, "TYPE_CHANGED_KIND", "\(oldType.name) changed from \(article(oldType.kind)) to \(article(newType.kind)).")
                continue
            }
            switch (oldType, newType) {
            case (.enum(let a), .enum(let b)): compareEnums(a, b)
            case (.union(let a), .union(let b)): compareUnions(a, b)
            case (.inputObject(let a), .inputObject(let b)): compareInputObjects(a, b)
            case (.object(let a), .object(let b)):
                compareFields(a.name, a.fields, b.fields)
                compareInterfaces(a.name, a.interfaces, b.interfaces)
            case (.interface(let a), .interface(let b)):
                compareFields(a.name, a.fields, b.fields)
                compareInterfaces(a.name, a.interfaces, b.interfaces)
            default: break
            }
        }
    }

    mutating func compareEnums(_ old: GraphQLEnumType, _ new: GraphQLEnumType) {
        for value in old.values where !new.values.contains(where: { $0.name == value.name }) {
            add(.breaking, "VALUE_REMOVED_FROM_ENUM", "\(value.name) was removed from enum type \(old.name).")
        }
        for value in new.values where !old.values.contains(where: { $0.name == value.name }) {
            add(.dangerous, "VALUE_ADDED_TO_ENUM", "\(value.name) was added to enum type \(old.name).")
        }
    }

    mutating func compareUnions(_ old: GraphQLUnionType, _ new: GraphQLUnionType) {
        for member in old.types where !new.types.contains(where: { $0.name == member.name }) {
            add(.breaking, "TYPE_REMOVED_FROM_UNION", "\(member.name) was removed from union type \(old.name).")
        }
        for member in new.types where !old.types.contains(where: { $0.name == member.name }) {
            add(.dangerous, "TYPE_ADDED_TO_UNION", "\(member.name) was added to union type \(old.name).")
        }
    }

    mutating func compareInputObjects(_ old: GraphQLInputObjectType, _ new: GraphQLInputObjectType) {
        for field in old.fields {
            guard let newField = new.fields.first(where: { $0.name == field.name }) else {
                add(.breaking, "FIELD_REMOVED", "\(old.name).\(field.name) was removed.")
                continue
            }
            if !isSafeInputChange(field.type, newField.type) {
                add(.breaking, "FIELD_CHANGED_KIND", "\(old.name).\(field.name) changed type from \(field.type) to \(newField.type).")
            }
        }
        for field in new.fields where !old.fields.contains(where: { $0.name == field.name }) {
            if field.type.isNonNull && field.defaultValue == nil {
                add(.breaking, "REQUIRED_INPUT_FIELD_ADDED", "A required field \(field.name) on input type \(old.name) was added.")
            } else {
                add(.dangerous, "OPTIONAL_INPUT_FIELD_ADDED", "An optional field \(field.name) on input type \(old.name) was added.")
            }
        }
    }

    mutating func compareFields(_ typeName: String, _ old: [GraphQLField], _ new: [GraphQLField]) {
        for field in old {
            guard let newField = new.first(where: { $0.name == field.name }) else {
                add(.breaking, "FIELD_REMOVED", "\(typeName).\(field.name) was removed.")
                continue
            }
            compareArguments("\(typeName).\(field.name)", field.arguments, newField.arguments)
            if !isSafeOutputChange(field.type, newField.type) {
                add(.breaking, "FIELD_CHANGED_KIND", "\(typeName).\(field.name) changed type from \(field.type) to \(newField.type).")
            }
        }
    }

    mutating func compareArguments(_ owner: String, _ old: [GraphQLArgument], _ new: [GraphQLArgument]) {
        for argument in old {
            guard let newArgument = new.first(where: { $0.name == argument.name }) else {
                add(.breaking, "ARG_REMOVED", "\(argument.name) was removed from \(owner).")
                continue
            }
            if !isSafeInputChange(argument.type, newArgument.type) {
                add(.breaking, "ARG_CHANGED_KIND", "\(argument.name) on \(owner) changed type from \(argument.type) to \(newArgument.type).")
            } else if let oldDefault = argument.defaultValue, oldDefault != newArgument.defaultValue {
                add(.dangerous, "ARG_DEFAULT_VALUE_CHANGE", "\(argument.name) on \(owner) has changed its default value.")
            }
        }
        for argument in new where !old.contains(where: { $0.name == argument.name }) {
            if argument.type.isNonNull && argument.defaultValue == nil {
                add(.breaking, "REQUIRED_ARG_ADDED", "A required argument \(argument.name) on \(owner) was added.")
            } else {
                add(.dangerous, "OPTIONAL_ARG_ADDED", "An optional argument \(argument.name) on \(owner) was added.")
            }
        }
    }

    mutating func compareInterfaces(_ typeName: String, _ old: [GraphQLInterfaceType], _ new: [GraphQLInterfaceType]) {
        for interface in old where !new.contains(where: { $0.name == interface.name }) {
            add(.breaking, "IMPLEMENTED_INTERFACE_REMOVED", "\(typeName) no longer implements interface \(interface.name).")
        }
        for interface in new where !old.contains(where: { $0.name == interface.name }) {
            add(.dangerous, "IMPLEMENTED_INTERFACE_ADDED", "\(interface.name) added to interfaces implemented by \(typeName).")
        }
    }

    mutating func compareDirectives(_ old: GraphQLSchema, _ new: GraphQLSchema) {
        for directive in old.directives {
            guard let newDirective = new.directive(named: directive.name) else {
                add(.breaking, "DIRECTIVE_REMOVED", "\(directive.name) was removed.")
                continue
            }
            for argument in directive.arguments where newDirective.argument(named: argument.name) == nil {
                add(.breaking, "DIRECTIVE_ARG_REMOVED", "\(argument.name) was removed from \(directive.name).")
            }
            for argument in newDirective.arguments
            where directive.argument(named: argument.name) == nil && argument.type.isNonNull && argument.defaultValue == nil {
                add(.breaking, "REQUIRED_DIRECTIVE_ARG_ADDED", "A required argument \(argument.name) on directive \(directive.name) was added.")
            }
            if directive.isRepeatable && !newDirective.isRepeatable {
                add(.breaking, "DIRECTIVE_REPEATABLE_REMOVED", "Repeatable flag was removed from \(directive.name).")
            }
            for location in directive.locations where !newDirective.locations.contains(location) {
                add(.breaking, "DIRECTIVE_LOCATION_REMOVED", "\(location.rawValue) was removed from \(directive.name).")
            }
        }
    }

    /// An output field's type may become non-null (or keep its shape): what clients read stays valid.
    func isSafeOutputChange(_ old: GraphQLType, _ new: GraphQLType) -> Bool {
        switch old {
        case .named(let named):
            if case .named(let newNamed) = new { return newNamed.name == named.name }
            if case .nonNull(let inner) = new { return isSafeOutputChange(old, inner) }
            return false
        case .list(let item):
            if case .list(let newItem) = new { return isSafeOutputChange(item, newItem) }
            if case .nonNull(let inner) = new { return isSafeOutputChange(old, inner) }
            return false
        case .nonNull(let inner):
            if case .nonNull(let newInner) = new { return isSafeOutputChange(inner, newInner) }
            return false
        }
    }

    /// An argument's or input field's type may become nullable (or keep its shape): what clients send stays valid.
    func isSafeInputChange(_ old: GraphQLType, _ new: GraphQLType) -> Bool {
        switch old {
        case .named(let named):
            if case .named(let newNamed) = new { return newNamed.name == named.name }
            return false
        case .list(let item):
            if case .list(let newItem) = new { return isSafeInputChange(item, newItem) }
            return false
        case .nonNull(let inner):
            if case .nonNull(let newInner) = new { return isSafeInputChange(inner, newInner) }
            return isSafeInputChange(inner, new)
        }
    }

    func article(_ kind: GraphQLTypeKind) -> String {
        switch kind {
        case .scalar: "a Scalar type"
        case .object: "an Object type"
        case .interface: "an Interface type"
        case .union: "a Union type"
        case .enum: "an Enum type"
        case .inputObject: "an Input type"
        }
    }
}
