import CLibarchive
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libarchive's functions, found by name in the system's library the first time an archive is
/// read (see `shim.h` for why it is not linked). A scan that meets no archive never loads it.
struct LibArchive: Sendable {
    /// The library's file names, most specific first: Debian's and other Linux distributions'
    /// soname, then the development link, then macOS's.
    static let fileNames = ["libarchive.so.13", "libarchive.so", "libarchive.13.dylib", "libarchive.dylib"]

    /// The functions, or why the library could not be loaded: every archive then fails to open
    /// with that reason, and the scan reads everything else.
    static let loaded: Result<LibArchive, ArchiveError> = load()

    let readNew: keysweep_archive_read_new_t
    let readFree: keysweep_archive_read_free_t
    let supportFormatZip: keysweep_archive_read_support_format_zip_t
    let supportFormatTar: keysweep_archive_read_support_format_tar_t
    let supportFormatRaw: keysweep_archive_read_support_format_raw_t
    let supportFilterGzip: keysweep_archive_read_support_filter_gzip_t
    let supportFilterBzip2: keysweep_archive_read_support_filter_bzip2_t
    let supportFilterXz: keysweep_archive_read_support_filter_xz_t
    let supportFilterZstd: keysweep_archive_read_support_filter_zstd_t
    let readOpen: keysweep_archive_read_open_t
    let readOpenFd: keysweep_archive_read_open_fd_t
    let readOpenMemory2: keysweep_archive_read_open_memory2_t
    let readNextHeader: keysweep_archive_read_next_header_t
    let readData: keysweep_archive_read_data_t
    let filterBytes: keysweep_archive_filter_bytes_t
    let formatName: keysweep_archive_format_name_t
    let errorString: keysweep_archive_error_string_t
    let entryPathname: keysweep_archive_entry_pathname_t
    let entryPathnameUTF8: keysweep_archive_entry_pathname_utf8_t
    let entrySize: keysweep_archive_entry_size_t
    let entrySizeIsSet: keysweep_archive_entry_size_is_set_t
    let entryFiletype: keysweep_archive_entry_filetype_t
    let entryIsDataEncrypted: keysweep_archive_entry_is_data_encrypted_t

    private static func load() -> Result<LibArchive, ArchiveError> {
        var reasons: [String] = []
        for name in fileNames {
            // Never unloaded: the pointers below live as long as the process.
            if let library = dlopen(name, RTLD_NOW | RTLD_LOCAL) {
                return Result { () throws(ArchiveError) in try LibArchive(library) }
            }
            reasons.append(dlerror().map { String(cString: $0) } ?? name)
        }
        return .failure(ArchiveError("libarchive could not be loaded (install libarchive13 or libarchive-dev): "
                                     + reasons.joined(separator: "; ")))
    }

    private init(_ library: UnsafeMutableRawPointer) throws(ArchiveError) {
        func function<T>(_ name: String, as type: T.Type) throws(ArchiveError) -> T {
            guard let symbol = dlsym(library, name) else {
                throw ArchiveError("libarchive has no function \(name): a version older than 3.3.3?")
            }
            return unsafeBitCast(symbol, to: type)
        }
        readNew = try function("archive_read_new", as: keysweep_archive_read_new_t.self)
        readFree = try function("archive_read_free", as: keysweep_archive_read_free_t.self)
        supportFormatZip = try function("archive_read_support_format_zip", as: keysweep_archive_read_support_format_zip_t.self)
        supportFormatTar = try function("archive_read_support_format_tar", as: keysweep_archive_read_support_format_tar_t.self)
        supportFormatRaw = try function("archive_read_support_format_raw", as: keysweep_archive_read_support_format_raw_t.self)
        supportFilterGzip = try function("archive_read_support_filter_gzip", as: keysweep_archive_read_support_filter_gzip_t.self)
        supportFilterBzip2 = try function("archive_read_support_filter_bzip2",
                                          as: keysweep_archive_read_support_filter_bzip2_t.self)
        supportFilterXz = try function("archive_read_support_filter_xz", as: keysweep_archive_read_support_filter_xz_t.self)
        supportFilterZstd = try function("archive_read_support_filter_zstd", as: keysweep_archive_read_support_filter_zstd_t.self)
        readOpen = try function("archive_read_open", as: keysweep_archive_read_open_t.self)
        readOpenFd = try function("archive_read_open_fd", as: keysweep_archive_read_open_fd_t.self)
        readOpenMemory2 = try function("archive_read_open_memory2", as: keysweep_archive_read_open_memory2_t.self)
        readNextHeader = try function("archive_read_next_header", as: keysweep_archive_read_next_header_t.self)
        readData = try function("archive_read_data", as: keysweep_archive_read_data_t.self)
        filterBytes = try function("archive_filter_bytes", as: keysweep_archive_filter_bytes_t.self)
        formatName = try function("archive_format_name", as: keysweep_archive_format_name_t.self)
        errorString = try function("archive_error_string", as: keysweep_archive_error_string_t.self)
        entryPathname = try function("archive_entry_pathname", as: keysweep_archive_entry_pathname_t.self)
        entryPathnameUTF8 = try function("archive_entry_pathname_utf8", as: keysweep_archive_entry_pathname_utf8_t.self)
        entrySize = try function("archive_entry_size", as: keysweep_archive_entry_size_t.self)
        entrySizeIsSet = try function("archive_entry_size_is_set", as: keysweep_archive_entry_size_is_set_t.self)
        entryFiletype = try function("archive_entry_filetype", as: keysweep_archive_entry_filetype_t.self)
        entryIsDataEncrypted = try function("archive_entry_is_data_encrypted",
                                            as: keysweep_archive_entry_is_data_encrypted_t.self)
    }
}
