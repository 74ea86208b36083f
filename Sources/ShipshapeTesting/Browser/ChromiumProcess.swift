import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Headless Chromium (Debian's `chromium`) with the DevTools protocol on a pipe: the browser
/// reads commands from its fd 3 and writes answers and events to its fd 4, each message JSON
/// ended by a NUL byte (`--remote-debugging-pipe`). No port, no WebSocket.
final class ChromiumProcess: Sendable {
    struct LaunchError: Error, CustomStringConvertible {
        var description: String
    }

    let pid: pid_t
    /// Where we write commands (the browser's fd 3) and read messages (its fd 4).
    let commands: Int32
    let messages: Int32
    let profile: URL

    /// The browser found on PATH (`chromium`, `chromium-browser`), or nil.
    static func executable() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    init(executable: String, windowSize: (width: Int, height: Int)) throws {
        profile = FileManager.default.temporaryDirectory.appending(path: "chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        var toBrowser: [Int32] = [0, 0]
        var fromBrowser: [Int32] = [0, 0]
        guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else {
            throw LaunchError(description: "pipe: \(String(cString: strerror(errno)))")
        }
        // Above 4, so that putting one end on fd 3 cannot overwrite the other before it moves to 4;
        // close-on-exec, so the browser keeps only its fds 3 and 4 (dup2 clears the flag on those).
        toBrowser = toBrowser.map(Self.raised)
        fromBrowser = fromBrowser.map(Self.raised)
        let arguments = [
            executable, "--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--disable-background-networking", "--disable-sync", "--hide-scrollbars", "--mute-audio",
            "--user-data-dir=\(profile.path)", "--window-size=\(windowSize.width),\(windowSize.height)",
            "about:blank",
        ]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // The browser's fd 3 is the read end of our command pipe, its fd 4 the write end of ours.
        posix_spawn_file_actions_adddup2(&actions, toBrowser[0], 3)
        posix_spawn_file_actions_adddup2(&actions, fromBrowser[1], 4)
        let devNull = open("/dev/null", O_WRONLY | O_CLOEXEC)
        if devNull >= 0 {
            posix_spawn_file_actions_adddup2(&actions, devNull, 1)
            posix_spawn_file_actions_adddup2(&actions, devNull, 2)
        }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, nil, &argv, environ)
        close(toBrowser[0])
        close(fromBrowser[1])
        if devNull >= 0 { close(devNull) }
        guard status == 0 else {
            close(toBrowser[1])
            close(fromBrowser[0])
            throw LaunchError(description: "posix_spawn \(executable): \(String(cString: strerror(status)))")
        }
        pid = child
        commands = toBrowser[1]
        messages = fromBrowser[0]
        // A browser that died must not kill the test with SIGPIPE on our next write.
        signal(SIGPIPE, SIG_IGN)
    }

    /// `descriptor` moved to a number above 10 (close-on-exec kept).
    private static func raised(_ descriptor: Int32) -> Int32 {
        let moved = fcntl(descriptor, F_DUPFD_CLOEXEC, 10)
        guard moved >= 0 else { return descriptor }
        close(descriptor)
        return moved
    }

    /// Writes one message and its NUL.
    func write(_ message: Data) -> Bool {
        var bytes = [UInt8](message)
        bytes.append(0)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(commands, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    /// Blocks until the browser writes; nil at its end. Call from one thread only.
    func read(into buffer: inout [UInt8]) -> Int {
        buffer.withUnsafeMutableBytes { Glibc.read(messages, $0.baseAddress, $0.count) }
    }

    /// Ends the browser; a thread of its own reaps it and removes its profile, so no caller
    /// waits for the exit on Swift's shared pool. The message pipe is closed by its reader, at
    /// its end (`closeMessages`), so that no read meets a number reused meanwhile.
    func terminate() {
        kill(pid, SIGTERM)
        let (pid, commands, profile) = (pid, commands, profile)
        Thread.detachNewThread {
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            close(commands)
            try? FileManager.default.removeItem(at: profile)
        }
    }

    /// For the reader, once `read` returned the pipe's end.
    func closeMessages() { close(messages) }
}
