import Foundation

/// Reads a `Transfer-Encoding: chunked` request body: hexadecimal size lines, data, and a
/// final zero-size chunk followed by optional trailers and a blank line.
enum ChunkedBody {
    static func read(from stream: SocketStream) -> [UInt8]? {
        var body: [UInt8] = []
        while true {
            guard let sizeLine = stream.readLine() else { return nil }
            let sizeText = sizeLine.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { return nil }
            if size == 0 {
                while let trailer = stream.readLine(), !trailer.isEmpty {}
                return body
            }
            guard let chunk = stream.read(count: size), stream.readLine() != nil else { return nil }
            body.append(contentsOf: chunk)
        }
    }
}
