import Foundation

/// Turns a verified delivery into what it means to the bot. Verify first (`WebhookVerifier`): the
/// decoder trusts the body it is given.
package enum WebhookDecoder {
    /// `headers` as received (names compared without regard to case), `body` the bytes received.
    /// Throws `WebhookError` when the event or delivery header is missing, the body is not JSON, or a
    /// field the event needs is absent; events the bot does not act on decode to `.ignored`.
    package static func decode(forge: ForgeKind, headers: [String: String], body: Data) throws -> WebhookDelivery {
        try decode(forge: forge, headers: headers, body: body, gitHubAppID: nil)
    }

    /// As `decode(forge:headers:body:)`; with `gitHubAppID`, a GitHub check re-run asked of another
    /// app's check (`check_run.app.id`, `check_suite.app.id`) is ignored rather than re-run.
    package static func decode(forge: ForgeKind, headers: [String: String], body: Data, gitHubAppID: Int?) throws
        -> WebhookDelivery
    {
        let headers = WebhookHeaders(headers)
        let names = WebhookHeaderNames(forge: forge)
        guard let event = headers.first(of: names.event) else {
            throw WebhookError.missingHeader(forge: forge, names: names.event)
        }
        guard let id = headers.first(of: names.delivery) else {
            throw WebhookError.missingHeader(forge: forge, names: names.delivery)
        }
        let payload = WebhookPayload(forge: forge, delivery: id, event: event, body: body)
        let webEvent: WebhookEvent =
            switch forge {
            case .github: try GitHubWebhookEvents.decode(event, payload: payload, appID: gitHubAppID)
            case .gitea:
                try GiteaWebhookEvents.decode(event, type: headers.first(of: names.eventType), payload: payload)
            case .gitlab: try GitLabWebhookEvents.decode(event, payload: payload)
            }
        return WebhookDelivery(forge: forge, id: id, event: event, webEvent: webEvent)
    }
}
