import Foundation
import TestScratch
import Testing

/// Secrets inside encrypted settings that a committed key opens (`fixtures/tree/shop`, a Rails
/// app's master key and credentials; `fixtures/tree/ledger`, a Laravel app's encrypted environment
/// file and the deploy script that holds its key; `fixtures/tree/playbook`, an Ansible project's
/// vault texts and its `.vault_pass`; `fixtures/tree/billing`, a Spring service's Jasypt values and
/// the Dockerfile that holds their password): findings at the encrypted file, in a folder and in history,
/// where a key removed from the tree still opens the file left at HEAD.
@Suite struct DecryptedSettingsTests {
    private static let shop = KeysweepProcess.repositoryRoot + "/fixtures/tree/shop"
    private static let ledger = KeysweepProcess.repositoryRoot + "/fixtures/tree/ledger"
    private static let playbook = KeysweepProcess.repositoryRoot + "/fixtures/tree/playbook"
    private static let billing = KeysweepProcess.repositoryRoot + "/fixtures/tree/billing"

    /// The line after `label` in the block of the finding whose rule is `ruleID`.
    private func line(_ label: String, of ruleID: String, in report: String) -> String? {
        let blocks = report.components(separatedBy: "\n\n")
        guard let block = blocks.first(where: { $0.contains("[\(ruleID)]") }) else { return nil }
        return block.split(separator: "\n").first { $0.hasPrefix("  \(label) ") }.map { $0.dropFirst(2 + label.count).trimmingCharacters(in: .whitespaces) }
    }

    private func git(_ arguments: [String], in folder: String) throws {
        let identity = ["GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com", "GIT_COMMITTER_NAME": "Test",
                        "GIT_COMMITTER_EMAIL": "test@example.com", "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"]
        let outcome = try ToolProcess.run(["git", "-C", folder] + arguments, environment: identity)
        #expect(outcome.status == 0, "\(outcome.output)")
    }

