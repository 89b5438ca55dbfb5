import Foundation
import TestSupport
import Testing

/// The online executable can seal but never open: the module that decrypts payloads is not linked into it.
@Suite struct SeparationTests {
    func symbols(of tool: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/nm")
        process.arguments = [Executable(tool).path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/nm")))
    func thePackerContainsNoPayloadReader() throws {
        let packer = try symbols(of: "airlock-pack")
        let unpacker = try symbols(of: "airlock-unpack")
        // The check is only meaningful if the names are visible in the binary that does link the reader.
        #expect(unpacker.contains("PayloadReader"))
        #expect(!packer.contains("PayloadReader"))
        #expect(!packer.contains("BundleContentsReader"))
        #expect(!packer.contains("13BundleOpening"))
        #expect(!packer.contains("ArchiveStore"))
    }
}
