import FileNames

/// Swift reads the command line as UTF-8 and replaces the bytes that are not (with U+FFFD), so a
/// path named in Latin-1 would no longer name its file. The raw arguments give the bytes back.
enum CommandLinePaths {
    /// `paths` as parsed, each replaced by the lossless spelling of the argument it came from.
    static func restore(_ paths: [String]) -> [String] {
        // Several arguments may be repaired to the same text: they are taken in order.
        var exact: [String: [String]] = [:]
        for index in 0..<Int(CommandLine.argc) {
            guard let raw = CommandLine.unsafeArgv[index] else { continue }
            let lossless = FileName.string(fromCString: raw)
            let repaired = String(cString: raw)
            if lossless != repaired { exact[repaired, default: []].append(lossless) }
        }
        return paths.map { path in
            guard var candidates = exact[path], !candidates.isEmpty else { return path }
            let first = candidates.removeFirst()
            exact[path] = candidates
            return first
        }
    }
}
