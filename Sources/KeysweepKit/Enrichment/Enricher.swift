import Dispatch
import Synchronization

/// The Enrichment stage: after de-duplication and suppression, before reporting, it adds to each
/// finding what the repository itself can tell about the secret (see `Enrichment`).
public struct Enricher: Sendable {
    public var now: Timestamp
    public var policy: Enrichment.Policy
    /// Name the branches that hold every secret (the inventory). Otherwise only secrets that are
    /// no longer at HEAD get their branches: "only in history" says too little when the history is
    /// an unmerged branch.
    public var resolveBranches = false
    /// The folders a directory scan was given: services are named below them.
    public var scanRoots: [String] = []
    /// The passwords the scan found, tried on its key stores (set by `enrich` from its findings).
    var foundPasswords: [FoundPassword] = []
    /// What the passwords of sealed texts the scan found opened, by password (see `SealedTextOpener`).
    var openedSealedTexts: [[UInt8]: SealedTextOpener.Opened] = [:]
    /// By Jenkins master key, the files of its home the scan saw it open (see `DecryptedSettings`).
    var jenkinsFilesOpened: [[UInt8]: [String]] = [:]

    public init(now: Timestamp, policy: Enrichment.Policy = .init()) {
        self.now = now
        self.policy = policy
    }

    /// Enriches on `threads` threads, each with its own `Workspace` (its caches and its git
    /// process are not shared); the order of the findings is kept.
    /// `commits`, when the scan listed every commit of every ref, gives the branches without
    /// another walk of the commit graph.
    public func enrich(_ findings: [Finding], in kind: Workspace.Kind, threads: Int) -> [Finding] {
        enrich(findings, in: kind, threads: threads, history: HistoryFacts())
    }

