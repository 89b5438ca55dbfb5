import AirlockFormat
import Foundation
import SodiumKit
import TestSupport
import Testing

/// Key files that cannot be used — wrong passphrase, readable by others, cut, edited, of the wrong kind — end both
/// executables with a clear line and their exit code, and no error line ever shows a personal value from the
/// data being packed or imported, a passphrase, or any piece of key material.
@Suite struct SecretsTests {
    static let passphrase = "correct horse battery staple 馬"

    /// The example exports' personal values (names, phones, addresses and e-mail) of three characters or more,
    /// read from the files themselves.
    static let personalValues: [String] = {
        var values = Set<String>()
        let columns: Set<String> = ["name", "name_kana", "phone", "mobile", "address", "email", "purchaser_name",
            "purchaser_phone", "purchaser_address", "purchaser_email", "recipient_name", "recipient_phone", "recipient_address"]
        for file in ["airlock/members.csv", "airlock/orders.csv"] {
            let text = (try? String(contentsOfFile: RepositoryPaths.example(file), encoding: .utf8)) ?? ""
            let rows = parseCSV(text)
            guard let header = rows.first else { continue }
            for row in rows.dropFirst() {
                for (name, value) in zip(header, row) where columns.contains(name) && value.count >= 3 { values.insert(value) }
            }
        }
        return values.sorted()
    }()

