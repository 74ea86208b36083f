import Foundation
import ShipshapeTesting
import Testing

@testable import Upgrades

@Suite struct ChartContentsUnpackTests {
    @Test func readsChartYAMLValuesTemplatesAndCRDs() throws {
        let chart = try ChartContents.unpack(ChartComparisonFixtures.version2.archive())
        #expect(chart.name == "demo")
        #expect(chart.version == "2.0.0")
        #expect(chart.appVersion == "2.0.0")
        #expect(chart.values == ChartComparisonFixtures.version2.values)
        #expect(
            chart.templates.keys.sorted() == [
                "templates/NOTES.txt", "templates/crds/sprockets.yaml", "templates/cronjob.yaml",
                "templates/deployment.yaml",
                "templates/hpa.yaml", "templates/ingress.yaml", "templates/pdb.yaml",
            ])
        #expect(chart.templates["templates/hpa.yaml"] == ChartComparisonFixtures.version2.templates["hpa.yaml"])
        #expect(chart.crds.keys.sorted() == ["crds/widgets.yaml", "templates/crds/sprockets.yaml#1"])
        #expect(
            chart.crds["crds/widgets.yaml"]
                == ChartComparisonFixtures.crd("widgets.example.io", apiVersion: "apiextensions.k8s.io/v1beta1"))
        #expect(chart.crds["templates/crds/sprockets.yaml#1"]?.contains("name: sprockets.example.io") == true)
    }

    struct EscapingEntry: CustomTestStringConvertible, Sendable {
        let transform: String
        let entry: String
        var testDescription: String { entry }
    }

    @Test(arguments: [
        EscapingEntry(transform: "s,^demo/evil,../evil,", entry: "../evil"),
        EscapingEntry(transform: "s,^demo/evil,demo/../../evil,", entry: "demo/../../evil"),
        EscapingEntry(transform: "s,^demo/evil,/tmp/shipshape-evil,", entry: "/tmp/shipshape-evil"),
    ])
    func refusesAnEntryOutsideTheChartFolder(_ escaping: EscapingEntry) throws {
        let archive = try ChartComparisonFixtures.tarball(
            ["demo/Chart.yaml": "name: demo\nversion: 1.0.0\n", "demo/evil": "escaped\n"],
            tarArguments: ["-P", "--transform", escaping.transform]
        )
        let error = try #require(throws: ChartArchiveError.self) { try ChartContents.unpack(archive) }
        #expect(error.entry == escaping.entry)
        #expect(error.description.contains("outside the chart folder"))
    }

    @Test func skipsSymbolicLinksSoNoFileOutsideTheChartIsRead() throws {
        let archive = try ChartComparisonFixtures.tarball(
            ["demo/Chart.yaml": "name: demo\nversion: 1.0.0\n", "demo/templates/service.yaml": "kind: Service\n"],
            links: ["demo/templates/passwd.yaml": "/etc/passwd", "demo/values.yaml": "/etc/hostname"]
        )
        let chart = try ChartContents.unpack(archive)
        #expect(chart.templates == ["templates/service.yaml": "kind: Service\n"])
        #expect(chart.values == nil)
    }

    @Test func refusesAnArchiveWithoutChartYAML() throws {
        let archive = try ChartComparisonFixtures.tarball(["demo/values.yaml": "replicaCount: 1\n"])
        let error = try #require(throws: ChartArchiveError.self) { try ChartContents.unpack(archive) }
        #expect(error.description.contains("Chart.yaml"))
    }

    @Test func refusesAChartYAMLWithoutVersion() throws {
        let archive = try ChartComparisonFixtures.tarball(["demo/Chart.yaml": "name: demo\n"])
        let error = try #require(throws: ChartArchiveError.self) { try ChartContents.unpack(archive) }
        #expect(error.entry == "demo/Chart.yaml")
    }

    @Test func refusesBytesThatAreNotAGzippedTar() throws {
        let error = try #require(throws: ChartArchiveError.self) {
            try ChartContents.unpack(Data("not an archive".utf8))
        }
        #expect(
            error.description
                == "chart archive: the archive is not valid gzip data (incorrect header check, near byte 2)")
    }
}
