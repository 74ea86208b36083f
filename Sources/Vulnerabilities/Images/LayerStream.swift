import Archives
import Crypto
import Foundation
import HTTPKit

/// One layer read as its bytes arrive from the registry, never held whole: counted against its
/// manifest size and the compressed limit, hashed, decompressed (gzip, zstd or plain tar, told by
/// its first bytes) under the uncompressed limit, and read as tar into `LayerChanges`. `finish`
/// then checks the digest: a layer whose bytes are not the ones named gives an error, and nothing
/// it seemed to hold is used or cached.
///
/// `@unchecked Sendable`: the HTTP client calls `receive` from one transfer thread, one piece after
/// another, and `finish` runs after the transfer ended.
final class LayerStream: HTTPBodyReceiver, @unchecked Sendable {
    private enum Format {
        case gzip(GzipStream)
        case zstd(ZstdStream)
        case plain
    }

    private let digest: String
    private let compressedLimit: Int
    private let uncompressedLimit: Int
    private var hasher = SHA256()
    private var format: Format?
    /// The first bytes, until there are enough to tell the format.
    private var head: [UInt8] = []
    private var compressed = 0
    private var uncompressed = 0
    private var tar = TarStream()
    private var reader: LayerChanges.Reader

    /// `declaredSize`: the manifest's size of the layer; more bytes than that are refused as they come.
    init(digest: String, declaredSize: Int, limits: ImageContentsReader.Limits) throws(ArchiveError) {
        guard digest.hasPrefix("sha256:") else {
            throw ArchiveError(reason: "is named by a digest that is not sha256; not read")
        }
        self.digest = digest
        compressedLimit = min(declaredSize, limits.compressedLayerBytes)
        uncompressedLimit = limits.uncompressedLayerBytes
        reader = LayerChanges.Reader(keptFileLimit: limits.keptFileBytes)
    }

    func receive(_ bytes: UnsafeRawBufferPointer) throws {
        compressed += bytes.count
        guard compressed <= compressedLimit else {
            throw ArchiveError(
                reason: "is larger than its manifest says or than the limit (\(compressedLimit) bytes); refused",
                isOverLimit: true)
        }
        hasher.update(bufferPointer: bytes)
        if let format {
            try decompress(bytes, format)
            return
        }
        head.append(contentsOf: bytes)
        if head.count >= 4 { try start() }
    }

    /// The layer's changes, once all of it came: its digest checked, every stream ended.
    func finish() throws -> LayerChanges {
        if format == nil { try start() }
        let actual = "sha256:" + hasher.finalize().map { String(format: "%02x", $0) }.joined()
        guard actual == digest else {
            throw ArchiveError(reason: "does not match its digest (\(compressed) bytes came; corrupt)")
        }
        switch format {
        case .gzip(let stream): try stream.finish()
        case .zstd(let stream): try stream.finish()
        case .plain, nil: break
        }
        try tar.finish()
        return reader.changes
    }

    /// Tells the format from the first bytes, then reads them.
    private func start() throws {
        let chosen: Format
        if head.starts(with: [0x1f, 0x8b]) {
            chosen = .gzip(try GzipStream())
        } else if head.starts(with: [0x28, 0xb5, 0x2f, 0xfd]) {
            chosen = .zstd(try ZstdStream())
        } else {
            chosen = .plain
        }
        format = chosen
        let first = head
        head = []
        try first.withUnsafeBytes { try decompress($0, chosen) }
    }

    private func decompress(_ bytes: UnsafeRawBufferPointer, _ format: Format) throws {
        switch format {
        case .gzip(let stream): try stream.feed(bytes) { try untar($0, verb: "inflates to") }
        case .zstd(let stream): try stream.feed(bytes) { try untar($0, verb: "decompresses to") }
        case .plain: try untar(bytes, verb: "is")
        }
    }

    private func untar(_ bytes: UnsafeRawBufferPointer, verb: String) throws {
        uncompressed += bytes.count
        guard uncompressed <= uncompressedLimit else {
            throw ArchiveError(
                reason: "\(verb) more than \(uncompressedLimit >> 20) MiB; refused", isOverLimit: true)
        }
        try tar.feed(bytes, into: &reader)
    }
}
