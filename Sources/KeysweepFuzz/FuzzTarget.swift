#if canImport(Glibc)
import Glibc
#endif

/// The fuzz targets of Keysweep's parsers, in one libFuzzer binary; `KEYSWEEP_FUZZ_TARGET` picks one.
///
/// One binary rather than one executable per target: KeysweepKit built with the fuzzer and
/// address sanitizers takes minutes to compile and link on this machine, and every target needs
/// all of it. `scripts/fuzz` builds it (`KEYSWEEP_FUZZ=1` adds this target to the package) and runs
/// each target with its seed corpus from `fixtures/fuzz/<target>/`.
///
/// A target is given arbitrary bytes and must not crash, leak, or hang: it may reject them (a
/// thrown error, a nil) but not trap. Errors are thrown away on purpose: rejecting is the correct
/// outcome for most inputs.
enum FuzzTarget: String, CaseIterable {
    /// `PackIndex` of an `.idx` file holding the input.
    case packIndex = "pack-index"
    /// `PackEntryHeader` at the start of the input, at an offset taken from its first 8 bytes.
    case packEntry = "pack-entry"
    /// `GitDelta.targetSize` and `GitDelta.apply`: a base and a delta, split by the first 2 bytes.
    case gitDelta = "git-delta"
    /// `GitTree` entries and their order, as provenance reads trees.
    case gitTree = "git-tree"
    /// A whole pack and its index (`PackStoreInput`) read by `PackFile` and `PackBlobReader`.
    case packStore = "pack-store"
    /// `ParsedCommit` and a `CommitWalk` over commits that all are the input.
    case commit
    /// `ObjectDumpSource` over a `git cat-file --batch` or `git fast-export` dump.
    case dump
    /// `RuleLoader` on a YAML rule file, and `CompactRuleText.parse` on the same text.
    case rules
    /// `ProjectConfig(yaml:path:)`, then applied to the builtin rules and its allow patterns run.
    case config
    /// `Baseline(path:)` of a file holding the input, rendered back.
    case baseline
    /// A JSON report decoded as `keysweep merge` does, merged with itself and rendered.
    case merge
    /// `EncodedValues`: base64 Secret values and percent-encoded runs.
    case encoded
    /// A `Matcher` of the builtin rules (with the decoding layer) over the input.
    case matcher
    /// `KeyStoreFile` on the input as a whole file, the Java KeyStore facts the inventory reads, and
    /// the well-known password checks (`PKCS12Password`).
    case keyStore = "key-store"
    /// What the enrichment reads of encrypted settings a found key opens: Rails' credentials file
    /// and its Marshal and YAML plaintext, a Symfony vault's PHP files, a key pair in either form,
    /// dotenvx values (ECIES) and env files, Laravel's payloads, Ansible Vault texts and password
    /// files, Jasypt values, a Jenkins home's key files and stored secrets, unarmored key bodies.
    case vaultFiles = "vault-files"

    func run(_ bytes: UnsafeRawBufferPointer) {
        switch self {
        case .packIndex: PackFuzzing.index(bytes)
        case .packEntry: PackFuzzing.entryHeader(bytes)
        case .gitDelta: PackFuzzing.delta(bytes)
        case .gitTree: PackFuzzing.tree(bytes)
        case .packStore: PackFuzzing.store(bytes)
        case .commit: PackFuzzing.commit(bytes)
        case .dump: DumpFuzzing.dump(bytes)
        case .rules: RuleFuzzing.rules(bytes)
        case .config: RuleFuzzing.config(bytes)
        case .baseline: ReportFuzzing.baseline(bytes)
        case .merge: ReportFuzzing.merge(bytes)
        case .encoded: MatchingFuzzing.encoded(bytes)
        case .matcher: MatchingFuzzing.matcher(bytes)
        case .keyStore: MatchingFuzzing.keyStore(bytes)
        case .vaultFiles: MatchingFuzzing.vaultFiles(bytes)
        }
    }

    /// The target named by `KEYSWEEP_FUZZ_TARGET`; exits with the list of names if it is missing.
    static let chosen: FuzzTarget = {
        let name = getenv("KEYSWEEP_FUZZ_TARGET").map { String(cString: $0) } ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            let names = allCases.map(\.rawValue).joined(separator: " ")
            let message = "KeysweepFuzz: set KEYSWEEP_FUZZ_TARGET to one of: \(names)\n"
            _ = message.utf8CString.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count - 1) }
            exit(2)
        }
        return target
    }()
}

/// Called once by libFuzzer before the first input: fails early on a bad target name.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
    _ = FuzzTarget.chosen
    return 0
}

/// Called by libFuzzer for every input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzTarget.chosen.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}
