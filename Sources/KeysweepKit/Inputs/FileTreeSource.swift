#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files and folders named on the command line, and streams: the producer walks each folder
/// into batches of files (a worker reads each into its own buffer), and reads each pipe, FIFO or
/// character device (`<(cat file)`, `/dev/fd/N`, standard input) whole, bounded by
/// `--max-file-size`, as one blob under the name it was given.
struct FileTreeSource: BlobSource {
    enum Item: Sendable {
        case file(FileTask)
        /// A stream read whole; matched even if it looks binary (it was piped in to be scanned).
        case stream(name: String, bytes: [UInt8])
    }

    /// A root: a path to walk or read, or standard input.
    enum Root: Sendable {
        case path(String)
        case standardInput
    }

    let roots: [Root]
    let options: ScanOptions
    /// Show paths below each root without the root in front (a repository's working tree is
    /// reported with the paths its history has).
    var pathsBelowRoot = false

    /// Files per batch: amortises locking without delaying the first worker much.
    static let batchSize = 32

    func produce(push: @escaping @Sendable ([Item]) -> Void) -> ScanStatistics {
        var walker = DirectoryWalker(followSymlinks: options.followSymlinks, include: options.include, exclude: options.exclude)
        var statistics = ScanStatistics()
        var batch: [Item] = []
        func emit(_ task: FileTask) {
            batch.append(.file(task))
            if batch.count == Self.batchSize {
                push(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        for root in roots {
            switch root {
            case .standardInput:
                if let bytes = read(descriptor: STDIN_FILENO, name: "<stdin>", statistics: &statistics) {
                    push([.stream(name: "<stdin>", bytes: bytes)])
                }
            case .path(let path) where Self.isStream(path):
                if let bytes = readStream(path, statistics: &statistics) { push([.stream(name: path, bytes: bytes)]) }
            case .path(let path):
                walk(path, walker: &walker, statistics: &statistics, emit: emit)
            }
        }
        if !batch.isEmpty { push(batch) }
        return statistics
    }

    func scan(_ item: Item, worker: inout ScanWorker) {
        switch item {
        case .file(let task): worker.scan(file: task)
        case .stream(let name, let bytes): worker.scan(bytes: bytes, path: name, skipsBinary: false)
        }
    }

    /// Walks one root, which may itself be a file.
    private func walk(_ root: String, walker: inout DirectoryWalker, statistics: inout ScanStatistics, emit: (FileTask) -> Void) {
        switch DirectoryWalker.classify(path: root, follow: true) {
        case .file:
            emit(FileTask(path: FileSystemPath(root), displayPath: root))
        case .special, .symlink:
            // Named on the command line, so a warning (and exit 2), not only a count.
            let message = "it is a block device or socket, not a regular file, folder or pipe"
            statistics.skip(.specialFile, path: root, message: message)
            statistics.warnings.append(ScanWarning(path: root, reason: .specialFile, message: message))
        case .directory, .vanished, .loop:
            walker.walk(root: root, displayRoot: pathsBelowRoot ? "" : nil, emit: emit, skip: { reason, path, message in
                statistics.skip(reason, path: path, message: message)
            })
        }
    }

    /// Whether `path` is read as a stream: a pipe or FIFO (`/dev/fd/N` links to one), or a
    /// character device (`/dev/stdin` on a terminal, `/dev/null`), after symbolic links. Block
    /// devices and sockets are not read.
    static func isStream(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return info.st_mode & S_IFMT == S_IFIFO || info.st_mode & S_IFMT == S_IFCHR
    }

    /// The stream at `path`, read whole. A FIFO with no writer reads as empty.
    private func readStream(_ path: String, statistics: inout ScanStatistics) -> [UInt8]? {
        let descriptor: Int32
        do {
            descriptor = try SystemCall.openStream(path, what: "input")
        } catch {
            statistics.skip(.unreadable, path: path, message: error.message)
            return nil
        }
        defer { close(descriptor) }
        return read(descriptor: descriptor, name: path, statistics: &statistics)
    }

    /// Reads a stream whole; more than the file-size limit is a counted skip with a warning, read
    /// no further (an endless `/dev/zero` stops there).
    private func read(descriptor: Int32, name: String, statistics: inout ScanStatistics) -> [UInt8]? {
        let reader = ByteStreamReader(fileDescriptor: descriptor)
        guard let bytes = reader.readToEnd(limit: options.maxFileSize) else {
            statistics.skip(.tooLarge, path: name, message: "larger than \(options.maxFileSize) bytes")
            statistics.warnings.append(ScanWarning(path: name, reason: .tooLarge,
                                                   message: "more than \(options.maxFileSize) bytes: not scanned (see --max-file-size)"))
            return nil
        }
        if let failure = reader.failure {
            statistics.skip(.unreadable, path: name, message: "cannot read: \(String(cString: strerror(failure)))")
            return nil
        }
        return bytes
    }
}
