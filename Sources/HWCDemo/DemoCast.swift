import HWCCore
import HWCRegister

/// The people who work one district or conservancy.
struct DemoStaff {
  var officers: [Actor] = []
  var inspectors: [Actor] = []
  /// The district commission or conservancy committee (empty where no scheme pays).
  var committee: [Actor] = []
  var treasurer: Actor?
}

/// Everyone who uses the demo register: the administrator, an analyst at the ministry, and the
/// staff of every district and conservancy.
struct DemoCast {
  let admin: Actor
  /// Staff per district, in `DemoPlaces.districts` order.
  private(set) var districts: [DemoStaff] = []
  /// Staff per conservancy, by name.
  private(set) var conservancies: [String: DemoStaff] = [:]
  private(set) var users = 1

  /// Adds the users through the register, as an administrator would: the staff of `only` (English
  /// district names; every district when nil) and of their conservancies.
  init(register: Register, admin: Actor, rng: inout SplitMix64, districts only: Set<String>? = nil)
    throws
  {
    self.admin = admin
    var logins: Set<String> = [admin.name]
    func add(_ country: Country, _ roles: [String]) throws -> Actor {
      let person = DemoNames.person(country, &rng, years: 1965...1998)
      var login = person.login
      var suffix = 2
      while logins.contains(login) {
        login = person.login + String(suffix)
        suffix += 1
      }
      logins.insert(login)
      _ = try register.addUser(name: login, roles: roles, actor: admin)
      return try register.actor(named: login)
    }
    _ = try add(.kz, ["analyst"])
    users += 1
    for profile in DemoPlaces.districts {
      let place = profile.name
      var staff = DemoStaff()
      guard only?.contains(place) ?? true else {
        districts.append(staff)
        continue
      }
      let paying = profile.country == .kz
      for _ in 0..<(paying ? 2 : 1) {
        staff.officers.append(try add(profile.country, ["officer@\(place)"]))
      }
      for _ in 0..<(paying ? 2 : 1) {
        staff.inspectors.append(try add(profile.country, ["inspector@\(place)"]))
      }
      if paying {
        for _ in 0..<3 { staff.committee.append(try add(profile.country, ["committee@\(place)"])) }
        staff.treasurer = try add(profile.country, ["treasurer@\(place)"])
      }
      users +=
        staff.officers.count + staff.inspectors.count + staff.committee.count
        + (staff.treasurer == nil ? 0 : 1)
      districts.append(staff)
      if let conservancy = profile.conservancy {
        let name = conservancy.name
        var local = DemoStaff()
        local.officers = [try add(.kg, ["officer@\(name)"])]
        local.inspectors = [try add(.kg, ["inspector@\(name)"])]
        local.committee = try (0..<3).map { _ in try add(.kg, ["committee@\(name)"]) }
        local.treasurer = try add(.kg, ["treasurer@\(name)"])
        users += 6
        conservancies[name] = local
      }
    }
  }

  /// The staff who handle a complaint: the conservancy's where it happened in one.
  func staff(district: Int, conservancy: String?) -> DemoStaff {
    if let conservancy, let local = conservancies[conservancy] { return local }
    return districts[district]
  }
}
