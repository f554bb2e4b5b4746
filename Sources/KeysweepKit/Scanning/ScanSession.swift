#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs one scan command end to end: config, rules, input, matching, findings, suppressions, report.
public enum ScanSession {
    /// Builtin rules plus those at `paths`, compiled.
    public static func ruleSet(extraRulePaths paths: [String], config: ProjectConfig? = nil,
                               phase: (String) -> Void = { _ in }) throws(KeysweepError) -> RuleSet {
        guard !paths.isEmpty || config?.changesRules == true else {
            let builtin = BuiltinRuleSet.ruleSet
            phase("rules")
            return builtin
        }
        var rules = BuiltinRuleSet.rules
        do {
            for path in (config?.rulePaths ?? []) + paths {
                rules = RuleLoader.merge(rules, overriddenBy: try RuleLoader.rules(at: path))
            }
        } catch {
            throw KeysweepError(.invalidRules, "invalid rules: \(error)", underlying: error)
        }
        if let config { rules = try config.apply(to: rules) }
        phase("rules")
        do {
            return try RuleSet(rules, lazily: true)
        } catch {
            throw KeysweepError(.invalidRules, "invalid rules: \(error)", underlying: error)
        }
    }

    /// The project config the request asks for, if any.
    public static func config(for request: ScanRequest) throws(KeysweepError) -> ProjectConfig? {
        switch request.config {
        case .none: return nil
        case .file(let path): return try ProjectConfig(path: path)
        case .discover: return try ProjectConfig.discover(from: request.input.configSearchStart).map { path throws(KeysweepError) in try ProjectConfig(path: path) }
        }
    }

    /// The file-size limit: the command line's (or the default), lowered by the config if it asks.
    /// A scanned repository writes its own config, so it may lower the limit but never raise it.
    static func maxFileSize(commandLine: Int?, config: Int?) -> Int {
        let ceiling = commandLine ?? ScanRequest.defaultMaxFileSize
        return min(ceiling, config ?? ceiling)
    }

