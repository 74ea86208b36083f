/// Which kustomization folders include which, known from the kustomization files alone (no
/// build): the roots of a tree, and the roots that may read a file. kustomize reads a file only
/// in or below the folder of the kustomization that lists it, so a root may read a file when
/// one of the folders it reaches holds the file, or the chart home of one that has `helmCharts`
/// (the Helm engine reads a chart's folder whole, wherever `helmGlobals.chartHome` puts it).
package struct KustomizationGraph: Sendable {
    /// What one kustomization file says about the graph.
    package struct Links: Sendable, Equatable {
        package var isComponent: Bool
        /// Local entries of `resources`, `bases` and `components` as written (remote ones left out).
        package var entries: [String]
        /// The chart home as written (`helmGlobals.chartHome`, default `charts`), when the
        /// kustomization has `helmCharts`.
        package var chartHome: String?

        package init(isComponent: Bool, entries: [String], chartHome: String? = nil) {
            self.isComponent = isComponent
            self.entries = entries
            self.chartHome = chartHome
        }

        /// The links of a kustomization file; nil when it cannot be read as one (its build says why).
        package init?(file: String, bytes: [UInt8]) {
            guard let kustomization = try? Kustomization(file: file, bytes: bytes) else { return nil }
            isComponent = kustomization.isComponent
            entries = ["resources", "bases", "components"].flatMap { field in
                kustomization.list(field).compactMap(\.string).filter { !RemoteReference.isRemote($0) }
            }
            if !kustomization.list("helmCharts").isEmpty {
                chartHome = kustomization.chartHome.text
            }
        }
    }

    /// Kustomization folder → its links (nil: unreadable).
    private let folders: [String: Links?]
    /// The folders with a kustomization (not a Component) that no other kustomization includes.
    package let roots: [String]

    /// `kustomizations`: kustomization file → its links (nil when unreadable: such a folder is a root).
    package init(kustomizations: [String: Links?]) {
        var folders: [String: Links?] = [:]
        for (file, links) in kustomizations { folders[BuildPath.folder(of: file)] = links }
        var included = Set<String>()
        for (folder, links) in folders {
            for entry in links?.entries ?? [] { included.insert(BuildPath.join(folder, entry)) }
        }
        self.folders = folders
        roots = folders.filter { $0.value?.isComponent != true && !included.contains($0.key) }.map(\.key).sorted()
    }

    /// The roots that may read one of `paths`: a folder they reach holds it.
    package func roots(mayRead paths: Set<String>) -> [String] {
        roots.filter { folder($0, mayRead: paths) }
    }

    /// Whether a build of `folder` may read one of `paths`: a folder it reaches, or the chart
    /// home of one, holds it.
    package func folder(_ folder: String, mayRead paths: Set<String>) -> Bool {
        let reached = self.reached(from: BuildPath.clean(folder))
        let readable =
            reached
            + reached.compactMap { folder in
                folders[folder]??.chartHome.map { BuildPath.join(folder, $0) }
            }
        return paths.contains { path in readable.contains { BuildPath.isWithin(path, $0) } }
    }

    /// The kustomization folders a root includes, itself first.
    private func reached(from root: String) -> [String] {
        var seen: Set<String> = [root]
        var order = [root]
        var index = 0
        while index < order.count {
            let folder = order[index]
            index += 1
            for entry in folders[folder]??.entries ?? [] {
                let target = BuildPath.join(folder, entry)
                if folders[target] != nil, seen.insert(target).inserted { order.append(target) }
            }
        }
        return order
    }
}
