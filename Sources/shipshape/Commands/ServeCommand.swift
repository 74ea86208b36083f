import ArgumentParser
import Bot
import Foundation
import Server

/// `shipshape serve`: the bot. Webhooks in, jobs through the queue, reviews and commands out.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the bot: receive webhooks, queue jobs durably, review pull requests and answer commands.",
        discussion: """
            Reads the service configuration (see config/shipshape.yaml): where to listen, the queue
            (SQLite file, or PostgreSQL for several replicas), the forges with their credentials and
            webhook secrets (from the environment or files), workers, publication limits. Every problem
            in the file is reported at start-up with its line. SIGTERM stops taking jobs and lets the
            running ones finish.
            """
    )

    @Option(name: .customLong("config"), help: "The service configuration file.")
    var configPath = "config/shipshape.yaml"

    @Option(help: "Listen on this port instead of the configured one.")
    var port: Int?

    @Option(name: .customLong("log-format"), help: "text (for people) or json (one object per line, for log shippers).")
    var logFormat: LogFormat = .text

    @Option(
        name: .customLong("ca-bundle"),
        help:
            "Trust the certificate authorities in this PEM file (an internal forge or registry); TLS is always verified."
    )
    var caBundle: String?

    func run() async throws {
        logFormat.bootstrap()
        guard let text = try? String(contentsOfFile: configPath, encoding: .utf8) else {
            throw CommandFailure("\(configPath): cannot read the service configuration")
        }
        var configuration = try BotConfigurationReader.read(text: text, file: configPath)
        if let port { configuration.port = port }
        if let caBundle {
            guard FileManager.default.isReadableFile(atPath: caBundle) else {
                throw CommandFailure("--ca-bundle \(caBundle): cannot read the file")
            }
            configuration.caBundlePath = caBundle
        }
        let queue = try await QueueFactory.open(configuration.queue)
        FileHandle.standardError.write(
            Data(
                "shipshape: serving on \(configuration.host):\(configuration.port) with \(configuration.workers) worker(s)\n"
                    .utf8))
        try await BotService(configuration: configuration, queue: queue).run()
    }
}

extension LogFormat: ExpressibleByArgument {}