    /// RFC 4180, enough for the examples (quoted fields with commas and line breaks).
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = Array(text).makeIterator()
        var pending: Character?
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field)
                field = ""
            } else if character == "\n" || character == "\r\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
        return rows
    }

    /// Fails if `text` shows a personal value, the passphrase, or any 12-character piece of a key file.
    static func expectNothingSecret(_ text: String, keyFiles: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for value in personalValues {
            #expect(!text.contains(value), "shows '\(value)': \(text)", sourceLocation: sourceLocation)
        }
        #expect(!text.contains(passphrase), sourceLocation: sourceLocation)
        for path in keyFiles {
            // The key line's base64 blob (after `airlock-…-secret-1:`), in overlapping 12-character windows; runs
            // of `A` are zero bytes (unused salt and nonce of an unprotected key), not material.
            let text_ = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            let line = text_.split(separator: "\n").first { $0.hasPrefix("airlock-") } ?? ""
            let blob = Array(line.drop { $0 != ":" }.dropFirst())
            #expect(blob.count > 60, "no key line in \(path)", sourceLocation: sourceLocation)
            let windows = stride(from: 0, to: max(0, blob.count - 12), by: 4).map { String(blob[$0..<$0 + 12]) }
                .filter { !$0.allSatisfy { $0 == "A" } }
            if let shown = windows.first(where: text.contains) {
                Issue.record("shows key material '\(shown)' from \(path): \(text)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func everyUnusableKeyIsAClearErrorThatRevealsNothing() throws {
        #expect(Self.personalValues.count >= 20)
        let store = try HostileStore()
        let folder = store.directory
        let protection = KeyProtection.passphrase(
            SecureBytes(copying: Array(Self.passphrase.utf8)), opsLimit: Argon2id.minimumOpsLimit, memLimit: Argon2id.minimumMemLimit)
        let lockedPacker = folder.file("locked-packer.key")
        try SecretKeyFile.write(store.packer, to: lockedPacker, protection: protection)
        let lockedOffline = folder.file("locked-offline.key")
        try SecretKeyFile.write(store.offline, to: lockedOffline, protection: protection)
        let right = folder.write(Array((Self.passphrase + "\n").utf8), to: "right.pass")
        let wrong = folder.write(Array("correct horse battery stapler\n".utf8), to: "wrong.pass")

        // Damaged copies of the secret key files.
        func variant(_ source: String, _ name: String, mode: Int = 0o600, edit: (inout [UInt8]) -> Void) throws -> String {
            var bytes = try #require(FileSystem.read(source))
            edit(&bytes)
            let path = folder.write(bytes, to: name)
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
            return path
        }
        let openPacker = try variant(lockedPacker, "open-packer.key", mode: 0o644) { _ in }
        let cutPacker = try variant(lockedPacker, "cut-packer.key") { $0.removeLast($0.count / 3) }
        let openOffline = try variant(lockedOffline, "open-offline.key", mode: 0o640) { _ in }
        let cutOffline = try variant(lockedOffline, "cut-offline.key") { $0.removeLast($0.count / 2) }
        // An edit inside the armour that still decodes: the key's halves no longer match, or it fails to open.
        let editedOffline = try variant(folder.file("offline.key"), "edited-offline.key") { bytes in
            let colon = bytes.firstIndex(of: 0x3A)!
            let index = colon + 1 + (bytes.count - colon) * 2 / 3
            bytes[index] = bytes[index] == 0x41 ? 0x42 : 0x41
        }
        let keyFiles = [lockedPacker, lockedOffline, folder.file("offline.key"), folder.file("packer.key")]

        // A real bundle of the examples, so the importer has personal data at hand when it fails.
        let out = folder.file("out")
        let packed = try Executable("airlock-pack").run(
            ["pack", "--members", RepositoryPaths.example("airlock/members.csv"), "--orders", RepositoryPaths.example("airlock/orders.csv"),
                "--to", folder.file("offline.pub"), "--key", lockedPacker, "--passphrase-file", right, "--state", folder.file("state"),
                "--out", out, "--as-of", "2026-11-25"])
        #expect(packed.status == 0, "\(packed.stderr)")
        let bundle = out + "/" + (try #require(try FileSystem.list(out).first))

        func pack(_ key: String, _ extra: [String]) throws -> Executable.Result {
            try Executable("airlock-pack").run(
                ["pack", "--members", RepositoryPaths.example("airlock/members.csv"), "--to", folder.file("offline.pub"),
                    "--key", key, "--state", folder.file("state"), "--out", out, "--as-of", "2026-11-25"] + extra)
        }
        func unpack(_ key: String, _ extra: [String]) throws -> Executable.Result {
            try store.run(arguments: ["import", bundle, "--key", key] + extra)
        }
        let cases: [(String, () throws -> Executable.Result, Int32, String)] = [
            ("pack, wrong passphrase", { try pack(lockedPacker, ["--passphrase-file", wrong]) }, 77, "wrong passphrase"),
            ("pack, no passphrase given", { try pack(lockedPacker, []) }, 77, "protected by a passphrase"),
            ("pack, key readable by others", { try pack(openPacker, ["--passphrase-file", right]) }, 77, "readable by others"),
            ("pack, cut key", { try pack(cutPacker, ["--passphrase-file", right]) }, 65, "cut-packer.key"),
            ("pack, offline key instead of packer key", { try pack(folder.file("offline.key"), []) }, 65, "key is needed here"),
            ("pack, missing key", { try pack(folder.file("nope.key"), []) }, 66, "nope.key"),
            ("import, wrong passphrase", { try unpack(lockedOffline, ["--passphrase-file", wrong]) }, 77, "wrong passphrase"),
            ("import, passphrase in the environment, wrong", {
                try Executable("airlock-unpack").run(
                    ["import", bundle, "--key", lockedOffline, "--store", store.store],
                    environment: ["AIRLOCK_PASSPHRASE": "nope, not it"])
            }, 77, "wrong passphrase"),
            ("import, key readable by others", { try unpack(openOffline, ["--passphrase-file", right]) }, 77, "chmod 600"),
            ("import, cut key", { try unpack(cutOffline, ["--passphrase-file", right]) }, 65, "cut-offline.key"),
            ("import, edited key", { try unpack(editedOffline, []) }, 65, "edited-offline.key"),
            ("import, packer key instead of offline key", { try unpack(folder.file("packer.key"), []) }, 65, "key is needed here"),
            ("check, wrong passphrase", { try store.run("check", "--key", lockedOffline, "--passphrase-file", wrong) }, 77,
                "wrong passphrase"),
        ]
        for (name, run, exit, fragment) in cases {
            let result = try run()
            #expect(result.status == exit, "\(name): \(result.stderr)")
            #expect(result.stderr.lines.count == 1, "\(name): \(result.stderr)")
            #expect(result.stderr.contains(fragment), "\(name): \(result.stderr)")
            Self.expectNothingSecret(result.stderr + result.stdout, keyFiles: keyFiles)
        }
        // Nothing was imported by any failing command, and the right passphrase still works.
        #expect(try store.run("check").stdout.contains("(0 bundles, "))
        let imported = try unpack(lockedOffline, ["--passphrase-file", right])
        #expect(imported.status == 0, "\(imported.stderr)")
        Self.expectNothingSecret(imported.stderr + imported.stdout, keyFiles: keyFiles)
        // The audit log of the archive never holds personal values either.
        Self.expectNothingSecret(try store.run("log", "--json").stdout, keyFiles: keyFiles)
    }
}
