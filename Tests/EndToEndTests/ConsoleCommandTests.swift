import AirlockFormat
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `airlock-unpack users` and `serve`, run as a user would.
@Suite struct ConsoleCommandTests {
    let directory = TemporaryDirectory("airlock-e2e-console")
    let runner = CommandRunner()
    var store: String { directory.file("store") }

    /// An empty archive.
    func initStore() throws {
        try SecretKeyFile.write(Fixtures.offline(), to: directory.file("offline.key"), protection: .none)
        directory.write(Array(PublicKeyText.file(packer: Fixtures.packer().publicKey).utf8), to: "packer.pub")
        let result = try runner.unpack(
            "init", "--store", store, "--key", directory.file("offline.key"), "--trust", directory.file("packer.pub"))
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func usersAreAddedListedRemovedAndAudited() throws {
        try initStore()
        let passwordFile = directory.write(Array("a long password\n".utf8), to: "password.txt")
        let added = try runner.unpack("users", "add", "hanako", "--store", store, "--password-file", passwordFile)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("added console user hanako"))
        let attributes = try FileManager.default.attributesOfItem(atPath: store + "/console-users.json")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

        let again = try runner.unpack("users", "add", "hanako", "--store", store, "--password-file", passwordFile)
        #expect(again.status == 64)
        #expect(again.stderr.contains("already exists"))
        let short = directory.write(Array("short\n".utf8), to: "short.txt")
        #expect(try runner.unpack("users", "add", "taro", "--store", store, "--password-file", short).status == 64)
        #expect(
            try runner.unpack("users", "add", "no body", "--store", store, "--password-file", passwordFile).status == 64
        )
        #expect(try runner.unpack("users", "add", "taro", "--store", store).status == 64)

        let list = try runner.unpack("users", "list", "--store", store)
        #expect(list.stdout.hasPrefix("hanako  added "))
        let removed = try runner.unpack("users", "remove", "hanako", "--store", store)
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try runner.unpack("users", "remove", "hanako", "--store", store).status == 64)

        let log = try runner.unpack("log", "--store", store)
        #expect(log.stdout.contains("  console-user-add  {\"user\":\"hanako\"}"))
        #expect(log.stdout.contains("  console-user-remove  {\"user\":\"hanako\"}"))
        #expect(!log.stdout.contains("a long password"))
        let check = try runner.unpack("check", "--store", store)
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
    }

    @Test func serveNeedsAUser() throws {
        try initStore()
        let result = try runner.unpack("serve", "--store", store, "--port", "0")
        #expect(result.status == 64)
        #expect(result.stderr.contains("airlock-unpack users add NAME --store"))
    }

    @Test func serveAnswersOnTheLoopbackInterfaceUntilInterrupted() async throws {
        try initStore()
        let passwordFile = directory.write(Array("a long password\n".utf8), to: "password.txt")
        #expect(
            try runner.unpack("users", "add", "hanako", "--store", store, "--password-file", passwordFile).status == 0)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Executable("airlock-unpack").path)
        process.arguments = ["serve", "--store", store, "--port", "0"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // The first stderr line names the port: "airlock console: http://127.0.0.1:PORT/ (Ctrl-C stops it)".
        var line = Data()
        while let byte = try errors.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data([10]) {
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self)
        let url = try #require(text.range(of: "http://127.0.0.1:").map { text[$0.lowerBound...].prefix { $0 != " " } })

        let (body, response) = try await URLSession.shared.data(from: URL(string: url + "login")!)
        let http = try #require(response as? HTTPURLResponse)
        #expect(http.statusCode == 200)
        #expect(http.value(forHTTPHeaderField: "X-Frame-Options") == "DENY")
        #expect(String(decoding: body, as: UTF8.self).contains("action=\"/login\""))

        // A page elsewhere that re-points its name at 127.0.0.1 (DNS rebinding) sends its own Host: refused.
        let port = try #require(Int(url.split(separator: ":").last?.filter(\.isNumber) ?? ""))
        let foreign = try Self.rawRequest(
            port: port, "GET /login HTTP/1.1\r\nHost: evil.example:\(port)\r\nConnection: close\r\n\r\n")
        #expect(foreign.hasPrefix("HTTP/1.1 421"))
        #expect(foreign.contains("x-frame-options: DENY") || foreign.contains("X-Frame-Options: DENY"))
        let local = try Self.rawRequest(
            port: port, "GET /login HTTP/1.1\r\nHost: localhost:\(port)\r\nConnection: close\r\n\r\n")
        #expect(local.hasPrefix("HTTP/1.1 200"))

        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    /// Sends `request` as it is to 127.0.0.1:`port` and returns the whole answer.
    static func rawRequest(port: Int, _ request: String) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw CocoaError(.fileReadUnknown) }
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        var answer = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            answer += buffer[0..<count]
        }
        return String(decoding: answer, as: UTF8.self)
    }
}
