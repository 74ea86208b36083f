import Foundation

/// Reads the text files of an unpacked chart that a comparison looks at. Only regular files are
/// read and only real folders entered, so a symbolic link in the archive cannot point the reader
/// at a file outside the chart.
enum ChartFolderReader {
    static let readFolders: Set<String> = ["templates", "crds"]
    static let readTopLevelFiles: Set<String> = ["Chart.yaml", "values.yaml"]

    /// Path inside the chart → text.
    static func read(_ chart: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        for name in try contents(of: chart) {
            let url = chart.appending(path: name)
            switch try type(of: url) {
            case .typeRegular where readTopLevelFiles.contains(name):
                files[name] = try text(of: url, path: name)
            case .typeDirectory where readFolders.contains(name):
                try readTree(url, prefix: name, into: &files)
            default:
                continue
            }
        }
        return files
    }

    private static func readTree(_ folder: URL, prefix: String, into files: inout [String: String]) throws {
        for name in try contents(of: folder) {
            let url = folder.appending(path: name)
            let path = "\(prefix)/\(name)"
            switch try type(of: url) {
            case .typeRegular: files[path] = try text(of: url, path: path)
            case .typeDirectory: try readTree(url, prefix: path, into: &files)
            default: continue
            }
        }
    }

    private static func contents(of folder: URL) throws -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw ChartArchiveError(reason: "could not list the unpacked folder \(folder.lastPathComponent): \(error)")
        }
    }

    /// The type of the entry itself, not of what a link points to.
    private static func type(of url: URL) throws -> FileAttributeType? {
        do {
            return try FileManager.default.attributesOfItem(atPath: url.path)[.type] as? FileAttributeType
        } catch {
            throw ChartArchiveError(
                entry: url.lastPathComponent, reason: "could not be inspected after unpacking: \(error)")
        }
    }

    private static func text(of url: URL, path: String) throws -> String {
        do {
            return String(decoding: try Data(contentsOf: url), as: UTF8.self)
        } catch {
            throw ChartArchiveError(entry: path, reason: "could not be read after unpacking: \(error)")
        }
    }
}
