import Foundation
import Kustomize
import Testing

/// Builds every fixture folder and compares with what kustomize built (as data).
@Suite struct KustomizeFixtureTests {
    @Test(arguments: Fixtures.cases("examples") + Fixtures.cases("corpus"))
    func buildsAsKustomizeDoes(_ fixture: String) throws {
        let root = try Fixtures.text(fixture + "/root").trimmingCharacters(in: .whitespacesAndNewlines)
        let built = try KustomizeBuilder().build(folder: Fixtures.folder + "/" + fixture + "/tree/" + root)
        #expect(built.notes.isEmpty, "refused: \(built.notes)")
        let expected = YAMLData.objects(try Fixtures.text(fixture + "/expected.yaml"))
        let actual = YAMLData.objects(built.yaml)
        #expect(Set(actual.keys) == Set(expected.keys))
        for (key, object) in expected {
            guard let mine = actual[key] else { continue }
            #expect(YAMLData.difference(object, mine) == nil, "\(key): \(YAMLData.difference(object, mine) ?? "")")
        }
    }
}
