import HWCCore
import HWCDomain
import HWCRegister

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How a command that changes the register proves who is acting: the actor's passphrase from
/// `--password-file` / `HWC_PASSWORD_FILE`, else the OS user's live session (`hwc login`) when
/// it is the actor's, else the passphrase asked on the terminal; without any, a refusal.
enum ActorProof {
  /// Proves the actor of `invocation` when it names one (or a session does); nil when it names
  /// nobody, so that a command which needs no actor this time (`hwc assess ID` of an assessed
  /// complaint) still runs and one that does is refused for want of `--as`.
  static func prove(_ invocation: Invocation) throws -> ProvenActor? {
    let named = invocation.actorName.flatMap { $0.isEmpty ? nil : $0 }
    let session = SessionFile(invocation)
    let stored = session?.read()
    if let file = invocation.passwordFile {
      let passphrase = try readSecretFile(file, field: .passwordFile)
      return try invocation.openRegister().prove(name: named, passphrase: passphrase)
    }
    if let stored, named == nil || named == stored.user {
      return try invocation.openRegister().prove(name: named, sessionToken: stored.token)
    }
    guard let name = named else { return nil }
    let register = try invocation.openRegister()
    try register.checkCanProve(name: name)
    if let ask = invocation.console.readSecret, let passphrase = ask("passphrase for \(name): ") {
      return try register.prove(name: name, passphrase: passphrase)
    }
    throw DomainError.notPermitted(
      "\(name) must prove who they are: run this on a terminal to be asked the passphrase, give "
        + "--password-file FILE (or HWC_PASSWORD_FILE), or start a session with hwc login --as "
        + name)
  }

  /// The first line of a file holding a secret; `-` is standard input.
  static func readSecretFile(_ path: String, field: Field) throws -> String {
    guard let text = readFile(path) else {
      throw DomainError.invalid(
        field: field, "cannot read \(path == "-" ? "standard input" : path)")
    }
    let line =
      text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first
      .map(String.init) ?? ""
    let secret = line.hasSuffix("\r") ? String(line.dropLast()) : line
    guard !secret.isEmpty else {
      throw DomainError.invalid(field: field, "\(path == "-" ? "standard input" : path) is empty")
    }
    return secret
  }
}

/// The session of the OS user on one register: a 0600 file under `$HOME/.hwc/sessions/`, named
/// after the register's path, holding the user's name and the session token (which the register
/// keeps only as a hash).
struct SessionFile {
  let path: String

  init?(_ invocation: Invocation) {
    guard let home = invocation.environment["HOME"], !home.isEmpty else { return nil }
    var resolved = invocation.databasePath
    if let real = realpath(resolved, nil) {
      resolved = String(cString: real)
      free(real)
    }
    let name = String(SHA256.hex(SHA256.hash(resolved)).prefix(32))
    path = home + "/.hwc/sessions/" + name
  }

  /// The stored session, when there is one.
  func read() -> (user: String, token: String)? {
    guard let text = readFile(path) else { return nil }
    var user: String?
    var token: String?
    for line in text.split(separator: "\n") {
      if line.hasPrefix("user ") { user = String(line.dropFirst(5)) }
      if line.hasPrefix("token ") { token = String(line.dropFirst(6)) }
    }
    guard let user, let token else { return nil }
    return (user, token)
  }

  /// Writes the session, readable by the OS user only.
  func write(user: String, token: String) throws {
    let directory = String(path[..<path.lastIndex(of: "/")!])
    let parent = String(directory[..<directory.lastIndex(of: "/")!])
    mkdir(parent, 0o700)
    mkdir(directory, 0o700)
    unlink(path)
    let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw DomainError.invalid(field: .file, "cannot write the session file \(path)")
    }
    defer { close(fd) }
    let text = "user \(user)\ntoken \(token)\n"
    guard Glibc.write(fd, text, text.utf8.count) == text.utf8.count else {
      throw DomainError.invalid(field: .file, "cannot write the session file \(path)")
    }
  }

  func remove() { unlink(path) }
}

/// The bytes of a small file as text (`-`: standard input); nil when it cannot be read.
func readFile(_ path: String) -> String? {
  let fd = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
  guard fd >= 0 else { return nil }
  defer { if fd != 0 { close(fd) } }
  var bytes: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 4096)
  while true {
    let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    if count < 0, errno == EINTR { continue }
    guard count >= 0 else { return nil }
    if count == 0 { break }
    bytes += chunk[0..<count]
    if bytes.count > 1 << 16 { break }
  }
  return String(decoding: bytes, as: UTF8.self)
}

extension AuditOrigin {
  /// The OS account (effective user) and host name of this process.
  public static var current: AuditOrigin {
    var account: String?
    if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
      account = String(cString: name)
    }
    var buffer = [CChar](repeating: 0, count: 256)
    let host =
      gethostname(&buffer, buffer.count - 1) == 0
      ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      : nil
    return AuditOrigin(osUser: account, host: host)
  }
}
