import GraphQL
import Postgres

/// A value the database refused by a rule of its own (a CHECK constraint, or text PostgreSQL cannot hold)
/// is the caller's input, not a server fault: `BAD_USER_INPUT` instead of an internal error. The API's own
/// checks (``ArgumentLimits``, the domain rules) refuse these values first, with a precise message; this is
/// the net behind them.
enum StoredDataRefusal {
    /// The input field a constraint guards, where one field does (else the error names no field).
    static let fieldByConstraint: [String: String] = [
        "audiences_name_check": "input.name", "audiences_name_length": "input.name",
        "audiences_rules_check": "input", "audiences_rules_length": "input",
        "campaigns_name_check": "input.name", "campaigns_name_length": "input.name",
        "campaign_units_name_check": "input.name", "campaign_units_name_length": "input.name",
        "ad_creatives_headline_length": "input.headline", "ad_creatives_description_length": "input.description",
        "ad_creatives_more_headlines_length": "input.headlines", "ad_creatives_more_descriptions_length": "input.descriptions",
        "ad_creatives_media_url_length": "input.mediaUrl", "ad_creatives_landing_url_length": "input.landingUrl",
        "ad_creatives_landing_url_check": "input.landingUrl",
        "oauth_states_redirect_uri_length": "redirectUri", "oauth_states_redirect_uri_check": "redirectUri",
    ]

    /// The client-facing error for `error`, or `nil` when it is not such a refusal.
    static func userError(for error: any Error) -> UserError? {
        guard let server = (error as? PostgresError)?.serverError else { return nil }
        let isRefusedValue = server.kind == .checkViolation || server.sqlState == PostgresServerError.characterNotInRepertoire
        guard isRefusedValue else { return nil }
        var extensions = JSONObject()
        let field = server.constraint.flatMap { fieldByConstraint[$0] }
        if let field { extensions["field"] = .string(field) }
        let subject = field ?? "A value"
        return UserError("\(subject) is outside what can be stored (see the limits in the schema's descriptions).",
                         code: .badUserInput, extensions: extensions)
    }
}
