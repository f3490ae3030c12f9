import Foundation

/// `filtering=[{"field":"name","operator":"EQUAL","value":"…"}]` on an account's list edges (campaigns, ad
/// sets, creatives, ads), as the Graph API takes it: every filter must hold. The simulator knows the
/// operators EQUAL and IN on the object's own top-level fields (`name`, `campaign_id`, `adset_id`, `status`).
extension MetaSimulator {
    struct ListFilter {
        var field: String
        var values: Set<String>
    }

    static func listFilters(_ text: String?) throws -> [ListFilter] {
        guard let text, !text.isEmpty else { return [] }
        guard let filters = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else {
            throw MetaSimulatedError.invalidParameter(["filtering"], "filtering must be a JSON array of {field, operator, value}.")
        }
        return try filters.map { filter in
            guard let field = filter["field"] as? String, let op = filter["operator"] as? String else {
                throw MetaSimulatedError.invalidParameter(["filtering"], "Every filter needs a field and an operator.")
            }
            switch (op, filter["value"]) {
            case ("EQUAL", let value as String): return ListFilter(field: field, values: [value])
            case ("IN", let values as [String]): return ListFilter(field: field, values: Set(values))
            default: throw MetaSimulatedError.invalidParameter(["filtering"], "Operator \(op) with this value is not supported here.")
            }
        }
    }
}

extension MetaSimulatedObject {
    func matches(_ filter: MetaSimulator.ListFilter) -> Bool {
        let value = filter.field == "id" ? id : fields[filter.field] as? String
        return value.map(filter.values.contains) ?? false
    }
}