    /// A PKCS#12 bundle whose every part is encrypted under a password that is not a well-known
    /// one (`fixtures/keystores/encrypted-3des-found.p12`) is a finding once the settings beside it
    /// give its password, which then says what the bundle holds; alone, it is none.
    @Test func aSealedBundleIsAFindingWhenTheScanFindsItsPassword() throws {
        let folder = TestScratch.folder + "keysweep-sealed-p12-" + UUID().uuidString
        let manager = FileManager.default
        try manager.createDirectory(atPath: folder + "/config", withIntermediateDirectories: true)
        defer { try? manager.removeItem(atPath: folder) }
        try manager.copyItem(atPath: KeysweepProcess.repositoryRoot + "/fixtures/keystores/encrypted-3des-found.p12",
                             toPath: folder + "/config/gateway.p12")
        let alone = try KeysweepProcess.run(["scan", folder, "--format", "text", "--no-config"])
        #expect(alone.status == 0, "\(alone.stdout)\(alone.stderr)")
        try Data("server.ssl.key-store=classpath:gateway.p12\nserver.ssl.key-store-password=Kq7!mZ2vR9xTw4\n".utf8)
            .write(to: URL(fileURLWithPath: folder + "/config/application.properties"))
        let outcome = try KeysweepProcess.run(["scan", folder, "--format", "text", "--no-config"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(line("found at", of: "keystore.pkcs12", in: outcome.stdout) == folder + "/config/gateway.p12:1:1")
        #expect(line("key", of: "keystore.pkcs12", in: outcome.stdout)
            == "EC P-256 256 bits, the store opens with the password found at \(folder)/config/application.properties:2")
        #expect(line("expires", of: "keystore.pkcs12", in: outcome.stdout)?.hasPrefix("2028-01-01T00:00:00Z") == true)
        #expect(!outcome.stdout.contains("keystore.pkcs12.sealed"))
    }

    /// A Jenkins home without `credentials.xml`: the master key's facts name the files it opened.
    @Test func aJenkinsMasterKeyNamesTheFilesItOpened() throws {
        let folder = TestScratch.folder + "keysweep-jenkins-" + UUID().uuidString
        let manager = FileManager.default
        defer { try? manager.removeItem(atPath: folder) }
        try manager.copyItem(atPath: KeysweepProcess.repositoryRoot + "/fixtures/tree/jenkins", toPath: folder)
        try manager.removeItem(atPath: folder + "/credentials.xml")
        let outcome = try KeysweepProcess.run(["scan", folder, "--format", "text", "--no-config"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(line("key", of: "jenkins.master-key", in: outcome.stdout)
            == "AES-128 128 bits, decrypts \(folder)/hudson.tasks.Mailer.xml, and 1 more file: "
            + "\(folder)/jobs/deploy-prod/config.xml")
    }

    @Test func theSecretsInCredentialsAKeyOpensAreFindingsAtTheEncryptedFile() throws {
        let outcome = try KeysweepProcess.run(["scan", Self.shop, "--format", "text", "--no-config"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        let place = try #require(line("found at", of: "aws.secret-access-key", in: outcome.stdout))
        #expect(place.hasSuffix("shop/config/credentials.yml.enc:7:22 (in its decrypted text)"))
        #expect(line("part id", of: "aws.secret-access-key", in: outcome.stdout)?.contains("credentials.yml.enc:6:18") == true)
        #expect(line("found at", of: "stripe.secret-key.live", in: outcome.stdout)?.hasSuffix("credentials.yml.enc:9:15 (in its decrypted text)") == true)
        #expect(line("allow", of: "stripe.secret-key.live", in: outcome.stdout)
            == "above line 9 of its decrypted text: # keysweep:allow stripe.secret-key.live <reason>")
    }

    /// A Jenkins home committed with its `secrets/`: the master key opens `hudson.util.Secret`, and
    /// the credentials stored in `credentials.xml`, a job's `config.xml` and a plugin's settings
    /// are findings there, never their ciphertexts; a file of 256 hex digits elsewhere is no key.
    @Test func aJenkinsMasterKeyOpensTheCredentialsItsHomeStores() throws {
        let jenkins = KeysweepProcess.repositoryRoot + "/fixtures/tree/jenkins"
        let outcome = try KeysweepProcess.run(["scan", jenkins, "--format", "text", "--no-config"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(line("key", of: "jenkins.master-key", in: outcome.stdout)
            == "AES-128 128 bits, decrypts \(jenkins)/credentials.xml (2 settings: password, secret), and 2 more files: "
            + "\(jenkins)/hudson.tasks.Mailer.xml, \(jenkins)/jobs/deploy-prod/config.xml")
        #expect(line("found at", of: "stripe.secret-key.live", in: outcome.stdout)?
            .hasSuffix("jenkins/credentials.xml:21:19 (in its decrypted text)") == true)
        #expect(line("found at", of: "generic.password", in: outcome.stdout)?
            .hasSuffix("jenkins/credentials.xml:14:21 (in its decrypted text)") == true)
        #expect(outcome.stdout.contains("jenkins/jobs/deploy-prod/config.xml:9:25 (in its decrypted text)"))
        #expect(line("found at", of: "sendgrid.api-key", in: outcome.stdout)?
            .hasSuffix("jenkins/hudson.tasks.Mailer.xml:6:15 (in its decrypted text)") == true)
        #expect(!outcome.stdout.contains("jenkins.stored-secret"))
        #expect(!outcome.stdout.contains("build-seed.txt"))
    }

    /// The key committed, then removed and ignored: the key is gone from HEAD, the secrets are not.
    @Test func aKeyGoneFromHeadStillOpensTheCredentialsLeftThere() throws {
        let repo = TestScratch.folder + "keysweep-decrypted-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try FileManager.default.createDirectory(atPath: repo + "/config", withIntermediateDirectories: true)
        for file in ["config/master.key", "config/credentials.yml.enc"] {
            try FileManager.default.copyItem(atPath: Self.shop + "/" + file, toPath: repo + "/" + file)
        }
        try git(["init", "-q"], in: repo)
        try git(["add", "-A"], in: repo)
        try git(["commit", "-q", "-m", "new app"], in: repo)
        try git(["rm", "-q", "--cached", "config/master.key"], in: repo)
        try Data("config/master.key\n".utf8).write(to: URL(fileURLWithPath: repo + "/.gitignore"))
        try git(["add", ".gitignore"], in: repo)
        try git(["commit", "-q", "-m", "keep the key out"], in: repo)

        let outcome = try KeysweepProcess.run(["git", repo, "--format", "text", "--no-config"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(line("at HEAD", of: "rails.master-key", in: outcome.stdout)?.hasPrefix("no") == true)
        #expect(line("at HEAD", of: "aws.secret-access-key", in: outcome.stdout) == "yes: still in the current tree")
        #expect(line("found at", of: "aws.secret-access-key", in: outcome.stdout)?.hasPrefix("config/credentials.yml.enc:7:22 (in its decrypted text)  commit ") == true)
    }

    /// `php artisan env:decrypt --key=…` in a deploy script opens `.env.production.encrypted`:
    /// the key names its variables, and the Stripe key inside is a finding there, in a folder and
    /// at the key's commit in history.
    @Test func aLaravelKeyOpensTheEncryptedEnvironmentFile() throws {
        let folder = try KeysweepProcess.run(["scan", Self.ledger, "--format", "text", "--no-config"])
        #expect(folder.status == 1, "\(folder.stderr)")
        #expect(line("key", of: "laravel.env-encryption-key", in: folder.stdout)?
            .hasPrefix("AES-256-CBC 256 bits, decrypts \(Self.ledger)/.env.production.encrypted (7 settings: APP_NAME,") == true)
        #expect(line("found at", of: "stripe.secret-key.live", in: folder.stdout)?.hasSuffix("ledger/.env.production.encrypted:9:15 (in its decrypted text)") == true)
        #expect(line("key", of: "laravel.app-key", in: folder.stdout) == "AES-256-CBC 256 bits, nothing it opens was found in the scan")

        let repo = TestScratch.folder + "keysweep-laravel-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try FileManager.default.copyItem(atPath: Self.ledger, toPath: repo)
        try git(["init", "-q"], in: repo)
        try git(["add", "-A"], in: repo)
        try git(["commit", "-q", "-m", "deploy with encrypted env"], in: repo)
        let history = try KeysweepProcess.run(["git", repo, "--format", "text", "--no-config"])
        #expect(history.status == 1, "\(history.stderr)")
        #expect(line("found at", of: "stripe.secret-key.live", in: history.stdout)?.hasPrefix(".env.production.encrypted:9:15 (in its decrypted text)  commit ") == true)
        #expect(line("key", of: "laravel.env-encryption-key", in: history.stdout)?.contains("decrypts .env.production.encrypted (7 settings") == true)

        // An encrypted environment in a folder of its own is opened all the same (the scan carries
        // every payload it reads to the keys it finds).
        let moved = TestScratch.folder + "keysweep-laravel-moved-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: moved) }
        try FileManager.default.copyItem(atPath: Self.ledger, toPath: moved)
        try FileManager.default.createDirectory(atPath: moved + "/services/billing", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: moved + "/.env.production.encrypted", toPath: moved + "/services/billing/.env.production.encrypted")
        let elsewhere = try KeysweepProcess.run(["scan", moved, "--format", "text", "--no-config"])
        #expect(line("key", of: "laravel.env-encryption-key", in: elsewhere.stdout)?
            .hasPrefix("AES-256-CBC 256 bits, decrypts \(moved)/services/billing/.env.production.encrypted (7 settings") == true)
        #expect(line("found at", of: "stripe.secret-key.live", in: elsewhere.stdout)?
            .hasSuffix("services/billing/.env.production.encrypted:9:15 (in its decrypted text)") == true)
    }

    /// The committed `.vault_pass` opens the vault file and the inline value beside it, not the
    /// host's vault under another password; what they hold is found at them, in a folder and in
    /// history, where the vault file is committed after the password.
    @Test func anAnsibleVaultPasswordFileOpensTheVaultTextsOfItsProject() throws {
        let folder = try KeysweepProcess.run(["scan", Self.playbook, "--format", "text", "--no-config"])
        #expect(folder.status == 1, "\(folder.stderr)")
        #expect(line("found at", of: "ansible.vault-password", in: folder.stdout) == "\(Self.playbook)/.vault_pass:1:1")
        #expect(line("key", of: "ansible.vault-password", in: folder.stdout) == "AES-256-CTR (PBKDF2) 256 bits, decrypts "
            + "\(Self.playbook)/group_vars/all/main.yml, \(Self.playbook)/group_vars/all/vault.yml (4 settings: smtp_password, "
            + "vault_db_password, vault_aws_access_key_id, vault_aws_secret_access_key)")
        #expect(line("found at", of: "aws.secret-access-key", in: folder.stdout) == "\(Self.playbook)/group_vars/all/vault.yml:4:30 (in its decrypted text)")
        #expect(folder.stdout.contains("\(Self.playbook)/group_vars/all/main.yml:4:1 (in its decrypted text)"))
        #expect(!folder.stdout.contains("host_vars") && !folder.stdout.contains("motd") && !folder.stdout.contains("$ANSIBLE_VAULT"))
        #expect(folder.stdout.contains("\n4 findings (4 locations)"))

        let repo = TestScratch.folder + "keysweep-ansible-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try FileManager.default.copyItem(atPath: Self.playbook, toPath: repo)
        try FileManager.default.removeItem(atPath: repo + "/group_vars")
        try git(["init", "-q"], in: repo)
        try git(["add", "-A"], in: repo)
        try git(["commit", "-q", "-m", "ansible project"], in: repo)
        try FileManager.default.copyItem(atPath: Self.playbook + "/group_vars", toPath: repo + "/group_vars")
        try git(["add", "-A"], in: repo)
        try git(["commit", "-q", "-m", "vault"], in: repo)
        let history = try KeysweepProcess.run(["git", repo, "--format", "text", "--no-config"])
        #expect(history.status == 1, "\(history.stderr)")
        #expect(line("key", of: "ansible.vault-password", in: history.stdout)?.hasPrefix("AES-256-CTR (PBKDF2) 256 bits, decrypts group_vars/all/main.yml, group_vars/all/vault.yml (4 settings") == true)
        let vaultCommit = try #require(line("found at", of: "aws.secret-access-key", in: history.stdout))
        #expect(vaultCommit.hasPrefix("group_vars/all/vault.yml:4:30 (in its decrypted text)  commit "))
        #expect(line("found at", of: "ansible.vault-password", in: history.stdout)?.hasPrefix(".vault_pass:1:1  commit ") == true)
        #expect(line("found at", of: "ansible.vault-password", in: history.stdout) != vaultCommit.replacingOccurrences(of: "group_vars/all/vault.yml:4:30 (in its decrypted text)", with: ".vault_pass:1:1"))
    }

    /// The Dockerfile's `-Djasypt.encryptor.password=` opens the two `ENC(…)` values sealed under
    /// it, under either of Jasypt's defaults, not the third; the Stripe key inside is found at its
    /// setting's line.
    @Test func aJasyptPasswordOpensTheEncryptedSettingsBesideIt() throws {
        let folder = try KeysweepProcess.run(["scan", Self.billing, "--format", "text", "--no-config"])
        #expect(folder.status == 1, "\(folder.stderr)")
        #expect(line("found at", of: "jasypt.encryptor-password", in: folder.stdout) == "\(Self.billing)/Dockerfile:3:50")
        #expect(line("key", of: "jasypt.encryptor-password", in: folder.stdout) == "PBEWITHHMACSHA512ANDAES_256 256 bits, decrypts "
            + "\(Self.billing)/src/main/resources/application.yml (2 settings: password, secret-key)")
        #expect(line("found at", of: "stripe.secret-key.live", in: folder.stdout) == "\(Self.billing)/src/main/resources/application.yml:9:3 (in its decrypted text)")
        #expect(folder.stdout.contains("\n3 findings (3 locations)"))
    }
}
