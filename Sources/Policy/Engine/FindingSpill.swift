import Manifests
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Findings kept in a temporary file instead of memory: a check of a large tree reports hundreds of
/// thousands, each a few hundred bytes, while sorting and merging them needs only a small key each
/// (`Entry`). The file is made with `mkstemp` in `directory` (mode 0600) and unlinked at once, so it
/// is gone however the process ends; its descriptor is closed when the spill is let go. It holds
/// at most `maximumBytes`: past that, `failure` says so and nothing more is written. A write that
/// fails (a full `$TMPDIR`) is no failure: the spill only saves memory, so from then on findings
/// are kept in memory (`writeError` says why) and the report is the same.
package final class FindingSpill: Sendable {
    /// Where one finding's record is, and what report order and the summary read of it.
    package struct Entry: Sendable {
        var offset: Int64
        var length: Int32
        var file: Int32
        var line: Int32
        var column: Int32
        var positionOffset: Int32
        var checkID: Int32
        var container: Int32
        var severity: Severity
    }

    private struct State {
        var size: Int64 = 0
        var failure: String?
        /// Why the file took no more findings, once a write failed.
        var writeError: String?
        /// Findings kept after a write failed; their entries' offsets are `-1 - index`.
        var kept: [Finding] = []
        /// Files, check ids and containers by number: entries name them by it.
        var strings = StringNumbers()
    }

    struct StringNumbers {
        var values: [String] = []
        var numbers: [String: Int32] = [:]

        mutating func number(_ value: String) -> Int32 {
            if let number = numbers[value] { return number }
            let number = Int32(values.count)
            values.append(value)
            numbers[value] = number
            return number
        }
    }

    private let descriptor: Int32
    private let state = Mutex(State())
    package let maximumBytes: Int64
    /// The file's name when it was made (it is unlinked at once), for messages.
    package let path: String

    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    package convenience init(directory: String, maximumBytes: Int64 = 8 << 30) throws(Failure) {
        var template = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8CString.dropLast())
        template += Array("shipshape-findings.XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        let name = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard made >= 0 else {
            throw Failure(
                description:
                    "cannot make a temporary file for findings in \(directory): \(String(cString: strerror(errno)))")
        }
        unlink(name)
        _ = fcntl(made, F_SETFD, FD_CLOEXEC)
        self.init(descriptor: made, path: name, maximumBytes: maximumBytes)
    }

    /// A spill into an open descriptor it now owns (tests give one whose writes fail: `/dev/full`).
    package init(descriptor: Int32, path: String, maximumBytes: Int64 = 8 << 30) {
        self.descriptor = descriptor
        self.path = path
        self.maximumBytes = maximumBytes
    }

    deinit { close(descriptor) }

    /// Why findings could not all be written, if they could not.
    package var failure: String? { state.withLock { $0.failure } }

    /// Why findings went to memory instead of the file, if a write failed.
    package var writeError: String? { state.withLock { $0.writeError } }

    /// Writes `findings` and returns their entries, in order (none once the spill failed).
    func append(_ findings: [Finding]) -> [Entry] {
        guard !findings.isEmpty else { return [] }
        // After a failed write nothing is encoded: the findings go straight to memory.
        if let kept = state.withLock({ $0.writeError == nil ? nil : Self.keep(findings, in: &$0) }) { return kept }
        var bytes: [UInt8] = []
        var lengths: [Int] = []
        for finding in findings {
            let start = bytes.count
            FindingRecord.write(finding, to: &bytes)
            lengths.append(bytes.count - start)
        }
        return state.withLock { state -> [Entry] in
            guard state.failure == nil else { return [] }
            guard state.writeError == nil else { return Self.keep(findings, in: &state) }
            guard state.size + Int64(bytes.count) <= maximumBytes else {
                state.failure =
                    "the findings need more than \(maximumBytes) bytes in the temporary file \(path): check fewer files at once"
                return []
            }
            var written = 0
            while written < bytes.count {
                let count = bytes.withUnsafeBytes { buffer in
                    pwrite(
                        descriptor, buffer.baseAddress! + written, buffer.count - written,
                        off_t(state.size + Int64(written)))
                }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else {
                    // Bytes past `size` are never read: the findings they began go to memory.
                    state.writeError =
                        "cannot write findings to the temporary file \(path): \(String(cString: strerror(errno)))"
                    return Self.keep(findings, in: &state)
                }
                written += count
            }
            var entries: [Entry] = []
            entries.reserveCapacity(findings.count)
            var offset = state.size
            for (finding, length) in zip(findings, lengths) {
                entries.append(Self.entry(finding, offset: offset, length: Int32(length), strings: &state.strings))
                offset += Int64(length)
            }
            state.size = offset
            return entries
        }
    }

    /// Keeps `findings` in memory, with entries that say where in `kept` they are.
    private static func keep(_ findings: [Finding], in state: inout State) -> [Entry] {
        findings.map { finding in
            state.kept.append(finding)
            return entry(finding, offset: -Int64(state.kept.count), length: 0, strings: &state.strings)
        }
    }

    private static func entry(_ finding: Finding, offset: Int64, length: Int32, strings: inout StringNumbers) -> Entry {
        Entry(
            offset: offset, length: length, file: strings.number(finding.file),
            line: Int32(clamping: finding.position.line), column: Int32(clamping: finding.position.column),
            positionOffset: Int32(clamping: finding.position.offset), checkID: strings.number(finding.checkID),
            container: strings.number(finding.container ?? ""), severity: finding.severity)
    }

    /// The finding an entry names. A record that cannot be read back (the disk failed under the
    /// run) stops the process with the reason: the report cannot be finished.
    func finding(_ entry: Entry) -> Finding {
        if entry.offset < 0 { return state.withLock { $0.kept[Int(-1 - entry.offset)] } }
        var bytes = [UInt8](repeating: 0, count: Int(entry.length))
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(entry.offset + Int64(done)))
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                fatalError(
                    "cannot read findings back from the temporary file \(path): \(String(cString: strerror(errno)))")
            }
            done += count
        }
        guard let finding = FindingRecord.read(bytes) else {
            fatalError("a finding in the temporary file \(path) at byte \(entry.offset) cannot be read back")
        }
        return finding
    }

    /// The strings entries name by number.
    func string(_ number: Int32) -> String { state.withLock { $0.strings.values[Int(number)] } }

    /// Each string's rank in `<` order (equal strings share one), by number: report order on entries.
    func stringRanks() -> [Int32] {
        let values = state.withLock { $0.strings.values }
        var ranks = [Int32](repeating: 0, count: values.count)
        for (rank, number) in values.indices.sorted(by: { values[$0] < values[$1] }).enumerated() {
            ranks[number] = Int32(rank)
        }
        return ranks
    }
}
