import Foundation

/// Where `libhelm_c` is looked for, in order: `$SHIPSHAPE_HELM_LIBRARY`; beside the shipshape
/// binary (`libhelm_c.so`, `../lib/libhelm_c.so`); the system's library folders; the
/// `helm_python` package of `python3` (`pip install helm-python-sdk`, which `scripts/setup` does).
package enum HelmLibraryLocator {
    package static let environmentVariable = "SHIPSHAPE_HELM_LIBRARY"
    static let fileName = "libhelm_c.so"

    /// The library's path, or why none was found.
    package static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<
        String, HelmError
    > {
        if let configured = environment[environmentVariable], !configured.isEmpty {
            guard FileManager.default.fileExists(atPath: configured) else {
                return .failure(
                    HelmError(
                        operation: "finding libhelm_c",
                        message: "\(environmentVariable) names \(configured), which does not exist"))
            }
            return .success(configured)
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        let candidates = [
            executable.appending(path: fileName).path,
            executable.appending(path: "../lib/\(fileName)").standardized.path,
            "/usr/local/lib/\(fileName)", "/usr/lib/\(fileName)",
        ]
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) {
            return .success(found)
        }
        if let folder = pythonPackageFolder(), FileManager.default.fileExists(atPath: folder + "/lib/" + fileName) {
            return .success(folder + "/lib/" + fileName)
        }
        return .failure(
            HelmError(
                operation: "finding libhelm_c",
                message:
                    "not found; install it with `pip install helm-python-sdk` or set \(environmentVariable) to its path"
            ))
    }

    /// The folder of python3's `helm_python` package, when python3 has it.
    private static func pythonPackageFolder() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import helm_python, os; print(os.path.dirname(helm_python.__file__))"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let folder = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return folder.isEmpty ? nil : folder
    }
}
