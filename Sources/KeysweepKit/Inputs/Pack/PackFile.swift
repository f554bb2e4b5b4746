#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One pack (`pack-*.pack` and its `.idx`), open for reading with `pread`.
///
/// Not mapped into memory: every page of a mapped pack that the scan touched would count in its
/// resident memory, and a scan reads all of it.
final class PackFile: Sendable {
    let path: String
    /// Its place among the store's packs.
    let number: Int
    let index: PackIndex
    private let descriptor: Int32
    /// Where the objects end: the 20-byte checksum follows.
    let objectsEnd: UInt64

    /// Opens the pack beside `indexPath`; nil if its index is not one this reader knows.
    init?(indexPath: String, number: Int, inPackOrder: Bool = true) throws(KeysweepError) {
        guard let index = try PackIndex(path: indexPath, inPackOrder: inPackOrder) else { return nil }
        // Checked on locals: once every property is set, a throwing init runs deinit, which closes.
        let path = String(indexPath.dropLast(".idx".count)) + ".pack"
        let descriptor = try SystemCall.openRegularFile(path, what: "pack")
        var status = stat()
        var header = [UInt8](repeating: 0, count: 12)
        guard fstat(descriptor, &status) == 0, pread(descriptor, &header, 12, 0) == 12 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw KeysweepError("cannot read pack '\(path)': \(reason)")
        }
        let count = header[8...11].reduce(0) { $0 << 8 | Int($1) }
        guard header[0...3].elementsEqual("PACK".utf8), header[7] == 2 || header[7] == 3, count == index.count,
              status.st_size >= 12 + PackIndex.idLength else {
            close(descriptor)
            throw KeysweepError("damaged pack '\(path)': its header does not match its index")
        }
        let objectsEnd = UInt64(status.st_size) - UInt64(PackIndex.idLength)
        guard index.count == 0 || !index.isInPackOrder || (index.offset(at: index.count - 1) < objectsEnd && index.offset(at: 0) >= 12) else {
            close(descriptor)
            throw KeysweepError("damaged pack '\(path)': its index points past its objects")
        }
        var trailer = [UInt8](repeating: 0, count: PackIndex.idLength)
        guard pread(descriptor, &trailer, PackIndex.idLength, off_t(objectsEnd)) == PackIndex.idLength,
              trailer.elementsEqual(index.packChecksum) else {
            close(descriptor)
            throw KeysweepError("damaged pack '\(path)': its checksum is not the one its index records")
        }
        self.path = path
        self.number = number
        self.index = index
        self.descriptor = descriptor
        self.objectsEnd = objectsEnd
    }

    deinit { close(descriptor) }

    /// Where the object at `position` ends (where the next begins).
    func end(of position: Int) -> UInt64 {
        position + 1 < index.count ? index.offset(at: position + 1) : objectsEnd
    }

    /// Reads `count` bytes at `offset` into `buffer`; false on a read error or a short pack.
    func read(into buffer: UnsafeMutableRawBufferPointer, count: Int, at offset: UInt64) -> Bool {
        var done = 0
        while done < count {
            let got = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset) + off_t(done))
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return false }
            done += got
        }
        return true
    }
}
