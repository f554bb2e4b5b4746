import Foundation

/// Scans git history on the `ScanPool`: the producer streams each distinct blob (out of the packs;
/// for a range, the blobs its commits introduced, out of the store; else out of
/// `git cat-file --batch`), workers match them, and only the blobs that matched are then given
/// their provenance (every commit and path that introduced them), by `TreeProvenance` where
/// Keysweep reads the store and by git's diffs (`ProvenanceLog`) where it does not. Each match's
/// locations are built then, once, from its blob's origin (see `UnplacedMatch`).
public struct HistoryScanner: Sendable {
    public let ruleSet: RuleSet
    public let options: ScanOptions

    public init(ruleSet: RuleSet, options: ScanOptions) {
        self.ruleSet = ruleSet
        self.options = options
    }

    public func scan(_ repository: GitRepository, revisions: GitRevisions) throws(KeysweepError) -> ScanResult {
        let pool = ScanPool<GitBlob>(ruleSet: ruleSet, options: options)
        // The enrichment's CODEOWNERS, read beside the scan from its first match (for a bare
        // clone, a git process the enrichment would otherwise start after the scan).
        let owners = BackgroundValue<CodeOwners?> { Workspace(.repository(repository.path)).repositoryCodeOwners ?? nil }
        if let range = try Self.rangeSource(repository, revisions: revisions, options: options) {
            let outcome = try pool.scan(range) { worker in
                if !worker.outcome.unplaced.isEmpty {
                    range.startHeadLookup()
                    owners.start()
                }
            }
            return try attribute(outcome, from: range, reading: nil, atHead: range.blobsAtHead, owners: owners,
                                 in: repository, revisions: revisions)
        }
        // Keyword hits carried through deltas select the same rules and windows as a walk of every
        // blob; `--whole-blobs` walks (and matches) every blob whole, for comparison.
        let source = try GitBlobSource(repository: repository, revisions: revisions, maxFileSize: options.maxFileSize,
                                       processes: options.threads, prefilter: options.matchesWholeBlobs ? nil : ruleSet.prefilter,
                                       progress: options.progress)
        // A branch reads its blobs through git, but its provenance from the store when it can.
        var provenanceStore = source.store
        if provenanceStore == nil, !source.isPartialClone {
            provenanceStore = try PackedObjectStore(repository: repository, inPackOrder: false)
        }
        let log = Self.provenanceSource(for: repository, revisions: revisions, store: provenanceStore, threads: options.threads)
        let head = HeadBlobs(repository: repository)
        let outcome = try pool.scan(source) { worker in
            if !worker.outcome.unplaced.isEmpty {
                log.start()
                head.start()
                owners.start()
            }
        }
        // The pack readers' caches were freed, but malloc keeps what its per-thread arenas held:
        // give it back before provenance, on other threads, allocates its own (Symfony: 25 MB). A
        // range has its provenance already, and giving back cost it 4 ms.
        SystemCall.returnFreedMemory()
        return try attribute(outcome, from: log, reading: source.readsObjectStore ? source.store : nil, atHead: head.blobs,
                             owners: owners, in: repository, revisions: revisions)
    }

    /// A range or `--since` read from the store in-process, when Keysweep reads the store (see
    /// `provenanceSource`); nil otherwise, and git lists and reads the blobs.
    private static func rangeSource(_ repository: GitRepository, revisions: GitRevisions,
                                    options: ScanOptions) throws(KeysweepError) -> RangeBlobSource? {
        switch revisions {
        case .range, .since: break
        case .all, .branch: return nil
        }
        guard ProcessInfo.processInfo.environment["KEYSWEEP_PROVENANCE"] != "git", !GitBlobSource.isPartialClone(repository),
              let store = try PackedObjectStore(repository: repository, inPackOrder: false) else { return nil }
        return RangeBlobSource(repository: repository, revisions: revisions, store: store, threads: options.threads,
                               maxFileSize: options.maxFileSize)
    }

