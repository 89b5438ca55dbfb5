import Foundation

extension Manifest {
    /// The manifest as compact UTF-8 JSON with sorted keys (deterministic for the same manifest).
    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and integers cannot fail.
        return Array(try! encoder.encode(self))
    }

    /// Parses a manifest frame body.
    /// - Throws: ``FormatError/malformedPayload(_:)`` when it is not a v1 manifest.
    public static func decode(_ body: [UInt8]) throws(FormatError) -> Manifest {
        let manifest: Manifest
        do { manifest = try JSONDecoder().decode(Manifest.self, from: Data(body)) } catch {
            throw .malformedPayload("the manifest is not valid manifest JSON")
        }
        guard manifest.format == currentFormat else {
            throw .malformedPayload("unknown manifest format \(manifest.format)")
        }
        for (index, source) in manifest.sources.enumerated() where source.fields.count != source.columns.count {
            throw .malformedPayload("manifest source \(index) has \(source.columns.count) columns but \(source.fields.count) field mappings")
        }
        return manifest
    }
}
