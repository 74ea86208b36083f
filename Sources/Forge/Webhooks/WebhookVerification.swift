/// Whether a delivery may be trusted: `refused` says why in words fit for a log line, never with the
/// secret or the signature the bot expected in it.
package enum WebhookVerification: Sendable, Equatable {
    case valid
    case refused(String)

    package var isValid: Bool { self == .valid }
}
