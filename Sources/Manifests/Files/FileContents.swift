internal import FileNames

#if canImport(Glibc)
    import Glibc
    private let systemRead = Glibc.read
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin
    private let systemRead = Darwin.read
    private let systemWrite = Darwin.write
#endif

/// Reads a whole file into bytes with one `read` loop, and says why when it cannot.
///
/// Only regular files are read (a FIFO would block, `/dev/zero` never ends), and none larger than
/// `maximumBytes`: the file is refused with its size before anything is read.
package enum FileContents {
    package struct Failure: Error, Sendable, CustomStringConvertible {
        package var path: String
        package var reason: String
        package var description: String { reason }
    }

    /// The parser's limit: a larger file could not be read as YAML anyway.
    package static let maximumBytes = YAMLLimits.standard.maximumBytes

    package static func read(_ path: String, maximumBytes: Int = maximumBytes) throws(Failure) -> [UInt8] {
        // Non-blocking, so that opening a FIFO does not wait for a writer; no effect on regular files.
        let descriptor = FileName.withCString(path) { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
        guard descriptor >= 0 else {
            throw Failure(path: path, reason: "cannot open the file: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw Failure(path: path, reason: "cannot read the file: \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & S_IFMT != S_IFDIR else { throw Failure(path: path, reason: "is a folder, not a file") }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw Failure(path: path, reason: "is \(describe(mode: info.st_mode)), not a regular file: not read")
        }
        guard Int(info.st_size) <= maximumBytes else {
            throw Failure(
                path: path, reason: "is \(info.st_size) bytes, over the limit of \(maximumBytes) bytes: not read")
        }
        // One byte more than the size, so the usual whole file arrives in one piece and the end
        // of the file is seen without a second buffer; a file that grew meanwhile is read on, up
        // to the limit.
        var bytes: [UInt8] = []
        var chunk = max(Int(info.st_size), 0) + 1
        while true {
            var result = 0
            let piece = [UInt8](unsafeUninitializedCapacity: chunk) { buffer, initialized in
                result = fill(buffer, from: descriptor)
                initialized = max(result, 0)
            }
            if result < 0 {
                throw Failure(path: path, reason: "cannot read the file: \(String(cString: strerror(Int32(-result))))")
            }
            if bytes.isEmpty { bytes = piece } else { bytes += piece }
            if bytes.count > maximumBytes {
                throw Failure(
                    path: path, reason: "grew past the limit of \(maximumBytes) bytes while it was read: not read")
            }
            if piece.count < chunk { return bytes }
            chunk = max(chunk, 1 << 16)
        }
    }

    /// Replaces the contents of an existing file (its name taken as the bytes it stands for).
    /// Replaces a file's contents whole or not at all: the bytes go to a new file beside it
    /// (same folder, same permissions), which then takes its name. A full disk or any other
    /// failure leaves the original as it was. A symbolic link stays a link: its target is
    /// replaced. A read-only file is refused, named, even for root.
    package static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        func failure(_ what: String) -> Failure { Failure(path: path, reason: "cannot write the file: \(what)") }
        let target = resolvedTarget(of: path)
        var info = stat()
        guard FileName.withCString(target, { stat($0, &info) }) == 0 else {
            throw failure(String(cString: strerror(errno)))
        }
        guard info.st_mode & 0o222 != 0 else { throw Failure(path: path, reason: "is read-only; not changed") }
        let folder = target.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(target[..<$0]) } ?? "."
        let name =
            target.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(target[target.index(after: $0)...]) } ?? target
        let scratch = "\(folder)/.\(name).shipshape-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = FileName.withCString(scratch) {
            open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(0o600))
        }
        guard descriptor >= 0 else { throw failure(String(cString: strerror(errno))) }
        var done = false
        defer {
            if !done { _ = FileName.withCString(scratch) { unlink($0) } }
        }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBufferPointer {
                systemWrite(descriptor, $0.baseAddress! + written, bytes.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw failure(reason + "; the file is unchanged")
            }
            written += count
        }
        guard fchmod(descriptor, info.st_mode & 0o7777) == 0, fsync(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw failure(reason + "; the file is unchanged")
        }
        close(descriptor)
        guard FileName.withCString(scratch, { from in FileName.withCString(target) { rename(from, $0) } }) == 0 else {
            throw failure(String(cString: strerror(errno)) + "; the file is unchanged")
        }
        done = true
    }

    /// The file a path names, following symbolic links (bounded), so writes replace the target.
    private static func resolvedTarget(of path: String) -> String {
        var current = path
        for _ in 0..<16 {
            var info = stat()
            guard FileName.withCString(current, { lstat($0, &info) }) == 0, info.st_mode & S_IFMT == S_IFLNK else {
                return current
            }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = FileName.withCString(current) { readlink($0, &buffer, buffer.count - 1) }
            guard count > 0 else { return current }
            let link = FileName.string(fromBytes: buffer[0..<count].map { UInt8(bitPattern: $0) })
            if link.hasPrefix("/") {
                current = link
            } else {
                let folder = current.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(current[..<$0]) } ?? "."
                current = folder + "/" + link
            }
        }
        return current
    }

    /// What a file that is not a regular file is, in words.
    static func describe(mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFLNK: "a symbolic link"
        case S_IFDIR: "a folder"
        default: "a special file"
        }
    }

    /// Reads until the buffer is full or the file ends: the count read, or minus `errno`.
    private static func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>, from descriptor: Int32) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = systemRead(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if count < 0 {
                if errno == EINTR { continue }
                return -Int(errno)
            }
            if count == 0 { break }
            filled += count
        }
        return filled
    }
}
