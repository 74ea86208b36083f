internal import FileNames

/// Everything a scan found: the dependencies, and what it saw but could not turn into one
/// (a HelmRelease whose source is not in the tree, a version that is a range), with where.
package struct DetectionReport: Sendable {
    package var dependencies: [Dependency]
    package var notes: [DetectionNote]
    package var filesScanned: Int

    package init(dependencies: [Dependency] = [], notes: [DetectionNote] = [], filesScanned: Int = 0) {
        self.dependencies = dependencies
        self.notes = notes
        self.filesScanned = filesScanned
    }
}

/// Something a scan met and left alone, and why.
package struct DetectionNote: Sendable, Hashable, CustomStringConvertible {
    package var file: String
    package var line: Int
    package var origin: DependencyOrigin
    package var message: String

    package init(file: String, line: Int, origin: DependencyOrigin, message: String) {
        self.file = file
        self.line = line
        self.origin = origin
        self.message = message
    }

    package var description: String { "\(FileName.escaped(file)):\(line): \(origin): \(message)" }
}
