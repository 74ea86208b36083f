import Foundation
import Synchronization

/// Renders in worker processes (`shipshape render-worker`), so a chart from a stranger's pull
/// request cannot take the bot down: each worker runs under an address-space limit, and a
/// render that takes longer than `timeout` kills its worker (the next render starts a new one).
/// Helm's engine has no limit of its own on what a template may compute (`until 1000000000`).
package final class IsolatedChartRenderer: ChartRenderer, Sendable {
    package struct Limits: Sendable {
        /// Wall time for one render.
        package var timeout: Duration = .seconds(30)
        /// Address space of a worker, in bytes (Go reserves some at start: keep it above 1 GiB).
        package var memoryBytes: Int = 4 << 30
        /// Bytes of rendered output a worker may answer with.
        package var outputBytes: Int = 64 << 20

        package init() {}
    }

    private let executable: String
    private let limits: Limits
    private let idle = Mutex<[RenderWorker]>([])

    /// `executable` is the shipshape binary, which has the `render-worker` command.
    package init(executable: String, limits: Limits = Limits()) {
        self.executable = executable
        self.limits = limits
    }

    /// The running program's own binary, which has the `render-worker` command.
    package static var thisProgram: String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    }

    deinit { for worker in idle.withLock({ $0 }) { worker.stop() } }

    package func render(chartFolder: String, valuesJSON: String, release: String, namespace: String) throws(HelmError)
        -> [HelmChart.RenderedTemplate]
    {
        let worker: RenderWorker
        do {
            worker = try idle.withLock { $0.popLast() } ?? RenderWorker(executable: executable, limits: limits)
        } catch {
            throw HelmError(operation: "starting a render worker", message: "\(error)")
        }
        let request = RenderRequest(
            chartFolder: chartFolder, valuesJSON: valuesJSON, release: release, namespace: namespace)
        let response: RenderResponse
        do {
            response = try worker.ask(request)
        } catch {
            worker.stop()
            throw error
        }
        idle.withLock { $0.append(worker) }
        if let error = response.error { throw HelmError(operation: "rendering", message: error) }
        return (response.templates ?? [:]).map { HelmChart.RenderedTemplate(template: $0.key, manifest: $0.value) }
            .sorted { $0.template < $1.template }
    }
}

/// One worker process and its pipes.
///
/// `@unchecked Sendable`: a worker is used by one render at a time; the renderer takes it out of
/// the `idle` list (under its lock) before use and puts it back after.
final class RenderWorker: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let limits: IsolatedChartRenderer.Limits

    init(executable: String, limits: IsolatedChartRenderer.Limits) throws {
        self.limits = limits
        // prlimit (util-linux) sets the worker's address-space limit before it starts.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["prlimit", "--as=\(limits.memoryBytes)", "--", executable, "render-worker"]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    func ask(_ request: RenderRequest) throws(HelmError) -> RenderResponse {
        guard let line = try? JSONEncoder().encode(request) else {
            throw HelmError(operation: "rendering", message: "the request cannot be encoded")
        }
        do {
            try input.fileHandleForWriting.write(contentsOf: line + Data("\n".utf8))
        } catch {
            throw HelmError(operation: "rendering", message: "the render worker is gone: \(error)")
        }
        let answer = LineReader(descriptor: output.fileHandleForReading.fileDescriptor, limit: limits.outputBytes)
        switch answer.readLine(until: .now + limits.timeout) {
        case .timedOut:
            stop()
            throw HelmError(operation: "rendering", message: "took longer than \(limits.timeout); stopped")
        case .line(let data):
            guard let response = try? JSONDecoder().decode(RenderResponse.self, from: data) else {
                throw HelmError(
                    operation: "rendering", message: "the render worker answered something that is not a render")
            }
            return response
        case .tooLong:
            stop()
            throw HelmError(
                operation: "rendering", message: "the rendered output is over \(limits.outputBytes) bytes; stopped")
        case .ended:
            stop()
            throw HelmError(
                operation: "rendering",
                message:
                    "the render worker ended (over its memory limit of \(limits.memoryBytes >> 20) MiB, or crashed)")
        }
    }

    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}

/// Reads one line, up to a limit and a deadline, waiting with poll(2): no thread of its own.
struct LineReader {
    enum Outcome: Sendable {
        case line(Data)
        case tooLong, ended, timedOut
    }

    let descriptor: Int32
    let limit: Int

    func readLine(until deadline: ContinuousClock.Instant) -> Outcome {
        var buffer = Data()
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { return .timedOut }
            var wanted = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(
                clamping: left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1)
            let ready = poll(&wanted, 1, milliseconds)
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { if ready == 0 { continue } else { return .ended } }
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return .ended }
            if let newline = chunk[0..<count].firstIndex(of: UInt8(ascii: "\n")) {
                buffer.append(contentsOf: chunk[0..<newline])
                return buffer.count > limit ? .tooLong : .line(buffer)
            }
            buffer.append(contentsOf: chunk[0..<count])
            if buffer.count > limit { return .tooLong }
        }
    }
}
