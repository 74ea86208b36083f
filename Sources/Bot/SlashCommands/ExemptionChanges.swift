import Fixes
import Manifests
import Policy
import Review

/// The `ignore` command's change: the annotation `shipshape.dev/<checkId>-exempt: "<reason>"`
/// (`shipshape.dev/kyverno.<policy>.<rule>-exempt` for a Kyverno rule) on every object that has a
/// finding of the check on a changed line, written into the object's `metadata.annotations`
/// (created when missing) with edits that leave the rest of the file as it was.
enum ExemptionChanges {
    static func make(review: ReviewResult, checkID: String, reason: String, headFile: (String) -> [UInt8]?)
        -> BranchChange
    {
        let findings = review.comments.map(\.finding).filter { $0.checkID == checkID }
        var change = BranchChange()
        let key: String
        switch AnnotationExemptions.annotation(for: checkID) {
        case .success(let valid): key = valid
        case .failure(let invalid):
            let instead =
                checkID.hasPrefix("kyverno:")
                ? "exempt the whole policy with `shipshape.dev/kyverno.<policy>-exempt`, or add a Kyverno PolicyException"
                : "exempt the objects in the configuration's `exemptions`"
            change.skipped = findings.map {
                "\(checkID): \($0.file):\($0.position.line) — \(invalid); \(instead)"
            }
            return change
        }
        for (path, inFile) in Dictionary(grouping: findings, by: \.file).sorted(by: { $0.key < $1.key }) {
            guard let original = headFile(path) else {
                change.skipped += inFile.map {
                    "\(checkID): \(path):\($0.position.line) — the file is not in the head commit"
                }
                continue
            }
            var bytes = original
            var seen: Set<ObjectReference> = []
            for finding in inFile.sorted(by: Finding.reportOrder) {
                let location = "\(checkID): \(path):\(finding.position.line)"
                guard let object = finding.object else {
                    change.skipped.append(
                        "\(location) — the finding is about the file, not an object, so there is nothing to annotate")
                    continue
                }
                guard seen.insert(object).inserted else { continue }
                do {
                    bytes = try annotate(object, key: key, value: reason, path: path, bytes: bytes)
                    change.changes.append("\(location) — \(object) annotated `\(key)`")
                    change.approvedExemptions.append(
                        ApprovedExemption(file: path, object: object, annotation: key))
                } catch {
                    change.skipped.append("\(location) — cannot annotate \(object): \(error)")
                }
            }
            if bytes != original {
                change.files[path] = bytes
                change.originals[path] = original
            }
        }
        return change
    }

    /// The file with `key: "value"` in the object's annotations; each object is found again by
    /// kind, namespace and name in freshly parsed bytes, so earlier edits never shift it.
    static func annotate(_ reference: ObjectReference, key: String, value: String, path: String, bytes: [UInt8]) throws
        -> [UInt8]
    {
        let file = ManifestReader.read(path: path, bytes: bytes)
        guard
            let object = file.objects.first(where: {
                $0.kind == reference.kind && $0.name == reference.name && $0.namespace == reference.namespace
            })
        else {
            throw EditError("\(reference) is not in \(path) at the head")
        }
        let editor = YAMLEditor(source: SourceText(bytes: bytes))
        guard
            let edit = try editor.set(
                ["metadata", "annotations", key], to: .plain(YAMLValue.quoted(value)), in: object.node)
        else { return bytes }
        return try TextEdit.apply([edit], to: bytes)
    }
}
