internal import FileNames

/// Everything a scan found: the dependencies, and what it saw but could not turn into one
/// (a HelmRelease whose source is not in the tree, a version that is a range), with where.
public struct DetectionReport: Sendable {
    public var dependencies: [Dependency]
    public var notes: [DetectionNote]
    public var filesScanned: Int

    public init(dependencies: [Dependency] = [], notes: [DetectionNote] = [], filesScanned: Int = 0) {
        self.dependencies = dependencies
        self.notes = notes
        self.filesScanned = filesScanned
    }
}

/// Something a scan met and left alone, and why.
public struct DetectionNote: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var origin: DependencyOrigin
    public var message: String

    public init(file: String, line: Int, origin: DependencyOrigin, message: String) {
        self.file = file
        self.line = line
        self.origin = origin
        self.message = message
    }

    public var description: String { "\(FileName.escaped(file)):\(line): \(origin): \(message)" }
}
