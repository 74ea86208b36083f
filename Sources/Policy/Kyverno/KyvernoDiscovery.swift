import Dispatch
import Manifests

extension KyvernoPolicies {
    /// The policies in the checked files (those whose text mentions `kyverno.io/`), in files
    /// generated in memory, and in the files the configuration names (`kyverno.policies`).
    static func discover(
        paths: [String], settings: KyvernoSettings, source: PolicyEngine.FileSource, parsed: [String: ManifestFile]
    ) -> KyvernoPolicies {
        var found = KyvernoPolicies()
        guard settings.enabled else { return found }
        let searched = settings.discover ? paths : []
        let searchedSet = Set(searched)
        let extra = settings.policies.filter { !searchedSet.contains($0) }
        let all = searched + extra
        let slots = ResultSlots<KyvernoPolicies>(count: all.count)
        DispatchQueue.concurrentPerform(iterations: all.count) { index in
            let path = all[index]
            let named = index >= searched.count
            var result = KyvernoPolicies()
            if let file = parsed[path] {
                result = load(file)
            } else {
                do {
                    let bytes = try source(path)
                    if ByteSearch.contains(bytes, "kyverno.io/") {
                        result = load(ManifestReader.read(path: path, bytes: bytes, options: PolicyEngine.parseOptions))
                    }
                } catch {
                    if named {
                        result.notes.append(
                            "\(path): the Kyverno policy file named in the configuration cannot be read: \(error)")
                    }
                }
            }
            if named, result.rules.isEmpty, result.exceptions.isEmpty, result.notes.isEmpty {
                result.notes.append(
                    "\(path): named in `kyverno.policies` but holds no ClusterPolicy, Policy or PolicyException")
            }
            slots[index] = result
        }
        for result in slots.values { found.add(result) }
        return found
    }

    private static func load(_ file: ManifestFile) -> KyvernoPolicies {
        var result = KyvernoPolicies()
        for object in file.objects {
            if isPolicy(object) {
                result.add(KyvernoPolicyLoader.load(object))
            } else if KyvernoPolicyException.isException(object) {
                let (exception, notes) = KyvernoPolicyException.load(object)
                result.exceptions += exception.map { [$0] } ?? []
                result.notes += notes
            }
        }
        return result
    }
}

extension PolicyEngine {
    /// This engine with a check for every Kyverno rule, graded by the policy's failure action
    /// unless the configuration sets the rule's id.
    func including(_ kyverno: KyvernoPolicies) -> PolicyEngine {
        var engine = self
        for var rule in kyverno.rules {
            rule.attach(kyverno.exceptions)
            let severity = configuration.severities[rule.id] ?? rule.severity
            engine.configuration.severities[rule.id] = severity
            if severity != .ignore { engine.checks.append(KyvernoRuleCheck(rule: rule)) }
        }
        return engine
    }
}