    /// Places the matches of `outcome` where provenance says their blobs are, drops those in blobs
    /// no revision reaches, and notes what could not be read. `store` is the object store the
    /// blobs were listed from, if they were (all refs): then blobs the history names but the store
    /// lacks were never read. `atHead` gives, of some blobs, those in HEAD's tree; `owners` reads
    /// the CODEOWNERS the enrichment needs when there are findings.
    private func attribute(_ outcome: ScanResult, from log: any ProvenanceSource, reading store: PackedObjectStore?,
                           atHead: (Set<BlobID>) -> Set<BlobID>, owners: BackgroundValue<CodeOwners?>, in repository: GitRepository,
                           revisions: GitRevisions) throws(KeysweepError) -> ScanResult {
        var statistics = outcome.statistics
        if repository.isShallow {
            statistics.warnings.append(ScanWarning(path: repository.path, reason: .unreadable,
                                                   message: "shallow clone: commits before the shallow boundary are not scanned"))
        }
        let matched = Set(outcome.unplaced.compactMap(\.origin.id))
        // Read from the store, a blob's path is not known yet and a warning names it by its id:
        // such blobs are asked for too, and their warnings renamed.
        let named = store == nil ? [] : Set(statistics.warnings.compactMap { Self.blob(namedBy: $0.path) })
        let provenance: GitProvenance
        // Where the revisions reach the matched blobs read from the store that no commit
        // introduced; nil when git listed the blobs, each with a path.
        var unexplainedPaths: [BlobID: String]?
        // Blobs the history names but the repository lacks: they were never read.
        var missing: Set<String> = []
        do throws(KeysweepError) {
            provenance = try log.provenance(of: matched.union(named), store: store)
            // Otherwise what listed the blobs named those it lacks itself.
            if store != nil {
                missing = provenance.missing
                unexplainedPaths = try paths(of: matched, unexplainedBy: provenance, in: repository,
                                             revisions: revisions, missing: &missing)
            }
        } catch {
            // git fails too on what could not be read: say first what that was.
            for (path, message) in store?.checksums?.failures() ?? [] { statistics.unreadableObject(path, message) }
            statistics.normalize()
            throw Self.incompleteness(statistics).map { KeysweepError($0.code, "\($0.message); then \(error.message)") } ?? error
        }
        for id in missing { statistics.unreadableObject(id, "object \(id) is missing") }
        // A damaged loose object is named by the blob pass already, which reads them all.
        for (id, reason) in provenance.unreadable.sorted(by: { $0.key < $1.key }) where !statistics.unreadableObjects.contains(reason) {
            statistics.unreadableObject(id, reason)
        }
        if !named.isEmpty { statistics.warnings = statistics.warnings.map { Self.renamed($0, by: provenance) } }
        statistics.normalize()
        let matches = outcome.unplaced.flatMap { match -> [Match] in
            let introductions = match.origin.id.flatMap { provenance.introductions[$0] } ?? []
            guard introductions.isEmpty, let unexplainedPaths else { return match.placed(by: introductions) }
            return match.origin.id.flatMap { unexplainedPaths[$0] }.map { [match.placed(at: $0)] } ?? []
        }
        var result = ScanResult(matches: matches, statistics: statistics)
        result.damage = Self.incompleteness(statistics)
        result.packChecksums = store?.checksums
        result.history.commits = log.allCommits
        result.history.rangeStart = log.rangeStart.map(\.hex)
        if !matches.isEmpty { result.history.codeOwners = .some((try? owners.value()) ?? nil) }
        let held = atHead(Set(matches.compactMap(\.location.blobID)))
        let secretsAtHead = Set(matches.filter { match in match.location.blobID.map(held.contains) ?? false }.map(\.secret))
        result.secretsAtHead = secretsAtHead
        if let commits = log.allCommits, matches.contains(where: { !secretsAtHead.contains($0.secret) }) {
            // Begun now, on the core the grouping leaves idle, when a secret is no longer at HEAD:
            // the enrichment names such findings' branches. (When every secret is at HEAD only
            // the inventory names branches, and its enrichment builds the map itself.)
            let branchMap = BackgroundValue<BranchMap?> { BranchMap(repository: repository.path, commits: commits) }
            branchMap.start()
            result.history.branchMap = branchMap
        }
        return result
    }

