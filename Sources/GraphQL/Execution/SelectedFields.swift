/// The fields a field's value would be completed with on one object type (spec CollectSubfields, with `@skip` and
/// `@include` already applied): what a resolver that answers its whole selection at once (a read planned into one
/// statement, returned as `ResolvedValue.serialized`) plans from.
///
/// Built afresh on each call and never cached in the executor's plans, so a resolver may read it from any thread.
public struct SelectedFields: Sendable {
    let plan: ObjectPlan

    public var fields: [SelectedField] { plan.fields.map(SelectedField.init) }
}

/// One response key of a `SelectedFields`: its field, its arguments and, for an object-typed field, its subfields.
public struct SelectedField: Sendable {
    let plan: FieldPlan

    /// The alias, or the field's name.
    public var responseKey: String { plan.responseKey }
    public var fieldName: String { plan.fieldName }
    /// The key as the response writes it, `"key":`, already escaped.
    public var keyBytes: [UInt8] { plan.keyBytes }

    /// Whether the field's definition takes arguments (given or not): a planner that reads none refuses such a field.
    public var definesArguments: Bool { !plan.field.arguments.isEmpty }

    /// The coerced arguments, defaults applied; throws the error executing the field would report.
    public func arguments() throws -> JSONObject {
        guard !plan.field.arguments.isEmpty else { return JSONObject() }
        return try coerceFieldArguments(plan.field, node: plan.nodes[0], variables: plan.shared.variables)
    }

    /// The field's subfields on the object type `typeName`; nil for a leaf field, an unknown type, or a selection
    /// whose collection fails (a null `@include` condition, which executing the field reports).
    public func subfields(on typeName: String) -> SelectedFields? {
        plan.subfields(on: typeName)
    }
}

extension ResolveInfo {
    /// This field's subfields on the object type `typeName` (see `SelectedField.subfields(on:)`).
    public func subfields(on typeName: String) -> SelectedFields? {
        plan.subfields(on: typeName)
    }
}

extension FieldPlan {
    fileprivate func subfields(on typeName: String) -> SelectedFields? {
        guard case .object(let type)? = shared.schema.type(named: typeName), nodes.contains(where: { $0.selectionSet != nil })
        else { return nil }
        let plan = collectSubfields(on: type)
        guard plan.collectionError == nil else { return nil }
        return SelectedFields(plan: plan)
    }
}
