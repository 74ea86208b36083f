import Foundation

/// A POST sent by a `python3` process (urllib), so that nothing of the calling process is involved
/// in sending it or waiting for the answer.
package enum PythonHTTPPost {
    static let script = """
        import json, sys, urllib.request
        url, path, headers = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
        request = urllib.request.Request(url, data=open(path, "rb").read(), method="POST", headers=headers)
        try:
            print(urllib.request.urlopen(request, timeout=20).status)
        except Exception as error:
            print(error)
        """

    /// The answer's status code as text ("202"), or what went wrong ("timed out"); gives up after 20 s.
    package static func send(to url: URL, headers: [String: String], body: Data) -> String {
        let file = FileManager.default.temporaryDirectory.appending(path: "shipshape-post-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            try body.write(to: file)
            let headerText = String(decoding: try JSONSerialization.data(withJSONObject: headers), as: UTF8.self)
            let output = try ProcessRunner.tool("python3", ["-c", script, url.absoluteString, file.path, headerText])
                .output
            return output.trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            return "python3 did not run: \(error)"
        }
    }
}
