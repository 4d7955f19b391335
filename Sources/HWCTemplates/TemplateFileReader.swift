#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads template files with the C library, without Foundation.
enum TemplateFileReader {
  /// The UTF-8 text of the file at `path` (a leading byte-order mark dropped), or nil when no
  /// file is there.
  static func contents(of path: String) throws(TemplateFailure) -> String? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR { return nil }
      throw TemplateFailure("cannot open '\(path)': \(describe(code))")
    }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count > 0 {
        bytes.append(contentsOf: buffer[0..<count])
      } else if count == 0 {
        break
      } else if errno != EINTR {
        throw TemplateFailure("cannot read '\(path)': \(describe(errno))")
      }
    }
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) {
      body = body.dropFirst(3)
    }
    let text = String(decoding: body, as: UTF8.self)
    guard text.utf8.elementsEqual(body) else {
      throw TemplateFailure("'\(path)' is not valid UTF-8")
    }
    return text
  }

  private static func describe(_ code: Int32) -> String {
    guard let message = strerror(code) else { return "error \(code)" }
    return String(cString: message)
  }
}
