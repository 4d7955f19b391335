import HWCDomain

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `-` for standard input where hwc reads a file: an import's FILE.csv and the secret files
/// (`--password-file -`, `--new-password-file -`). Standard output already carries what hwc
/// prints, so `-` is refused where a file would be written beside it (`--rejects -`), and
/// where a path names a register or a folder.
enum StandardInput {
  /// The options that name a file whose first line is a secret: `-` reads it from standard input.
  static let secretOptions = ["password-file", "new-password-file"]

  /// Refuses `-` where it cannot be meant, and standard input given to two readers at once.
  static func checkUses(spec: CommandSpec, values: [String: [String]], arguments: [String]) throws {
    let refused: [String: String] = [
      "rejects":
        "--rejects - would mix the rejected rows with what hwc prints on standard output; "
        + "name a file for them",
      "db": "--db - cannot be a register: a register is a file; name it",
      "out": "--out - cannot hold the demo register: name a folder",
      "templates": "--templates - cannot be a folder of templates: name the folder",
    ]
    for (name, sentence) in refused where values[name]?.contains("-") == true {
      throw UsageError(sentence, spec: spec)
    }
    for (position, argument) in spec.arguments.enumerated()
    where position < arguments.count && arguments[position] == "-" && !argument.isInputFile
      && argument.name.hasPrefix("FILE")
    {
      throw UsageError(
        "\(argument.name) - cannot be standard output: hwc writes a register file there; name it",
        spec: spec)
    }
    var readers: [String] = []
    for (position, argument) in spec.arguments.enumerated()
    where position < arguments.count && arguments[position] == "-" && argument.isInputFile {
      readers.append(argument.name)
    }
    readers += secretOptions.filter { values[$0]?.contains("-") == true }.map { "--\($0)" }
    if readers.count > 1 {
      throw UsageError(
        "standard input ('-') can feed only one of \(readers.joined(separator: " and ")); "
          + "put the others in files",
        spec: spec)
    }
  }

  /// `arguments` with an input file given as `-` replaced by a private copy of standard input
  /// (a file named `stdin` in a new 0700 folder, so that row errors read `stdin:LINE: …`), and
  /// the function that removes the copy.
  static func materialize(spec: CommandSpec, arguments: [String], environment: [String: String])
    throws -> (arguments: [String], cleanup: () -> Void)
  {
    guard
      let position = spec.arguments.indices.first(where: {
        $0 < arguments.count && arguments[$0] == "-" && spec.arguments[$0].isInputFile
      })
    else { return (arguments, {}) }
    let base = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    var template = Array((base + "/hwc-stdin-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else {
      throw DomainError.invalid(
        field: .file, "cannot make a temporary folder in \(base) to hold standard input")
    }
    let folder = String(cString: made)
    let path = folder + "/stdin"
    let cleanup = {
      unlink(path)
      rmdir(folder)
    }
    do {
      try copyStandardInput(to: path)
    } catch {
      cleanup()
      throw error
    }
    var result = arguments
    result[position] = path
    return (result, cleanup)
  }

  /// Copies everything on standard input to a new file at `path`, readable by this account only
  /// (a complaint file's rows hold full national IDs).
  private static func copyStandardInput(to path: String) throws {
    let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw DomainError.invalid(field: .file, "cannot write a temporary copy of standard input")
    }
    defer { close(fd) }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count >= 0 else {
        throw DomainError.invalid(field: .file, "cannot read standard input (error \(errno))")
      }
      if count == 0 { return }
      var offset = 0
      while offset < count {
        let written = chunk[offset..<count].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if written < 0, errno == EINTR { continue }
        guard written > 0 else {
          throw DomainError.invalid(
            field: .file, "cannot write a temporary copy of standard input (error \(errno))")
        }
        offset += written
      }
    }
  }
}

extension ArgumentSpec {
  /// True for a file hwc reads, which `-` may stand for: such an argument is named after its
  /// format (`FILE.csv`); a plain `FILE` is one hwc writes (`hwc backup FILE`).
  var isInputFile: Bool { name.hasPrefix("FILE.") }
}
