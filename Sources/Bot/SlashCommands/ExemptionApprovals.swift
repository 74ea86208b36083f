import Forge
import Foundation
import Manifests
import Review

/// The exemptions `/shipshape ignore` committed for someone allowed to accept findings. Each is
/// recorded as a hidden marker in the bot's reply, which only the bot can write, so a review of
/// the pull request counts exactly those, and an annotation the author added alone is listed and
/// not counted (see `AddedExemption`).
enum ExemptionApprovals {
    private static let prefix = "<!-- shipshape:approved-exemption "

    static func marker(_ approval: ApprovedExemption) -> String {
        let fields = [
            approval.file, approval.object.apiVersion, approval.object.kind, approval.object.namespace ?? "",
            approval.object.name,
            approval.annotation,
        ]
        return prefix + fields.map(escape).joined(separator: "|") + " -->"
    }

    static func approvals(in body: String) -> [ApprovedExemption] {
        body.split(separator: "\n").compactMap { line -> ApprovedExemption? in
            guard line.hasPrefix(prefix), line.hasSuffix(" -->") else { return nil }
            let fields = line.dropFirst(prefix.count).dropLast(4).split(
                separator: "|", omittingEmptySubsequences: false
            ).map { unescape(String($0)) }
            guard fields.count == 6 else { return nil }
            let object = ObjectReference(
                apiVersion: fields[1], kind: fields[2], namespace: fields[3].isEmpty ? nil : fields[3], name: fields[4])
            return ApprovedExemption(file: fields[0], object: object, annotation: fields[5])
        }
    }

    /// The approvals in the bot's own comments on the pull request.
    static func read(from forge: any Forge, number: Int) async throws -> Set<ApprovedExemption> {
        let bot = try await forge.botLogin().lowercased()
        let own = try await forge.comments(on: number).filter { $0.author.lowercased() == bot }
        return Set(own.flatMap { approvals(in: $0.body) })
    }

    /// `--` and `>` cannot appear inside an HTML comment; `|` separates the fields.
    private static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "%": escaped += "%25"
            case "-": escaped += "%2D"
            case ">": escaped += "%3E"
            case "|": escaped += "%7C"
            case "\n": escaped += "%0A"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%7C", with: "|")
            .replacingOccurrences(of: "%3E", with: ">")
            .replacingOccurrences(of: "%2D", with: "-").replacingOccurrences(of: "%25", with: "%")
    }
}