    /// Trees read in-process when Keysweep reads the object store; git's diffs otherwise. The
    /// environment's `KEYSWEEP_PROVENANCE=git` asks for git's diffs anyway (tests and benchmarks
    /// compare the two).
    private static func provenanceSource(for repository: GitRepository, revisions: GitRevisions, store: PackedObjectStore?,
                                         threads: Int) -> any ProvenanceSource {
        if let store, ProcessInfo.processInfo.environment["KEYSWEEP_PROVENANCE"] != "git" {
            return TreeProvenance(repository: repository, revisions: revisions, store: store, threads: threads)
        }
        return ProvenanceLog(repository: repository, revisions: revisions, parts: threads)
    }

    /// The blob a path names by its id (`<id>` or `<id>!<archive member>`), if it does.
    private static func blob(namedBy path: String) -> BlobID? {
        BlobID(hex: path.utf8.prefix { $0 != UInt8(ascii: "!") })
    }

    /// `warning`, with the id its path starts with replaced by the first path that introduced the
    /// blob (the archive members after it kept, those named after the blob renamed with it); as it
    /// was for a blob no commit introduced.
    private static func renamed(_ warning: ScanWarning, by provenance: GitProvenance) -> ScanWarning {
        guard let id = blob(namedBy: warning.path), let first = provenance.introductions[id]?.first else { return warning }
        let members = ArchiveMagic.members(warning.path.drop { $0 != "!" }, readIn: id.hex, placedIn: first.path)
        return ScanWarning(path: first.path + members, reason: warning.reason, message: warning.message)
    }

    /// The error of a scan that left out objects it could not read, naming the first of them.
    fileprivate static func incompleteness(_ statistics: ScanStatistics) -> KeysweepError? {
        let unreadable = statistics.unreadableObjects
        guard !unreadable.isEmpty else { return nil }
        let more = unreadable.count > 3 ? "; and \(unreadable.count - 3) more" : ""
        return KeysweepError(.damagedInput, "the history is incomplete: \(unreadable.count == 1 ? "1 object" : "\(unreadable.count) objects") could not be read: "
                             + unreadable.prefix(3).joined(separator: "; ") + more)
    }

    /// For the matched blobs read from the object store that provenance did not explain (dangling,
    /// only in the index, or with git's diffs brought in only by a merge): one path the revisions
    /// reach each at; none for a blob they do not reach, or for any when provenance knows that
    /// nothing reaches them. A blob without a path is not reported, so a scan reports what a clone
    /// of the refs holds. (Its bytes still count in the statistics: they were read.)
    private func paths(of matched: Set<BlobID>, unexplainedBy provenance: GitProvenance, in repository: GitRepository,
                       revisions: GitRevisions, missing: inout Set<String>) throws(KeysweepError) -> [BlobID: String] {
        guard !provenance.reachabilityKnown else { return [:] }
        let unexplained = matched.filter { provenance.introductions[$0]?.isEmpty ?? true }
        return try GitProvenance.reachablePaths(of: unexplained, in: repository, revisions: revisions, missing: &missing)
    }
}

extension ScanResult {
    /// Waits for the checksums of the packs a history scan read (see `PackChecksums`), notes in
    /// `statistics` those that failed, and then says the scan is incomplete.
    mutating func awaitPackChecksums(noting statistics: inout ScanStatistics) {
        guard let failures = packChecksums?.failures(), !failures.isEmpty else { return }
        for (path, message) in failures { statistics.unreadableObject(path, message) }
        statistics.normalize()
        damage = HistoryScanner.incompleteness(statistics)
    }
}