    /// `history`: what a history scan read already (its commits, where a range starts, the
    /// CODEOWNERS), which is not asked of git again.
    func enrich(_ findings: [Finding], in kind: Workspace.Kind, threads: Int, history: HistoryFacts) -> [Finding] {
        let branchMap: BranchMap? = if case .repository(let root) = kind,
            resolveBranches || findings.contains(where: { $0.presentAtHead == false }) {
            if let pending = history.branchMap { (try? pending.value()) ?? nil } else {
                BranchMap(repository: root, commits: history.commits, excluding: history.rangeStart)
            }
        } else {
            nil
        }
        // Every chunk tries the key stores it holds with the passwords of all the findings (read
        // only when there is a key store to try them on).
        let enricher = findings.contains { $0.rule.kind == .keyStore } ? withFoundPasswords(FoundPassword.all(in: findings)) : self
        let chunks = max(1, min(threads, findings.count / 8))
        let first = Workspace(kind, owners: history.codeOwners)
        guard chunks > 1 else { return enricher.enrich(findings, in: first, branchMap: branchMap) }
        // Read once, before the threads each make a workspace of their own.
        let owners = first.repositoryCodeOwners
        let results = Mutex<[Int: [Finding]]>([:])
        let size = (findings.count + chunks - 1) / chunks
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let part = Array(findings[(chunk * size)..<min(findings.count, (chunk + 1) * size)])
            let enriched = enricher.enrich(part, in: Workspace(kind, owners: owners), branchMap: branchMap)
            results.withLock { $0[chunk] = enriched }
        }
        let parts = results.withLock { $0 }
        return (0..<chunks).flatMap { parts[$0] ?? [] }
    }

    private func withFoundPasswords(_ passwords: [FoundPassword]) -> Enricher {
        var enricher = self
        enricher.foundPasswords = passwords
        return enricher
    }

    func enrich(_ findings: [Finding], in workspace: Workspace, branchMap: BranchMap?) -> [Finding] {
        findings.map { finding in
            var enriched = finding
            let facts = secretFacts(finding, workspace: workspace)
            if facts.key?.encrypted == true, finding.severity > .high { enriched.severity = .high }
            // A key store that opens with a well-known password, or one committed with it, guards
            // its keys no better than a bare key.
            // So does a key beside the credentials it decrypts.
            if facts.key?.storePassword != nil || facts.key?.storePasswordAt != nil || facts.key?.decrypts != nil,
               finding.severity == .high {
                enriched.severity = .critical
            }
            let commits = Set(finding.locations.compactMap { $0.commit?.id }).sorted()
            let branches = resolveBranches || finding.presentAtHead == false ? branchMap?.branches(containing: commits) : nil
            let advice = Remediation.line(for: finding.rule)
            enriched.enrichment = Enrichment(
                places: finding.locations.map(Enrichment.Place.init),
                presentAtHead: finding.presentAtHead,
                facts: facts,
                codeOwners: codeOwners(finding, workspace: workspace),
                branches: branches?.names,
                onlyUnmergedBranches: branches?.onlyUnmerged,
                remediation: .init(text: advice.text, link: advice.link),
                now: now, policy: policy, scanRoots: scanRoots
            )
            return enriched
        }
    }

    /// Expiry and key facts from the secret, and from a certificate in the same file as a key.
    func secretFacts(_ finding: Finding, workspace: Workspace) -> Enrichment.SecretFacts {
        var facts = Enrichment.SecretFacts()
        let secret = finding.secret
        if secret.starts(with: Array("eyJ".utf8)), let claims = JWTClaims(token: secret) {
            facts.issuedAt = claims.issuedAt
            facts.expiresAt = claims.expiresAt
        }
        if finding.rule.id == DataProtectionKeyRing.ruleID, let xml = finding.locations.first.flatMap(workspace.contents(of:)) {
            let ring = DataProtectionKeyRing(xml: xml)
            facts.issuedAt = ring.created
            facts.expiresAt = ring.expires
        }
        if finding.rule.provider == "AWS", secret.starts(with: Array("ASIA".utf8)) || finding.rule.id == "aws.session-token" {
            facts.temporary = true
        }
        if finding.rule.kind == .keyStore, let file = LenientBase64.decode(finding.secret) {
            Self.addKeyStoreFacts(file, found: foundPasswords, to: &facts)
        }
        if let format = SealedFormat(password: finding.rule.validator) {
            facts.key = PrivateKeyFacts(sealedTextsOpened: openedSealedTexts[finding.secret],
                                        cipher: format.cipher(password: finding.secret))
        } else if finding.rule.kind == .encryptionKey {
            facts.key = EncryptedFileFinder(workspace: workspace, scanRoots: scanRoots).facts(finding)
            // Every file the key opened is named: a home without `credentials.xml` names its first.
            if let opened = jenkinsFilesOpened[secret], let first = opened.first, var key = facts.key {
                let named = key.decrypts ?? first
                let others = opened.filter { $0 != named }
                key.decrypts = named
                key.alsoDecrypts = others.isEmpty ? nil : others
                facts.key = key
            }
        }
        if finding.rule.kind == .privateKey {
            facts.key = PrivateKeyFacts(secret: secret)
            // The first place with a certificate; three tries bound the cost of many copies. What
            // the scan saw is used, else (a merged report) the file is read.
            for location in finding.locations.prefix(3) {
                let validity: CertificateValidity?
                switch location.companionCertificate {
                case .found(let found): validity = found
                case .absent: validity = nil
                case .notLookedFor: validity = workspace.contents(of: location).flatMap(CertificateValidity.first(in:))
                }
                guard let validity else { continue }
                facts.issuedAt = validity.notBefore
                facts.expiresAt = validity.notAfter
                break
            }
        }
        return facts
    }

    /// CODEOWNERS candidates, the owner of the most locations first.
    private func codeOwners(_ finding: Finding, workspace: Workspace) -> [Enrichment.Owner] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for location in finding.locations {
            for owner in workspace.owners(of: location) {
                if counts[owner] == nil { order.append(owner) }
                counts[owner, default: 0] += 1
            }
        }
        return order.enumerated().sorted { lhs, rhs in
            counts[lhs.element]! != counts[rhs.element]! ? counts[lhs.element]! > counts[rhs.element]! : lhs.offset < rhs.offset
        }.map { Enrichment.Owner(name: $0.element, source: "codeowners", locations: counts[$0.element]!) }
    }
}

extension Enrichment.Place {
    init(_ location: Location) {
        self.init(repository: location.repository, path: location.path, commit: location.commit?.id,
                  date: location.commit?.date, author: location.commit.map { "\($0.author) <\($0.email)>" })
    }
}
