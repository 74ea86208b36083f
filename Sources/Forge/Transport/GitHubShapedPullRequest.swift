/// Gitea's API copies GitHub's shape of a pull request (base/head with repo, sha and ref; user;
/// labels); one reader serves both. They differ in the name of "maintainers may push".
enum GitHubShapedPullRequest {
    static func parse(_ json: JSON, maintainerEditKey: String) -> PullRequest {
        let baseRepo = json["base"]?["repo"]
        let headRepo = json["head"]?["repo"]
        let baseName = baseRepo?["full_name"]?.string
        let headName = headRepo?["full_name"]?.string
        let sameRepository = headName == nil || headName?.lowercased() == baseName?.lowercased()
        let number = json["number"]?.int ?? 0
        let merged = json["merged"]?.bool == true || json["merged_at"].map { !$0.isNull } == true
        let state: PullRequest.State = merged ? .merged : (json["state"]?.string == "open" ? .open : .closed)
        return PullRequest(
            number: number, title: json["title"]?.string ?? "", body: json["body"]?.string ?? "", state: state,
            author: json["user"]?["login"]?.string ?? "", baseBranch: json["base"]?["ref"]?.string ?? "",
            baseSHA: json["base"]?["sha"]?.string ?? "", headBranch: json["head"]?["ref"]?.string ?? "",
            headSHA: json["head"]?["sha"]?.string ?? "", cloneURL: baseRepo?["clone_url"]?.string ?? "",
            forkCloneURL: sameRepository ? nil : (headRepo?["clone_url"]?.string ?? ""),
            maintainerCanModify: json[maintainerEditKey]?.bool ?? false,
            headRef: ForgeKind.github.pullRequestHeadRef(number),
            webURL: json["html_url"]?.string ?? "", isDraft: json["draft"]?.bool ?? false,
            labels: json["labels"]?.array?.compactMap { $0["name"]?.string } ?? [],
            createdAt: json["created_at"]?.string.flatMap(ForgeTimestamp.parse))
    }
}
