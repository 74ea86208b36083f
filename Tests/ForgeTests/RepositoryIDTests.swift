import Forge
import Testing

@Suite struct RepositoryIDTests {
    @Test func parsesOwnerAndNameIncludingGitLabSubgroups() {
        #expect(RepositoryID("octo/hello")?.owner == "octo")
        #expect(RepositoryID("group/sub/project")?.owner == "group/sub")
        #expect(RepositoryID("group/sub/project")?.name == "project")
        #expect(RepositoryID("lonely") == nil)
        #expect(RepositoryID("a//b") == nil)
    }
}
