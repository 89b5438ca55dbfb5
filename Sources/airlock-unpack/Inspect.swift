import AirlockCLI
import AirlockFormat
import ArgumentParser

extension AirlockUnpack {
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a bundle's clear header: chain, sequence, time, signer and recipient key ids, sizes.",
            discussion: """
                Reads only the header; checks nothing cryptographic (use 'verify' for that) and shows nothing \
                secret: record counts and file names are inside the encrypted payload.

                Example: airlock-unpack inspect bundles/shop-000001.airlock --json
                """)

        @Argument(help: ArgumentHelp("The bundle file.", valueName: "bundle"))
        var bundle: String

        @Flag(help: "Print the header as JSON on stdout.")
        var json = false

        func run() throws {
            try Report.running("airlock-unpack") {
                let header = try BundleVerifier.readHeader(path: bundle)
                let summary = BundleSummary(path: bundle, header: header, fileSize: nil, bundleHash: nil, verified: false)
                if json { Report.json(summary) } else { summary.lines.forEach { print($0) } }
            }
        }
    }
}
