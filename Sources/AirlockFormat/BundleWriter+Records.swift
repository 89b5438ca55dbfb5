public import SodiumKit

extension BundleWriter {
    /// Writes a whole bundle from a manifest and records held in memory (tests, vectors, small bundles).
    /// The packer streams instead: it learns the payload size in a first pass.
    public static func write(
        path: String, parameters: BundleParameters, signer: SigningSecretKey, manifest: Manifest,
        records: [ShopRecord]
    ) throws(FormatError) -> WrittenBundle {
        let frames = [PayloadFrame(kind: .manifest, body: manifest.encoded())]
            + records.map { PayloadFrame(kind: $0.kind.frameKind, body: RecordCodec.encode($0)) }
        let size = frames.reduce(0) { $0 + UInt64($1.encodedLength) }
        let writer = try BundleWriter(path: path, parameters: parameters, payloadSize: size, signer: signer)
        for frame in frames { try writer.write(frame) }
        return try writer.finish()
    }
}
