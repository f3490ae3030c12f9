import Foundation

/// The Facebook Pages the simulated person has a role on (`GET /me/accounts`): one they can advertise for, and
/// one whose role only lets them see insights, so a creative naming it is refused as Meta refuses it.
struct MetaSimulatedPage {
    var id: String
    var name: String
    var tasks: [String]

    var canAdvertise: Bool { tasks.contains("ADVERTISE") }
    var json: [String: Any] { ["id": id, "name": name, "tasks": tasks] }

    /// The pixel every simulated ad account has (`GET act_{id}/adspixels`).
    static let pixels = [(id: "556677889900112", name: "Tasty Chips Pixel")]

    /// What an ad set optimizes for (https://developers.facebook.com/docs/marketing-api/reference/ad-promoted-object):
    /// OFFSITE_CONVERSIONS needs `{pixel_id, custom_event_type}`, LEAD_GENERATION `{page_id}`.
    static func checkPromotedObject(_ text: String?, optimizationGoal: String) throws {
        let promoted = text.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] } ?? [:]
        switch optimizationGoal {
        case "OFFSITE_CONVERSIONS":
            guard let pixel = promoted["pixel_id"] as? String, pixels.contains(where: { $0.id == pixel }),
                  let event = promoted["custom_event_type"] as? String, !event.isEmpty else {
                throw MetaSimulatedError.invalidParameter(
                    ["promoted_object"], "A conversions ad set needs promoted_object with the account's pixel_id and a custom_event_type.")
            }
        case "LEAD_GENERATION":
            guard let page = promoted["page_id"] as? String, seeded.contains(where: { $0.id == page && $0.canAdvertise }) else {
                throw MetaSimulatedError.invalidParameter(["promoted_object"], "A lead generation ad set needs promoted_object with a page_id.")
            }
        default:
            return
        }
    }

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
