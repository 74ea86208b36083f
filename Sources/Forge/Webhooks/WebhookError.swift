/// A delivery that passed verification but cannot be read. The message names the forge, the delivery,
/// the event and the header or field, so the delivery can be found in the forge's log and redelivered.
package enum WebhookError: Error, Sendable, Equatable, CustomStringConvertible {
    /// None of `names` was sent (the event name, or the delivery id).
    case missingHeader(forge: ForgeKind, names: [String])
    /// The body is not a JSON object: truncated, empty, or form-encoded.
    case unreadableBody(forge: ForgeKind, delivery: String, event: String, reason: String)
    /// A field the event needs is absent or has the wrong type (`field` is a dotted path).
    case missingField(forge: ForgeKind, delivery: String, event: String, field: String, expected: String)

    package var description: String {
        switch self {
        case .missingHeader(let forge, let names):
            let list = names.joined(separator: ", ")
            return "\(forge.rawValue) webhook: missing header \(names.count == 1 ? list : "(one of \(list))"); "
                + "is the webhook pointed at the right endpoint for \(forge.rawValue)?"
        case .unreadableBody(let forge, let delivery, let event, let reason):
            return "\(forge.rawValue) delivery \(delivery) (\(event)): the body is not a JSON object (\(reason)); "
                + "check the webhook's content type is application/json and redeliver it"
        case .missingField(let forge, let delivery, let event, let field, let expected):
            return "\(forge.rawValue) delivery \(delivery) (\(event)): the payload has no \(expected) at '\(field)'"
        }
    }
}
