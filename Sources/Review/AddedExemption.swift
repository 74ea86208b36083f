import Manifests
import Policy

/// An exemption annotation a change adds to an object (`shipshape.dev/<checkId>-exempt`, Polaris'
/// `...-exempt: "true"`): it would silence findings on the very change under review, so a review
/// lists every one, and counts it only when the configuration says so or a person allowed to
/// accept findings approved it (the bot's `/shipshape ignore`).
package struct AddedExemption: Sendable, Hashable {
    package var file: String
    /// The annotation's key line.
    package var position: SourcePosition
    package var object: ObjectReference
    package var annotation: String
    /// The annotation's value: the reason, or `true`.
    package var reason: String
    package var counted: Bool
    package var approved: Bool
}

/// An exemption someone allowed to accept findings asked for (`/shipshape ignore`): the bot
/// records it in its reply, and later reviews of the pull request count it.
package struct ApprovedExemption: Sendable, Hashable {
    package var file: String
    package var object: ObjectReference
    package var annotation: String

    package init(file: String, object: ObjectReference, annotation: String) {
        self.file = file
        self.object = object
        self.annotation = annotation
    }
}

enum AddedExemptions {
    /// The exemption annotations that objects of the changed files carry at head and did not carry
    /// (with an exempting value) in the file's merge-base version.
    static func find(
        changes: [(path: String, oldPath: String?)], head: [String: [UInt8]], base: [String: [UInt8]],
        approved: Set<ApprovedExemption>, counting: Bool
    ) -> [AddedExemption] {
        var added: [AddedExemption] = []
        for change in changes {
            guard let bytes = head[change.path] else { continue }
            var before: [ObjectReference: [String: String]] = [:]
            if let oldPath = change.oldPath, let oldBytes = base[oldPath] {
                for object in ManifestReader.read(path: oldPath, bytes: oldBytes).objects {
                    before[object.reference] = AnnotationExemptions.exempting(object.annotations)
                }
            }
            for object in ManifestReader.read(path: change.path, bytes: bytes).objects {
                let earlier = before[object.reference] ?? [:]
                for (key, reason) in AnnotationExemptions.exempting(object.annotations).sorted(by: { $0.key < $1.key })
                where earlier[key] == nil {
                    let isApproved = approved.contains(
                        ApprovedExemption(file: change.path, object: object.reference, annotation: key))
                    let position = object.node["metadata", "annotations"]?.entry(key)?.key.start ?? object.anchor
                    added.append(
                        AddedExemption(
                            file: change.path, position: position, object: object.reference, annotation: key,
                            reason: reason, counted: counting || isApproved, approved: isApproved))
                }
            }
        }
        return added
    }
}