    /// Scans and builds the report, without writing it (for `baseline` and for `run`).
    public static func report(for request: ScanRequest) throws(KeysweepError) -> (report: ScanReport, damage: KeysweepError?) {
        var clock = ContinuousClock.now
        var phases: [(name: String, milliseconds: Int)] = []
        func phase(_ name: String) {
            phases.append((name, DirectoryScanner.milliseconds(since: clock)))
            clock = ContinuousClock.now
        }
        let config = try config(for: request)
        let key = try FingerprintKey.resolve(file: request.fingerprintKeyFile, environment: request.fingerprintKeyFromEnvironment, config: config)
        phase("config")
        // Awaited where the input first needs it: a repository is opened and its revisions checked
        // by git while the builtin rules are still being built (see `BuiltinRuleSet`).
        var compiled: RuleSet?
        func ruleSet() throws(KeysweepError) -> RuleSet {
            if let compiled { return compiled }
            let made = try Self.ruleSet(extraRulePaths: request.rulePaths, config: config, phase: phase)
            compiled = made
            return made
        }
        var options = ScanOptions(
            threads: request.threads,
            maxFileSize: Self.maxFileSize(commandLine: request.maxFileSize, config: config?.maxFileSize),
            followSymlinks: request.followSymlinks,
            include: request.include,
            exclude: request.exclude + (config?.exclude ?? []),
            suppress: request.suppress,
            archives: ArchiveLimits(depth: request.archiveDepth)
        )
        options.progress = request.progress
        options.measuresRules = request.measuresRules
        options.matchesWholeBlobs = request.matchesWholeBlobs
        defer { request.progress?.finish() }
        var result = try scan(request.input, ruleSet: ruleSet, options: options)
        let ruleSet = try ruleSet()
        result.statistics.durationMilliseconds = DirectoryScanner.milliseconds(since: clock)
        request.progress?.finish()
        phase("scan")
        let rules = ruleSet.rules.map(\.rule)
        var statistics = result.statistics
        var matches = result.matches
        if let label = request.repositoryLabel {
            for index in matches.indices { matches[index].location.repository = label }
        }
        // A file of 32 hex digits is a Rails key only at a key file's path (of 256, a Jenkins
        // master key only in a Jenkins home's `secrets/`), which history blobs
        // have only now that provenance has placed them.
        // So is a file of one line an Ansible Vault password only at a password file's path.
        let isStrayKeyFile = { (match: Match) in
            switch rules[match.ruleIndex].validator {
            case .railsMasterKey: !RailsMasterKey.keepsLocation(match.location)
            case .jenkinsMasterKey: !JenkinsMasterKey.keepsLocation(match.location)
            case .ansibleVaultPassword: !AnsibleVaultPassword.keepsLocation(match.location)
            default: false
            }
        }
        matches.removeAll(where: isStrayKeyFile)
        var roots: [String] = []
        if case .paths(let given) = request.input { roots = given }
        let finder = EncryptedFileFinder(workspace: Workspace(request.input.workspace), scanRoots: roots)
        var secretsAtHead = result.secretsAtHead
        var ciphertexts: Set<Location> = []
        var jenkinsFiles: [[UInt8]: [String]] = [:]
        var decrypted = DecryptedSettings.matches(openedBy: matches, ruleSet: ruleSet, finder: finder, suppress: request.suppress,
                                                  statistics: &statistics, secretsAtHead: &secretsAtHead,
                                                  ciphertexts: &ciphertexts, jenkinsFiles: &jenkinsFiles)
        matches.removeAll { ciphertexts.contains($0.location) }
        let sealed = SealedTextOpener(ruleSet: ruleSet, suppress: request.suppress).open(matches, statistics: &statistics,
                                                                                          secretsAtHead: &secretsAtHead)
        // PKCS#12 bundles sealed under a password that is not well known, opened with the ones found.
        let openedKeyStores = SealedKeyStoreOpener(ruleSet: ruleSet).open(matches + decrypted + sealed.matches)
        // Sealed texts, sealed bundles and Jenkins' stored secrets are carried to the passwords and
        // keys that open them, and are no finding themselves.
        matches.removeAll { match in
            let validator = rules[match.ruleIndex].validator
            if validator?.carries == true { return true }
            return validator?.isJudgedByWhatItOpens == true && SealingPassword.isLeftOut(match, opened: sealed.opened[match.secret] != nil)
        }
        decrypted += sealed.matches
        matches += openedKeyStores
        // A decrypted text is no key file, whatever its shape.
        decrypted.removeAll(where: isStrayKeyFile)
        matches += decrypted
        var findings = FindingGrouper.group(matches, rules: rules, key: key, secretsAtHead: secretsAtHead, roots: roots)
        if request.suppress {
            let baselinePath: String?
            switch request.baseline {
            case .fromConfig: baselinePath = config?.baseline
            case .file(let path): baselinePath = path
            case .none: baselinePath = nil
            }
            let baseline = try baselinePath.map { path throws(KeysweepError) in try Baseline(path: path) }
            try baseline?.check(against: key)
            findings = SuppressionFilter(config: config, baseline: baseline).apply(to: findings, statistics: &statistics)
            findings = ContextFilter.leavingOutIllustrativeWords(findings, statistics: &statistics)
        }
        findings = ContextFilter(excluded: request.excludedContexts).apply(to: findings, statistics: &statistics)
        phase("findings")
        let now = request.now ?? Timestamp.current
        var enricher = Enricher(now: now, policy: request.policy)
        enricher.openedSealedTexts = sealed.opened
        enricher.jenkinsFilesOpened = jenkinsFiles
        enricher.resolveBranches = request.resolveBranches
        if case .paths(let roots) = request.input { enricher.scanRoots = roots }
        findings = enricher.enrich(findings, in: request.input.workspace, threads: request.threads, history: result.history)
        phase("enrich")
        // Worked out beside the grouping and the enrichment, on a core they leave idle.
        result.awaitPackChecksums(noting: &statistics)
        var report = ScanReport(
            findings: findings,
            statistics: statistics,
            ruleCount: rules.count,
            redaction: Redaction(showSecrets: request.showSecrets),
            includeTiming: request.includeTiming
        )
        report.findingsExitCode = request.findingsExitCode
        if case .staged = request.input { report.blocksCommit = true }
        report.sourceRoot = request.input.sourceRoot
        report.now = now
        report.clockFixed = request.now != nil
        report.phases = phases
        report.fingerprintKey = key
        report.notes = result.notes
        if let damage = result.damage {
            report.incomplete = [damage.message]
            // A path input already warns about each root it could not read.
            if case .paths = request.input {} else {
                report.statistics.warnings.append(ScanWarning(path: request.input.displayName, reason: .unreadable, message: damage.message))
            }
            report.statistics.normalize()
        }
        return (report, result.damage)
    }

