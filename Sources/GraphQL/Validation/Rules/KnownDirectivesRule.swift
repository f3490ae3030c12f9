/// Spec §5.7.1 Directives Are Defined and §5.7.2 Directives Are in Valid Locations.
final class KnownDirectivesRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [.enterDirective]
    /// Directive definitions written in the document itself also count (as in graphql-js).
    private var documentLocations: [String: [String]] = [:]
    init(context: ValidationContext) {
        self.context = context
        for case .directive(let definition) in context.document.definitions {
            documentLocations[definition.name.value] = definition.locations.map(\.value)
        }
    }

    func enterDirective(_ node: Directive) {
        let name = node.name.value
        let allowed: [String]
        if let directive = context.schema.directive(named: name) {
            allowed = directive.locations.map(\.rawValue)
        } else if let locations = documentLocations[name] {
            allowed = locations
        } else {
            context.report("Unknown directive \"@\(name)\".", at: node.sourceLocation)
            return
        }
        if let location = context.typeInfo.directiveLocation, !allowed.contains(location.rawValue) {
            context.report("Directive \"@\(name)\" may not be used on \(location.rawValue).", at: node.sourceLocation)
        }
    }
}
