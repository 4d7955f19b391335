import Foundation
import HWCBench

/// The people of the bench register, and the one place that says how a command names its actor.
enum BenchUsers {
  static let admin = "bench-admin"
  static let officer = "bench-officer"
  static let inspector = "bench-inspector"
  /// Records the re-inspections the draws require: another person than `inspector`.
  static let reinspector = "bench-reinspector"
  static let committee = ["bench-committee-a", "bench-committee-b"]
  static let treasurer = "bench-treasurer"

  /// Where the bench users' passphrases are written (`bench-out/secrets/USER.secret`): bench
  /// secrets, not for any real register.
  nonisolated(unsafe) static var secrets = "bench-out/secrets"

  /// The passphrase file of `user`.
  static func secretFile(_ user: String) -> String { "\(secrets)/\(user).secret" }

  /// Writes every bench user's passphrase file (mode 0600).
  static func writeSecrets() throws {
    try FileManager.default.createDirectory(
      atPath: secrets, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    for user in [admin, officer, inspector, reinspector, treasurer] + committee {
      try "bench passphrase of \(user)\n".write(
        toFile: secretFile(user), atomically: true, encoding: .utf8)
      try FileManager.default.setAttributes(
        [.posixPermissions: 0o600], ofItemAtPath: secretFile(user))
    }
  }

  /// The arguments that make `user` the proven actor of a mutating command.
  static func actor(_ user: String) -> [String] {
    ["--as", user, "--password-file", secretFile(user)]
  }

  /// `hwc init` arguments after `init`: the first administrator and their passphrase.
  static func initialAdmin() -> [String] {
    ["--admin", admin, "--password-file", secretFile(admin)]
  }

  /// `hwc user add` arguments after `user add`, the actor included: roles in `scopes` (districts
  /// and conservancies), every one by default.
  static func additions(
    scopes: [String] = BenchPlaces.districts.map(\.name) + ["Shamshy", "Baiboosun"]
  ) -> [[String]] {
    func everywhere(_ role: String) -> [String] { scopes.flatMap { ["--role", "\(role)@\($0)"] } }
    let users: [(String, [String])] =
      [
        (officer, everywhere("officer")), (inspector, everywhere("inspector")),
        (reinspector, everywhere("inspector")),
      ]
      + committee.map { ($0, everywhere("committee")) } + [(treasurer, everywhere("treasurer"))]
    return users.map {
      [$0.0] + $0.1 + ["--new-password-file", secretFile($0.0)] + actor(admin)
    }
  }
}
