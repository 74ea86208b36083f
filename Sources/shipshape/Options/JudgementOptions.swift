import ArgumentParser
import Manifests
import Policy

/// The options `check` and `review` share: what to judge against, what fails, how to print.
struct JudgementOptions: ParsableArguments {
    @Option(
        help:
            "Output format: text, json, sarif, gitlab-codequality (GitLab's Code Quality report) or github-annotations (GitHub Actions workflow commands)."
    )
    var format: ReportFormat = .text

    @Option(
        name: .customLong("kube-version"),
        help: "The Kubernetes release to judge apiVersions against, such as 1.33 (default: the newest in the data).")
    var kubeVersion: String?

    @Option(
        name: .customLong("fail-on"), help: "Lowest severity that makes the exit status 3: danger, warning or never.")
    var failOn: FailThreshold = .danger

    @Option(help: "Colour in text output: auto, always or never.")
    var color: ColorMode = .auto

    func validate() throws {
        if let kubeVersion, ReleaseVersion(kubeVersion) == nil {
            throw ValidationError("--kube-version must be a release such as 1.33, not \(kubeVersion)")
        }
    }

    var kubernetesVersion: ReleaseVersion? { kubeVersion.flatMap(ReleaseVersion.init) }
}
