/// Where to revoke and rotate a provider's credential: one line and a link, for the inventory, and
/// a short action for the text report.
public enum Remediation {
    /// Providers whose revocation page is known; the others get their rule's first reference.
    private static let pages: [String: String] = [
        "AWS": "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console",
        "GitHub": "https://github.com/settings/tokens",
        "GitLab": "https://docs.gitlab.com/user/profile/personal_access_tokens/#revoke-a-personal-access-token",
        "Slack": "https://api.slack.com/apps",
        "Stripe": "https://dashboard.stripe.com/apikeys",
        "Google": "https://console.cloud.google.com/apis/credentials",
        "Microsoft Azure": "https://learn.microsoft.com/azure/storage/common/storage-account-keys-manage",
        "OpenAI": "https://platform.openai.com/api-keys",
        "Anthropic": "https://console.anthropic.com/settings/keys",
        "Hugging Face": "https://huggingface.co/settings/tokens",
        "npm": "https://docs.npmjs.com/revoking-access-tokens",
        "PyPI": "https://pypi.org/manage/account/token/",
        "Docker": "https://app.docker.com/settings/personal-access-tokens",
        "Twilio": "https://console.twilio.com/us1/account/keys-credentials/api-keys",
        "SendGrid": "https://app.sendgrid.com/settings/api_keys",
        "Shopify": "https://help.shopify.com/en/manual/apps/app-types/custom-apps",
        "Sentry": "https://sentry.io/settings/account/api/auth-tokens/",
        "Datadog": "https://app.datadoghq.com/organization-settings/api-keys",
        "DigitalOcean": "https://cloud.digitalocean.com/account/api/tokens",
        "Cloudflare": "https://dash.cloudflare.com/profile/api-tokens",
        "HashiCorp": "https://developer.hashicorp.com/vault/docs/commands/token/revoke",
        "Heroku": "https://dashboard.heroku.com/account/applications",
        "Database": "https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html",
        "Generic": "https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html",
        // RFC 8725 (JWT best current practices): signing keys, lifetimes, revocation.
        "JWT": "https://www.rfc-editor.org/rfc/rfc8725",
        "Private key": "https://cheatsheetseries.owasp.org/cheatsheets/Key_Management_Cheat_Sheet.html",
    ]

    /// Laravel's application key, which signs and encrypts cookies rather than guarding files.
    private static let laravelAppKey = "laravel.app-key"

    /// The one action that fixes a finding of `rule`, short enough for one line of the text report,
    /// and where to do it.
    public static func action(for rule: Rule) -> (text: String, link: String) {
        let link = line(for: rule).link
        switch rule.kind {
        case _ where rule.provider == "JWT": return ("revoke it at its issuer or rotate the signing key", link)
        case _ where rule.id == laravelAppKey: return ("generate a new APP_KEY; do not keep this one in APP_PREVIOUS_KEYS", link)
        case .privateKey, .certificate: return ("replace the key pair and revoke what trusts it", link)
        case .keyStore: return ("replace every key it holds and the password that guards it", link)
        case .encryptionKey where rule.provider == "Ansible":
            return ("rekey the vault under a new password kept out of the repository, and rotate what it held", link)
        case .encryptionKey where rule.provider == "Jasypt":
            return ("re-encrypt the ENC(…) values under a new password from the environment, and rotate what they held", link)
        case .encryptionKey where rule.provider == "Nacos":
            return ("set a new random token secret key on every Nacos server (tokens signed with this one stop working)", link)
        case .encryptionKey where rule.id == DataProtectionKeyRing.ruleID:
            return ("revoke the key in the app's key ring, keep the ring encrypted outside the repository (ProtectKeysWith…), "
                + "and let users sign in again: cookies and tokens it protected can be forged", link)
        case .encryptionKey: return ("re-encrypt under a new key and rotate what the old one opens", link)
        case .password, .connectionString: return ("change the password and move it to a secrets manager", link)
        case .webhookURL: return ("regenerate the webhook URL in \(rule.provider)", link)
        default: return (rule.provider == "Generic" ? "revoke and reissue it where it was issued" : "revoke and reissue it in \(rule.provider)", link)
        }
    }

    public static func line(for rule: Rule) -> (text: String, link: String) {
        let link = pages[rule.provider] ?? rule.references.first ?? pages["Generic"]!
        let text: String
        switch rule.kind {
        case _ where rule.provider == "JWT":
            // A JWT is issued by a service, not by a provider called JWT: its issuer (`iss`) revokes it.
            text = "Revoke the token at its issuer (the `iss` claim) or rotate the key that signed it, so that it no longer verifies, then remove it from the repository and its history."
        case _ where rule.id == laravelAppKey:
            // Laravel decrypts with every key in APP_PREVIOUS_KEYS: a leaked key kept there still
            // opens cookies forged with it.
            text = "Generate a new key (`php artisan key:generate`) and do not list the leaked one in `APP_PREVIOUS_KEYS`, which would still accept cookies forged with it; re-encrypt what `encrypt()` stored under it, expect sessions to end, then remove it from the repository and its history."
        case .privateKey, .certificate:
            text = "Replace the key pair, revoke every certificate and authorized_keys entry that trusts it, then remove it from the repository and its history."
        case .keyStore:
            text = "Replace every key and password the store holds (its password guards them only as well as it resists guessing, offline), revoke the certificates of its keys, then remove it from the repository and its history."
        case .encryptionKey where rule.provider == "Ansible":
            // `rekey` makes new texts, but every old version in history still opens with the old
            // password: what the vault held must change too.
            text = "Re-encrypt every vault file and inline value under a new password (`ansible-vault rekey`) kept out of the repository (a CI secret, or a `--vault-password-file` script that asks a secrets manager), rotate every secret the vault held, since the old password opens each of their versions in history, then remove the password from the repository and its history."
        case .encryptionKey where rule.provider == "Jasypt":
            text = "Re-encrypt every `ENC(…)` value under a new encryptor password that the environment supplies (`JASYPT_ENCRYPTOR_PASSWORD`, a secrets manager), never the repository, rotate every secret those values held, since the old password opens each of their versions in history, then remove the password from the repository and its history."
        case .encryptionKey:
            text = "Generate a new key, re-encrypt the files it opened under it (for Rails: `bin/rails credentials:edit` after moving the old key away), rotate every secret those files held, since the old key opens each of their versions in history, then remove the key from the repository and its history."
        case .password, .connectionString:
            text = "Change the password at the \(rule.provider == "Generic" ? "service" : rule.provider) it opens, move it to a secrets manager, then remove it from the repository and its history."
        case .webhookURL:
            text = "Regenerate the webhook URL in \(rule.provider), update its senders from a secrets manager, then remove it from the repository and its history."
        default:
            text = "Revoke it in \(rule.provider), issue a replacement kept in a secrets manager, check \(rule.provider)'s audit log for use, then remove it from the repository and its history."
        }
        return (text, link)
    }
}
