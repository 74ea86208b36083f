import Foundation

extension TestForgeState {
    /// A file of a seeded pull request, with its unified patch (hunks `@@ -a,b +c,d @@` and
    /// their lines); the patch decides which lines review comments may target.
    package struct SeededFile: Sendable {
        package var path: String
        package var previousPath: String?
        /// `added`, `modified`, `removed` or `renamed`.
        package var status: String
        package var patch: String

        package init(path: String, previousPath: String? = nil, status: String = "modified", patch: String) {
            self.path = path
            self.previousPath = previousPath
            self.status = status
            self.patch = patch
        }

        var additions: Int { UnifiedPatch(patch).lines.filter { $0.kind == .added }.count }
        var deletions: Int { UnifiedPatch(patch).lines.filter { $0.kind == .removed }.count }
    }

    /// A user and the token that authenticates as them. `permission` is the user's role on
    /// every repository: "admin", "maintain", "write", "triage", "read" or "none".
    package func addUser(login: String, token: String, permission: String) {
        locked {
            let user =
                store.user(login: login)
                ?? {
                    let user = StoredUser(
                        id: store.nextID(.user), login: login, permission: permission, isBot: login.hasSuffix("[bot]"))
                    store.users.append(user)
                    return user
                }()
            user.permission = permission
            store.tokens[token] = user
        }
    }

    /// Gives `login` a custom repository role named `role` on top of its permission, its base role.
    package func setCustomRole(login: String, role: String) {
        locked { store.user(login: login)?.customRole = role }
    }

    /// A repository; on GitLab `owner` may be a nested group ("group/sub").
    package func addRepository(owner: String, name: String, cloneURL: String, defaultBranch: String = "main") {
        locked {
            guard (try? store.repository("\(owner)/\(name)")) == nil else { return }
            let repository = StoredRepository(
                id: store.nextID(.repository), owner: owner, name: name, cloneURL: cloneURL,
                defaultBranch: defaultBranch, createdAt: store.now())
            store.repositories.append(repository)
        }
    }

    /// Points a branch at a commit, as a push to the Git server would (needed before the bot
    /// may open a pull request from a branch it pushed).
    package func setBranch(repository: String, name: String, sha: String) {
        locked { (try? store.repository(repository))?.branches[name] = sha }
    }

    /// Learn the branches from Git before every request, as a forge sees pushes to its own
    /// repositories (the bot pushes a branch, then opens a pull request from it).
    package func followBranches(_ source: @escaping @Sendable () -> [(repository: String, name: String, sha: String)]) {
        locked { branchSource = source }
    }

    /// The address the forge is configured with when clients reach it by another (an API on an
    /// internal host name): GitLab (`external_url`) and Gitea (`ROOT_URL`) build their `Link`
    /// headers' next-page URLs from it, not from the request's host. Nil serves links on the
    /// server's own address.
    package func setExternalURL(_ url: String?) {
        locked { store.externalURL = url }
    }

    /// A label that exists before the test (Gitea clients may refer to it by id).
    @discardableResult
    package func addLabel(repository: String, name: String) -> Int {
        locked { store.label(repository, named: name).id }
    }

    /// Opens a pull request (GitLab: merge request) and returns its number (iid).
    @discardableResult
    package func openPullRequest(
        repository: String, author: String, title: String, body: String = "",
        baseBranch: String, baseSHA: String, headBranch: String, headSHA: String,
        files: [SeededFile], forkCloneURL: String? = nil, maintainerCanModify: Bool = false
    ) -> Int {
        locked {
            guard let target = try? store.repository(repository) else { return 0 }
            var headRepository: String?
            if let forkCloneURL {
                let fork =
                    (try? store.repository("\(author)/\(target.name)"))
                    ?? {
                        let fork = StoredRepository(
                            id: store.nextID(.repository), owner: author, name: target.name, cloneURL: forkCloneURL,
                            defaultBranch: target.defaultBranch, createdAt: store.now())
                        fork.isFork = true
                        store.repositories.append(fork)
                        return fork
                    }()
                fork.branches[headBranch] = headSHA
                headRepository = fork.fullName
            } else {
                target.branches[headBranch] = headSHA
            }
            if target.branches[baseBranch] == nil { target.branches[baseBranch] = baseSHA }
            if store.user(login: author) == nil {
                store.users.append(
                    StoredUser(
                        id: store.nextID(.user), login: author, permission: "read", isBot: author.hasSuffix("[bot]")))
            }
            let now = store.now()
            let pull = StoredPullRequest(
                id: store.nextID(.pullRequest), number: store.nextNumber(in: target.fullName),
                repository: target.fullName,
                author: author, title: title, body: body, baseBranch: baseBranch, baseSHA: baseSHA,
                headBranch: headBranch, headSHA: headSHA, files: files, headRepository: headRepository,
                maintainerCanModify: maintainerCanModify, createdAt: now)
            pull.startSHA = target.branches[baseBranch] ?? baseSHA
            pull.versions.append(
                StoredVersion(
                    id: store.nextID(.version), headSHA: headSHA, baseSHA: baseSHA, startSHA: pull.startSHA,
                    createdAt: now))
            store.pullRequests.append(pull)
            return pull.number
        }
    }

    /// A new head commit on the pull request, with the files its diff now shows.
    package func push(repository: String, pullRequest: Int, headSHA: String, files: [SeededFile]) {
        locked {
            guard let pull = try? store.pullRequest(repository, pullRequest) else { return }
            pull.headSHA = headSHA
            pull.files = files
            pull.updatedAt = store.now()
            pull.startSHA = (try? store.repository(pull.repository))?.branches[pull.baseBranch] ?? pull.startSHA
            pull.versions.append(
                StoredVersion(
                    id: store.nextID(.version), headSHA: headSHA, baseSHA: pull.baseSHA, startSHA: pull.startSHA,
                    createdAt: pull.updatedAt))
            let owner = pull.headRepository ?? pull.repository
            (try? store.repository(owner))?.branches[pull.headBranch] = headSHA
        }
    }

    /// Lets `POST /app/installations/{id}/access_tokens` hand out tokens to callers whose
    /// Bearer JWT `jwtVerifier` accepts; those tokens act as "shipshape[bot]" with write permission.
    package func enableGitHubApp(
        appID: String, installationID: Int, slug: String = "shipshape",
        jwtVerifier: @escaping @Sendable (String) -> Bool
    ) {
        locked {
            store.app = GitHubAppRegistration(
                appID: appID, installationID: installationID, verifier: jwtVerifier, slug: slug)
        }
    }
}
