import AirlockCLI
import ArgumentParser

/// The online server's tool: reads the shop's CSV exports, seals them for the offline host, and releases the
/// masked re-export once the offline host confirms it holds the data.
@main
struct AirlockPack: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "airlock-pack",
        abstract: "Seal a shop's member and order exports for the offline host.",
        discussion: """
            Runs on the online server. It can seal bundles to the offline host's public key and sign them, \
            but it can never open a bundle. Start with 'airlock-pack keygen --out keys'.

            Exit codes: 0 ok, 10 bundle rejected, 12 untrusted signer, 13 receipt rejected, 64 usage, \
            65 bad input, 66 missing input, 73 cannot create output, 74 I/O error, 77 key unusable, \
            1 internal error.
            """,
        version: AirlockVersion.text(tool: "airlock-pack"),
        subcommands: [Keygen.self, Pack.self, Confirm.self, Status.self, Inspect.self, Verify.self, SignRelease.self])
}
