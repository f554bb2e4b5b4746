#if canImport(Glibc)
import Glibc
#endif
@testable import KeysweepKit

/// Fuzz target of the dump reader (`Inputs/ObjectDumpSource.swift`).
enum DumpFuzzing {
    /// `ObjectDumpSource` over the input, fed through a file descriptor as `keysweep dump
    /// FILE` feeds it, drained to the end or the damage; then its fast-export provenance read.
    ///
    /// A small largest-blob size (4 KiB) also drives the path that skips a blob too large to scan.
    static func dump(_ bytes: UnsafeRawBufferPointer) {
        guard let descriptor = ScratchFile.descriptor(holding: bytes, name: "dump") else { return }
        defer { close(descriptor) }
        var source = ObjectDumpSource(name: "fuzz", fileDescriptor: descriptor, maxFileSize: 4096)
        var blobs = 0
        let (_, damage) = source.produce(push: { blobs += $0.count })
        _ = damage?.description
        for (_, places) in source.introductions {
            for (commit, path) in places { _ = (commit.id, commit.date, path) }
        }
    }
}
