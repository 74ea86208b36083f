import Manifests
import Policy
import Testing

/// `check` on 100 KB of `[` (12 s before the depth limit): one yamlSyntaxError where the 129th
/// level opens, and the file's next document is still checked.
@Suite struct FlowNestingCheckTests {
    @Test func deepFlowNestingIsOneSyntaxErrorAndTheRestIsChecked() throws {
        let text = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: deep
            data:
              x: \(String(repeating: "[", count: 100_000))
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: after
            spec:
              hostNetwork: true
              containers: [{name: app, image: "nginx:1.27"}]
            """
        let report = try TestEngine.check(text)
        let syntax = report.findings.filter { $0.checkID == "yamlSyntaxError" }
        #expect(syntax.map(\.position.line) == [6])
        #expect(
            syntax.first?.position.column == 6 + 126,
            "levels 1 and 2 are mappings; the 127th `[`, at column 6 + 126, is level 129")
        #expect(syntax.first?.message.contains("nested deeper than 128 levels") == true)
        #expect(report.findings.contains { $0.checkID == "hostNetworkSet" && $0.position.line == 13 })
    }
}
