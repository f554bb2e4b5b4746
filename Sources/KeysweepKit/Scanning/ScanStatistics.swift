/// What a scan covered and what it left out, for the report.
public struct ScanStatistics: Sendable {
    public var filesScanned = 0
    public var bytesScanned = 0
    public var skipped: [SkipReason: Int] = [:]
    public var warnings: [ScanWarning] = []
    /// Patterns that gave up on a blob because a PCRE2 limit was hit, with the blob's path.
    public var limitHits: [LimitHitRecord] = []
    /// Findings hidden, by kind of suppression (`inline`, …).
    public var suppressed: [String: Int] = [:]
    /// Look-alikes that structural validators proved fake, by rule id (never findings).
    public var rejectedByValidator: [String: Int] = [:]
    /// Objects of a repository that could not be read (missing, damaged), one message each: the
    /// scan went on without them, and its report says it is incomplete.
    public var unreadableObjects: [String] = []
    /// With `--rule-stats`: what each rule's pattern cost, by rule id (not in reports).
    public var ruleCosts: [String: RuleCost] = [:]
    /// Bytes of blobs the pack readers rebuilt, and of those the bytes they walked for keywords:
    /// the rest had their keyword hits carried through deltas (`DeltaHits`). Not in reports.
    public var packBytesRebuilt = 0
    public var packBytesWalked = 0
    public var durationMilliseconds = 0
    public var threads = 1

    public init() {}

    /// What the matcher left out of one blob at `path`: limit hits, suppressions, look-alikes.
    mutating func count(_ scan: BlobScan, path: String) {
        limitHits += scan.limitHits.map { LimitHitRecord(ruleID: $0.ruleID, path: path, message: $0.message) }
        if scan.suppressedInline > 0 { suppressed["inline", default: 0] += scan.suppressedInline }
        if scan.suppressedExamples > 0 { suppressed["example", default: 0] += scan.suppressedExamples }
        rejectedByValidator.merge(scan.rejectedByValidator, uniquingKeysWith: +)
        if scan.suppressedGenericInDataFile > 0 {
            suppressed["generic-in-data-file", default: 0] += scan.suppressedGenericInDataFile
        }
    }

    mutating func skip(_ reason: SkipReason, path: String, message: String) {
        skipped[reason, default: 0] += 1
        if reason.warns { warnings.append(ScanWarning(path: path, reason: reason, message: message)) }
    }

    /// Records an object that could not be read: a warning, a count, and an incomplete scan.
    mutating func unreadableObject(_ name: String, _ message: String) {
        skip(.unreadable, path: name, message: message)
        unreadableObjects.append(message)
    }

    mutating func merge(_ other: ScanStatistics) {
        filesScanned += other.filesScanned
        bytesScanned += other.bytesScanned
        skipped.merge(other.skipped, uniquingKeysWith: +)
        warnings += other.warnings
        limitHits += other.limitHits
        unreadableObjects += other.unreadableObjects
        suppressed.merge(other.suppressed, uniquingKeysWith: +)
        rejectedByValidator.merge(other.rejectedByValidator, uniquingKeysWith: +)
        packBytesRebuilt += other.packBytesRebuilt
        packBytesWalked += other.packBytesWalked
        for (rule, cost) in other.ruleCosts { ruleCosts[rule, default: RuleCost()].add(cost) }
    }

    /// Sorts the lists so that the report does not depend on thread timing.
    mutating func normalize() {
        warnings.sort()
        limitHits.sort()
        unreadableObjects.sort()
    }
}

/// A PCRE2 limit hit: which rule gave up on which file.
public struct LimitHitRecord: Sendable, Hashable, Comparable, Codable {
    public let ruleID: String
    public let path: String
    public let message: String

    public static func < (lhs: LimitHitRecord, rhs: LimitHitRecord) -> Bool {
        (lhs.path, lhs.ruleID) < (rhs.path, rhs.ruleID)
    }
}
