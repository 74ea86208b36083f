/// Where kustomize v5.5 replaces `$(VAR)` (`builtinpluginconsts/varreference.go`), as data.
extension FieldSpecs {
    static let varReferences: [FieldSpec] = {
        let container = ["args", "command", "env/value", "volumeMounts/mountPath"]
        func pod(_ prefix: String) -> [String] {
            ["containers", "initContainers"].flatMap { list in container.map { "\(prefix)spec/\(list)/\($0)" } }
        }
        var specs: [FieldSpec] = []
        func add(_ kind: String, _ paths: [String]) { specs += paths.map { FieldSpec($0, kind: kind) } }
        // kustomize's own list, quirks included (CronJob's nfs path lacks a `spec/`).
        add("CronJob", pod("spec/jobTemplate/spec/template/") + ["spec/jobTemplate/spec/template/volumes/nfs/server"])
        add("DaemonSet", pod("spec/template/") + ["spec/template/spec/volumes/nfs/server"])
        add(
            "Deployment",
            pod("spec/template/") + ["spec/template/spec/volumes/nfs/server", "spec/template/metadata/annotations"])
        add("Ingress", ["spec/rules/host", "spec/tls/hosts", "spec/tls/secretName"])
        add("Job", pod("spec/template/") + ["spec/template/spec/volumes/nfs/server"])
        add("Pod", pod("") + ["spec/volumes/nfs/server"])
        add("ReplicaSet", pod("spec/template/") + ["spec/template/spec/volumes/nfs/server"])
        add("Service", ["spec/ports/port", "spec/ports/targetPort"])
        add("StatefulSet", pod("spec/template/") + ["spec/volumeClaimTemplates/spec/nfs/server"])
        add("PersistentVolume", ["spec/nfs/server"])
        return specs + [FieldSpec("metadata/labels"), FieldSpec("metadata/annotations")]
    }()
}
