import Foundation
import ShipshapeTesting
import Testing

@Suite struct ContractCatalogueTests {
    @Test(arguments: [(APIContract.Forge.github, 34), (.gitea, 37), (.forgejo, 40), (.gitlab, 25)])
    func loadsEveryOperation(forge: APIContract.Forge, count: Int) throws {
        let contract = try APIContract.load(forge)
        #expect(contract.operationList.count == count)
        #expect(Set(contract.operationList.map(\.name)).count == count)
    }

    /// Every schema reachable from a documented response resolves: an empty object or array
    /// may break other rules, but never a `$ref`.
    @Test(arguments: APIContract.Forge.allCases)
    func everyResponseSchemaResolves(forge: APIContract.Forge) throws {
        let contract = try APIContract.load(forge)
        for operation in contract.operationList {
            let path = operation.path.replacingOccurrences(of: "{id}", with: "14")
                .split(separator: "/").map { $0.hasPrefix("{") ? "1" : String($0) }.joined(separator: "/")
            for status in operation.statuses.compactMap(Int.init) {
                for body in ["{}", "[{}]"] {
                    let check = contract.checkResponse(
                        method: operation.method, path: "/" + path, status: status, body: Data(body.utf8))
                    #expect(check.operation == operation.name)
                    #expect(!check.violations.contains { $0.contains("does not resolve") }, "\(check)")
                }
            }
        }
    }

    @Test func checksAnExchangeOfTheLoopbackServer() throws {
        let contract = try APIContract.load(.github)
        let request = ReceivedRequest(
            method: "POST", path: "/repos/o/r/issues/3/comments", body: Data(#"{"body":"hi"}"#.utf8))
        let check = contract.check(request, ServedResponse(status: 201, body: Data(#"{"id":"1"}"#.utf8)))
        #expect(check.operation == "issues/create-comment")
        #expect(check.violations == ["response body: `node_id` is required"])
    }
}
