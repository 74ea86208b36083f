import Forge
import Logging

extension JobRecord {
    /// What a log line about this job carries: job id and kind, delivery id, and from the payload
    /// the forge, repository and pull request (those a payload lacks are left out).
    package var logMetadata: Logger.Metadata {
        var metadata: Logger.Metadata = ["job": "\(id)", "kind": "\(kind.rawValue)"]
        if let deliveryID { metadata["delivery"] = "\(deliveryID)" }
        if let payload = try? JobPayload.decode(payload, kind: kind) {
            metadata["forge"] = "\(payload.forge.rawValue)"
            metadata["repository"] = "\(payload.repository.fullName)"
            if let number = payload.number { metadata["pr"] = "\(number)" }
        }
        return metadata
    }
}
