/// What a history scan read that its enrichment would otherwise ask git for again, handed on
/// with the scan's result.
struct HistoryFacts: Sendable {
    /// For a scan of all refs, every commit with its parents, read once for provenance, so that
    /// the branches need not be listed again (see `BranchMap`).
    var commits: CommitListing?
    /// Which branches hold each of those commits, being worked out beside the grouping of the
    /// findings when a secret is no longer at HEAD (on Ansible's 66,000 commits, 50 ms the
    /// enrichment no longer waits for); nil otherwise.
    var branchMap: BackgroundValue<BranchMap?>?
    /// For a range, the commits it starts from (parents of its commits outside it): a branch
    /// reaches a commit of the range only through commits none of these reach (see `BranchMap`).
    var rangeStart: [String] = []
    /// The repository's CODEOWNERS (checked out, else HEAD's), read beside the scan from its first
    /// match on; nil when not read, `.some(nil)` when there is none.
    var codeOwners: CodeOwners?? = nil
}
