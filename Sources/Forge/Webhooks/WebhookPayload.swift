import Foundation

/// A verified delivery's body, read into the typed model of its event. A field the event cannot do
/// without that is absent or of another type is an error naming its dotted path and the delivery.
struct WebhookPayload {
    let forge: ForgeKind
    let delivery: String
    let event: String
    let body: Data

    func decode<Model: Decodable>(_ model: Model.Type) throws -> Model {
        do {
            return try ForgeJSONDecoder.decode(model, from: body)
        } catch let error as MissingField {
            throw missing(error.path, expected: error.expected)
        } catch let error as NotJSON {
            throw WebhookError.unreadableBody(forge: forge, delivery: delivery, event: event, reason: error.reason)
        }
    }

    /// For events read no further (pings, events the bot ignores): the body must still be a JSON object.
    func checkObject() throws {
        _ = try decode(AnyObject.self)
    }

    func missing(_ path: String, expected: String) -> WebhookError {
        .missingField(forge: forge, delivery: delivery, event: event, field: path, expected: expected)
    }

    private struct AnyObject: Decodable {
        init(from decoder: any Decoder) throws { _ = try decoder.container(keyedBy: AnyKey.self) }
    }
}
