import HWCBench

/// The people of the bench register, and the one place that says how a command names its actor.
enum BenchUsers {
  static let admin = "bench-admin"
  static let officer = "bench-officer"
  static let inspector = "bench-inspector"
  static let committee = ["bench-committee-a", "bench-committee-b"]
  static let treasurer = "bench-treasurer"

  /// The arguments that make `user` the actor of a mutating command: today `--as USER`. When
  /// commands take a secret (`--password-file FILE`), add it here and nowhere else.
  static func actor(_ user: String) -> [String] { ["--as", user] }

  /// `hwc user add` arguments after `user add`, the actor included.
  static func additions() -> [[String]] {
    let scopes = BenchPlaces.districts.map(\.name) + ["Shamshy", "Baiboosun"]
    func everywhere(_ role: String) -> [String] { scopes.flatMap { ["--role", "\(role)@\($0)"] } }
    let users: [(String, [String])] =
      [(officer, everywhere("officer")), (inspector, everywhere("inspector"))]
      + committee.map { ($0, everywhere("committee")) } + [(treasurer, everywhere("treasurer"))]
    return users.map { [$0.0] + $0.1 + actor(admin) }
  }
}
