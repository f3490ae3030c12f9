/// The Facebook Pages the simulated person has a role on (`GET /me/accounts`): one they can advertise for, and
/// one whose role only lets them see insights, so a creative naming it is refused as Meta refuses it.
struct MetaSimulatedPage {
    var id: String
    var name: String
    var tasks: [String]

    var canAdvertise: Bool { tasks.contains("ADVERTISE") }
    var json: [String: Any] { ["id": id, "name": name, "tasks": tasks] }

    static let seeded = [
        MetaSimulatedPage(id: "102030405060708", name: "Tasty Chips", tasks: ["ADVERTISE", "ANALYZE", "CREATE_CONTENT", "MANAGE", "MODERATE"]),
        MetaSimulatedPage(id: "102030405060709", name: "Tasty Chips Fan Club", tasks: ["ANALYZE"]),
    ]

    /// The Page ads run as must be set (`object_story_spec.page_id`) and be one the person can advertise for;
    /// otherwise Meta refuses the creative as an ill-formed object story spec (code 100, subcode 1443048).
    static func check(_ pageID: Any?) throws {
        guard let pageID = pageID as? String, !pageID.isEmpty else {
            throw MetaSimulatedError.invalidParameter(
                ["object_story_spec", "page_id"], "Object story spec is ill formed: page_id is required.", subcode: 1_443_048)
        }
        guard seeded.contains(where: { $0.id == pageID && $0.canAdvertise }) else {
            throw MetaSimulatedError.invalidParameter(
                ["object_story_spec", "page_id"],
                "Object story spec is ill formed: you cannot advertise for the Page \(pageID).", subcode: 1_443_048)
        }
    }
}