    /// Scans, writes the report, and returns it (for the exit code and the warnings). Damage to the
    /// input (a truncated dump) is thrown after the report of what was read is written; that
    /// report says it is incomplete and why.
    public static func run(_ request: ScanRequest) throws(KeysweepError) -> ScanReport {
        for (_, path) in [(request.format, request.output)] + request.extraReports { try ReportWriter.checkWritable(path) }
        let (report, damage) = try report(for: request)
        var main = report
        main.colour = request.colour
        try ReportWriter.write(request.format.reporter.render(main), to: request.output)
        for (format, path) in request.extraReports {
            try ReportWriter.write(format.reporter.render(report), to: path)
        }
        if let damage { throw damage }
        return report
    }

    /// A warning when `root` is a `.git` folder or inside one. The folder is still scanned, as
    /// ripgrep and `gitleaks dir` search a path they are given (its config and hooks are text and can
    /// hold credentials), but its objects are compressed, so "no findings" says nothing about the
    /// history: the warning names `keysweep git`, which reads it. An error would stop the scripts
    /// that scan a list of folders for one that happens to be a `.git`.
    static func gitFolderNote(_ root: String) -> ScanNote? {
        guard let resolved = realpath(root, nil) else { return nil }
        defer { free(resolved) }
        let components = String(cString: resolved).split(separator: "/")
        guard let index = components.lastIndex(of: ".git") else { return nil }
        let repository = "/" + components[..<index].joined(separator: "/")
        let relation = index == components.count - 1 ? "is the .git folder" : "is inside the .git folder"
        return ScanNote(.warning, "'\(root)' \(relation) of '\(repository)', whose history is stored compressed and is not "
                        + "scanned this way; use `keysweep git \(repository)` to scan the history")
    }

    /// Scans `input`, asking for the rule set once what git can check before matching is checked.
    private static func scan(_ input: ScanInput, ruleSet compiled: () throws(KeysweepError) -> RuleSet,
                             options: ScanOptions) throws(KeysweepError) -> ScanResult {
        switch input {
        case .standardInput:
            return DirectoryScanner(ruleSet: try compiled(), options: options).scanStandardInput()
        case .paths(let roots):
            for root in roots {
                var info = stat()
                guard stat(root, &info) == 0 else {
                    throw KeysweepError(.unreadableInput, path: root, String(cString: strerror(errno)))
                }
            }
            let ruleSet = try compiled()
            var result = DirectoryScanner(ruleSet: ruleSet, options: options).scan(roots: roots)
            result.notes += roots.compactMap(Self.gitFolderNote)
            return result
        case .history(let path, let revisions, let workingTree):
            let repository = try GitRepository(path: path)
            // git looks the refs up while the scan starts (one git start less on the way of a CI
            // range): a ref that names no commit fails the run with the check's words, whatever
            // the scan did meanwhile. A ref git would read as an option never reaches it.
            try repository.checkSpelling(of: revisions)
            let checked = BackgroundValue { () throws(KeysweepError) in try repository.check(revisions) }
            checked.start()
            let ruleSet = try compiled()
            var result: ScanResult
            do {
                result = try HistoryScanner(ruleSet: ruleSet, options: options).scan(repository, revisions: revisions)
            } catch {
                try checked.value()
                throw error
            }
            try checked.value()
            if revisions == .all && result.statistics.filesScanned == 0 && !repository.hasCommits {
                result.notes.append(ScanNote(.note, "'\(path)' has no commits yet, so its history holds nothing to scan; "
                                             + "use `keysweep git --staged` for what is staged, or `keysweep git --worktree` for its files"))
            }
            if workingTree {
                // Same secret in the tree and in history: one finding, since fingerprints ignore
                // where. Paths as the history has them, below the repository.
                let files = DirectoryScanner(ruleSet: ruleSet, options: options).scan(roots: [path], pathsBelowRoot: true)
                result.matches += files.matches
                result.statistics.merge(files.statistics)
                result.statistics.normalize()
            }
            return result
        case .staged(let path):
            let repository = try GitRepository(path: path, discoverInProcess: true)
            // git diffs the index while the builtin rules are built on their own thread
            // (`BuiltinRuleSet`): the rules are asked for once the change is read.
            let changes = try StagedChanges(repository: repository)
            return try StagedScanner(ruleSet: try compiled(), options: options).scan(changes)
        case .dump(let path):
            return try DumpScanner(ruleSet: try compiled(), options: options).scan(path: path)
        case .image(let path):
            return try ImageScanner(ruleSet: try compiled(), options: options).scan(path: path)
        }
    }
}
