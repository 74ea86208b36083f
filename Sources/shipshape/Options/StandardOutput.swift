#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes reports to standard output as they are, without turning megabytes of bytes into a
/// `String` and then `Data` first.
enum StandardOutput {
    static func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        var written = 0
        while written < bytes.count {
            let count = systemWrite(STDOUT_FILENO, base + written, bytes.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                // A report cut short must not pass for a whole one.
                let message = "error: cannot write the report to standard output: \(String(cString: strerror(errno)))\n"
                _ = message.withCString { systemWrite(STDERR_FILENO, $0, strlen($0)) }
                exit(1)
            }
            written += count
        }
    }

    static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0) }
    }

    static func write(_ text: String) {
        write(Array(text.utf8))
    }
}

#if canImport(Glibc)
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    private let systemWrite = Darwin.write
#endif
