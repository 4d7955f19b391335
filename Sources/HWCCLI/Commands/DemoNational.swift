import HWCCore
import HWCDemo
import HWCDomain
import HWCNational
import HWCRegister

/// The national part of `hwc demo`: three small office registers (the demo's history restricted
/// to their districts), each enrolled in a national register, given its key, exported as a
/// bundle and accepted — the procedure of the README's "Many offices", run in-process.
enum DemoNational {
  /// The demo offices: code, districts, conservancies.
  static let offices: [(code: String, districts: [String], conservancies: [String])] = [
    ("WKO-KAZTALOV", ["Kaztalov"], []),
    ("WKO-ZHANIBEK", ["Zhanibek", "Bokeyorda"], []),
    ("KG-CHUY", ["Chuy", "Kemin"], ["Shamshy"]),
  ]
  /// The national register's administrator.
  static let minister = "minister"

  /// Builds `directory/offices/CODE.sqlite` for each office, the national register
  /// `directory/national` fed by their bundles (`directory/bundles/CODE-1.hwcb`), and writes the
  /// national administrator's demo passphrase to `secrets/minister.secret`. Returns the national
  /// folder and a line per office.
  static func build(directory: String, secrets: String, progress: (String) -> Void) throws
    -> (folder: String, lines: [String])
  {
    let clock = Clock.fixed("\(Demo.today)T18:30:00Z")
    let passphrase = "demo secret of \(minister), never a real one"
    let folder = directory + "/national"
    _ = try NationalRegister.initialize(
      folder: folder, admin: minister, passphrase: passphrase, origin: nil, clock: clock)
    try TextFile.write(
      "\(passphrase)\n# DEMO SECRET for the demo national register only (hwc demo).\n",
      to: "\(secrets)/\(minister).secret", mode: 0o600)
    let national = try NationalRegister.open(folder: folder, clock: clock, command: "hwc demo")
    let actor = try national.prove(name: minister, passphrase: passphrase, origin: nil)
    let reference = try Register.shippedReference()
    for place in ["offices", "bundles"] { try DemoCommand.makeDirectory("\(directory)/\(place)") }
    var lines: [String] = []
    for (code, districts, conservancies) in offices {
      progress("office \(code)")
      let office = try Register.resolveOffice(
        code: code, districts: districts, conservancies: conservancies, reference: reference)
      let path = "\(directory)/offices/\(code).sqlite"
      let summary = try Demo.build(
        path: path, scale: .small, districts: districts, office: office)
      let key = try national.enroll(
        code: code, districts: districts, conservancies: conservancies, actor: actor
      ).key
      let register = try Register.open(path: path, clock: clock, command: "hwc demo")
      let admin = try register.actor(named: Demo.admin)
      try register.setOfficeKey(hex: SHA256.hex(key), actor: admin)
      let bundle = "\(directory)/bundles/\(code)-1.hwcb"
      let export = try register.exportOffice(to: bundle, actor: admin, hwcVersion: Version.number)
      _ = try national.accept(bundle: bundle, actor: actor)
      lines.append(
        "  \(code) (\(districts.joined(separator: ", "))): \(summary.complaints) complaints, "
          + "bundle \(bundle) of \(export.bytes) bytes accepted")
    }
    return (folder, lines)
  }
}
