import HWCCore
import HWCDemo
import HWCRegister

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Passphrases for a few users of a demo register, written to files so that the demo can be
/// explored with commands that change it (`--password-file DIR/demo-secrets/NAME.secret`) without
/// a terminal. They are demo secrets: the files say so, and no real register should ever hold
/// them.
enum DemoSecrets {
  /// The administrator and, in Kaztalov, the people one complaint passes through: an officer,
  /// an inspector, two committee members and the treasurer.
  static func chosen(_ users: [UserRecord]) -> [String] {
    var names = [Demo.admin]
    for role in ["officer", "inspector", "committee", "committee", "treasurer"] {
      if let user = users.first(where: {
        !names.contains($0.name) && $0.roles.contains("\(role)@Kaztalov")
      }) {
        names.append(user.name)
      }
    }
    return names
  }

  /// Gives the chosen users of the register at `path` a passphrase, as an administrator's reset
  /// and the user's own `hwc user passwd` would, and writes each to `folder/NAME.secret` (0600).
  /// Returns the users' names.
  static func write(register path: String, folder: String) throws -> [String] {
    let clock = Clock.fixed("\(Demo.today)T17:00:00Z")
    let register = try Register.open(path: path, clock: clock, command: "hwc demo")
    let admin = try register.actor(named: Demo.admin)
    let names = chosen(try register.users())
    try DemoCommand.makeDirectory(folder)
    for name in names {
      let passphrase = "demo secret of \(name), never a real one"
      if name == Demo.admin {
        // The first administrator's first secret, as `hwc init --password-file` gives it.
        _ = try Register.initialize(path: path, admin: name, passphrase: passphrase, clock: clock)
      } else {
        let code = try register.resetUser(name: name, actor: admin)
        try register.setPassphrase(name: name, proof: code, new: passphrase)
      }
      let file = "\(folder)/\(name).secret"
      try TextFile.write(
        "\(passphrase)\n# DEMO SECRET for the demo register only (hwc demo); never use it elsewhere.\n",
        to: file, mode: 0o600)
    }
    return names
  }
}
