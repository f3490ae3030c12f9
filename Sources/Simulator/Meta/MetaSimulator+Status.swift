import FastCGI
import Foundation

/// Changes to existing objects: `POST /{object-id}` with `status`, and `DELETE /{object-id}`.
extension MetaSimulator {
    /// `POST /{object-id}` with `status`.
    func updateStatus(objectID: String, _ parameters: [String: String]) throws -> FastCGIResponse {
        guard let status = parameters["status"] else { throw MetaSimulatedError.missing("status") }
        guard ["ACTIVE", "PAUSED", "ARCHIVED", "DELETED"].contains(status) else {
            throw MetaSimulatedError.invalidParameter(["status"], "status must be one of ACTIVE, PAUSED, ARCHIVED, DELETED.")
        }
        try lock.withLock {
            guard let index = objects.firstIndex(where: { $0.id == objectID }) else { throw MetaSimulatedError.unknownObject(objectID) }
            guard objects[index].kind != .adcreative else {
                throw MetaSimulatedError.invalidParameter(["status"], "Ad creatives have no delivery status.")
            }
            objects[index].fields["status"] = status
        }
        return .simulatorJSON(200, ["success": true])
    }

    /// `DELETE /{object-id}`; a creative an ad uses cannot go, nor an object with children.
    func delete(objectID: String) throws -> FastCGIResponse {
        try lock.withLock {
            guard let index = objects.firstIndex(where: { $0.id == objectID }) else { throw MetaSimulatedError.unknownObject(objectID) }
            let inUse = objects.contains { object in
                (object.fields["campaign_id"] as? String) == objectID || (object.fields["adset_id"] as? String) == objectID
                    || ((object.fields["creative"] as? [String: Any])?["id"] as? String) == objectID
            }
            guard !inUse else {
                throw MetaSimulatedError(code: 100, subcode: 1_487_118, message: "Object \(objectID) is in use and cannot be deleted.")
            }
            objects.remove(at: index)
        }
        return .simulatorJSON(200, ["success": true])
    }
}
