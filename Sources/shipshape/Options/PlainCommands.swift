import ArgumentParser

// `check` and `fix` made from a plain command line (`PlainCommandLine`) with every property set as
// argument-parser sets it, or nil when argument-parser must read the line. The names and defaults
// repeat the properties' declarations: PlainCommandLineTests compares both readers' commands over
// a table of command lines, so a new option or a changed default that is missed here fails there.

extension CheckCommand {
    static func plain(_ arguments: [String]) -> CheckCommand? {
        let options: Set<String> = ["format", "kube-version", "fail-on", "color", "config"]
        guard
            let line = PlainCommandLine(
                arguments, command: "check", flags: RenderOptions.plainFlags,
                options: options.union(RenderOptions.plainOptions)),
            let format = line.value("format", or: ReportFormat.text),
            let failOn = line.value("fail-on", or: FailThreshold.danger),
            let color = line.value("color", or: ColorMode.auto)
        else { return nil }
        var judgement = JudgementOptions()
        judgement.format = format
        judgement.kubeVersion = line.value("kube-version")
        judgement.failOn = failOn
        judgement.color = color
        var command = CheckCommand()
        command.paths = line.paths
        command.judgement = judgement
        command.rendering = RenderOptions(line)
        command.config = line.value("config")
        do {
            try command.judgement.validate()
            try command.rendering.validateGroups()
            try command.validate()
        } catch { return nil }
        return command
    }
}

extension FixCommand {
    static func plain(_ arguments: [String]) -> FixCommand? {
        guard
            let line = PlainCommandLine(
                arguments, command: "fix", flags: RenderOptions.plainFlags.union(["dry-run"]),
                options: RenderOptions.plainOptions.union(["checks", "config"]))
        else { return nil }
        var command = FixCommand()
        command.paths = line.paths
        command.checks = line.value("checks")
        command.dryRun = line.isSet("dry-run")
        command.config = line.value("config")
        command.rendering = RenderOptions(line)
        do {
            try command.rendering.validateGroups()
            try command.validate()
        } catch { return nil }
        return command
    }
}

extension RenderOptions {
    static let plainFlags: Set<String> = ["no-render", "offline"]
    static let plainOptions: Set<String> = ["cache-dir", "ca-bundle"]

    init(_ line: PlainCommandLine) {
        self.init()
        var flags = RenderFlags()
        flags.noRender = line.isSet("no-render")
        flags.offline = line.isSet("offline")
        self.flags = flags
        cacheDirectory = line.value("cache-dir")
        caBundle = line.value("ca-bundle")
    }

    /// Validates the group and the group it holds, as argument-parser validates every group it makes.
    mutating func validateGroups() throws {
        try flags.validate()
        try validate()
    }
}
