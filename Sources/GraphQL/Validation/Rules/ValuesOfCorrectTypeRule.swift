/// Spec §5.6.1 Values of Correct Type, including OneOf input objects (exactly one field,
/// not null): every literal must be coercible to the type expected where it is written.
final class ValuesOfCorrectTypeRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [.enterValue, .leaveValue, .enterObjectField]
    /// Depth of value nesting, and the depth below which this rule skips (after reporting a
    /// list or object literal as a whole, its contents are not checked again).
    private var depth = 0
    private var skipBelow: Int?
    init(context: ValidationContext) { self.context = context }

    func leaveValue(_ node: ValueNode) {
        if skipBelow == depth { skipBelow = nil }
        depth -= 1
    }

    func enterValue(_ node: ValueNode) {
        depth += 1
        if skipBelow != nil { return }
        let typeInfo = context.typeInfo
        switch node {
        case .list:
            // The walker has already stepped into the item type; the list's own type is the parent.
            if typeInfo.parentInputType?.nullableType.isList != true {
                checkLeaf(node)
                skipBelow = depth
            }
        case .object(let object):
            guard let inputType = typeInfo.inputType, case .inputObject(let type) = inputType.namedType else {
                checkLeaf(node)
                skipBelow = depth
                return
            }
            checkObject(object, node, type)
        case .null:
            if let type = typeInfo.inputType, type.isNonNull {
                context.report("Expected value of type \"\(type.printed)\", found null.", at: node.sourceLocation)
            }
        case .variable:
            break
        default:
            checkLeaf(node)
        }
    }

    func enterObjectField(_ node: ObjectField) {
        if skipBelow != nil { return }
        let typeInfo = context.typeInfo
        guard typeInfo.inputType == nil, case .inputObject(let parent)? = typeInfo.parentInputType?.namedType
        else { return }
        let name = node.name.value
        context.report(
            "Field \"\(name)\" is not defined by type \"\(parent.name)\"."
                + didYouMean(suggestionList(name, parent.fields.map(\.name))),
            at: node.sourceLocation
        )
    }

    private func checkObject(_ object: ObjectValue, _ node: ValueNode, _ type: GraphQLInputObjectType) {
        for field in type.fields where isRequiredInputValue(field) {
            if object.fields.contains(where: { $0.name.value == field.name }) { continue }
            context.report(
                "Field \"\(type.name).\(field.name)\" of required type \"\(field.type.printed)\" was not provided.",
                at: node.sourceLocation
            )
        }
        guard type.isOneOf else { return }
        var lastValueByName: [String: ValueNode] = [:]
        var names: [String] = []
        for field in object.fields {
            if lastValueByName.updateValue(field.value, forKey: field.name.value) == nil { names.append(field.name.value) }
        }
        if names.count != 1 {
            context.report("OneOf Input Object \"\(type.name)\" must specify exactly one key.", at: node.sourceLocation)
            return
        }
        if case .null? = lastValueByName[names[0]] {
            context.report("Field \"\(type.name).\(names[0])\" must be non-null.", at: node.sourceLocation)
        }
    }

    /// A scalar or enum literal, or a list/object literal where no list/input object is expected.
    private func checkLeaf(_ node: ValueNode) {
        guard let locationType = context.typeInfo.inputType else { return }
        let named = locationType.namedType
        guard named.isLeafType else {
            context.report(
                "Expected value of type \"\(locationType.printed)\", found \(LiteralPrinter.print(node)).",
                at: node.sourceLocation
            )
            return
        }
        switch LeafLiteralCheck.check(node, against: named) {
        case .valid: break
        case .rejected(let message): context.report(message, at: node.sourceLocation)
        case .invalid:
            context.report(
                "Expected value of type \"\(locationType.printed)\", found \(LiteralPrinter.print(node)).",
                at: node.sourceLocation
            )
        case .invalidBecause(let reason):
            context.report(
                "Expected value of type \"\(locationType.printed)\", found \(LiteralPrinter.print(node)); \(reason)",
                at: node.sourceLocation
            )
        }
    }
}
