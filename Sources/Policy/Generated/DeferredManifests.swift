import Manifests

/// Generated streams made one at a time while the engine checks them, instead of all before:
/// each is made, checked and let go, keeping only what its findings and the cross-object checks
/// still need (`GeneratedManifests.keeping`). Memory then follows the largest stream, not the
/// number of streams (a monorepo's thousands of kustomization roots).
package struct DeferredManifests: Sendable {
    /// What is known of a stream before it is made: its name and default namespace.
    package struct Entry: Sendable {
        package var path: String
        package var namespace: String?

        package init(path: String, namespace: String?) {
            self.path = path
            self.namespace = namespace
        }
    }

    package var entries: [Entry]
    /// Makes the stream of `entries[index]` (nil when it cannot be made again: nothing is checked).
    package var make: @Sendable (Int) -> GeneratedManifests?
    /// The streams among them that hold Kyverno policies, made already: policies are found
    /// before any object is checked.
    package var policyStreams: [GeneratedManifests]
    /// Where among the paths checked the streams go (the engine's order of objects for the
    /// cross-object checks is that of its paths): set by the engine's caller.
    var position = 0

    package init(
        entries: [Entry], policyStreams: [GeneratedManifests] = [],
        make: @escaping @Sendable (Int) -> GeneratedManifests?
    ) {
        self.entries = entries
        self.policyStreams = policyStreams
        self.make = make
    }

    package static let none = DeferredManifests(entries: []) { _ in nil }

    package var isEmpty: Bool { entries.isEmpty }
}

extension GeneratedManifests {
    /// This stream without its documents, with the origins only of what is still to be moved:
    /// the places of `findings` (looked up now, kept under their exact paths, so the later
    /// lookup finds the same place) and the origins of what the objects kept for the
    /// cross-object checks (`retained`, whose findings come later) still hold.
    /// `wholeObjects`: the objects were kept whole (`PolicyEngine.keepsWholeObjects`), so are their origins.
    func keeping(originsOf findings: [Finding], retained: [KubernetesObject], wholeObjects: Bool) -> GeneratedManifests
    {
        var kept = self
        kept.documents = nil
        kept.bytes = []
        let objects = Dictionary(retained.map { ($0.documentIndex, $0) }, uniquingKeysWith: { first, _ in first })
        kept.origins = origins.keeping(documents: Set(objects.keys)) { document, path in
            objects[document].map { wholeObjects || !CrossObjectRetention.isDropped(path.components, of: $0) } ?? false
        }
        for finding in findings {
            let document = finding.documentIndex ?? 0
            guard let origin = origins.origin(document: document, path: finding.path) else { continue }
            kept.origins.record(document: document, path: finding.path, origin: origin)
        }
        return kept
    }
}
