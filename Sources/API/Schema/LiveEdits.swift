import Campaigns
import Foundation
import GraphQL

/// Campaign mutations on a campaign that is on its platform go through the lifecycle service, which changes the
/// platform first and commits here on a connection of its own (see `CampaignLifecycleService.editCampaign`);
/// drafts are written in the request's transaction as before.
enum LiveEdits {
    /// A change of the campaign's own fields, by `write` in whichever session applies it.
    static func edit(_ context: FieldContext, campaign id: UUID, _ session: TenantSession,
                     _ write: (TenantSession) throws -> Void) throws {
        guard try CampaignLifecycleService.isOnPlatform(id, in: session) else { return try write(session) }
        let handled = try context.services.lifecycle.editCampaign(id, organizationID: session.organizationID, write)
        if !handled { try write(session) }
    }

    /// An addition (unit, creative, creative version) to the campaign `id` (nil when the input names none: the
    /// write then reports what is missing).
    static func add<Value>(_ context: FieldContext, campaign id: UUID?, _ session: TenantSession,
                           _ write: (TenantSession) throws -> Value) throws -> Value {
        guard let id, try CampaignLifecycleService.isOnPlatform(id, in: session) else { return try write(session) }
        let added = try context.services.lifecycle.addToCampaign(id, organizationID: session.organizationID, write)
        return try added ?? write(session)
    }
}
