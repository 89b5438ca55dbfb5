import AirlockCLI
import ArgumentParser

/// The offline host's tool: keys, verification, and the append-only archive.
@main
struct AirlockUnpack: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "airlock-unpack",
        abstract: "Verify, open and archive Airlock bundles on the offline host.",
        discussion: """
            Runs on the offline host, which holds the only key that opens bundles. Start with \
            'airlock-unpack keygen --out keys' and give keys/offline.pub to the online server; then \
            'airlock-unpack init --store DIR --key keys/offline.key --trust packer.pub' makes the archive, \
            'import' takes bundles in (writing receipts), 'find' looks records up, 'export' writes them out, \
            'check' re-verifies it all.

            Exit codes: 0 ok, 2 check failed, 10 bundle rejected, 11 chain rejected, 12 untrusted signer, \
            13 receipt rejected, 64 usage, 65 bad input, 66 missing input, 73 cannot create output, \
            74 I/O error, 77 key unusable, 1 internal error.
            """,
        version: AirlockVersion.text(tool: "airlock-unpack"),
        subcommands: [
            Keygen.self, Verify.self, Inspect.self, Init.self, Trust.self, Import.self, Find.self, Log.self, Check.self,
            Rebuild.self, Stats.self, Export.self, VerifyRelease.self, Users.self, Serve.self,
        ])
}
