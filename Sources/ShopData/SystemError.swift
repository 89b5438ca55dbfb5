internal import Glibc

/// The C library's message for an `errno` value (`strerror`).
func systemErrorMessage(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text) + " (errno \(code))"
}
