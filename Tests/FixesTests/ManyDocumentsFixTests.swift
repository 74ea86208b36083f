import Fixes
import Manifests
import Policy
import Testing

/// `fix` on a file of many documents: every document gets every fix (it used to stop silently
/// after 1,000 fixes per file), each document fixed on its own so the work grows with the file.
@Suite struct ManyDocumentsFixTests {
    static func deployment(_ index: Int) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web-\(index)
          namespace: shop
        spec:
          replicas: 2
          selector:
            matchLabels: {app: web-\(index)}
          template:
            metadata:
              labels: {app: web-\(index)}
            spec:
              hostNetwork: true
              containers:
                - name: app
                  image: nginx:1.27
                  securityContext:
                    privileged: true

        """
    }

    @Test func everyDocumentOfALargeFileIsFixedAndPlacedInTheFile() throws {
        let engine = try FixEngineTests.engine()
        let single = engine.fix(path: "one.yaml", bytes: Array(Self.deployment(0).utf8))
        let perDocument = single.applied.count
        #expect(perDocument >= 5)

        // 150 documents × the fixes of one: past the old silent limit of 1,000 per file.
        let count = 150
        let text = (0..<count).map(Self.deployment).joined(separator: "---\n")
        #expect(perDocument * count > 1_000)
        let outcome = engine.fix(path: "many.yaml", bytes: Array(text.utf8))
        #expect(outcome.applied.count == perDocument * count)
        #expect(!outcome.unfixed.contains { $0.why.contains("is the limit; run fix again") })

        // The same text as fixing each document alone, joined.
        let expected = (0..<count).map {
            String(decoding: engine.fix(path: "one.yaml", bytes: Array(Self.deployment($0).utf8)).bytes, as: UTF8.self)
        }
        .joined(separator: "---\n")
        #expect(String(decoding: outcome.bytes, as: UTF8.self) == expected)

        // Findings are placed in the whole file: each document takes 20 lines (19 and its `---`).
        let alone = try #require(single.applied.first { $0.finding.checkID == "runAsPrivileged" }).finding.position.line
        let privileged = outcome.applied.filter { $0.finding.checkID == "runAsPrivileged" }
        #expect(privileged.map(\.finding.position.line) == (0..<count).map { alone + 20 * $0 })
        #expect(Set(outcome.applied.map(\.document)) == Set(0..<count))

        let again = engine.fix(path: "many.yaml", bytes: outcome.bytes)
        #expect(again.applied.isEmpty && again.bytes == outcome.bytes, "fixing twice changes nothing the second time")
    }
}
