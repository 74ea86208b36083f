import Testing

@testable import Upgrades

/// Helm's layout is read chart by chart; any other layout whole, with the same result.
@Suite struct HelmIndexTests {
    static let helmLayout = """
        apiVersion: v1
        entries:
          cert-manager:
          - apiVersion: v2
            home: https://cert-manager.io
            sources:
            - https://github.com/cert-manager/cert-manager
            urls:
            - charts/cert-manager-v1.15.0.tgz
            version: v1.15.0
          - urls: [charts/cert-manager-v1.14.2.tgz]
            version: v1.14.2

          "ingress-nginx":
            - appVersion: 1.10.0
              urls:
                - https://github.com/kubernetes/ingress-nginx/releases/download/helm-chart-4.10.0/ingress-nginx-4.10.0.tgz
              version: 4.10.0
        generated: "2026-11-25T00:00:00Z"
        """

    static let expected: [String: [String]] = ["cert-manager": ["v1.15.0", "v1.14.2"], "ingress-nginx": ["4.10.0"]]

    @Test func helmsLayoutIsCutIntoOneSlicePerChart() throws {
        let bytes = Array(Self.helmLayout.utf8)
        let slices = try #require(HelmIndexSlices.split(bytes))
        #expect(slices.count == 2)
        #expect(String(decoding: bytes[slices[1]], as: UTF8.self).hasPrefix("  \"ingress-nginx\":"))
        let index = try HelmIndex.parse(bytes, url: "https://charts.example/index.yaml")
        #expect(index.charts.mapValues { $0.map(\.version) } == Self.expected)
        #expect(index.charts["cert-manager"]?.first?.sources == ["https://github.com/cert-manager/cert-manager"])
        #expect(index.charts["ingress-nginx"]?.first?.appVersion == "1.10.0")
    }

    @Test(arguments: [
        #"{"apiVersion": "v1", "entries": {"cert-manager": [{"version": "v1.15.0"}, {"version": "v1.14.2"}], "ingress-nginx": [{"version": "4.10.0"}]}}"#,
        "apiVersion: v1\nentries: {cert-manager: [{version: v1.15.0}, {version: v1.14.2}], ingress-nginx: [{version: 4.10.0}]}\n",
    ])
    func otherLayoutsAreReadWhole(_ text: String) throws {
        #expect(HelmIndexSlices.split(Array(text.utf8)) == nil)
        let index = try HelmIndex.parse(Array(text.utf8), url: "https://charts.example/index.yaml")
        #expect(index.charts.mapValues { $0.map(\.version) } == Self.expected)
    }

    @Test func aSliceThatDoesNotParseFallsBackToTheWholeFileAndItsError() {
        let text = "apiVersion: v1\nentries:\n  broken:\n  - version: [unclosed\n"
        #expect(throws: DatasourceError.self) {
            try HelmIndex.parse(Array(text.utf8), url: "https://charts.example/index.yaml")
        }
    }
}
