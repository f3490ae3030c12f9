import Campaigns
import GraphQL

/// `Mutation.uploadMedia`: images for creatives, stored where nginx serves them.
enum MediaResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()
        resolvers.mutation("uploadMedia") { context, session -> MediaUpload in
            let request = try context.request
            guard let store = request.media else {
                throw UserError("Uploads are not configured on this server.", code: .serviceUnavailable)
            }
            let input = try context.arguments(as: Arguments.self).input
            let stored = try withinInput {
                try store.store(filename: input.filename, contentType: input.contentType, base64: input.dataBase64,
                                organizationID: session.organizationID)
            }
            return MediaUpload(stored: stored, origin: request.origin)
        }
        resolvers.object("MediaUpload", of: MediaUpload.self) { object in
            object.field("url") { upload, _ in upload.origin + upload.stored.path }
            object.field("path") { upload, _ in upload.stored.path }
            object.field("contentType") { upload, _ in upload.stored.format.contentType }
            object.field("byteSize") { upload, _ in upload.stored.byteSize }
        }
        return resolvers
    }

    /// `uploadMedia(input: UploadMediaInput!)`.
    private struct Arguments: Decodable {
        struct Input: Decodable {
            var filename: String
            var contentType: String
            var dataBase64: String
        }
        var input: Input
    }
}

/// A stored image and the origin (`http://host:port`) its URL is made absolute with.
struct MediaUpload: GraphQLObject {
    var stored: StoredMedia
    var origin: String
}
