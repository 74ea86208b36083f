import Foundation
import ShipshapeTesting

/// A small Go program built in the test by the `go` tool, offline: its one dependency
/// (`golang.org/x/text v0.3.7`, a version with a published advisory) is vendored, so the binary's
/// build information lists it. Built once per test process.
enum GoFixture {
    static var isAvailable: Bool { (try? ProcessRunner.tool("go", ["version"]).status) == 0 }

    static let binary: Result<[UInt8], any Error> = Result(catching: { try build() })

    private static func build() throws -> [UInt8] {
        let scratch = try Scratch("go")
        defer { scratch.remove() }
        try scratch.write("go.mod", text: "module example.com/hello\n\ngo 1.19\n\nrequire golang.org/x/text v0.3.7\n")
        try scratch.write(
            "vendor/modules.txt", text: "# golang.org/x/text v0.3.7\n## explicit\ngolang.org/x/text/language\n")
        try scratch.write(
            "vendor/golang.org/x/text/language/language.go",
            text: "package language\n\nfunc Tag() string { return \"en\" }\n")
        try scratch.write(
            "main.go",
            text: """
                package main

                import (
                \t"fmt"
                \t"golang.org/x/text/language"
                )

                func main() { fmt.Println(language.Tag()) }

                """)
        let cache = FileManager.default.temporaryDirectory.appending(path: "shipshape-go-cache").path
        let script =
            "GOCACHE=\(cache) GOPATH=\(cache)/path GOPROXY=off GOFLAGS=-buildvcs=false CGO_ENABLED=0 go build -trimpath -o hello ."
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", script], in: scratch.url)
        guard result.status == 0 else { throw FixtureError("go build: \(result.output)") }
        return Array(try Data(contentsOf: scratch.url.appending(path: "hello")))
    }
}
