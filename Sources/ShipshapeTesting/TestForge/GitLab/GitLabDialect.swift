import Foundation
struct GitLabDialect: ForgeDialect {
    let apiPrefix = "/api/v1"
    var routes: [ForgeRoute] { [] }
    func token(in request: ReceivedRequest) -> String? { nil }
    func errorResponse(_ failure: APIFailure, store: ForgeStore) -> ServedResponse { .json(failure.status, [:]) }
    func unauthorized(store: ForgeStore) -> ServedResponse { .json(401, [:]) }
    func faultResponse(_ fault: TestForgeState.Fault, store: ForgeStore) -> ServedResponse { .json(500, [:]) }
    func finish(_ response: ServedResponse, request: ReceivedRequest, token: String?, store: ForgeStore) -> ServedResponse { response }
    func reviews(_ store: ForgeStore, repository: String, pullRequest: Int) -> [[String: Any]] { [] }
    func inlineComments(_ store: ForgeStore, repository: String, pullRequest: Int) -> [[String: Any]] { [] }
    func conversationComments(_ store: ForgeStore, repository: String, pullRequest: Int) -> [[String: Any]] { [] }
    func statuses(_ store: ForgeStore, repository: String, sha: String) -> [[String: Any]] { [] }
    func pullRequests(_ store: ForgeStore, repository: String) -> [[String: Any]] { [] }
}
